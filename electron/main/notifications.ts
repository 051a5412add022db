/**
 * Desktop notifications and wake-ups for the routine, through Electron:
 * `Notification` in the main process (the page's own Notification API is
 * denied, like every permission: security.ts), and `powerMonitor`'s resume,
 * after which the page looks at the week's plan and reminders again.
 */
import { Notification, powerMonitor, type BrowserWindow } from 'electron';
import type { DesktopNotice, Events } from '../../shared/api/contract.js';

type Send = <E extends keyof Events>(event: E, payload: Events[E]) => void;

/** Shows one notification; a click brings the window forward and tells the page which reminder it was. */
export function showNotification(notice: DesktopNotice, window: () => BrowserWindow | null, send: Send): boolean {
  if (!Notification.isSupported()) return false;
  const n = new Notification({ title: notice.title, body: notice.body });
  n.on('click', () => {
    const win = window();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    }
    send('notificationClick', { tag: notice.tag });
  });
  n.show();
  return true;
}

/** Tells the page when the machine wakes up. */
export function forwardWake(send: Send): void {
  powerMonitor.on('resume', () => send('wake', true));
}
