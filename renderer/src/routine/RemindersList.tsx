import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../../shared/i18n/index.js';
import { sayPhrase } from '../../../shared/routine/phrases.js';
import type { Reminder } from '../../../shared/routine/reminders.js';

type Props = { reminders: readonly Reminder[]; onOpen(reminder: Reminder): void };

/** What is due now and what was missed since the last visit, each with a way to act on it. */
export function RemindersList({ reminders, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const groups = (['due', 'missed'] as const).map((when) => ({ when, items: reminders.filter((r) => r.when === when && !(r.kind === 'plan' && r.when === 'due')) }));
  if (groups.every((g) => g.items.length === 0)) return null;
  return (
    <section className="routine-reminders" aria-labelledby="routine-reminders-title">
      <h3 id="routine-reminders-title" className="sugg-section-title">
        {t('routine.reminders.title')}
      </h3>
      {groups.map(
        (g) =>
          g.items.length > 0 && (
            <div key={g.when}>
              <h4 className="sugg-sub">{t(`routine.reminders.${g.when}`)}</h4>
              <ul className="reminder-list" aria-label={t(`routine.reminders.${g.when}`)}>
                {g.items.map((r) => {
                  const text = sayPhrase(lang, r.phrase);
                  return (
                    <li key={r.key} className={`reminder reminder-${r.kind} ${r.when}`}>
                      <span>{text}</span>
                      <button type="button" className="sugg-button quiet" aria-label={`${t(`routine.reminders.open.${r.kind}`)}: ${text}`} onClick={() => onOpen(r)}>
                        {t(`routine.reminders.open.${r.kind}`)}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ),
      )}
    </section>
  );
}
