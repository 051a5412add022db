import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import { deleteObjective } from '../../../shared/document/objectives.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { Icon } from '../components/Icon.js';
import { useStore } from '../state/StoreContext.js';
import { GoalsSection } from './GoalsSection.js';
import { ObjectiveCard } from './ObjectiveCard.js';
import { ObjectiveEditor } from './ObjectiveEditor.js';
import { targetNames } from './targetNames.js';
import { useClock } from './useRoutine.js';
import './routine.css';

type Props = {
  doc: CarnetDocument;
  version: number;
  result: AnalysisResult | null;
  /** The objective being edited: an id, 'new', or null. */
  editing: string | null;
  onEdit(id: string | null): void;
};

/** Objectives (what, whom, why, by when, the stage aimed for, steps, reviews, history) and activity goals. */
export function ObjectivesPanel({ doc, version, result, editing, onEdit }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const { today } = useClock();
  const names = targetNames(doc, result, t('routine.objectives.deleted'));
  const order = { active: 0, achieved: 1, dropped: 2 } as const;
  const objectives = Object.values(doc.objectives).sort((a, b) => order[a.status] - order[b.status] || (a.by ?? '9999').localeCompare(b.by ?? '9999') || a.title.localeCompare(b.title));

  if (editing !== null && (editing === 'new' || Object.hasOwn(doc.objectives, editing))) {
    return <ObjectiveEditor key={editing} doc={doc} result={result} objectiveId={editing === 'new' ? undefined : editing} onDone={() => onEdit(null)} />;
  }

  return (
    <div className="suggestions routine-objectives">
      <section className="sugg-section" aria-labelledby="routine-objectives-title">
        <h3 id="routine-objectives-title" className="sugg-section-title">
          {t('routine.objectives.title')} <span className="count">{objectives.length}</span>
        </h3>
        <div className="personas-head">
          <p className="hint">{t('routine.objectives.intro')}</p>
          <button type="button" className="button primary" onClick={() => onEdit('new')}>
            <Icon name="plus" size={16} />
            {t('routine.objectives.add')}
          </button>
        </div>
        {objectives.length === 0 ? (
          <p className="hint empty-list">{t('routine.objectives.none')}</p>
        ) : (
          <ul className="sugg-list" aria-label={t('routine.objectives.list')}>
            {objectives.map((o) => (
              <li key={o.id}>
                <ObjectiveCard doc={doc} objective={o} stage={result?.stage ?? null} names={names} today={today} onEdit={() => onEdit(o.id)} onDelete={() => void store.apply(deleteObjective(doc, o.id))} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <GoalsSection doc={doc} version={version} today={today} />
    </div>
  );
}
