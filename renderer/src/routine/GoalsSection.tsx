import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteGoal, draftOfGoal, EMPTY_GOAL, saveGoal, setGoalPaused, validateGoal, type GoalDraft, type GoalErrors } from '../../../shared/document/goals.js';
import { CHANNELS, INTERACTION_KINDS, PERIOD_UNITS, type ActivityGoal, type CarnetDocument } from '../../../shared/document/schema.js';
import { toLanguage } from '../../../shared/i18n/index.js';
import { goalLabel } from '../../../shared/routine/goals.js';
import { activeObjectives } from '../../../shared/routine/objectives.js';
import { formatDay, sayPhrase } from '../../../shared/routine/phrases.js';
import { Icon } from '../components/Icon.js';
import { useStore } from '../state/StoreContext.js';
import { useRoutineFacts } from './routineFor.js';

type Props = { doc: CarnetDocument; version: number; today: string };

/**
 * Activity goals and their progress: this period, and a row of the last
 * ones, each met or missed on its own. No streak is counted: a missed week
 * shows as missed, and the next one starts fresh.
 */
export function GoalsSection({ doc, version, today }: Props) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const store = useStore();
  const [editing, setEditing] = useState<string | null>(null);
  // The progress is counted off the UI thread, with the routine's facts. Until an answer follows an edit,
  // each goal reads as the document has it now (paused, its objective), and one deleted since is not shown.
  const { facts } = useRoutineFacts();
  const goals = useMemo(
    () =>
      facts
        ? facts.goals.filter((p) => Object.hasOwn(doc.goals, p.goal.id)).map((p) => ({ ...p, goal: doc.goals[p.goal.id]!, label: goalLabel(doc.goals[p.goal.id]!) }))
        : null,
    // `version` stands for the in-place edits of `doc`.
    [facts, doc, version],
  );

  return (
    <section className="sugg-section" aria-labelledby="routine-goals-title">
      <h3 id="routine-goals-title" className="sugg-section-title">
        {t('routine.goals.title')} {goals && <span className="count">{goals.length}</span>}
      </h3>
      <div className="personas-head">
        <p className="hint">{t('routine.goals.intro')}</p>
        {editing === null && (
          <button type="button" className="button primary" onClick={() => setEditing('new')}>
            <Icon name="plus" size={16} />
            {t('routine.goals.add')}
          </button>
        )}
      </div>
      {editing !== null && <GoalEditor key={editing} doc={doc} goal={editing === 'new' ? undefined : doc.goals[editing]} today={today} onDone={() => setEditing(null)} />}
      {!goals ? (
        <div className="drawer-loading">
          <span className="spinner" aria-hidden="true" />
          <p>{t('routine.goals.reading')}</p>
        </div>
      ) : goals.length === 0 && editing === null ? (
        <p className="hint empty-list">{t('routine.goals.none')}</p>
      ) : (
        <ul className="sugg-list" aria-label={t('routine.goals.list')}>
          {goals.map((p) => {
            const label = sayPhrase(lang, p.label);
            const objective = p.goal.objective && Object.hasOwn(doc.objectives, p.goal.objective) ? doc.objectives[p.goal.objective]!.title : null;
            return (
              <li key={p.goal.id}>
                <article className={`sugg-card compact goal-card${p.goal.paused ? ' paused' : ''}`} aria-label={label}>
                  <header className="sugg-head">
                    <h4>{label.charAt(0).toLocaleUpperCase(lang) + label.slice(1)}</h4>
                    {p.goal.paused ? (
                      <span className="badge">{t('routine.goals.paused')}</span>
                    ) : p.current.met ? (
                      <span className="badge met">{t('routine.goals.met')}</span>
                    ) : (
                      <span className="badge late">{t('routine.goals.left', { count: p.current.remaining })}</span>
                    )}
                  </header>
                  {objective && <p className="sugg-meta">{t('routine.goals.serves', { objective })}</p>}
                  <p className="sugg-text">{t('routine.goals.current', { count: p.current.count, target: p.goal.count, date: formatDay(lang, p.current.end) })}</p>
                  <span className="routine-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, (100 * p.current.count) / p.goal.count)}%` }} />
                  </span>
                  {p.past.length > 0 ? (
                    <>
                      <ol className="goal-periods" aria-label={`${t('routine.goals.periods')}: ${label}`}>
                        {p.past.map((period) => (
                          <li
                            key={period.index}
                            className={period.met ? 'met' : 'missed'}
                            title={t('routine.goals.period', { start: formatDay(lang, period.start), end: formatDay(lang, period.end), count: period.count, target: p.goal.count, state: t(period.met ? 'routine.goals.periodMet' : 'routine.goals.periodMissed') })}
                          >
                            <span className="visually-hidden">
                              {t('routine.goals.period', { start: formatDay(lang, period.start), end: formatDay(lang, period.end), count: period.count, target: p.goal.count, state: t(period.met ? 'routine.goals.periodMet' : 'routine.goals.periodMissed') })}
                            </span>
                          </li>
                        ))}
                      </ol>
                      <p className="hint">{t('routine.goals.pastMet', { met: p.pastMet, count: p.past.length })}</p>
                    </>
                  ) : (
                    <p className="hint">{t('routine.goals.pastNone')}</p>
                  )}
                  <div className="sugg-actions">
                    <button type="button" className="sugg-button" aria-label={`${t('routine.goals.edit')}: ${label}`} onClick={() => setEditing(p.goal.id)}>
                      <Icon name="pencil" size={15} />
                      <span>{t('routine.goals.edit')}</span>
                    </button>
                    <span className="sugg-secondary">
                      <button type="button" className="sugg-button quiet" aria-label={`${t(p.goal.paused ? 'routine.goals.resume' : 'routine.goals.pause')}: ${label}`} onClick={() => void store.apply(setGoalPaused(doc, p.goal.id, !p.goal.paused))}>
                        <span>{t(p.goal.paused ? 'routine.goals.resume' : 'routine.goals.pause')}</span>
                      </button>
                      <button type="button" className="sugg-button quiet danger" aria-label={`${t('routine.goals.delete')}: ${label}`} onClick={() => void store.apply(deleteGoal(doc, p.goal.id))}>
                        <Icon name="trash" size={15} />
                        <span>{t('routine.goals.delete')}</span>
                      </button>
                    </span>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function GoalEditor({ doc, goal, today, onDone }: { doc: CarnetDocument; goal?: ActivityGoal; today: string; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const store = useStore();
  const id = useId();
  const [draft, setDraft] = useState<GoalDraft>(() => (goal ? draftOfGoal(goal) : EMPTY_GOAL));
  const [errors, setErrors] = useState<GoalErrors>({});
  const count = Number(draft.count);
  const every = Number(draft.every);
  const preview =
    Object.keys(validateGoal(draft)).length === 0
      ? sayPhrase(lang, goalLabel({ id: 'preview', channels: draft.channels, kinds: draft.kinds, count, every, unit: draft.unit, since: today }))
      : null;
  const submit = async () => {
    const found = validateGoal(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (await store.apply(saveGoal(doc, draft, today, goal?.id))) onDone();
  };
  return (
    <form
      className="persona-editor goal-editor"
      aria-label={goal ? t('routine.goals.form.editTitle') : t('routine.goals.form.newTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <h4 className="sugg-section-title">{goal ? t('routine.goals.form.editTitle') : t('routine.goals.form.newTitle')}</h4>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-count`}>{t('routine.goals.form.count')}</label>
          <input id={`${id}-count`} type="number" min={1} max={1000} value={draft.count} aria-invalid={errors.count ? true : undefined} onChange={(e) => setDraft({ ...draft, count: e.target.value })} />
          {errors.count && <p className="field-error">{t(errors.count)}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('routine.goals.form.kinds')}</label>
          <select id={`${id}-kind`} value={draft.kinds[0] ?? ''} onChange={(e) => setDraft({ ...draft, kinds: e.target.value ? [e.target.value as GoalDraft['kinds'][number]] : [] })}>
            <option value="">{t('routine.goals.form.anyKind')}</option>
            {INTERACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`routine.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-channel`}>{t('routine.goals.form.channels')}</label>
          <select id={`${id}-channel`} value={draft.channels[0] ?? ''} onChange={(e) => setDraft({ ...draft, channels: e.target.value ? [e.target.value as GoalDraft['channels'][number]] : [] })}>
            <option value="">{t('routine.goals.form.anyChannel')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-every`}>{t('routine.goals.form.every')}</label>
          <input id={`${id}-every`} type="number" min={1} max={366} value={draft.every} aria-invalid={errors.every ? true : undefined} onChange={(e) => setDraft({ ...draft, every: e.target.value })} />
          {errors.every && <p className="field-error">{t(errors.every)}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('routine.goals.form.unit')}</label>
          <select id={`${id}-unit`} value={draft.unit} onChange={(e) => setDraft({ ...draft, unit: e.target.value as GoalDraft['unit'] })}>
            {PERIOD_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`routine.goals.form.units.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-objective`}>{t('routine.goals.form.objective')}</label>
          <select id={`${id}-objective`} value={draft.objective} onChange={(e) => setDraft({ ...draft, objective: e.target.value })}>
            <option value="">{t('routine.goals.form.noObjective')}</option>
            {activeObjectives(doc).map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {preview && <p className="hint" role="status">{t('routine.goals.form.preview', { label: preview })}</p>}
      <div className="persona-editor-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('routine.objectives.form.cancel')}
        </button>
        <button type="submit" className="button primary">
          {t('routine.goals.form.save')}
        </button>
      </div>
    </form>
  );
}
