import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/document/schema.js';
import { Icon } from '../components/Icon.js';

/** Cadences offered, in days (Dunbar's layers and the usual rhythms of the method). */
export const CADENCES = [7, 14, 30, 90, 182, 365] as const;

type Props = {
  category: Category;
  /** Its members; undefined while they are being counted. */
  count: number | undefined;
  /** Some dragged contacts are in this category: it offers "remove from". */
  canRemove: boolean;
  dragging: boolean;
  over: string | null;
  onEdit(patch: Partial<Omit<Category, 'id'>>): void;
  onDelete(): void;
};

/** One category of the palette: a drop target while dragging, editable otherwise. */
export function CategoryRow({ category, count, canRemove, dragging, over, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(category.name);
  const color = useRef<HTMLInputElement>(null);
  const vars = { name: category.name };

  // React's onChange fires on every step of the colour picker; the native change event fires once, when it closes.
  useEffect(() => {
    const input = color.current;
    if (!input) return;
    const onChange = () => {
      if (input.value.toLowerCase() !== category.color.toLowerCase()) onEdit({ color: input.value });
    };
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, [category.color, onEdit]);

  const add = `add:${category.id}`;
  const remove = `remove:${category.id}`;
  return (
    <li className={`category-row${over === add ? ' drop-over' : ''}`} data-drop={add} data-testid={`category-${category.id}`}>
      <label className="category-swatch" style={{ backgroundColor: category.color }} title={t('categories.recolor', vars)}>
        <input ref={color} type="color" className="visually-hidden" defaultValue={category.color} key={category.color} aria-label={t('categories.recolor', vars)} />
      </label>
      {renaming ? (
        <input
          type="text"
          className="category-rename"
          aria-label={t('categories.rename', vars)}
          value={name}
          autoFocus
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setRenaming(false)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (name.trim() && name.trim() !== category.name) onEdit({ name: name.trim() });
              setRenaming(false);
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              setRenaming(false);
            }
          }}
        />
      ) : (
        <button
          type="button"
          className="category-name"
          title={t('categories.rename', vars)}
          onClick={() => {
            setName(category.name);
            setRenaming(true);
          }}
        >
          {category.name}
        </button>
      )}
      {count !== undefined && (
        <span className="count" aria-label={t('categories.count', { count })}>
          {count}
        </span>
      )}
      {dragging ? (
        canRemove && (
          <span className={`category-remove-target${over === remove ? ' drop-over' : ''}`} data-drop={remove}>
            {t('categories.removeFrom', vars)}
          </span>
        )
      ) : (
        <>
          <select
            className="category-cadence"
            aria-label={t('categories.cadence', vars)}
            value={category.cadenceDays ?? ''}
            onChange={(e) => onEdit({ cadenceDays: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('categories.noCadence')}</option>
            {!category.cadenceDays || (CADENCES as readonly number[]).includes(category.cadenceDays) ? null : (
              <option value={category.cadenceDays}>{t('categories.everyDays', { count: category.cadenceDays })}</option>
            )}
            {CADENCES.map((d) => (
              <option key={d} value={d}>
                {t(`categories.cadences.${d}`)}
              </option>
            ))}
          </select>
          <button type="button" className="icon-button" aria-label={t('categories.delete', vars)} title={t('categories.delete', vars)} onClick={onDelete}>
            <Icon name="trash" size={16} />
          </button>
        </>
      )}
    </li>
  );
}
