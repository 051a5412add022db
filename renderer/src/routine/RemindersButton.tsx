import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../../shared/routine/reminders.js';
import { Icon } from '../components/Icon.js';

/** In the status bar: how many reminders there are, opening "This week". Nothing when there are none. */
export function RemindersButton({ reminders, onOpen }: { reminders: readonly Reminder[]; onOpen(): void }) {
  const { t } = useTranslation();
  if (reminders.length === 0) return null;
  const missed = reminders.some((r) => r.when === 'missed');
  return (
    <button type="button" className={`status-reminders${missed ? ' missed' : ''}`} title={t('routine.reminders.bannerOpen')} onClick={onOpen}>
      <Icon name="clock" size={14} />
      {t('routine.reminders.banner', { count: reminders.length })}
    </button>
  );
}
