// The shell with the real backend behind it (Electron itself mocked): calls made
// the way the preload makes them reach the document, and quitting flushes it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DocumentState, EditResult } from '../../../shared/api/contract.js';
import { addContact } from '../../../shared/document/commands.js';
import { electron, FakeBrowserWindow, FakeFrame, FakeWebContents, ipcHandlers } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));
vi.mock('electron-store', () => import('./fakeElectron.js').then((m) => ({ default: m.FakeStore })));

const dataDir = mkdtempSync(path.join(tmpdir(), 'carnet-shell-'));

/** Invokes `carnet:<method>` as the app's page in `sender` would (by default, the main window's). */
async function callAs<T>(sender: FakeWebContents, method: string, ...args: unknown[]): Promise<T> {
  const handler = ipcHandlers.get(`carnet:${method}`)!;
  return (await handler({ sender, senderFrame: new FakeFrame('carnet://app/index.html') }, ...args)) as T;
}
const call = <T>(method: string, ...args: unknown[]): Promise<T> => callAs<T>(FakeBrowserWindow.instances[0]!.webContents, method, ...args);

beforeAll(async () => {
  vi.stubEnv('CARNET_DATA_DIR', dataDir);
  await import('../../../electron/main/main.js');
  electron.app.becomeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 20_000 });
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

it('opens the demo network, applies, undoes and redoes an edit, and flushes it on quit', async () => {
  const state = await call<DocumentState>('getState');
  expect(state.path).toBe(path.join(dataDir, 'carnet.json'));
  expect(Object.keys(state.doc.contacts).length).toBeGreaterThan(100);

  const set = addContact(state.doc, { name: 'Added From The Shell' });
  const applied = await call<EditResult>('apply', set);
  expect(applied.undo.canUndo).toBe(true);
  expect((await call<EditResult>('undo')).undo.canRedo).toBe(true);
  await call<EditResult>('redo');
  // Another webContents has its own history: it cannot undo the window's edit.
  expect((await callAs<DocumentState>(new FakeWebContents(), 'getState')).undo.canUndo).toBe(false);
  expect((await call<DocumentState>('getState')).undo.canUndo).toBe(true);
  // Once the window is closed, its history is freed.
  FakeBrowserWindow.instances[0]!.emit('closed');
  expect((await call<DocumentState>('getState')).undo.canUndo).toBe(false);

  electron.app.emit('before-quit', { preventDefault: vi.fn() });
  await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled(), { timeout: 20_000 });
  expect(readFileSync(state.path, 'utf8')).toContain('Added From The Shell');
});

it('refuses the same call from a foreign page', async () => {
  const handler = ipcHandlers.get('carnet:getState')!;
  await expect(handler({ sender: new FakeWebContents(), senderFrame: new FakeFrame('https://evil.example/') })).rejects.toThrow(/refused/);
});
