import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDay, type InteractionFields } from '../../../shared/document/interactions.js';
import { CHANNELS, DIRECTIONS, type Interaction } from '../../../shared/document/schema.js';
import { usePendingEdit } from './pendingEdits.js';

type Props = {
  title: string;
  initial: InteractionFields;
  submitLabel: string;
  /** Resolves false when the edit was refused: the editor stays open. */
  onSubmit(fields: InteractionFields): Promise<boolean>;
  onCancel(): void;
};

/**
 * Date, channel, direction and note of one interaction, inside the contact's card. The card is a form of its
 * own, so Enter here submits this editor, not the card, and Escape cancels it without closing the card.
 */
export function InteractionEditor({ title, initial, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(initial);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const ids = { date: useId(), channel: useId(), note: useId(), error: useId(), direction: useId() };
  const dateRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<InteractionFields>) => setFields((f) => ({ ...f, ...patch }));

  const submit = async (): Promise<boolean> => {
    if (!isCalendarDay(fields.date.slice(0, 10))) {
      setError(true);
      dateRef.current?.focus();
      return false;
    }
    setBusy(true);
    const ok = await onSubmit(fields);
    setBusy(false);
    if (ok) onCancel();
    return ok;
  };
  // What is typed here counts as unsaved for the card (closing it asks; its Save submits this too).
  usePendingEdit(JSON.stringify(fields) !== JSON.stringify(initial), submit);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement) && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <div className="interaction-editor" role="group" aria-label={title} onKeyDown={onKeyDown}>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.date}>{t('panel.interaction.date')}</label>
          <input
            ref={dateRef}
            id={ids.date}
            type="date"
            value={fields.date.slice(0, 10)}
            required
            min="1900-01-01"
            max="2200-12-31"
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => {
              set({ date: e.target.value });
              setError(false);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.channel}>{t('panel.interaction.channel')}</label>
          <select id={ids.channel} value={fields.channel} onChange={(e) => set({ channel: e.target.value as Interaction['channel'] })}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p id={ids.error} className="field-error" role="alert">
          {t('panel.errors.date')}
        </p>
      )}
      <fieldset className="field">
        <legend>{t('panel.interaction.direction')}</legend>
        <div className="segmented">
          {DIRECTIONS.map((d) => (
            <label key={d} className={`segment ${fields.direction === d ? 'on' : ''}`}>
              <input type="radio" name={ids.direction} value={d} checked={fields.direction === d} onChange={() => set({ direction: d })} />
              <span>{t(`panel.interaction.directions.${d}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.note}>{t('panel.interaction.note')}</label>
        <textarea id={ids.note} rows={2} value={fields.note ?? ''} placeholder={t('panel.interaction.notePlaceholder')} onChange={(e) => set({ note: e.target.value })} />
      </div>
      <div className="editor-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('panel.interaction.cancel')}
        </button>
        <button type="button" className="button primary" disabled={busy} onClick={() => void submit()}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
