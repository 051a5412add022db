import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument, PlanAction, WeekPlan } from '../../../shared/document/schema.js';
import { planWhenWhere, postponeAction, reopenAction, skipAction, snoozeAction } from '../../../shared/document/weekPlans.js';
import { toLanguage } from '../../../shared/i18n/index.js';
import { formatDay, ifThen, sayPhrase } from '../../../shared/routine/phrases.js';
import type { ActionState } from '../../../shared/routine/plan.js';
import { Icon } from '../components/Icon.js';
import { useStore } from '../state/StoreContext.js';

type Props = {
  doc: CarnetDocument;
  plan: WeekPlan;
  action: PlanAction;
  state: ActionState;
  today: string;
  onDone(action: PlanAction): void;
  onOpenContact(id: string): void;
};

/**
 * One action of the week: who, why, a first step that gives, the user's
 * if-then plan (when / where), and what to do with it. Every button is one
 * undoable edit; its accessible name ends with who it is about.
 */
export function ActionCard({ doc, plan, action, state, today, onDone, onOpenContact }: Props) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const store = useStore();
  const names = action.contacts.map((id) => (Object.hasOwn(doc.contacts, id) ? doc.contacts[id]!.name : t('routine.week.deleted')));
  const subject = names.length ? names.join(', ') : sayPhrase(lang, action.firstStep);
  const objective = action.objective && Object.hasOwn(doc.objectives, action.objective) ? doc.objectives[action.objective]!.title : null;
  const headingId = `action-${action.key}`;
  const [when, setWhen] = useState(action.when ?? '');
  const [where, setWhere] = useState(action.where ?? '');
  // Each field follows the stored value when that value changes (an undo), not when the other one is saved.
  useEffect(() => setWhen(action.when ?? ''), [action.when]);
  useEffect(() => setWhere(action.where ?? ''), [action.where]);
  const saveWhenWhere = () => {
    if (when.trim() === (action.when ?? '') && where.trim() === (action.where ?? '')) return;
    void store.apply(planWhenWhere(doc, plan.id, action.key, when, where));
  };
  const named = (key: string) => `${t(key)}: ${subject}`;
  const open = state === 'open';
  const firstContact = action.contacts.find((id) => Object.hasOwn(doc.contacts, id));

  return (
    <article className={`sugg-card plan-action state-${state}`} aria-labelledby={headingId}>
      <header className="sugg-head">
        <h4 id={headingId}>{subject}</h4>
        <span className={`badge kind-${action.kind}`}>{t(`routine.week.kind.${action.kind}`)}</span>
      </header>
      {(objective || action.carriedFrom) && (
        <p className="sugg-meta">
          {objective && <span className="plan-objective">{t('routine.week.serves', { objective })}</span>}
          {action.carriedFrom && <span>{t('routine.week.carried', { date: formatDay(lang, action.carriedFrom) })}</span>}
        </p>
      )}
      {!open && <p className="plan-state" role="status">{stateLine(t, lang, action, state)}</p>}
      {open && (
        <>
          <ul className="sugg-reasons" aria-label={`${t('routine.week.why')}: ${subject}`}>
            {action.why.map((p, i) => (
              <li key={i}>{sayPhrase(lang, p)}</li>
            ))}
          </ul>
          {action.contacts.length > 0 && (
            <p className="sugg-step">
              <strong>{t('routine.firstStep')}</strong> {sayPhrase(lang, action.firstStep)}
            </p>
          )}
          <div className="plan-ifthen">
            <label>
              <span>{t('routine.week.when')}</span>
              <input
                type="text"
                value={when}
                maxLength={500}
                placeholder={t('routine.week.whenPlaceholder')}
                aria-label={named('routine.week.when')}
                onChange={(e) => setWhen(e.target.value)}
                onBlur={saveWhenWhere}
                onKeyDown={(e) => e.key === 'Enter' && saveWhenWhere()}
              />
            </label>
            <label>
              <span>{t('routine.week.where')}</span>
              <input
                type="text"
                value={where}
                maxLength={500}
                placeholder={t('routine.week.wherePlaceholder')}
                aria-label={named('routine.week.where')}
                onChange={(e) => setWhere(e.target.value)}
                onBlur={saveWhenWhere}
                onKeyDown={(e) => e.key === 'Enter' && saveWhenWhere()}
              />
            </label>
            <p className="hint">{action.when || action.where ? ifThen(lang, action) : t('routine.week.ifThenHint')}</p>
          </div>
        </>
      )}
      <div className="sugg-actions">
        {open ? (
          <>
            <button type="button" className="sugg-button primary" aria-label={named('routine.week.actions.done')} onClick={() => onDone(action)}>
              <Icon name="chat" size={15} />
              <span>{t('routine.week.actions.done')}</span>
            </button>
            {firstContact && (
              <button type="button" className="sugg-button" aria-label={named('routine.week.actions.show')} onClick={() => onOpenContact(firstContact)}>
                <Icon name="pin" size={15} />
                <span>{t('routine.week.actions.show')}</span>
              </button>
            )}
            <span className="sugg-secondary">
              <button type="button" className="sugg-button quiet" aria-label={named('routine.week.actions.snooze')} onClick={() => void store.apply(snoozeAction(doc, plan.id, action.key, today))}>
                <Icon name="clock" size={15} />
                <span>{t('routine.week.actions.snooze')}</span>
              </button>
              <button type="button" className="sugg-button quiet" aria-label={named('routine.week.actions.postpone')} onClick={() => void store.apply(postponeAction(doc, plan.id, action.key))}>
                <span>{t('routine.week.actions.postpone')}</span>
              </button>
              <button type="button" className="sugg-button quiet" aria-label={named('routine.week.actions.skip')} onClick={() => void store.apply(skipAction(doc, plan.id, action.key))}>
                <Icon name="close" size={15} />
                <span>{t('routine.week.actions.skip')}</span>
              </button>
            </span>
          </>
        ) : (
          action.status !== 'open' &&
          action.status !== 'done' && (
            <button type="button" className="sugg-button" aria-label={named('routine.week.actions.reopen')} onClick={() => void store.apply(reopenAction(doc, plan.id, action.key))}>
              <Icon name="undo" size={15} />
              <span>{t('routine.week.actions.reopen')}</span>
            </button>
          )
        )}
      </div>
    </article>
  );
}

function stateLine(t: TFunction, lang: 'fr' | 'en', a: PlanAction, state: ActionState): string {
  if (state === 'done') return a.status === 'done' && a.doneAt ? t('routine.week.stateLine.done', { date: formatDay(lang, a.doneAt) }) : t('routine.week.stateLine.doneElsewhere');
  if (state === 'snoozed') return t('routine.week.stateLine.snoozed', { date: formatDay(lang, a.until ?? '') });
  return t(`routine.week.stateLine.${state}`);
}
