import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';

type Props = { label: string; hint?: string; values: string[]; onChange(values: string[]): void };

/** Keywords as removable chips: Enter or a comma adds what was typed, Backspace on empty removes the last one. */
export function KeywordInput({ label, hint, values, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const inputId = useId();
  const hintId = useId();

  const commit = () => {
    const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
    const known = new Set(values.map((v) => v.toLowerCase()));
    const added = parts.filter((p) => !known.has(p.toLowerCase()));
    if (added.length) onChange([...values, ...added]);
    setText('');
  };

  return (
    <div className="field keyword-field">
      <label htmlFor={inputId}>{label}</label>
      <div className="chip-input">
        {values.map((v) => (
          <span className="chip" key={v}>
            {v}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('analysis.personas.removeKeyword', { keyword: v, field: label })}
              title={t('analysis.personas.removeKeyword', { keyword: v, field: label })}
              onClick={() => onChange(values.filter((x) => x !== v))}
            >
              <Icon name="close" size={12} />
            </button>
          </span>
        ))}
        <input
          id={inputId}
          type="text"
          value={text}
          autoComplete="off"
          placeholder={values.length ? '' : t('analysis.personas.keywordPlaceholder')}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Backspace' && !text && values.length > 0) {
              onChange(values.slice(0, -1));
            }
          }}
        />
      </div>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
