// The entry point's wiring, with Electron, electron-store and the backend mocked.
// Vitest clears mock calls before each test, so what happens at import and at
// `ready` is recorded in beforeAll.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../../../shared/api/contract.js';
import { electron, FakeBrowserWindow, FakeStore, FakeWebContents, fakeSession, ipcHandlers, navigationEvent } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));
vi.mock('electron-store', () => import('./fakeElectron.js').then((m) => ({ default: m.FakeStore })));

type Options = {
  dataDir: string;
  transport: string;
  systemLanguage: string;
  settings: { get(): { recentFiles: string[] }; update(p: object): unknown };
  dialogs: { pickOpenPath(): Promise<string | null>; pickSavePath(name: string): Promise<string | null> };
  openExternal(url: string): Promise<void>;
};

const backend = vi.hoisted(() => {
  let release: () => void = () => undefined;
  return {
    createBackend: null as unknown as ReturnType<typeof import('vitest').vi.fn>,
    listeners: new Map<string, (payload: unknown) => void>(),
    closing: new Promise<void>((resolve) => {
      release = resolve;
    }),
    finishClose: () => release(),
  };
});

vi.mock('../../../electron/services/backend.js', () => {
  const api = {
    call: vi.fn(async (method: unknown, args: unknown) => ({ method, args })),
    on: vi.fn((event: string, listener: (payload: unknown) => void) => backend.listeners.set(event, listener)),
    close: vi.fn(() => backend.closing),
    eventFor: vi.fn((_caller: string, _event: string, payload: unknown) => payload),
    release: vi.fn(),
  };
  backend.createBackend = vi.fn(async () => api);
  return { createBackend: backend.createBackend };
});

const app = electron.app;
let options: Options;
let win: FakeBrowserWindow;
let api: { close: ReturnType<typeof vi.fn> };
const atImport = { enableSandbox: 0, registerScheme: 0, lock: 0, createBackend: 0 };
const atReady = { permissionHandler: 0, headers: 0, protocolHandle: [] as unknown[][], menus: [] as unknown[][] };

beforeAll(async () => {
  app.locale = 'fr-CA';
  await import('../../../electron/main/main.js');
  Object.assign(atImport, {
    enableSandbox: app.enableSandbox.mock.calls.length,
    registerScheme: electron.protocol.registerSchemesAsPrivileged.mock.calls.length,
    lock: app.requestSingleInstanceLock.mock.calls.length,
    createBackend: backend.createBackend.mock.calls.length,
  });
});

describe('before ready', () => {
  it('enables the sandbox, registers the carnet scheme and takes the single-instance lock', () => {
    expect(atImport).toEqual({ enableSandbox: 1, registerScheme: 1, lock: 1, createBackend: 0 });
  });

  it('hardens every webContents the app creates', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const event = navigationEvent('https://example.org/');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

describe('once ready', () => {
  beforeAll(async () => {
    app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    win = FakeBrowserWindow.instances[0]!;
    options = backend.createBackend.mock.calls[0]![0] as Options;
    api = await backend.createBackend.mock.results[0]!.value;
    Object.assign(atReady, {
      permissionHandler: fakeSession.setPermissionRequestHandler.mock.calls.length,
      headers: fakeSession.webRequest.onHeadersReceived.mock.calls.length,
      protocolHandle: [...electron.protocol.handle.mock.calls],
      menus: [...electron.Menu.buildFromTemplate.mock.calls],
    });
  });

  it('creates the backend for the electron transport, in userData, in the system language', () => {
    expect(options).toMatchObject({ dataDir: '/fake/userData', transport: 'electron', systemLanguage: 'fr' });
    expect(FakeStore.instances[0]!.options).toMatchObject({ name: 'settings' });
    expect(options.settings.get()).toMatchObject({ recentFiles: [] });
  });

  it('secures the session, serves carnet://, and registers every IPC method', () => {
    expect(atReady.permissionHandler).toBe(1);
    expect(atReady.headers).toBe(1);
    expect(atReady.protocolHandle).toEqual([['carnet', expect.any(Function)]]);
    expect([...ipcHandlers.keys()].sort()).toEqual(METHODS.map((m) => `carnet:${m}`).sort());
  });

  it('opens the window with the bundled preload on the app URL', () => {
    expect(win.options.webPreferences?.preload).toMatch(/[\\/]preload\.cjs$/);
    expect(win.loadedUrls).toEqual(['carnet://app/index.html']);
  });

  it('forwards backend events to the window', () => {
    backend.listeners.get('notice')!({ level: 'info', code: 'c', message: 'm' });
    expect(win.webContents.send).toHaveBeenLastCalledWith('carnet:event', { event: 'notice', payload: { level: 'info', code: 'c', message: 'm' } });
  });

  it('builds the menu in the settings language and rebuilds it when recent files change', () => {
    const first = atReady.menus.at(-1)![0] as { label: string }[];
    expect(first.map((m) => m.label)).toContain('&Fichier');
    options.settings.update({ recentFiles: ['/home/me/reseau.json'], language: 'en' });
    const next = electron.Menu.buildFromTemplate.mock.calls.at(-1)![0] as { label: string; submenu: { label: string; submenu?: { label: string; click?: () => void }[] }[] }[];
    expect(next[0]!.label).toBe('&File');
    const recent = next[0]!.submenu[2]!.submenu!;
    expect(recent.map((i) => i.label)).toEqual(['/home/me/reseau.json']);
    recent[0]!.click!();
    expect(win.webContents.send).toHaveBeenLastCalledWith('carnet:event', { event: 'menu', payload: 'recent:/home/me/reseau.json' });
  });

  it('asks the native dialogs for JSON files, taking only a file name from the page', async () => {
    await expect(options.dialogs.pickOpenPath()).resolves.toBe('/home/me/network.json');
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(win, expect.objectContaining({ filters: [{ name: 'Carnet (JSON)', extensions: ['json'] }] }));
    await expect(options.dialogs.pickSavePath('../../etc/evil.json')).resolves.toBe('/home/me/copy.json');
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: '/fake/documents/evil.json' }));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(options.dialogs.pickOpenPath()).resolves.toBeNull();
  });

  it('opens only http(s) URLs in the system browser', async () => {
    electron.shell.openExternal.mockClear();
    await options.openExternal('https://example.org/profile');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/profile');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      await expect(options.openExternal(url), url).rejects.toThrow(/only http\(s\) links/);
    }
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('focuses the existing window when a second instance starts', () => {
    win.isMinimized.mockReturnValueOnce(true);
    app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('holds the quit until the backend has flushed, then quits', async () => {
    const first = { preventDefault: vi.fn() };
    app.emit('before-quit', first);
    app.emit('before-quit', { preventDefault: vi.fn() });
    expect(first.preventDefault).toHaveBeenCalled();
    expect(api.close).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();

    backend.finishClose();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    const last = { preventDefault: vi.fn() };
    app.emit('before-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });
});
