import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../shared/analysis/stage.js';
import { reviewObjective, setStepDone, type TargetNames } from '../../../shared/document/objectives.js';
import type { CarnetDocument, Objective, ObjectiveRevision } from '../../../shared/document/schema.js';
import { toLanguage, type Language } from '../../../shared/i18n/index.js';
import { isDay } from '../../../shared/routine/dates.js';
import { nextReviewDate } from '../../../shared/routine/objectives.js';
import { formatDay } from '../../../shared/routine/phrases.js';
import { Icon } from '../components/Icon.js';
import { useStore } from '../state/StoreContext.js';

type Props = {
  doc: CarnetDocument;
  objective: Objective;
  /** The stage the diagnosis measures (null before the first analysis). */
  stage: Stage | null;
  names: TargetNames;
  today: string;
  onEdit(): void;
  onDelete(): void;
};

type T = TFunction;

/** An objective: what, whom, why, by when, the stage aimed for beside the one measured, its steps, its review date and its history. */
export function ObjectiveCard({ doc, objective: o, stage, names, today, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const store = useStore();
  const headingId = `objective-${o.id}`;
  const reviewDue = o.status === 'active' && o.reviewDate !== undefined && o.reviewDate.slice(0, 10) <= today;
  const whom = [
    ...o.personas.map((id) => ({ kind: 'personas', name: names.persona(id) })),
    ...o.clusters.map((id) => ({ kind: 'clusters', name: names.cluster(id) })),
    ...o.categories.map((id) => ({ kind: 'categories', name: names.category(id) })),
  ];
  const measured = stage?.stage ?? null;

  return (
    <article className={`sugg-card objective-card${reviewDue ? ' review-due' : ''}`} aria-labelledby={headingId}>
      <header className="sugg-head">
        <h4 id={headingId}>{o.title}</h4>
        <span className={`badge status-${o.status}`}>{t(`routine.objectives.status.${o.status}`)}</span>
      </header>
      <p className="sugg-meta">
        {o.by && <span>{t('routine.objectives.by', { date: formatDay(lang, o.by) })}</span>}
        {o.reviewDate && !reviewDue && <span>{t('routine.objectives.reviewOn', { date: formatDay(lang, o.reviewDate) })}</span>}
      </p>
      {o.why && <p className="sugg-text">{o.why}</p>}
      <div className="objective-stage" data-testid={`stage-${o.id}`}>
        <span>{o.stage ? t('routine.objectives.aim', { stage: t(`routine.stage.${o.stage}`) }) : t('routine.objectives.aimNone')}</span>
        <span>{measured ? t('routine.objectives.measured', { stage: t(`routine.stage.${measured}`) }) : t('routine.objectives.measuredNone')}</span>
        {o.stage && measured && (
          <span className="hint">
            {o.stage === measured
              ? t('routine.objectives.stageMatch')
              : t('routine.objectives.stageDiffer')}
          </span>
        )}
      </div>
      <div className="objective-whom">
        <span className="people-title">{t('routine.objectives.whom')}</span>
        {whom.length === 0 ? (
          <span className="hint">{t('routine.objectives.nobody')}</span>
        ) : (
          <ul className="chip-list" aria-label={`${t('routine.objectives.whom')}: ${o.title}`}>
            {whom.map((w, i) => (
              <li key={i} className={`chip small whom-${w.kind}`} title={t(`routine.objectives.${w.kind}`)}>
                {w.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="objective-steps">
        <span className="people-title">{t('routine.objectives.steps')}</span>
        {o.steps.length === 0 ? (
          <p className="hint">{t('routine.objectives.noSteps')}</p>
        ) : (
          <ul aria-label={`${t('routine.objectives.steps')}: ${o.title}`}>
            {o.steps.map((s) => (
              <li key={s.id} className={s.done ? 'done' : s.due.slice(0, 10) < today ? 'late' : ''}>
                <label>
                  <input
                    type="checkbox"
                    checked={Boolean(s.done)}
                    onChange={(e) => void store.apply(setStepDone(doc, o.id, s.id, e.target.checked ? today : null, names))}
                  />
                  <span>{s.text}</span>
                </label>
                <span className="hint">{s.done ? t('routine.objectives.stepDoneOn', { date: formatDay(lang, s.done) }) : t('routine.objectives.stepDue', { date: formatDay(lang, s.due) })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {reviewDue && (
        <div className="objective-review" role="status">
          <p>{t('routine.objectives.reviewDue', { date: formatDay(lang, o.reviewDate!) })}</p>
          <div className="sugg-actions">
            <button type="button" className="sugg-button primary" onClick={() => void store.apply(reviewObjective(doc, o.id, nextReviewDate(today), ''))}>
              {t('routine.objectives.reviewNow')}
            </button>
            <button type="button" className="sugg-button" onClick={onEdit}>
              <Icon name="pencil" size={15} />
              <span>{t('routine.objectives.edit')}</span>
            </button>
          </div>
        </div>
      )}
      <details className="objective-history">
        <summary>{t('routine.objectives.history', { count: o.history.length })}</summary>
        <ol aria-label={`${t('routine.objectives.history', { count: o.history.length })}: ${o.title}`}>
          {[...o.history].reverse().map((r, i) => (
            <li key={i}>
              <Revision revision={r} t={t} lang={lang} />
            </li>
          ))}
        </ol>
      </details>
      <div className="sugg-actions">
        {!reviewDue && (
          <button type="button" className="sugg-button" aria-label={`${t('routine.objectives.edit')}: ${o.title}`} onClick={onEdit}>
            <Icon name="pencil" size={15} />
            <span>{t('routine.objectives.edit')}</span>
          </button>
        )}
        <span className="sugg-secondary">
          <button type="button" className="sugg-button quiet danger" aria-label={`${t('routine.objectives.delete')}: ${o.title}`} onClick={onDelete}>
            <Icon name="trash" size={15} />
            <span>{t('routine.objectives.delete')}</span>
          </button>
        </span>
      </div>
    </article>
  );
}

function Revision({ revision: r, t, lang }: { revision: ObjectiveRevision; t: T; lang: Language }) {
  const value = (field: string, v: string | undefined) => {
    if (!v) return '∅';
    if (field === 'stage') return t(`routine.stage.${v}`);
    if (field === 'status') return t(`routine.objectives.status.${v}`);
    if (isDay(v)) return formatDay(lang, v);
    return v;
  };
  return (
    <>
      <span className="revision-when">{t(`routine.objectives.revision.${r.kind}`, { date: formatDay(lang, r.at) })}</span>
      {r.changes.length > 0 ? (
        <ul className="revision-changes">
          {r.changes.map((c, i) => (
            <li key={i}>
              <strong>{t(`routine.objectives.field.${c.field}`)}</strong>{' '}
              {c.from !== undefined && r.kind !== 'created' ? (
                <>
                  <span className="from">{value(c.field, c.from)}</span> → <span className="to">{value(c.field, c.to)}</span>
                </>
              ) : (
                <span className="to">{value(c.field, c.to)}</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        r.kind !== 'created' && <span className="hint"> — {t('routine.objectives.unchanged')}</span>
      )}
      {r.note && <p className="hint">{r.note}</p>}
    </>
  );
}
