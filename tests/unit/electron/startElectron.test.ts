import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary, MISSING_BINARY_MESSAGE } from '../../../scripts/start-electron.mjs';

const root = path.resolve(__dirname, '../../..');
const base = mkdtempSync(path.join(tmpdir(), 'carnet-start-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A project folder whose node_modules/electron has `pathTxt` and, optionally, the binary it names. */
function project(name: string, pathTxt: string | null, withBinary: boolean): string {
  const dir = path.join(base, name);
  const pkg = path.join(dir, 'node_modules', 'electron');
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  if (pathTxt !== null) writeFileSync(path.join(pkg, 'path.txt'), pathTxt);
  if (withBinary) writeFileSync(path.join(pkg, 'dist', 'electron'), '#!/bin/sh\n');
  return dir;
}

describe('findElectronBinary', () => {
  it('finds the executable path.txt names inside node_modules/electron/dist', () => {
    const dir = project('installed', 'electron', true);
    expect(findElectronBinary(dir)).toBe(path.join(dir, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('is null when the download never happened (no path.txt) or the binary is gone', () => {
    expect(findElectronBinary(project('never', null, false))).toBeNull();
    expect(findElectronBinary(project('gone', 'electron', false))).toBeNull();
  });
});

describe('scripts/start-electron.mjs', () => {
  // Where Electron is installed the script starts the app instead: nothing to check here.
  it.skipIf(findElectronBinary(root) !== null)('explains in one line, and exits 1, when the binary is missing', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'start-electron.mjs')], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(MISSING_BINARY_MESSAGE);
    expect(MISSING_BINARY_MESSAGE).toMatch(/not installed.*GitHub.*npm run web/);
  });
});
