// Desktop notifications and wake-ups through the shell, with the real backend
// behind it and Electron mocked: what the page asks with `notify` becomes an
// Electron Notification, a click on it comes back to the page, and so does a resume.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Settings } from '../../../shared/api/contract.js';
import { electron, FakeBrowserWindow, FakeFrame, FakeNotification, FakeWebContents, ipcHandlers } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));
vi.mock('electron-store', () => import('./fakeElectron.js').then((m) => ({ default: m.FakeStore })));

const dataDir = mkdtempSync(path.join(tmpdir(), 'carnet-notify-'));
let win: FakeBrowserWindow;

async function call<T>(method: string, ...args: unknown[]): Promise<T> {
  const handler = ipcHandlers.get(`carnet:${method}`)!;
  return (await handler({ sender: new FakeWebContents(), senderFrame: new FakeFrame('carnet://app/index.html') }, ...args)) as T;
}

/** The events the page received on carnet:event. */
function eventsSent(): { event: string; payload: unknown }[] {
  return win.webContents.send.mock.calls.filter((c) => c[0] === 'carnet:event').map((c) => c[1] as { event: string; payload: unknown });
}

beforeAll(async () => {
  vi.stubEnv('CARNET_DATA_DIR', dataDir);
  await import('../../../electron/main/main.js');
  electron.app.becomeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 20_000 });
  win = FakeBrowserWindow.instances[0]!;
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

it('shows the notification the page asks for with Electron’s Notification, and a click brings the window and the reminder back', async () => {
  const shown = await call<boolean>('notify', { title: 'Your week is ready', body: '5 actions this week, starting with Ana.', tag: 'plan:2026-06-01' });
  expect(shown).toBe(true);
  const n = FakeNotification.instances.at(-1)!;
  expect(n.options).toEqual({ title: 'Your week is ready', body: '5 actions this week, starting with Ana.' });
  expect(n.show).toHaveBeenCalledTimes(1);
  n.emit('click');
  expect(win.focus).toHaveBeenCalled();
  expect(eventsSent()).toContainEqual({ event: 'notificationClick', payload: { tag: 'plan:2026-06-01' } });
});

it('answers false where the system has no notifications, and refuses a malformed one', async () => {
  FakeNotification.supported = false;
  const before = FakeNotification.instances.length;
  expect(await call<boolean>('notify', { title: 'x', body: 'y', tag: 'z' })).toBe(false);
  expect(FakeNotification.instances.length).toBe(before);
  FakeNotification.supported = true;
  await expect(call('notify', { title: '', body: 'y', tag: 'z' })).rejects.toThrow(/notify: invalid argument/);
  await expect(call('notify', { title: 'x', body: 'y', tag: 'z', icon: 'file:///etc/passwd' })).rejects.toThrow(/invalid argument/);
});

it('tells the page when the machine wakes up', () => {
  electron.powerMonitor.emit('resume');
  expect(eventsSent()).toContainEqual({ event: 'wake', payload: true });
});

it('keeps the routine settings: notifications opt-in, last open, what was sent', async () => {
  expect((await call<Settings>('getSettings')).routine).toEqual({ notifications: false, lastSeen: null, sent: [] });
  const s = await call<Settings>('setRoutineSettings', { notifications: true, lastSeen: '2026-06-03', sent: [{ key: 'plan:2026-06-01', on: '2026-06-03' }] });
  expect(s.routine).toEqual({ notifications: true, lastSeen: '2026-06-03', sent: [{ key: 'plan:2026-06-01', on: '2026-06-03' }] });
  expect((await call<Settings>('setRoutineSettings', { lastSeen: '2026-06-04' })).routine.notifications).toBe(true);
  await expect(call('setRoutineSettings', { lastSeen: 'tomorrow' })).rejects.toThrow(/invalid argument/);
});
