import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../../../shared/api/contract.js';
import { electron, rendererListeners } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));

let api: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  await import('../../../electron/main/preload.js');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, typeof api];
  expect(name).toBe('carnet');
  api = exposed;
});

function emit(message: unknown): void {
  for (const listener of rendererListeners.get('carnet:event') ?? []) listener({ sender: 'must not leak' }, message);
}

describe('preload', () => {
  it('exposes exactly the contract methods plus on', () => {
    expect(Object.keys(api).sort()).toEqual([...METHODS, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('does not expose ipcRenderer or any of its functions', () => {
    const values = Object.values(api) as unknown[];
    expect(values).not.toContain(electron.ipcRenderer);
    for (const fn of Object.values(electron.ipcRenderer)) expect(values).not.toContain(fn);
  });

  it('invokes carnet:<method> with the arguments', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: 1 });
    await expect(api.setLanguage!('fr')).resolves.toEqual({ ok: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('carnet:setLanguage', 'fr');
    await api.getState!();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('carnet:getState');
  });

  it('rethrows handler errors without Electron\'s remote-method wrapper', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(
      new Error("Error invoking remote method 'carnet:apply': Error: apply: invalid argument at $[0].label: Invalid input"),
    );
    await expect(api.apply!({})).rejects.toThrow(/^apply: invalid argument at \$\[0\]\.label: Invalid input$/);
  });

  it('on() delivers the payloads of one event only, without the IPC event, until unsubscribed', () => {
    const menu = vi.fn();
    const unsubscribe = api.on!('menu', menu) as () => void;
    emit({ event: 'menu', payload: 'undo' });
    emit({ event: 'edit', payload: { revision: 2 } });
    expect(menu.mock.calls).toEqual([['undo']]);
    unsubscribe();
    emit({ event: 'menu', payload: 'redo' });
    expect(menu).toHaveBeenCalledTimes(1);
    expect(rendererListeners.get('carnet:event')?.size).toBe(0);
  });

  it('on() refuses unknown event names', () => {
    expect(() => api.on!('ipc', () => undefined)).toThrow(/unknown event "ipc"/);
  });
});
