// The layer rule of ARCHITECTURE.md, checked on every import statement:
// shared/ imports none of the other layers nor any runtime-specific module;
// renderer/ and electron/ import shared/ but not each other.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  const abs = join(root, dir);
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(abs, name);
    if (statSync(p).isDirectory()) out.push(...sources(relative(root, p)));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

function layerOf(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = relative(root, resolve(dirname(file), spec));
  return target.split(/[\\/]/)[0] ?? null;
}

const NODE_OR_ELECTRON = /^(node:|electron$|electron\/|electron-store$|fs$|path$|os$|child_process$|worker_threads$|http$|crypto$|conf$|ws$)/;

describe('layer rule', () => {
  it('shared/ imports only shared/ and portable libraries', () => {
    const bad: string[] = [];
    for (const f of sources('shared')) {
      for (const spec of importsOf(f)) {
        const layer = layerOf(f, spec);
        if ((layer && layer !== 'shared') || NODE_OR_ELECTRON.test(spec) || /^react/.test(spec)) {
          bad.push(`${relative(root, f)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('renderer/ imports shared/ but never electron/ or Node modules', () => {
    const bad: string[] = [];
    for (const f of sources('renderer')) {
      if (f.endsWith('vite.config.ts')) continue;
      for (const spec of importsOf(f)) {
        const layer = layerOf(f, spec);
        if ((layer && !['renderer', 'shared'].includes(layer)) || NODE_OR_ELECTRON.test(spec)) {
          bad.push(`${relative(root, f)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('electron/ imports shared/ but never renderer/', () => {
    const bad: string[] = [];
    for (const f of sources('electron')) {
      for (const spec of importsOf(f)) {
        const layer = layerOf(f, spec);
        if (layer && !['electron', 'shared'].includes(layer)) bad.push(`${relative(root, f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('plain-Node services never load Electron (they run in the CLI and in tests)', () => {
    const bad: string[] = [];
    for (const f of sources('electron').filter((p) => !relative(root, p).startsWith(join('electron', 'main')))) {
      for (const spec of importsOf(f)) {
        if (/^(electron|electron-store)(\/|$)/.test(spec) || /\/main\//.test(spec)) bad.push(`${relative(root, f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
