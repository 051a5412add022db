import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search/searchIndex.js';
import { useStore } from '../state/StoreContext.js';
import { HitOption } from './HitOption.js';
import { searchFor } from './searchClient.js';
import './search.css';

type Props = { disabled: boolean; onChoose(id: string): void };

/**
 * The toolbar's search field (Ctrl/Cmd+K), an ARIA combobox: results come
 * as the user types, arrows move through them, Enter picks one.
 */
export function SearchBox({ disabled, onChoose }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  /** The text the shown hits answer: until the answer to a newer text arrives, the list says it is busy. */
  const [answered, setAnswered] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        if (document.querySelector('dialog[open]')) return;
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!text.trim()) {
      setHits([]);
      setAnswered(text);
      return;
    }
    let live = true;
    void searchFor(store)
      .query(text)
      .then((h) => {
        if (!live || !h) return;
        setHits(h);
        setAnswered(text);
        setActive(0);
      });
    return () => {
      live = false;
    };
  }, [text, store]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    onChoose(hit.id);
  };

  const shown = open && text.trim() !== '';
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="search" role="search">
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" aria-hidden="true" focusable="false">
        <path d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4" />
      </svg>
      <input
        ref={input}
        type="search"
        role="combobox"
        className="search-input"
        aria-label={t('search.label')}
        aria-keyshortcuts="Control+K Meta+K"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && hits.length > 0 ? optionId(active) : undefined}
        placeholder={t('search.placeholder')}
        disabled={disabled}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(hits[active]);
          } else if (e.key === 'Escape') {
            if (shown) setOpen(false);
            else setText('');
          }
        }}
      />
      <ul id={listId} role="listbox" className="search-results" aria-label={t('search.results')} aria-busy={answered !== text} hidden={!shown}>
        {hits.map((h, i) => (
          <HitOption key={h.id} hit={h} id={optionId(i)} active={i === active} onChoose={choose} onHover={() => setActive(i)} />
        ))}
        {hits.length === 0 && answered === text && <li className="search-empty">{t('search.none')}</li>}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {shown && answered === text ? t('search.count', { count: hits.length }) : ''}
      </span>
    </div>
  );
}
