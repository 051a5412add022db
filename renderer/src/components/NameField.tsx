import { useId } from 'react';

type Props = {
  label: string;
  value: string;
  /** The message shown (and announced) while the name is refused, else null. */
  error: string | null;
  onChange(value: string): void;
};

/** The one text field of a "name it" dialog (a saved view, a category): focused first, its refusal tied to it. */
export function NameField({ label, value, error, onChange }: Props) {
  const inputId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        data-autofocus
        value={value}
        maxLength={200}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error !== null && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
