// The security scan's own rules: a HIGH finding fails the run unless a
// justification with a reason sits on its line or in the comment lines above.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const dirs: string[] = [];

function scan(source: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'carnet-eng-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'main.js'), source);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'electronegativity.mjs'), dir], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr, summary: r.stdout.trim().split('\n').at(-1) };
}

const guards = `
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
`;

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/electronegativity.mjs', () => {
  it('fails on an unjustified HIGH finding and names it', () => {
    const r = scan(`const { app, BrowserWindow } = require('electron');${guards}
const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true } });
`);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toMatch(/HIGH CONTEXT_ISOLATION_JS_CHECK \S*main\.js:7 .*UNJUSTIFIED/);
    expect(r.summary).toMatch(/^electronegativity: \d+ findings, 1 unjustified HIGH$/);
  });

  it('passes once the finding is justified with a reason in the comment above', () => {
    const r = scan(`const { app, BrowserWindow } = require('electron');${guards}
// A throwaway window that only ever shows a bundled page.
// electronegativity-ignore: CONTEXT_ISOLATION_JS_CHECK — fixture: the page loads no remote content
const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true } });
`);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('justified: fixture: the page loads no remote content');
    expect(r.summary).toMatch(/^electronegativity: \d+ findings, 0 unjustified HIGH$/);
  });

  it('does not accept a justification without a reason, or one for another check', () => {
    for (const comment of ['// electronegativity-ignore: CONTEXT_ISOLATION_JS_CHECK', '// electronegativity-ignore: SANDBOX_JS_CHECK — not this one']) {
      const r = scan(`const { app, BrowserWindow } = require('electron');${guards}
${comment}
const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true } });
`);
      expect(r.status, comment).toBe(1);
    }
  });

  it('fails on a missing navigation limit, which no comment can justify', () => {
    const r = scan(`const { BrowserWindow } = require('electron');
const win = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true } });
`);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/HIGH LIMIT_NAVIGATION_GLOBAL_CHECK \(whole application\)/);
  });
});
