/**
 * A stand-in for the `electron` module (the binary cannot be installed on
 * the build machines): just enough of BrowserWindow, webContents, session,
 * protocol, ipcMain/ipcRenderer, contextBridge, shell, screen, dialog, Menu,
 * Notification, powerMonitor and app for the shell's wiring to run, with every call recorded.
 * Use with `vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron))`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  /** Electron numbers each webContents; IPC events name their sender by it. */
  readonly id = FakeWebContents.nextId++;
  mainFrame = new FakeFrame('carnet://app/index.html');
  windowOpenHandler: OpenHandler | null = null;
  destroyed = false;
  send = vi.fn();
  isDestroyed = vi.fn(() => this.destroyed);
  setWindowOpenHandler = vi.fn((handler: OpenHandler) => {
    this.windowOpenHandler = handler;
  });
}

/** A navigation-like event as Electron passes to will-navigate / will-redirect / will-attach-webview. */
export function navigationEvent(url = '') {
  return { url, preventDefault: vi.fn() };
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  normalBounds = { x: 10, y: 20, width: 1000, height: 700 };
  /** URLs loaded, kept apart from the mock's calls, which vitest clears before each test. */
  loadedUrls: string[] = [];
  loadURL = vi.fn(async (url: string) => {
    this.loadedUrls.push(url);
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  getNormalBounds = vi.fn(() => ({ ...this.normalBounds }));
  constructor(public options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

/** Electron's main-process Notification: records what was shown; `supported` stands for the platform's answer. */
export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = 0;
  show = vi.fn(() => {
    this.shown++;
  });
  constructor(public options: { title: string; body: string }) {
    super();
    FakeNotification.instances.push(this);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  locale = 'en-US';
  private ready!: () => void;
  readonly readyPromise = new Promise<void>((resolve) => {
    this.ready = resolve;
  });
  enableSandbox = vi.fn();
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(() => this.readyPromise);
  getLocale = vi.fn(() => this.locale);
  getPath = vi.fn((name: string) => `/fake/${name}`);
  quit = vi.fn();
  exit = vi.fn();
  /** Resolves `whenReady()`, as Electron does once it has initialised. */
  becomeReady(): void {
    this.ready();
  }
}

export const ipcHandlers = new Map<string, Handler>();
export const rendererListeners = new Map<string, Set<(...args: unknown[]) => void>>();

export const fakeSession = {
  on: vi.fn(),
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  webRequest: { onHeadersReceived: vi.fn() },
};

/** The first argument of the last call of a vi.fn, typed as the test expects. */
export function lastArg<T>(fn: { mock: { calls: unknown[][] } }, index = 0): T {
  const call = fn.mock.calls.at(-1);
  if (!call) throw new Error('the function was never called');
  return call[index] as T;
}

export const electron = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  session: { defaultSession: fakeSession },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  shell: { openExternal: vi.fn(async (_url: string) => undefined) },
  screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
  dialog: {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/me/network.json'] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/me/copy' })),
    showErrorBox: vi.fn(),
  },
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
  ipcMain: {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
  },
  ipcRenderer: {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
      rendererListeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      rendererListeners.get(channel)?.delete(listener);
    }),
  },
  contextBridge: { exposeInMainWorld: vi.fn() },
  Notification: FakeNotification,
  powerMonitor: new EventEmitter(),
};

/** An electron-store stand-in: a Map with the Conf API the shell uses. */
export class FakeStore {
  static instances: FakeStore[] = [];
  /** Where electron-store would keep the file: a folder that does not exist here. */
  readonly path = '/fake/config/settings.json';
  private readonly data = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  constructor(public options: Record<string, unknown>) {
    FakeStore.instances.push(this);
  }
  get(key: string): unknown {
    return this.data.get(key);
  }
  set(key: string, value: unknown): void {
    this.data.set(key, value);
    for (const listener of this.listeners) listener();
  }
  onDidAnyChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
