import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';

type Props = {
  legend: string;
  values: string[];
  type: 'email' | 'tel';
  addLabel: string;
  removeLabel: (value: string, index: number) => string;
  error?: string;
  onChange(values: string[]): void;
};

/** An editable list of single-line values (emails, phone numbers). */
export function ValueListEditor({ legend, values, type, addLabel, removeLabel, error, onChange }: Props) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <fieldset className="field value-list" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {values.map((v, i) => (
        <div className="value-row" key={i}>
          <input
            type={type}
            value={v}
            aria-label={t('panel.valueN', { field: legend, n: i + 1 })}
            aria-invalid={error && v.trim() && error.includes(v.trim()) ? true : undefined}
            autoComplete="off"
            onChange={(e) => onChange(values.map((x, j) => (j === i ? e.target.value : x)))}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={removeLabel(v, i)}
            title={removeLabel(v, i)}
            onClick={() => onChange(values.filter((_, j) => j !== i))}
          >
            <Icon name="close" size={16} />
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onChange([...values, ''])}>
        <Icon name="plus" size={14} />
        {addLabel}
      </button>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
