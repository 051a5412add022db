/**
 * The main window: created with the secure webPreferences, placed where the
 * user left it, and loading the app from carnet://app/.
 */
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { APP_ENTRY_URL } from './security.js';

export type WindowBounds = { x?: number; y?: number; width: number; height: number };

/** The part of the settings (electron/services/settings.ts) the window reads and writes. */
export type BoundsSettings = {
  get(): { windowBounds?: WindowBounds };
  update(patch: { windowBounds: WindowBounds }): unknown;
};

const DEFAULT_SIZE = { width: 1280, height: 820 };
const MIN_SIZE = { width: 720, height: 480 };
/** Resizing and moving fire many events a second; write the settings once the user stops. */
export const SAVE_BOUNDS_DELAY_MS = 500;

/** Opens the main window with the saved bounds and starts saving them on move, resize and close. */
export function createMainWindow(options: { preloadPath: string; settings: BoundsSettings }): BrowserWindow {
  const bounds = restorableBounds(options.settings.get().windowBounds);
  // electronegativity-ignore: AUXCLICK_JS_CHECK — middle-click opens go through setWindowOpenHandler (security.ts), which denies every new window
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Carnet',
    backgroundColor: '#ffffff',
    webPreferences: {
      // electronegativity-ignore: PRELOAD_JS_CHECK — the preload (preload.ts) exposes only the API contract's methods through contextBridge, never ipcRenderer
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });
  trackBounds(win, options.settings);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/**
 * The saved bounds if they are sane and still on a connected display;
 * otherwise the saved size (or the default) centred by the system.
 */
export function restorableBounds(saved: WindowBounds | undefined): WindowBounds {
  if (!saved || !isSize(saved.width, MIN_SIZE.width) || !isSize(saved.height, MIN_SIZE.height)) return { ...DEFAULT_SIZE };
  const size = { width: Math.round(saved.width), height: Math.round(saved.height) };
  if (!Number.isFinite(saved.x) || !Number.isFinite(saved.y)) return size;
  const placed = { ...size, x: Math.round(saved.x!), y: Math.round(saved.y!) };
  const visible = screen.getAllDisplays().some((display) => overlaps(display.workArea, placed));
  return visible ? placed : size;
}

function isSize(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= 100_000;
}

/** At least a 100×50 corner of the window (enough to grab its title bar) lies on `area`. */
function overlaps(area: Rectangle, b: Required<WindowBounds>): boolean {
  const width = Math.min(area.x + area.width, b.x + b.width) - Math.max(area.x, b.x);
  const height = Math.min(area.y + area.height, b.y + b.height) - Math.max(area.y, b.y);
  return width >= 100 && height >= 50;
}

function trackBounds(win: BrowserWindow, settings: BoundsSettings): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Normal bounds, so a maximised window reopens at its restored size rather than full-screen-sized.
  const save = () => settings.update({ windowBounds: win.getNormalBounds() });
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_BOUNDS_DELAY_MS);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
