import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search/searchIndex.js';
import { HitOption } from '../search/HitOption.js';
import { searchFor } from '../search/searchClient.js';
import { useStore } from '../state/StoreContext.js';

type Props = {
  label: string;
  /** Contacts not to offer (the contact itself, those already tied to it). */
  exclude: ReadonlySet<string>;
  picked: { id: string; name: string } | null;
  invalid?: boolean;
  describedBy?: string;
  onPick(contact: { id: string; name: string } | null): void;
};

/** Asked of the search worker, so that the few excluded ones never leave the list short. */
const QUERY_LIMIT = 24;
const SHOWN = 8;

/**
 * Picks one contact by typing part of their name, organization or city: an ARIA combobox over the same search
 * index as the toolbar (accents and case ignored). Arrows move, Enter picks, Escape closes the list.
 */
export function ContactPicker({ label, exclude, picked, invalid, describedBy, onPick }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const inputId = useId();
  const listId = useId();
  const [text, setText] = useState(picked?.name ?? '');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!text.trim() || picked) {
      setHits([]);
      return;
    }
    let live = true;
    void searchFor(store)
      .query(text, QUERY_LIMIT)
      .then((h) => {
        if (!live || !h) return;
        setHits(h.filter((x) => !exclude.has(x.id)).slice(0, SHOWN));
        setActive(0);
      });
    return () => {
      live = false;
    };
  }, [text, picked, exclude, store]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setText(hit.name);
    setOpen(false);
    onPick({ id: hit.id, name: hit.name });
  };

  const shown = open && text.trim() !== '' && !picked;
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="field contact-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        autoFocus
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && hits.length > 0 ? optionId(active) : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        placeholder={t('panel.pickPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (picked) onPick(null);
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
          } else if (e.key === 'Enter' && shown) {
            // Picking a name is not submitting the tie: the list's Enter stays with the list.
            e.preventDefault();
            e.stopPropagation();
            choose(hits[active]);
          } else if (e.key === 'Escape' && shown) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" className="picker-results" aria-label={t('panel.pickResults')} hidden={!shown}>
        {hits.map((h, i) => (
          <HitOption key={h.id} hit={h} id={optionId(i)} active={i === active} onChoose={choose} onHover={() => setActive(i)} />
        ))}
        {hits.length === 0 && <li className="search-empty">{t('panel.pickNone')}</li>}
      </ul>
    </div>
  );
}
