// What the build scripts share: esbuild settings for Node bundles, and the workers a bundle
// starts with `new URL('./x.ts', import.meta.url)`, which must be emitted beside it as `x.js`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// Electron 45 ships Node 22; the CLI needs Node 22.12 (scripts/node-version.mjs).
export const NODE_TARGET = 'node22';

export const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };

/**
 * An esbuild plugin collecting into `found` the `.ts` files the bundled sources reference as
 * `new URL('./x.ts', import.meta.url)` (the document store's save worker).
 */
export function workerCollector(found) {
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

/** `{name: file}` entry points for the workers, refusing two of the same name (they would overwrite each other). */
export function workerEntries(workers, outdir) {
  const entries = {};
  for (const file of workers) {
    const name = path.basename(file, '.ts');
    if (entries[name]) throw new Error(`two workers are named ${name}.ts (${entries[name]}, ${file}); they would overwrite each other in ${outdir}`);
    entries[name] = file;
  }
  return entries;
}
