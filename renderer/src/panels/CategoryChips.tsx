import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/document/schema.js';

type Props = { categories: Category[]; selected: string[]; onChange(selected: string[]): void };

/** Every category of the document as a toggle chip; pressed chips are the contact's categories. */
export function CategoryChips({ categories, selected, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t('panel.categories')}</legend>
      {categories.length === 0 ? (
        <p className="hint">{t('panel.noCategories')}</p>
      ) : (
        <div className="chips">
          {categories.map((c) => {
            const on = selected.includes(c.id);
            return (
              <button
                type="button"
                key={c.id}
                className={`chip toggle${on ? ' on' : ''}`}
                aria-pressed={on}
                onClick={() => onChange(on ? selected.filter((x) => x !== c.id) : [...selected, c.id])}
              >
                <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
                {c.name}
              </button>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
