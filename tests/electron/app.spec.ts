// The first user flow in the real desktop app: the window opens on the demo map,
// a contact added through the panel survives a restart, and undo/redo work.
// Also checks, inside real Electron, what the unit tests can only check against mocks:
// the page is on carnet://app/, sees the contract API and no Node, and cannot navigate away.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { METHODS } from '../../shared/api/contract.js';
import { ELECTRON_BINARY, PROJECT_ROOT, SKIP_MESSAGE } from './electronBinary.js';

test.skip(!ELECTRON_BINARY, SKIP_MESSAGE);

/** The renderer's read-only test probe (renderer/src/testHook.ts). */
type Probe = { map(): { nodes: number } | null; contactIds(name: string): string[] };
type ProbeWindow = { __carnet?: Probe; carnet?: Record<string, unknown> };

type Dirs = { data: string; config: string };

function freshDirs(): Dirs {
  const base = mkdtempSync(path.join(tmpdir(), 'carnet-electron-'));
  const dirs = { data: path.join(base, 'data'), config: path.join(base, 'config') };
  mkdirSync(dirs.config, { recursive: true });
  // English UI whatever the machine's locale, so the labels below are stable.
  writeFileSync(path.join(dirs.config, 'settings.json'), JSON.stringify({ language: 'en' }));
  return dirs;
}

async function launch(dirs: Dirs): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: ELECTRON_BINARY!,
    args: ['.'],
    cwd: PROJECT_ROOT,
    env: { ...process.env, CARNET_DATA_DIR: dirs.data, CARNET_CONFIG_DIR: dirs.config },
  });
  const page = await app.firstWindow();
  await page.waitForFunction(() => ((window as unknown as ProbeWindow).__carnet?.map()?.nodes ?? 0) > 0);
  return { app, page };
}

function contactIds(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => (window as unknown as ProbeWindow).__carnet!.contactIds(n), name);
}

let dirs: Dirs;
test.beforeEach(() => {
  dirs = freshDirs();
});
test.afterEach(() => {
  rmSync(path.dirname(dirs.data), { recursive: true, force: true });
});

test('opens on the demo map, served from carnet://app/ with only the contract API', async () => {
  const { app, page } = await launch(dirs);
  try {
    expect(page.url()).toBe('carnet://app/index.html');
    expect(await page.evaluate(() => (window as unknown as ProbeWindow).__carnet!.map()!.nodes)).toBeGreaterThan(100);
    const exposed = await page.evaluate(() => Object.keys((window as unknown as ProbeWindow).carnet ?? {}).sort());
    expect(exposed).toEqual([...METHODS, 'on'].sort());
    const nodeGlobals = await page.evaluate(() => ['require', 'process', 'module', 'Buffer'].filter((g) => g in window));
    expect(nodeGlobals).toEqual([]);
  } finally {
    await app.close();
  }
});

test('cannot navigate away or open windows', async () => {
  const { app, page } = await launch(dirs);
  try {
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('carnet://app/index.html');
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});

test('adds a contact that survives a restart, with undo and redo', async () => {
  const name = `Électron Test ${Date.now()}`;
  let { app, page } = await launch(dirs);
  try {
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByLabel(/^Name/).fill(name);
    await page.getByRole('button', { name: 'Add to the map' }).click();
    await expect.poll(() => contactIds(page, name)).toHaveLength(1);

    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => contactIds(page, name)).toHaveLength(0);
    await page.getByRole('button', { name: /^Redo/ }).click();
    await expect.poll(() => contactIds(page, name)).toHaveLength(1);
  } finally {
    await app.close();
  }

  ({ app, page } = await launch(dirs));
  try {
    await expect.poll(() => contactIds(page, name)).toHaveLength(1);
  } finally {
    await app.close();
  }
});
