#!/usr/bin/env node
// The `carnet` command: checks the Node.js version, then runs the bundled CLI
// (dist/cli/carnet.js, JavaScript: no TypeScript is compiled at run time).
// The bundle is made by `npm install` (the `prepare` script); inside a
// checkout, it is rebuilt first whenever a source is newer, so an edited
// source never runs stale.
import { requireSupportedNode } from '../scripts/node-version.mjs';

requireSupportedNode();

const { existsSync, readdirSync, statSync } = await import('node:fs');
const { join } = await import('node:path');
const { fileURLToPath } = await import('node:url');

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'cli', 'carnet.js');

/** The newest modification time among `paths` (files, or folders walked), 0 when none exists. */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    let info;
    try {
      info = statSync(p);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules') visit(join(p, name));
    } else if (info.mtimeMs > latest) latest = info.mtimeMs;
  };
  for (const p of paths) visit(join(root, p));
  return latest;
}

// Sources exist in a checkout, not in an installed copy of the bundle.
if (existsSync(join(root, 'electron', 'cli', 'main.ts'))) {
  const { CLI_SOURCES, buildCli } = await import('../scripts/build-cli.mjs');
  if (!existsSync(bundle) || newest(CLI_SOURCES) > statSync(bundle).mtimeMs) await buildCli();
}

const { main } = await import(new URL('../dist/cli/carnet.js', import.meta.url).href);

// `carnet schema | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const code = await main(process.argv.slice(2));
// Let buffered output reach a pipe before exiting; exit explicitly so that no
// leftover handle (a timer in a library) keeps the process alive.
await new Promise((resolve) => process.stdout.write('', resolve));
await new Promise((resolve) => process.stderr.write('', resolve));
process.exit(code);
