#!/usr/bin/env node
// Builds the Electron shell into dist/electron:
//   main.js       the main process (ESM, Node platform), from electron/main/main.ts
//   preload.cjs   the preload (CommonJS: Electron loads sandboxed preloads as classic scripts)
//   <worker>.js   every worker the main bundle locates with `new URL('./x.ts', import.meta.url)`
//                 (the document store's saveWorker), emitted beside main.js because that is
//                 where the bundled code looks for `./x.js` at run time.
// npm packages stay external to main.js and the workers: they ship in node_modules with the app,
// keep their own file layout (electron-store, conf and ws read files relative to themselves), and
// `electron` only exists inside the Electron runtime. The preload bundles everything but `electron`,
// since a sandboxed preload can require nothing else.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { common, NODE_TARGET, root, workerCollector, workerEntries } from './bundle.mjs';

// `--outdir DIR` builds elsewhere (the build's own test does, to leave dist/ alone).
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist', 'electron');
// Electron 45 ships Chromium 140.
const CHROME_TARGET = 'chrome140';

rmSync(outdir, { recursive: true, force: true });

const workerFiles = new Set();
await build({
  ...common,
  entryPoints: { main: 'electron/main/main.ts' },
  outdir,
  outExtension: { '.js': '.js' },
  format: 'esm',
  platform: 'node',
  target: NODE_TARGET,
  packages: 'external',
  plugins: [workerCollector(workerFiles)],
});

await build({
  ...common,
  entryPoints: { preload: 'electron/main/preload.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'browser',
  target: CHROME_TARGET,
  external: ['electron'],
});

const workers = workerEntries(workerFiles, 'dist/electron');
if (Object.keys(workers).length > 0) {
  await build({
    ...common,
    entryPoints: workers,
    outdir,
    format: 'esm',
    platform: 'node',
    target: NODE_TARGET,
    packages: 'external',
  });
}

const emitted = ['main.js', 'preload.cjs', ...Object.keys(workers).map((n) => `${n}.js`)];
console.log(`build-electron: ${path.relative(root, outdir)}/{${emitted.join(', ')}}`);
