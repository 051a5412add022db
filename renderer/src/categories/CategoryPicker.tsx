import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { foldText } from '../../../shared/search/normalize.js';
import { Dialog } from '../dialogs/Dialog.js';
import { useStore } from '../state/StoreContext.js';
import { categoryNamed, sortedCategories } from '../../../shared/document/categories.js';
import { useCategorize } from './useCategorize.js';

type Props = { doc: CarnetDocument; version: number; ids: string[]; onClose(): void };

type Item = { kind: 'category'; id: string; name: string; color: string; state: 'all' | 'some' | 'none' } | { kind: 'create'; name: string };

/**
 * The keyboard's way to categorize (shortcut C): type to filter, arrows to
 * move, Enter puts the selected contacts in the category or takes them out
 * (creating it when the text names none). What happened is announced.
 */
export function CategoryPicker({ doc, version, ids, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const { message, setMembership, addToNamed } = useCategorize(store);

  const items = useMemo((): Item[] => {
    const q = foldText(text).trim();
    const out: Item[] = sortedCategories(doc, i18n.language)
      .filter((c) => foldText(c.name).includes(q))
      .map((c) => {
        const inIt = ids.filter((id) => doc.contacts[id]?.categories.includes(c.id)).length;
        return { kind: 'category', id: c.id, name: c.name, color: c.color, state: inIt === 0 ? 'none' : inIt === ids.length ? 'all' : 'some' };
      });
    if (text.trim() && !categoryNamed(doc, text)) out.push({ kind: 'create', name: text.trim() });
    return out;
  }, [doc, version, text, ids, i18n.language]);

  const pick = (item: Item | undefined) => {
    if (!item) return;
    if (item.kind === 'create') {
      void addToNamed(ids, item.name);
      setText('');
    } else void setMembership(ids, item.id, item.state !== 'all');
  };

  const current = Math.min(active, items.length - 1);
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <Dialog
      title={t('categories.pickerTitle', { count: ids.length })}
      className="dialog-small category-picker"
      onClose={onClose}
      footer={
        <button type="button" className="button primary" onClick={onClose}>
          {t('categories.done')}
        </button>
      }
    >
      <input
        type="text"
        role="combobox"
        data-autofocus
        aria-label={t('categories.pickerInput')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        placeholder={t('categories.pickerPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive(Math.min(current + 1, items.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(current - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(items[current]);
          }
        }}
      />
      <ul id={listId} role="listbox" className="picker-list" aria-label={t('categories.title')}>
        {items.map((item, i) => (
          <li
            key={item.kind === 'create' ? 'create' : item.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            aria-checked={item.kind === 'category' ? (item.state === 'some' ? 'mixed' : item.state === 'all') : undefined}
            className={`picker-item${i === current ? ' active' : ''}`}
            onMouseDown={(e) => {
              e.preventDefault();
              setActive(i);
              pick(item);
            }}
          >
            {item.kind === 'category' ? (
              <>
                <span className={`picker-check ${item.state}`} aria-hidden="true">
                  {item.state === 'all' ? '✓' : item.state === 'some' ? '–' : ''}
                </span>
                <span className="swatch" style={{ backgroundColor: item.color }} aria-hidden="true" />
                {item.name}
              </>
            ) : (
              <span>{t('categories.createNamed', { name: item.name })}</span>
            )}
          </li>
        ))}
        {items.length === 0 && <li className="picker-empty">{t('categories.pickerEmpty')}</li>}
      </ul>
      <p className="hint">{t('categories.pickerHint')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
    </Dialog>
  );
}
