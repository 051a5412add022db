import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';

type Props = { tags: string[]; onChange(tags: string[]): void };

/** Tags as removable chips; Enter or a comma adds what was typed. */
export function TagInput({ tags, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const inputId = useId();

  const commit = () => {
    const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
    if (parts.length > 0) onChange([...tags, ...parts.filter((p) => !tags.includes(p))]);
    setText('');
  };

  return (
    <div className="field">
      <label htmlFor={inputId}>{t('panel.tags')}</label>
      <div className="chip-input">
        {tags.map((tag) => (
          <span className="chip" key={tag}>
            {tag}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('panel.removeTag', { tag })}
              title={t('panel.removeTag', { tag })}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              <Icon name="close" size={12} />
            </button>
          </span>
        ))}
        <input
          id={inputId}
          type="text"
          value={text}
          placeholder={t('panel.tagPlaceholder')}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Backspace' && !text && tags.length > 0) {
              onChange(tags.slice(0, -1));
            }
          }}
        />
      </div>
    </div>
  );
}
