// The Node.js version check of every entry point (bin/carnet.js, `npm start`, `npm run web`,
// `npm test`). Written for any Node that runs ES modules, so that an old one gets this one line
// rather than a syntax error, or an app that opens and then cannot save a single edit.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MINIMUM = [22, 12];

/** True when `version` ("22.12.0") is at least MINIMUM. */
export function isSupported(version) {
  const [major, minor] = String(version).split('.').map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

/** Exits with one line on stderr when this Node is too old. */
export function requireSupportedNode() {
  if (isSupported(process.versions.node)) return;
  process.stderr.write(
    `Carnet needs Node.js ${MINIMUM.join('.')} or newer, and this is Node.js ${process.versions.node}: install a newer Node.js (https://nodejs.org) and run the command again.\n`,
  );
  process.exit(1);
}

// `node scripts/node-version.mjs` (the npm scripts) runs the check.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) requireSupportedNode();
