/**
 * Hands desktop notifications to whoever can show them: the shell first
 * (Electron's Notification, through the API), else the browser's
 * Notification API once the user allowed it. What to notify is decided in
 * shared/routine/notifications.ts; this only delivers.
 */
import type { CarnetApi } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/i18n/index.js';
import type { DesktopNotification } from '../../../shared/routine/notifications.js';
import { sayPhrase } from '../../../shared/routine/phrases.js';

/** The part of the browser's Notification API used here (a test passes its own). */
export type BrowserNotifications = {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): { onclick: ((this: unknown, ev: Event) => unknown) | null };
};

export type NotifierDeps = {
  api: Pick<CarnetApi, 'notify'>;
  transport: 'electron' | 'web';
  /** The browser's Notification, absent where there is none. */
  browser: BrowserNotifications | undefined;
  lang: Language;
  /** A click on a notification (bring the window forward, show the reminder). */
  onClick(tag: string): void;
};

export type Permission = 'granted' | 'denied' | 'unsupported';

/**
 * Asks the browser for permission (browser mode; must follow a click). The
 * shell needs none: the desktop shows Electron's notifications.
 */
export async function allowNotifications(deps: Pick<NotifierDeps, 'transport' | 'browser'>): Promise<Permission> {
  if (deps.transport === 'electron') return 'granted';
  if (!deps.browser) return 'unsupported';
  if (deps.browser.permission === 'granted') return 'granted';
  if (deps.browser.permission === 'denied') return 'denied';
  const answer = await deps.browser.requestPermission();
  return answer === 'granted' ? 'granted' : 'denied';
}

/** Shows the notifications; resolves to those that were shown (the others are tried again later). */
export async function deliver(list: readonly DesktopNotification[], deps: NotifierDeps): Promise<DesktopNotification[]> {
  const shown: DesktopNotification[] = [];
  for (const n of list) {
    const title = sayPhrase(deps.lang, n.title);
    const body = sayPhrase(deps.lang, n.body);
    if (deps.transport === 'electron') {
      if (await deps.api.notify({ title, body, tag: n.key })) shown.push(n);
      continue;
    }
    if (!deps.browser || deps.browser.permission !== 'granted') break;
    const note = new deps.browser(title, { body, tag: n.key });
    note.onclick = () => deps.onClick(n.key);
    shown.push(n);
  }
  return shown;
}
