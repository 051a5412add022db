#!/usr/bin/env node
// Builds the `carnet` command into dist/cli, so that it runs as JavaScript, without tsx:
//   carnet.js       the CLI (ESM, Node platform), from electron/cli/main.ts
//   <worker>.js     every worker it starts with `new URL('./x.ts', import.meta.url)` (the save worker),
//                   beside carnet.js where the bundled code looks for `./x.js`.
// dist/cli sits as deep in the project as electron/cli, so electron/cli/projectRoot.ts finds the
// project from either. npm packages stay external, resolved from node_modules like dist/electron.
//
// Run by `npm install` (the `prepare` script) and by bin/carnet.js whenever a source is newer than
// the bundle. Files are written beside their final name and renamed, so a carnet started meanwhile
// never loads half a bundle.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { common, NODE_TARGET, root, workerCollector, workerEntries } from './bundle.mjs';

export const CLI_DIR = path.join(root, 'dist', 'cli');
/** What the bundle is made from: a change to any of these makes bin/carnet.js rebuild it. */
export const CLI_SOURCES = ['electron', 'shared', 'scripts/build-cli.mjs', 'scripts/bundle.mjs', 'package.json'];

const node = { ...common, format: 'esm', platform: 'node', target: NODE_TARGET, packages: 'external', write: false };

/** Builds dist/cli (or `outdir`); resolves with the names written. */
export async function buildCli(outdir = CLI_DIR) {
  const workerFiles = new Set();
  const cli = await build({ ...node, entryPoints: { carnet: 'electron/cli/main.ts' }, outdir, plugins: [workerCollector(workerFiles)] });
  const workers = await build({ ...node, entryPoints: workerEntries(workerFiles, 'dist/cli'), outdir });
  mkdirSync(outdir, { recursive: true });
  const files = [...cli.outputFiles, ...workers.outputFiles];
  // Maps first, the entry point last: whoever sees the new carnet.js finds everything it needs.
  files.sort((a, b) => rank(a.path) - rank(b.path));
  for (const f of files) {
    const temp = `${f.path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, f.contents);
    renameSync(temp, f.path);
  }
  return files.map((f) => path.relative(outdir, f.path));
}

function rank(file) {
  if (file.endsWith('.map')) return 0;
  return path.basename(file) === 'carnet.js' ? 2 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await buildCli();
  console.log(`build-cli: ${path.relative(root, CLI_DIR)}/{${written.filter((f) => !f.endsWith('.map')).join(', ')}}`);
}
