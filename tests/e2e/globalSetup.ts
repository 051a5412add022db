import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/server.js';

/** The specs test the built renderer as `carnet web` serves it; building is the test script's job. */
export default function globalSetup(): void {
  const index = join(ROOT, 'dist/renderer/index.html');
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: build the renderer first with \`npm run build:renderer\` (npm run test:e2e does not build it).`);
  }
}
