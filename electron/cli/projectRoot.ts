/**
 * The project folder, for the files the CLI reads beside its code (package.json,
 * the built renderer). This file sits two folders deep, as the bundle does
 * (dist/cli/carnet.js, scripts/build-cli.mjs): the same relative URL finds the
 * project from the sources (tests) and from the bundle (`carnet`).
 */
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
