import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/api/contract.js';
import { useStore } from '../state/StoreContext.js';
import { allowNotifications, type BrowserNotifications, type Permission } from './notifier.js';

/** Desktop notifications are off until the user turns them on here (browser mode then asks for permission). */
export function NotificationsToggle({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const store = useStore();
  const [refused, setRefused] = useState<Permission | null>(null);
  // The box follows the click at once; the settings (and the browser's permission) catch up.
  const [asked, setAsked] = useState<boolean | null>(null);
  const on = asked ?? settings.routine.notifications;
  const toggle = async () => {
    const want = !on;
    setAsked(want);
    try {
      if (!want) return await store.setRoutineSettings({ notifications: false });
      const browser = (globalThis as { Notification?: BrowserNotifications }).Notification;
      const answer = await allowNotifications({ transport: settings.capabilities.transport, browser });
      setRefused(answer === 'granted' ? null : answer);
      if (answer === 'granted') await store.setRoutineSettings({ notifications: true });
    } finally {
      setAsked(null);
    }
  };
  return (
    <div className="notify-toggle">
      <label>
        <input type="checkbox" checked={on} onChange={() => void toggle()} />
        <span>{t('routine.notifications.label')}</span>
      </label>
      <p className="hint">{refused ? t(`routine.notifications.${refused}`) : t('routine.notifications.hint')}</p>
    </div>
  );
}
