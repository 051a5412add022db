/**
 * Whether this machine can run the Electron end-to-end suite: the binary is
 * downloaded from GitHub when the `electron` package is first used, which our
 * build machines cannot do. The browser-mode suite drives the same renderer.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../scripts/start-electron.mjs';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SKIP_MESSAGE =
  'Electron binary not installed: skipping the Electron end-to-end suite (the browser-mode suite covers the renderer)';

/** The Electron executable, or null where it is not installed. */
export const ELECTRON_BINARY = findElectronBinary(PROJECT_ROOT);
