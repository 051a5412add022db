// The renderer's notifier with a mocked browser Notification and a mocked
// shell: what shared/routine picks is shown once, in the user's language,
// through Electron in the app and through the browser's API in browser mode.
import { describe, expect, it, vi } from 'vitest';
import type { DesktopNotice } from '../../../shared/api/contract.js';
import type { DesktopNotification } from '../../../shared/routine/notifications.js';
import { allowNotifications, deliver, type BrowserNotifications } from '../../../renderer/src/routine/notifier.js';

const picked: DesktopNotification[] = [
  { key: 'review:o1:2026-06-01', kind: 'review', title: { key: 'routine.notify.reviewTitle' }, body: { key: 'routine.notify.review', params: { objective: 'Lever une seed' } } },
  { key: 'plan:2026-06-01', kind: 'plan', title: { key: 'routine.notify.planTitle' }, body: { key: 'routine.notify.planWho', params: { count: 5, name: 'Ana Martin' } } },
];

/** A stand-in for window.Notification that records what the page created. */
function mockNotification(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const shown: { title: string; options?: NotificationOptions; instance: { onclick: ((ev: Event) => unknown) | null } }[] = [];
  const Mock = class {
    static permission = permission;
    static requestPermission = vi.fn(async () => {
      Mock.permission = answer;
      return answer;
    });
    onclick: ((ev: Event) => unknown) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, ...(options ? { options } : {}), instance: this });
    }
  };
  return { Mock: Mock as unknown as BrowserNotifications & { requestPermission: ReturnType<typeof vi.fn> }, shown };
}

describe('notifier', () => {
  it('in browser mode, shows each notification with the browser API, worded in the language, and a click opens its reminder', async () => {
    const { Mock, shown } = mockNotification('granted');
    const clicked: string[] = [];
    const notify = vi.fn(async (_n: DesktopNotice) => false);
    const done = await deliver(picked, { api: { notify }, transport: 'web', browser: Mock, lang: 'fr', onClick: (tag) => clicked.push(tag) });
    expect(done).toEqual(picked);
    expect(notify).not.toHaveBeenCalled();
    expect(shown.map((s) => [s.title, s.options?.body, s.options?.tag])).toEqual([
      ['Le moment de revoir', 'Votre objectif « Lever une seed » arrive à sa date de révision : est-il toujours le bon ?', 'review:o1:2026-06-01'],
      ['Votre semaine est prête', '5 actions cette semaine, à commencer par Ana Martin.', 'plan:2026-06-01'],
    ]);
    shown[1]!.instance.onclick!(new Event('click'));
    expect(clicked).toEqual(['plan:2026-06-01']);
  });

  it('shows nothing, and reports nothing sent, until the user allowed notifications', async () => {
    const { Mock, shown } = mockNotification('default');
    expect(await deliver(picked, { api: { notify: vi.fn() }, transport: 'web', browser: Mock, lang: 'en', onClick: () => {} })).toEqual([]);
    expect(shown).toEqual([]);
    expect(await deliver(picked, { api: { notify: vi.fn() }, transport: 'web', browser: undefined, lang: 'en', onClick: () => {} })).toEqual([]);
  });

  it('asks the browser for permission when the user turns them on, and says when it refused', async () => {
    const granted = mockNotification('default', 'granted');
    expect(await allowNotifications({ transport: 'web', browser: granted.Mock })).toBe('granted');
    expect(granted.Mock.requestPermission).toHaveBeenCalledTimes(1);
    const refused = mockNotification('default', 'denied');
    expect(await allowNotifications({ transport: 'web', browser: refused.Mock })).toBe('denied');
    const blocked = mockNotification('denied');
    expect(await allowNotifications({ transport: 'web', browser: blocked.Mock })).toBe('denied');
    expect(blocked.Mock.requestPermission).not.toHaveBeenCalled();
    expect(await allowNotifications({ transport: 'web', browser: undefined })).toBe('unsupported');
    // In the app, the shell shows Electron's notifications: no browser permission involved.
    expect(await allowNotifications({ transport: 'electron', browser: undefined })).toBe('granted');
  });

  it('in the app, hands them to the shell (Electron’s Notification) and counts only those it showed', async () => {
    const { Mock, shown } = mockNotification('granted');
    const notify = vi.fn(async (n: DesktopNotice) => n.tag.startsWith('review'));
    const done = await deliver(picked, { api: { notify }, transport: 'electron', browser: Mock, lang: 'en', onClick: () => {} });
    expect(notify.mock.calls.map((c) => c[0])).toEqual([
      { title: 'Time to look again', body: 'Your objective “Lever une seed” is up for review: is it still the right one?', tag: 'review:o1:2026-06-01' },
      { title: 'Your week is ready', body: '5 actions this week, starting with Ana Martin.', tag: 'plan:2026-06-01' },
    ]);
    expect(done.map((n) => n.key)).toEqual(['review:o1:2026-06-01']);
    expect(shown).toEqual([]);
  });
});
