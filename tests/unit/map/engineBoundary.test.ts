// The map engine (renderer/src/map/engine) imports nothing of the renderer above itself: no feature
// folder, no React, no store. Features talk to it through its API (README.md); the React views beside it
// (renderer/src/map/views) are where it meets the app.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(__dirname, '../../../renderer/src/map/engine');
const ROOT = resolve(__dirname, '../../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+)['"]/g;

describe('the map engine', () => {
  it('imports only itself, shared/ and its libraries (Cytoscape, graphology), never a feature folder or React', () => {
    const bad: string[] = [];
    for (const name of readdirSync(ENGINE)) {
      if (!/\.tsx?$/.test(name) || name.endsWith('.d.ts')) continue;
      const file = join(ENGINE, name);
      if (name.endsWith('.tsx')) bad.push(`${name} is a React file`);
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = (m[1] ?? m[2] ?? m[3])!;
        if (!spec.startsWith('.')) {
          if (/^react/.test(spec)) bad.push(`${name} imports ${spec}`);
          continue;
        }
        const target = relative(ROOT, resolve(dirname(file), spec));
        if (!target.startsWith('renderer/src/map/engine/') && !target.startsWith('shared/')) bad.push(`${name} imports ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
