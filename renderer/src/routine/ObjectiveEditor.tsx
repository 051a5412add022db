import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import { sortedCategories } from '../../../shared/document/categories.js';
import { draftOfObjective, EMPTY_OBJECTIVE, saveObjective, validateObjective, type ObjectiveDraft, type ObjectiveErrors } from '../../../shared/document/objectives.js';
import { STAGES, type CarnetDocument } from '../../../shared/document/schema.js';
import { Icon } from '../components/Icon.js';
import { useStore } from '../state/StoreContext.js';
import { targetNames } from './targetNames.js';

type Props = { doc: CarnetDocument; result: AnalysisResult | null; objectiveId?: string; onDone(): void };

/** Clusters offered as targets: the biggest ones, where most of the network is. */
const CLUSTERS_SHOWN = 12;

/** What an objective is, for whom, why, by when, the stage it calls for, its steps and review date. One save = one undoable step and one revision. */
export function ObjectiveEditor({ doc, result, objectiveId, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const existing = objectiveId && Object.hasOwn(doc.objectives, objectiveId) ? doc.objectives[objectiveId]! : undefined;
  const [draft, setDraft] = useState<ObjectiveDraft>(() => (existing ? draftOfObjective(existing) : EMPTY_OBJECTIVE));
  const [errors, setErrors] = useState<ObjectiveErrors>({});
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const id = useId();
  useEffect(() => titleRef.current?.focus(), []);

  const names = targetNames(doc, result, t('routine.objectives.deleted'));
  // What the objective already names stays listed (a persona deleted since, a cluster not among the biggest), so it can be taken off.
  const withChosen = (items: { id: string; name: string }[], chosen: string[], name: (id: string) => string) => [
    ...items,
    ...chosen.filter((c) => !items.some((i) => i.id === c)).map((c) => ({ id: c, name: name(c) })),
  ];
  const personas = withChosen(
    Object.values(doc.personas)
      .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
      .map((p) => ({ id: p.id, name: p.name })),
    draft.personas,
    names.persona,
  );
  const clusters = withChosen(
    [...(result?.clusters ?? [])]
      .sort((a, b) => b.size - a.size)
      .slice(0, CLUSTERS_SHOWN)
      .map((c) => ({ id: c.id, name: c.label })),
    draft.clusters,
    names.cluster,
  );
  const categories = withChosen(
    sortedCategories(doc, i18n.language).map((c) => ({ id: c.id, name: c.name })),
    draft.categories,
    names.category,
  );
  const toggle = (field: 'personas' | 'clusters' | 'categories', value: string) =>
    setDraft((d) => ({ ...d, [field]: d[field].includes(value) ? d[field].filter((x) => x !== value) : [...d[field], value] }));

  const submit = async () => {
    const found = validateObjective(draft);
    setErrors(found);
    if (Object.keys(found).length) {
      if (found.title) titleRef.current?.focus();
      return;
    }
    setSaving(true);
    const ok = await store.apply(saveObjective(doc, draft, names, existing?.id));
    setSaving(false);
    if (ok) onDone();
  };

  const error = (key: keyof ObjectiveErrors) =>
    errors[key] && (
      <p id={`${id}-${key}-error`} className="field-error">
        {t(errors[key]!)}
      </p>
    );
  const invalid = (key: keyof ObjectiveErrors) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-error` } : {});

  return (
    <form
      className="persona-editor objective-editor"
      aria-labelledby={headingId}
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
      <h3 id={headingId} className="sugg-section-title">
        {existing ? t('routine.objectives.form.editTitle') : t('routine.objectives.form.newTitle')}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('routine.objectives.form.title')}</label>
        <input ref={titleRef} id={`${id}-title`} type="text" maxLength={500} value={draft.title} placeholder={t('routine.objectives.form.titlePlaceholder')} {...invalid('title')} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
        {error('title')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-why`}>{t('routine.objectives.form.why')}</label>
        <textarea id={`${id}-why`} rows={2} maxLength={5000} value={draft.why} onChange={(e) => setDraft({ ...draft, why: e.target.value })} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-by`}>{t('routine.objectives.form.by')}</label>
          <input id={`${id}-by`} type="date" max="9999-12-31" value={draft.by} {...invalid('by')} onChange={(e) => setDraft({ ...draft, by: e.target.value })} />
          {error('by')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-stage`}>{t('routine.objectives.form.stage')}</label>
          <select id={`${id}-stage`} value={draft.stage} onChange={(e) => setDraft({ ...draft, stage: e.target.value as ObjectiveDraft['stage'] })}>
            <option value="">{t('routine.objectives.form.stageNone')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`routine.stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="field objective-targets">
        <legend>{t('routine.objectives.whom')}</legend>
        <TargetGroup title={t('routine.objectives.personas')} items={personas} chosen={draft.personas} onToggle={(v) => toggle('personas', v)} />
        <TargetGroup title={t('routine.objectives.clusters')} items={clusters} chosen={draft.clusters} onToggle={(v) => toggle('clusters', v)} empty={t('routine.objectives.form.noClusters')} />
        <TargetGroup title={t('routine.objectives.categories')} items={categories} chosen={draft.categories} onToggle={(v) => toggle('categories', v)} />
      </fieldset>
      <fieldset className="field objective-steps-editor">
        <legend>{t('routine.objectives.steps')}</legend>
        {draft.steps.map((s, i) => (
          <div key={s.id ?? `new-${i}`} className="step-row">
            <input
              type="text"
              maxLength={1000}
              aria-label={t('routine.objectives.form.stepText', { n: i + 1 })}
              value={s.text}
              {...invalid(`step${i}`)}
              onChange={(e) => setDraft({ ...draft, steps: draft.steps.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })}
            />
            <input
              type="date"
              max="9999-12-31"
              aria-label={`${t('routine.objectives.form.stepDue')} (${t('routine.objectives.form.stepText', { n: i + 1 })})`}
              value={s.due}
              onChange={(e) => setDraft({ ...draft, steps: draft.steps.map((x, j) => (j === i ? { ...x, due: e.target.value } : x)) })}
            />
            <button type="button" className="icon-button" aria-label={t('routine.objectives.form.removeStep', { n: i + 1 })} onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, j) => j !== i) })}>
              <Icon name="trash" size={16} />
            </button>
            {error(`step${i}`)}
          </div>
        ))}
        <button type="button" className="button" onClick={() => setDraft({ ...draft, steps: [...draft.steps, { text: '', due: '' }] })}>
          <Icon name="plus" size={16} />
          {t('routine.objectives.form.addStep')}
        </button>
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-review`}>{t('routine.objectives.form.reviewDate')}</label>
          <input id={`${id}-review`} type="date" max="9999-12-31" value={draft.reviewDate} {...invalid('reviewDate')} onChange={(e) => setDraft({ ...draft, reviewDate: e.target.value })} />
          {error('reviewDate')}
        </div>
        {existing && (
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('routine.objectives.form.status')}</label>
            <select id={`${id}-status`} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as ObjectiveDraft['status'] })}>
              {(['active', 'achieved', 'dropped'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`routine.objectives.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="persona-editor-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('routine.objectives.form.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={saving}>
          {t('routine.objectives.form.save')}
        </button>
      </div>
    </form>
  );
}

function TargetGroup({ title, items, chosen, onToggle, empty }: { title: string; items: { id: string; name: string }[]; chosen: string[]; onToggle(id: string): void; empty?: string }) {
  return (
    <div className="target-group">
      <span className="people-title">{title}</span>
      {items.length === 0 ? (
        empty && <p className="hint">{empty}</p>
      ) : (
        <div className="target-options">
          {items.map((item) => (
            <label key={item.id} className={`chip toggle${chosen.includes(item.id) ? ' on' : ''}`}>
              <input type="checkbox" checked={chosen.includes(item.id)} onChange={() => onToggle(item.id)} />
              <span>{item.name}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
