import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import type { CarnetDocument, PlanAction } from '../../../shared/document/schema.js';
import { markActionDone, replacePlan } from '../../../shared/document/weekPlans.js';
import { nowIso } from '../../../shared/document/commands.js';
import { toLanguage } from '../../../shared/i18n/index.js';
import { weekOf } from '../../../shared/routine/dates.js';
import { formatDay, sayPhrase } from '../../../shared/routine/phrases.js';
import { actionState, MAX_PLAN_SIZE, MIN_PLAN_SIZE, resizePlan } from '../../../shared/routine/plan.js';
import type { Reminder } from '../../../shared/routine/reminders.js';
import { Icon } from '../components/Icon.js';
import { saveDownload } from '../export/runExport.js';
import { useAppState, useStore } from '../state/StoreContext.js';
import { LogInteractionDialog } from '../suggestions/LogInteractionDialog.js';
import { ActionCard } from './ActionCard.js';
import { NotificationsToggle } from './NotificationsToggle.js';
import { RemindersList } from './RemindersList.js';
import { useRoutineFacts } from './routineFor.js';
import { useClock, useReminders } from './useRoutine.js';
import './routine.css';

type Props = {
  doc: CarnetDocument;
  version: number;
  result: AnalysisResult | null;
  onOpenContact(id: string): void;
  /** Opens review mode (on the contacts of the last import for that reminder). */
  onReview(imported?: boolean): void;
  onOpenObjectives(): void;
};

/**
 * "This week": the reminders, then the week's plan — about five actions the
 * app chose when the week began, which only the user changes from then on.
 */
export function WeekPanel({ doc, version, result, onOpenContact, onReview, onOpenObjectives }: Props) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const store = useStore();
  const { settings } = useAppState();
  const { today } = useClock();
  const reminders = useReminders();
  const { facts } = useRoutineFacts();
  const [doneFor, setDoneFor] = useState<PlanAction | null>(null);
  const sizeId = useId();
  const week = weekOf(today);
  const plan = Object.hasOwn(doc.plans, week) ? doc.plans[week]! : null;
  // Who was contacted this week comes with the routine's facts: until they are there for this week, the
  // states are not known (showing every action open would be wrong for a moment).
  const recent = facts && facts.week === week ? facts.recent : null;
  const states = useMemo(() => {
    if (!plan || !recent) return null;
    return new Map(plan.actions.map((a) => [a.key, actionState(doc, plan, a, today, recent)]));
    // `version` stands for the in-place edits of `doc`.
  }, [doc, version, plan, today, recent]);
  const done = states ? [...states.values()].filter((s) => s === 'done').length : 0;

  const openReminder = (r: Reminder) => {
    if (r.kind === 'imported') onReview(true);
    else if (r.kind === 'birthday' && r.ref) onOpenContact(r.ref);
    else if (r.kind === 'review' || r.kind === 'goal' || r.kind === 'step') onOpenObjectives();
  };

  const markDone = (a: PlanAction) => {
    if (a.contacts.some((id) => Object.hasOwn(doc.contacts, id))) setDoneFor(a);
    else void store.apply(markActionDone(doc, plan!.id, a.key, null, today, nowIso()));
  };

  const exportCalendar = async () => {
    if (!plan) return;
    const { planIcs } = await import('../../../shared/routine/ics.js');
    saveDownload(`carnet-${plan.id}.ics`, new Blob([planIcs(doc, plan, { lang, today, now: nowIso() })], { type: 'text/calendar' }));
  };

  const contactOfDone = doneFor?.contacts.find((id) => Object.hasOwn(doc.contacts, id));

  return (
    <div className="routine-week">
      <RemindersList reminders={reminders} onOpen={openReminder} />
      <section className="sugg-section" aria-labelledby="routine-week-title">
        <h3 id="routine-week-title" className="sugg-section-title">
          {t('routine.week.title', { date: formatDay(lang, week) })}
          {plan && states && <span className="count">{t('routine.week.progress', { done, count: plan.actions.length })}</span>}
        </h3>
        <p className="hint">{t('routine.week.intro')}</p>
        <div className="week-tools">
          <label htmlFor={sizeId}>{t('routine.week.size')}</label>
          <select
            id={sizeId}
            value={plan?.size ?? 5}
            disabled={!plan || !result}
            title={t('routine.week.sizeHint')}
            onChange={(e) => plan && result && void store.apply(replacePlan(resizePlan(doc, result, plan, Number(e.target.value), today)))}
          >
            {Array.from({ length: MAX_PLAN_SIZE - MIN_PLAN_SIZE + 1 }, (_, i) => MIN_PLAN_SIZE + i).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={!plan} title={t('routine.week.calendarHint')} onClick={() => void exportCalendar()}>
            <Icon name="export" size={16} />
            {t('routine.week.calendar')}
          </button>
          <button type="button" className="button" title={t('routine.week.reviewHint')} onClick={() => onReview()}>
            <Icon name="userPlus" size={16} />
            {t('routine.week.review')}
          </button>
        </div>
        {settings && <NotificationsToggle settings={settings} />}
        {!plan || !states ? (
          <div className="drawer-loading">
            <span className="spinner" aria-hidden="true" />
            <p>{t(plan ? 'routine.week.reading' : 'routine.week.making')}</p>
          </div>
        ) : plan.actions.length === 0 ? (
          <p className="hint empty-list">{t('routine.week.empty')}</p>
        ) : (
          <ol className="sugg-list" aria-label={t('routine.week.list')}>
            {plan.actions.map((a) => (
              <li key={a.key}>
                <ActionCard doc={doc} plan={plan} action={a} state={states.get(a.key) ?? 'open'} today={today} onDone={markDone} onOpenContact={onOpenContact} />
              </li>
            ))}
          </ol>
        )}
      </section>
      {doneFor && plan && contactOfDone && (
        <LogInteractionDialog
          doc={doc}
          contactId={contactOfDone}
          firstStep={sayPhrase(lang, doneFor.firstStep)}
          initial={{ channel: doneFor.channel, note: sayPhrase(lang, doneFor.firstStep) }}
          title={t('routine.done.title', { name: doc.contacts[contactOfDone]!.name })}
          submitLabel={t('routine.done.submit')}
          toChangeSet={(interaction) => markActionDone(doc, plan.id, doneFor.key, { ...interaction, contacts: doneFor.contacts.filter((id) => Object.hasOwn(doc.contacts, id)) }, today, nowIso())}
          onClose={() => setDoneFor(null)}
        />
      )}
    </div>
  );
}
