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
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` builds elsewhere (the build's own test does, to leave dist/ alone).
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist', 'electron');
// Electron 45 ships Node 22 and Chromium 140.
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** Collects the `.ts` files referenced as `new URL('./x.ts', import.meta.url)` by the bundled sources. */
function workerCollector(found) {
  const pattern = /new URL\(\s*(['"])(\.{1,2}\/[^'"]+\.ts)\1\s*,\s*import\.meta\.url\s*\)/g;
  return {
    name: 'carnet-workers',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        for (const match of text.matchAll(pattern)) {
          const file = path.resolve(path.dirname(args.path), match[2]);
          if (existsSync(file)) found.add(file);
        }
        return undefined;
      });
    },
  };
}

const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };

rmSync(outdir, { recursive: true, force: true });

const workers = new Set();
await build({
  ...common,
  entryPoints: { main: 'electron/main/main.ts' },
  outdir,
  outExtension: { '.js': '.js' },
  format: 'esm',
  platform: 'node',
  target: NODE_TARGET,
  packages: 'external',
  plugins: [workerCollector(workers)],
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

const workerEntries = {};
for (const file of workers) {
  const name = path.basename(file, '.ts');
  if (workerEntries[name]) throw new Error(`build-electron: two workers are named ${name}.ts (${workerEntries[name]}, ${file}); they would overwrite each other in dist/electron`);
  workerEntries[name] = file;
}
if (Object.keys(workerEntries).length > 0) {
  await build({
    ...common,
    entryPoints: workerEntries,
    outdir,
    format: 'esm',
    platform: 'node',
    target: NODE_TARGET,
    packages: 'external',
  });
}

const emitted = ['main.js', 'preload.cjs', ...Object.keys(workerEntries).map((n) => `${n}.js`)];
console.log(`build-electron: ${path.relative(root, outdir)}/{${emitted.join(', ')}}`);
