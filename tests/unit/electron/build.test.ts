// What scripts/build-electron.mjs emits: an ESM main bundle with npm packages left
// external, a self-contained CommonJS preload, and the save worker beside main.js
// where the bundled document store looks for it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
// Inside the project, so the bundles resolve their npm packages like dist/electron does.
const out = path.join(root, 'test-results', 'build-electron-test');
const read = (name: string) => readFileSync(path.join(out, name), 'utf8');

beforeAll(() => {
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--outdir', out], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('main.js, preload.cjs, saveWorker.js');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build-electron', () => {
  it('bundles the main process as ESM with electron and npm packages external', () => {
    const main = read('main.js');
    expect(main).toMatch(/^import \{[^}]*\bapp\b[^}]*\} from "electron";$/m);
    expect(main).toMatch(/^import Store from "electron-store";$/m);
    expect(main).not.toMatch(/\brequire\(/);
    expect(existsSync(path.join(out, 'main.js.map'))).toBe(true);
  });

  it('bundles the preload as CommonJS that requires nothing but electron and carries no zod', () => {
    const preload = read('preload.cjs');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^import /m);
    expect(preload).not.toContain('zod');
    expect(preload).toContain('exposeInMainWorld("carnet"');
  });

  it('emits the save worker beside main.js, where the bundle looks for it', () => {
    expect(read('main.js')).toContain('new URL("./saveWorker.js", import.meta.url)');
    expect(read('saveWorker.js')).toMatch(/parentPort/);
  });
});
