import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, FakeBrowserWindow } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));

const { createMainWindow, restorableBounds, SAVE_BOUNDS_DELAY_MS } = await import('../../../electron/main/window.js');

type Bounds = { x?: number; y?: number; width: number; height: number };

function fakeSettings(windowBounds?: Bounds) {
  const state: { windowBounds?: Bounds } = { windowBounds };
  return {
    state,
    get: () => state,
    update: vi.fn((patch: { windowBounds: Bounds }) => Object.assign(state, patch)),
  };
}

function open(windowBounds?: Bounds) {
  const settings = fakeSettings(windowBounds);
  createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', settings });
  return { settings, win: FakeBrowserWindow.instances.at(-1)! };
}

beforeEach(() => {
  FakeBrowserWindow.instances.length = 0;
  vi.clearAllMocks();
});
afterEach(() => vi.useRealTimers());

describe('createMainWindow', () => {
  it('uses the secure webPreferences and the preload', () => {
    const { win } = open();
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(win.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(win.options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('loads the app from carnet://app/, never file://', () => {
    const { win } = open();
    expect(win.loadURL).toHaveBeenCalledWith('carnet://app/index.html');
  });

  it('shows the window once it has painted', () => {
    const { win } = open();
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('restores the saved bounds', () => {
    const { win } = open({ x: 100, y: 50, width: 1100, height: 760 });
    expect(win.options).toMatchObject({ x: 100, y: 50, width: 1100, height: 760 });
  });

  it('saves the bounds on close', () => {
    const { win, settings } = open();
    win.normalBounds = { x: 5, y: 6, width: 900, height: 600 };
    win.emit('close');
    expect(settings.update).toHaveBeenCalledWith({ windowBounds: { x: 5, y: 6, width: 900, height: 600 } });
  });

  it('saves the bounds once after a burst of resize and move events', () => {
    vi.useFakeTimers();
    const { win, settings } = open();
    for (let i = 0; i < 20; i++) win.emit(i % 2 ? 'resize' : 'move');
    expect(settings.update).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SAVE_BOUNDS_DELAY_MS);
    expect(settings.update).toHaveBeenCalledTimes(1);
    win.emit('close');
    vi.advanceTimersByTime(SAVE_BOUNDS_DELAY_MS);
    expect(settings.update).toHaveBeenCalledTimes(2);
  });
});

describe('restorableBounds', () => {
  it('falls back to a default size without saved bounds or with nonsense', () => {
    expect(restorableBounds(undefined)).toEqual({ width: 1280, height: 820 });
    expect(restorableBounds({ width: 10, height: 10 })).toEqual({ width: 1280, height: 820 });
    expect(restorableBounds({ width: Number.NaN, height: 700 })).toEqual({ width: 1280, height: 820 });
  });

  it('drops a position that is on no connected display, keeping the size', () => {
    expect(restorableBounds({ x: 5000, y: 5000, width: 900, height: 700 })).toEqual({ width: 900, height: 700 });
    electron.screen.getAllDisplays.mockReturnValueOnce([
      { workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
      { workArea: { x: 1920, y: 0, width: 1920, height: 1080 } },
    ]);
    expect(restorableBounds({ x: 2500, y: 100, width: 900, height: 700 })).toEqual({ x: 2500, y: 100, width: 900, height: 700 });
  });
});
