// In the desktop app the page cannot name the file Carnet opens or writes:
// openDocument and saveDocumentAs go through only with a path the native
// dialog (shown by the main process) or the recent files produced. The shell
// runs with the real backend; Electron itself is the fake module.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentState, SaveTargetExists } from '../../../shared/api/contract.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { sampleDocument } from '../store/helpers.js';
import { electron, FakeBrowserWindow, FakeFrame, FakeWebContents, fakeSession, ipcHandlers } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));
vi.mock('electron-store', () => import('./fakeElectron.js').then((m) => ({ default: m.FakeStore })));

const base = mkdtempSync(path.join(tmpdir(), 'carnet-shell-paths-'));
const dataDir = path.join(base, 'data');
const docs = path.join(base, 'docs');

async function call<T>(method: string, ...args: unknown[]): Promise<T> {
  const handler = ipcHandlers.get(`carnet:${method}`)!;
  return (await handler({ sender: new FakeWebContents(), senderFrame: new FakeFrame('carnet://app/index.html') }, ...args)) as T;
}

beforeAll(async () => {
  vi.stubEnv('CARNET_DATA_DIR', dataDir);
  mkdirSync(docs);
  for (const name of ['a.json', 'b.json', 'theirs.json']) {
    await (await DocumentStore.create(path.join(docs, name), sampleDocument())).close();
  }
  await import('../../../electron/main/main.js');
  electron.app.becomeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 20_000 });
  // Mock calls are cleared before each test: keep the download listener the shell registered.
  onDownload = fakeSession.on.mock.calls.find((c) => c[0] === 'will-download')?.[1] as typeof onDownload;
});
let onDownload: ((e: unknown, item: unknown) => void) | undefined;

afterAll(async () => {
  electron.app.emit('before-quit', { preventDefault: vi.fn() });
  await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled(), { timeout: 20_000 });
  vi.unstubAllEnvs();
  rmSync(base, { recursive: true, force: true });
});

describe('openDocument', () => {
  it('refuses a path the page made up', async () => {
    await expect(call('openDocument', '/etc/passwd')).rejects.toThrow(/openDocument: refused: "\/etc\/passwd" was not chosen in a file dialog/);
    await expect(call('openDocument', path.join(docs, 'a.json'))).rejects.toThrow(/refused/);
  });

  it('opens the path the native dialog gave, and later the same file from the recent files', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(docs, 'a.json')] });
    expect(await call('pickOpenPath')).toBe(path.join(docs, 'a.json'));
    expect((await call<DocumentState>('openDocument', path.join(docs, 'a.json'))).path).toBe(path.join(docs, 'a.json'));
    await expect(call('openDocument', path.join(docs, 'b.json'))).rejects.toThrow(/refused/);

    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(docs, 'b.json')] });
    await call('pickOpenPath');
    await call('openDocument', path.join(docs, 'b.json'));
    // a.json is a recent file now: the menu's Open Recent may reopen it.
    expect((await call<DocumentState>('openDocument', path.join(docs, 'a.json'))).path).toBe(path.join(docs, 'a.json'));
  });
});

describe('saveDocumentAs', () => {
  it('refuses a path the page made up', async () => {
    await expect(call('saveDocumentAs', path.join(base, 'evil.json'))).rejects.toThrow(/saveDocumentAs: refused/);
    expect(existsSync(path.join(base, 'evil.json'))).toBe(false);
  });

  it('asks the save dialog to confirm replacing, and then replaces a Carnet document keeping a backup of it', async () => {
    const theirs = path.join(docs, 'theirs.json');
    const before = readFileSync(theirs, 'utf8');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: theirs });
    expect(await call('pickSavePath', 'a.json')).toBe(theirs);
    const options = (electron.dialog.showSaveDialog.mock.calls.at(-1) as unknown[]).at(-1) as { properties: string[] };
    expect(options.properties).toContain('showOverwriteConfirmation');
    const state = await call<DocumentState>('saveDocumentAs', theirs);
    expect(state.path).toBe(theirs);
    const backups = readdirSync(path.join(docs, '.carnet-backups', 'theirs.json')).map((n) => readFileSync(path.join(docs, '.carnet-backups', 'theirs.json', n), 'utf8'));
    expect(backups).toContain(before);
  });

  it('asks the page to confirm when ".json" was added to the name the dialog confirmed and that file exists', async () => {
    const named = path.join(docs, 'b');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: named });
    expect(await call('pickSavePath', 'x.json')).toBe(`${named}.json`);
    const answer = await call<SaveTargetExists>('saveDocumentAs', `${named}.json`);
    expect(answer).toEqual({ exists: { path: `${named}.json`, carnet: true } });
    const state = await call<DocumentState>('saveDocumentAs', `${named}.json`, { replace: true });
    expect(state.path).toBe(`${named}.json`);
  });
});

describe('exports (downloads)', () => {
  it('their save dialog asks before replacing a file', () => {
    expect(onDownload).toBeTypeOf('function');
    const item = { getFilename: () => 'contacts.vcf', setSaveDialogOptions: vi.fn() };
    onDownload!({}, item);
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith({ defaultPath: '/fake/downloads/contacts.vcf', properties: ['showOverwriteConfirmation', 'createDirectory'] });
  });
});

it('writes nothing where the page pointed', () => {
  writeFileSync(path.join(base, 'marker'), '');
  expect(readdirSync(base).sort()).toEqual(['data', 'docs', 'marker']);
});
