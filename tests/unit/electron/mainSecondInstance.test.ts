// A second launch while Carnet runs: it must hand over to the first instance and quit
// before opening anything (two instances would write the same document).
import { expect, it, vi } from 'vitest';
import { electron, FakeBrowserWindow } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));
vi.mock('electron-store', () => import('./fakeElectron.js').then((m) => ({ default: m.FakeStore })));
vi.mock('../../../electron/services/backend.js', () => ({ createBackend: vi.fn() }));

it('quits at once without the single-instance lock', async () => {
  electron.app.requestSingleInstanceLock.mockReturnValue(false);
  await import('../../../electron/main/main.js');
  expect(electron.app.quit).toHaveBeenCalled();
  expect(electron.app.whenReady).not.toHaveBeenCalled();
  electron.app.becomeReady();
  await new Promise((resolve) => setImmediate(resolve));
  expect(FakeBrowserWindow.instances).toEqual([]);
});
