/**
 * Electron entry point: app lifecycle and wiring only. The document, undo,
 * settings logic and every API method live in electron/services (the same
 * code browser mode runs); this file connects them to windows, menus,
 * dialogs and IPC.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import Store from 'electron-store';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Events, Language } from '../../shared/api/contract.js';
import { createBackend } from '../services/backend.js';
import { removeSettingsLeftovers, Settings } from '../services/settings.js';
import { confirmDownloadOverwrites, createDialogs } from './dialogs.js';
import { callerOf, forwardEvents, registerIpc, sendEvent, type ShellBackend } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { forwardWake, showNotification } from './notifications.js';
import { installAppProtocol, registerAppScheme } from './protocol.js';
import { PathGrants } from './pathGrants.js';
import { hardenSession, hardenWebContents, isWebUrl } from './security.js';
import { createMainWindow } from './window.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/electron/main.js serves dist/renderer and loads dist/electron/preload.cjs. */
const RENDERER_DIR = path.join(here, '..', 'renderer');
const PRELOAD_PATH = path.join(here, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;

/** 'fr' for any French locale (fr, fr-FR, fr-CA…), else English. */
export function languageOfLocale(locale: string): Language {
  return /^fr\b/i.test(locale) ? 'fr' : 'en';
}

// Both must happen before `ready`: sandboxing every renderer, and making carnet:// a real origin.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const configDir = process.env.CARNET_CONFIG_DIR;
  const store = new Store<Record<string, unknown>>({ name: 'settings', ...(configDir ? { cwd: configDir } : {}) });
  removeSettingsLeftovers(store.path);
  const settings = new Settings(store);
  const systemLanguage = languageOfLocale(app.getLocale());
  const grants = new PathGrants(() => settings.get().recentFiles);
  const backend: ShellBackend = await createBackend({
    dataDir: process.env.CARNET_DATA_DIR || app.getPath('userData'),
    settings,
    transport: 'electron',
    systemLanguage,
    dialogs: createDialogs({ window: () => mainWindow, grants, documentsDir: () => app.getPath('documents') }),
    openExternal,
    notify: async (notice) => showNotification(notice, () => mainWindow, toWindow),
  });

  hardenSession(session.defaultSession);
  confirmDownloadOverwrites(session.defaultSession, () => app.getPath('downloads'));
  installAppProtocol(RENDERER_DIR);
  registerIpc(ipcMain, backend, grants);
  forwardEvents(backend, () => mainWindow?.webContents ?? null);
  forwardWake(toWindow);

  let menuKey = '';
  const refreshMenu = () => {
    const { language, recentFiles } = settings.get();
    const key = JSON.stringify([language, recentFiles]);
    if (key === menuKey) return;
    menuKey = key;
    const template = buildMenuTemplate({
      language: language ?? systemLanguage,
      recentFiles,
      isPackaged: app.isPackaged,
      platform: process.platform,
      send: (action) => sendEvent(mainWindow?.webContents ?? null, 'menu', action),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  refreshMenu();
  // Language and recent files change through the backend (setLanguage, open, save as): follow the store.
  store.onDidAnyChange(refreshMenu);

  const openWindow = () => {
    mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, settings });
    // Read now: a closed window's webContents can no longer be asked.
    const caller = callerOf(mainWindow.webContents);
    mainWindow.on('closed', () => {
      mainWindow = null;
      backend.release(caller);
    });
  };
  openWindow();

  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  closeBackendBeforeQuit(backend);
}

/** Holds the quit until the backend has flushed the document, once. */
function closeBackendBeforeQuit(backend: ShellBackend): void {
  let closed = false;
  let closing: Promise<void> | null = null;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= backend
      .close()
      .catch((error: unknown) => console.error(`Carnet: saving the document on quit failed: ${describe(error)}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

/** Pushes a shell event (not a backend one) to the window, if it is open. */
function toWindow<E extends keyof Events>(event: E, payload: Events[E]): void {
  sendEvent(mainWindow?.webContents ?? null, event, payload);
}

async function openExternal(url: string): Promise<void> {
  if (!isWebUrl(url)) throw new Error(`openExternal: only http(s) links open in the browser, refused ${JSON.stringify(url)}`);
  // electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — the isWebUrl guard above lets only http(s) URLs through
  await shell.openExternal(url);
}

function fail(error: unknown): void {
  dialog.showErrorBox('Carnet', `Carnet could not start: ${describe(error)}`);
  app.exit(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
