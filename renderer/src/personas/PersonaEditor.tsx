import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSONA_FIELDS } from '../../../shared/analysis/personas.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useStore } from '../state/StoreContext.js';
import { KeywordInput } from './KeywordInput.js';
import { draftOfPersona, EMPTY_PERSONA, savePersona, validatePersona, type PersonaDraft, type PersonaErrors } from '../../../shared/document/personas.js';

type Props = {
  doc: CarnetDocument;
  /** The persona to edit; a new one when absent. */
  personaId?: string;
  onDone(): void;
};

/** Defines a target profile: a name, how many such people the user wants, and keywords per field. */
export function PersonaEditor({ doc, personaId, onDone }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const existing = personaId ? doc.personas[personaId] : undefined;
  const [draft, setDraft] = useState<PersonaDraft>(() => (existing ? draftOfPersona(existing) : EMPTY_PERSONA));
  const [errors, setErrors] = useState<PersonaErrors>({});
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const ids = { name: useId(), target: useId(), notes: useId(), nameError: useId(), targetError: useId(), keywordsError: useId() };

  useEffect(() => nameRef.current?.focus(), []);

  const submit = async () => {
    const found = validatePersona(draft);
    setErrors(found);
    if (Object.keys(found).length) {
      if (found.name) nameRef.current?.focus();
      return;
    }
    setSaving(true);
    const ok = await store.apply(savePersona(doc, draft, existing?.id));
    setSaving(false);
    if (ok) onDone();
  };

  return (
    <form
      className="persona-editor"
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
        {existing ? t('analysis.personas.editTitle', { name: existing.name }) : t('analysis.personas.newTitle')}
      </h3>
      <div className="persona-editor-row">
        <div className="field grow">
          <label htmlFor={ids.name}>{t('analysis.personas.name')}</label>
          <input
            ref={nameRef}
            id={ids.name}
            type="text"
            value={draft.name}
            placeholder={t('analysis.personas.namePlaceholder')}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? ids.nameError : undefined}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          {errors.name && (
            <p id={ids.nameError} className="field-error">
              {t(errors.name)}
            </p>
          )}
        </div>
        <div className="field target-field">
          <label htmlFor={ids.target}>{t('analysis.personas.target')}</label>
          <input
            id={ids.target}
            type="number"
            inputMode="numeric"
            min={0}
            max={100000}
            value={draft.target}
            aria-invalid={errors.target ? true : undefined}
            aria-describedby={errors.target ? ids.targetError : undefined}
            onChange={(e) => setDraft({ ...draft, target: e.target.value })}
          />
        </div>
      </div>
      {errors.target && (
        <p id={ids.targetError} className="field-error">
          {t(errors.target)}
        </p>
      )}
      <p className="hint">{t('analysis.personas.matchHint')}</p>
      {PERSONA_FIELDS.map((field) => (
        <KeywordInput
          key={field}
          label={t(`analysis.personas.fields.${field}`)}
          values={draft.match[field]}
          onChange={(values) => setDraft({ ...draft, match: { ...draft.match, [field]: values } })}
        />
      ))}
      {errors.keywords && (
        <p id={ids.keywordsError} className="field-error" role="alert">
          {t(errors.keywords)}
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.notes}>{t('analysis.personas.notes')}</label>
        <textarea id={ids.notes} rows={2} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />
      </div>
      <div className="persona-editor-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('dialog.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={saving}>
          {existing ? t('analysis.personas.save') : t('analysis.personas.create')}
        </button>
      </div>
    </form>
  );
}
