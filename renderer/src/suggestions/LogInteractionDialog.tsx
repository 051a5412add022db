import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logInteraction, newId } from '../../../shared/document/commands.js';
import type { ChangeSet } from '../../../shared/document/operations.js';
import { CHANNELS, DIRECTIONS, INTERACTION_KINDS, type CarnetDocument, type Interaction } from '../../../shared/document/schema.js';
import { today } from '../analysis/analysisClient.js';
import { Dialog } from '../dialogs/Dialog.js';
import { useStore } from '../state/StoreContext.js';

type Props = {
  doc: CarnetDocument;
  contactId: string;
  /** The first step Carnet suggested, recalled above the form. */
  firstStep?: string;
  /** Prefilled fields (a plan action knows its channel). */
  initial?: Partial<Pick<Interaction, 'channel' | 'kind' | 'note'>>;
  /** Dialog title and submit button, when logging is part of something else ("Done: Ana"). */
  title?: string;
  submitLabel?: string;
  /** Builds the one undoable change from the interaction (default: log it alone). */
  toChangeSet?(interaction: Interaction): ChangeSet;
  onClose(): void;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Logs what the user did with a contact: one undoable ChangeSet. The
 * analysis sees it at once (the worker's replica gets the same ChangeSet).
 */
export function LogInteractionDialog({ doc, contactId, firstStep, initial, title, submitLabel, toChangeSet, onClose }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const name = doc.contacts[contactId]?.name ?? contactId;
  const [date, setDate] = useState(today());
  const [channel, setChannel] = useState<Interaction['channel']>(initial?.channel ?? 'message');
  const [kind, setKind] = useState<Interaction['kind'] | ''>(initial?.kind ?? '');
  // Carnet suggests giving first, so that is the likely answer.
  const [direction, setDirection] = useState<Interaction['direction']>('gave');
  const [note, setNote] = useState(initial?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { date: useId(), channel: useId(), kind: useId(), note: useId(), error: useId() };

  const submit = async () => {
    if (!DAY.test(date) || Number.isNaN(Date.parse(date))) {
      setError(t('analysis.log.badDate'));
      return;
    }
    setSaving(true);
    const interaction: Interaction = { id: newId('i'), date, contacts: [contactId], channel, direction, ...(kind ? { kind } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    const ok = await store.apply(toChangeSet ? toChangeSet(interaction) : logInteraction(doc, interaction));
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Dialog
      title={title ?? t('analysis.log.title', { name })}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            {submitLabel ?? t('analysis.log.submit')}
          </button>
        </>
      }
    >
      {firstStep && (
        <p className="log-first-step">
          <strong>{t('analysis.firstStep')}</strong> {firstStep}
        </p>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.date}>{t('analysis.log.date')}</label>
          <input
            id={ids.date}
            type="date"
            value={date}
            required
            max="9999-12-31"
            data-autofocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => {
              setDate(e.target.value);
              setError(null);
            }}
          />
          {error && (
            <p id={ids.error} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.channel}>{t('analysis.log.channel')}</label>
          <select id={ids.channel} value={channel} onChange={(e) => setChannel(e.target.value as Interaction['channel'])}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>{t('routine.done.kind')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as Interaction['kind'] | '')}>
          <option value="">{t('routine.done.noKind')}</option>
          {INTERACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`routine.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('analysis.log.direction')}</legend>
        <div className="segmented">
          {DIRECTIONS.map((d) => (
            <label key={d} className={`segment ${direction === d ? 'on' : ''}`}>
              <input type="radio" name="direction" value={d} checked={direction === d} onChange={() => setDirection(d)} />
              <span>{t(`analysis.log.directions.${d}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.note}>{t('analysis.log.note')}</label>
        <textarea id={ids.note} rows={3} value={note} placeholder={t('analysis.log.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
      </div>
    </Dialog>
  );
}
