import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHODS, parseCall, type Events } from '../../../shared/api/contract.js';
import { electron, FakeFrame, FakeWebContents, ipcHandlers } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));

const { forwardEvents, registerIpc } = await import('../../../electron/main/ipc.js');
const { PathGrants } = await import('../../../electron/main/pathGrants.js');

/** A backend as electron/services/backend.ts defines `call`: parseCall, then the handler. */
function fakeBackend() {
  const ran = vi.fn((method: string, args: unknown[]) => ({ method, args }));
  const callers: (string | undefined)[] = [];
  return {
    ran,
    callers,
    call: async (method: unknown, args: unknown, caller?: string) => {
      const parsed = parseCall(method, args);
      callers.push(caller);
      return ran(parsed.method, parsed.args);
    },
  };
}

/** The event Electron passes to an ipcMain.handle handler, sent from `frame`. */
function invokeEvent(frame: FakeFrame | null) {
  const sender = new FakeWebContents();
  return { sender, senderFrame: frame, frameId: 1, processId: 1 };
}

const appFrame = () => new FakeFrame('carnet://app/index.html');

function handler(method: string) {
  const h = ipcHandlers.get(`carnet:${method}`);
  if (!h) throw new Error(`no handler for carnet:${method}`);
  return h;
}

let backend: ReturnType<typeof fakeBackend>;
beforeEach(() => {
  ipcHandlers.clear();
  vi.clearAllMocks();
  backend = fakeBackend();
  registerIpc(electron.ipcMain as never, backend, new PathGrants(() => []));
});

describe('registerIpc', () => {
  it('registers exactly one carnet:<method> handler per contract method', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(METHODS.map((m) => `carnet:${m}`).sort());
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(METHODS.length);
  });

  it('passes a valid call from the app page to the backend', async () => {
    await expect(handler('setLanguage')(invokeEvent(appFrame()), 'fr')).resolves.toEqual({ method: 'setLanguage', args: ['fr'] });
    await expect(handler('getState')(invokeEvent(appFrame()))).resolves.toEqual({ method: 'getState', args: [] });
  });

  it("runs each call as the window that sent it, whatever the page passes", async () => {
    const one = invokeEvent(appFrame());
    const two = invokeEvent(appFrame());
    await handler('undo')(one);
    await handler('undo')(two);
    await handler('apply')(one, { label: { key: 'labels.move' }, changes: [] }, { base: { openId: 'x', revision: 0 } });
    expect(backend.callers).toEqual([`window:${one.sender.id}`, `window:${two.sender.id}`, `window:${one.sender.id}`]);
    expect(one.sender.id).not.toBe(two.sender.id);
    // An extra argument naming a caller is refused by the contract, not taken as the caller.
    await expect(handler('undo')(one, 'window:1')).rejects.toThrow(/undo: invalid argument/);
    await expect(handler('apply')(one, { label: { key: 'x' }, changes: [] }, { caller: 'window:1' })).rejects.toThrow(/apply: invalid argument at \$\[1\]/);
  });

  it('refuses calls from a page that is not carnet://app/', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'carnet://other/index.html', 'about:blank', 'devtools://devtools/bundled/x.html']) {
      await expect(handler('getState')(invokeEvent(new FakeFrame(url))), url).rejects.toThrow(/getState: refused: the caller .* is not the app/);
    }
    expect(backend.ran).not.toHaveBeenCalled();
  });

  it('refuses calls from a subframe, even one on the app origin', async () => {
    const sub = new FakeFrame('carnet://app/index.html', appFrame());
    await expect(handler('apply')(invokeEvent(sub), { label: 'x', changes: [] })).rejects.toThrow(/apply: refused: calls from subframes/);
    expect(backend.ran).not.toHaveBeenCalled();
  });

  it('refuses calls whose frame is gone', async () => {
    await expect(handler('undo')(invokeEvent(null))).rejects.toThrow(/undo: refused: the calling frame no longer exists/);
  });

  it('refuses invalid payloads with the argument path', async () => {
    await expect(handler('setLanguage')(invokeEvent(appFrame()), 'de')).rejects.toThrow(/setLanguage: invalid argument at \$\[0\]/);
    await expect(handler('openDocument')(invokeEvent(appFrame()), 42)).rejects.toThrow(/openDocument: invalid argument at \$\[0\]/);
    await expect(handler('getState')(invokeEvent(appFrame()), 'extra')).rejects.toThrow(/getState: invalid argument/);
    await expect(handler('apply')(invokeEvent(appFrame()), { label: 'x', changes: [{ op: 'nope' }] })).rejects.toThrow(/apply: invalid argument at \$\[0\]/);
    expect(backend.ran).not.toHaveBeenCalled();
  });
});

describe('forwardEvents', () => {
  it('sends each backend event to the window on carnet:event', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const contents = new FakeWebContents();
    forwardEvents({ on: (event: keyof Events, listener: (payload: never) => void) => listeners.set(event, listener as never), eventFor: (_c, _e, p) => p }, () => contents as never);
    expect([...listeners.keys()].sort()).toEqual(['document', 'edit', 'menu', 'notice', 'notificationClick', 'readOnly', 'wake']);

    listeners.get('menu')!('undo');
    listeners.get('notice')!({ level: 'info', code: 'x', message: 'm' });
    expect(contents.send.mock.calls).toEqual([
      ['carnet:event', { event: 'menu', payload: 'undo' }],
      ['carnet:event', { event: 'notice', payload: { level: 'info', code: 'x', message: 'm' } }],
    ]);
  });

  it("gives the window the event as its own caller sees it (its own undo state)", () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const contents = new FakeWebContents();
    const mine = { canUndo: true, canRedo: false, undoLabel: { key: 'labels.move' }, redoLabel: null };
    const eventFor = vi.fn((caller: string, _event: keyof Events, payload: unknown) => (caller === `window:${contents.id}` ? { ...(payload as object), undo: mine } : payload));
    forwardEvents({ on: (event: keyof Events, listener: (payload: never) => void) => listeners.set(event, listener as never), eventFor: eventFor as never }, () => contents as never);
    listeners.get('edit')!({ applied: null, revision: 3, undo: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null } });
    expect(contents.send.mock.calls).toEqual([['carnet:event', { event: 'edit', payload: { applied: null, revision: 3, undo: mine } }]]);
  });

  it('drops events when there is no live window', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const contents = new FakeWebContents();
    contents.destroyed = true;
    let target: FakeWebContents | null = contents;
    forwardEvents({ on: (event: keyof Events, listener: (payload: never) => void) => listeners.set(event, listener as never), eventFor: (_c, _e, p) => p }, () => target as never);
    listeners.get('menu')!('new');
    target = null;
    expect(() => listeners.get('menu')!('new')).not.toThrow();
    expect(contents.send).not.toHaveBeenCalled();
  });
});
