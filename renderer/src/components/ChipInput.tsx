import { useId, useState } from 'react';
import { Icon } from './Icon.js';

type Props = {
  label: string;
  values: string[];
  onChange(values: string[]): void;
  /** Accessible name of the × that removes `value`. */
  removeLabel(value: string): string;
  placeholder?: string;
  hint?: string;
  className?: string;
};

/**
 * Words as removable chips: Enter or a comma adds what was typed (ignoring
 * one already there, whatever its case), Backspace in the empty field removes
 * the last one. Tags and persona keywords both use it.
 */
export function ChipInput({ label, values, onChange, removeLabel, placeholder, hint, className }: Props) {
  const [text, setText] = useState('');
  const inputId = useId();
  const hintId = useId();

  const commit = () => {
    const known = new Set(values.map((v) => v.toLowerCase()));
    const added: string[] = [];
    for (const part of text.split(',').map((s) => s.trim())) {
      if (part && !known.has(part.toLowerCase())) {
        known.add(part.toLowerCase());
        added.push(part);
      }
    }
    if (added.length > 0) onChange([...values, ...added]);
    setText('');
  };

  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      <div className="chip-input">
        {values.map((v) => (
          <span className="chip" key={v}>
            {v}
            <button type="button" className="chip-remove" aria-label={removeLabel(v)} title={removeLabel(v)} onClick={() => onChange(values.filter((x) => x !== v))}>
              <Icon name="close" size={12} />
            </button>
          </span>
        ))}
        <input
          id={inputId}
          type="text"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
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
