import { useEffect, useId, useMemo, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import { useMapInstance } from '../categories/useMapInstance.js';
import { Icon } from '../components/Icon.js';
import type { CarnetMap } from '../map/carnetMap.js';
import { facetValues, filterPredicate, isFiltering, NO_FILTERS, type Filters, type Status } from './filterModel.js';
import { setFilters, setMatched, useFilterState } from './filterState.js';
import './filters.css';

type Props = { doc: CarnetDocument; version: number; mapRef: MutableRefObject<CarnetMap | null> };

type ListFacet = 'categories' | 'clusters' | 'tags' | 'strengths' | 'status' | 'sources';
type Chip = { key: string; label: string; remove(): void };

const MAX_TAGS = 40;

/**
 * The map's filters: a panel of facets (categories, clusters, tags,
 * strength, overdue/dormant, source, last contact) and the active ones as
 * removable chips. The map shows only the contacts that pass.
 */
export function FilterBar({ doc, version, mapRef }: Props) {
  const { t, i18n } = useTranslation();
  const map = useMapInstance(mapRef);
  const { result } = useAnalysis();
  const { filters } = useFilterState();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const filtering = isFiltering(filters);

  const facets = useMemo(() => facetValues(doc), [doc, version]);
  const categories = useMemo(() => Object.values(doc.categories).sort((a, b) => a.name.localeCompare(b.name, i18n.language)), [doc, version, i18n.language]);
  const clusters = result?.clusters ?? [];

  useEffect(() => {
    if (!map) return;
    if (!filtering) {
      map.setFilter(null);
      setMatched(null);
      return;
    }
    const keep = filterPredicate(doc, result, filters);
    map.setFilter(keep);
    let n = 0;
    for (const c of Object.values(doc.contacts)) if (keep(c)) n++;
    setMatched(n);
  }, [map, doc, version, result, filters, filtering]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open]);

  const toggle = <K extends ListFacet>(facet: K, value: Filters[K][number]) => {
    const list = filters[facet] as (string | number)[];
    const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    setFilters({ ...filters, [facet]: next });
  };

  const chips: Chip[] = [];
  const chip = <K extends ListFacet>(facet: K, value: Filters[K][number], label: string) =>
    chips.push({ key: `${facet}:${value}`, label: `${t(`filters.facets.${facet as string}`)}: ${label}`, remove: () => toggle(facet, value) });
  for (const id of filters.categories) chip('categories', id, doc.categories[id]?.name ?? id);
  for (const id of filters.clusters) chip('clusters', id, clusters.find((c) => c.id === id)?.label ?? id);
  for (const tag of filters.tags) chip('tags', tag, tag);
  for (const s of filters.strengths) chip('strengths', s, t(`filters.strength.${s}`));
  for (const s of filters.status) chip('status', s, t(`filters.status.${s}`));
  for (const s of filters.sources) chip('sources', s, s);
  if (filters.lastFrom || filters.lastTo) {
    chips.push({
      key: 'last',
      label: `${t('filters.facets.last')}: ${filters.lastFrom ?? '…'} – ${filters.lastTo ?? '…'}`,
      remove: () => setFilters({ ...filters, lastFrom: null, lastTo: null }),
    });
  }

  const box = <K extends ListFacet>(facet: K, value: Filters[K][number], label: ReactNode, count?: number) => (
    <label key={String(value)} className="filter-option">
      <input type="checkbox" checked={(filters[facet] as (string | number)[]).includes(value)} onChange={() => toggle(facet, value)} />
      {label}
      {count !== undefined && <span className="filter-count">{count}</span>}
    </label>
  );

  return (
    <div className="filter-bar" ref={root}>
      <button
        type="button"
        className={`button filter-button${filtering ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
          <path d="M3 5h18l-7 8v6l-4 2v-8z" />
        </svg>
        {t('filters.button')}
        {filtering && <span className="count">{chips.length}</span>}
      </button>
      {chips.length > 0 && (
        <ul className="filter-chips" aria-label={t('filters.active')}>
          {chips.map((c) => (
            <li key={c.key} className="chip">
              {c.label}
              <button type="button" className="chip-remove" aria-label={t('filters.remove', { label: c.label })} title={t('filters.remove', { label: c.label })} onClick={c.remove}>
                <Icon name="close" size={14} />
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
              {t('filters.clear')}
            </button>
          </li>
        </ul>
      )}
      {open && (
        <div id={panelId} className="filter-panel" role="group" aria-label={t('filters.panel')} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <fieldset>
            <legend>{t('filters.facets.categories')}</legend>
            {categories.length === 0 && <p className="hint">{t('filters.noneYet')}</p>}
            {categories.map((c) =>
              box('categories', c.id, (
                <>
                  <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
                  {c.name}
                </>
              )),
            )}
          </fieldset>
          <fieldset>
            <legend>{t('filters.facets.clusters')}</legend>
            {!result && <p className="hint">{t('filters.analysing')}</p>}
            {clusters.map((c) =>
              box('clusters', c.id, (
                <>
                  <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
                  {c.label}
                </>
              ), c.size),
            )}
          </fieldset>
          <fieldset>
            <legend>{t('filters.facets.strengths')}</legend>
            {[5, 4, 3, 2, 1].map((s) => box('strengths', s, t(`filters.strength.${s}`)))}
          </fieldset>
          <fieldset>
            <legend>{t('filters.facets.status')}</legend>
            {(['overdue', 'dormant'] as Status[]).map((s) => box('status', s, t(`filters.status.${s}`)))}
          </fieldset>
          <fieldset>
            <legend>{t('filters.facets.last')}</legend>
            <div className="filter-dates">
              <label>
                {t('filters.from')}
                <input type="date" value={filters.lastFrom ?? ''} onChange={(e) => setFilters({ ...filters, lastFrom: e.target.value || null })} />
              </label>
              <label>
                {t('filters.to')}
                <input type="date" value={filters.lastTo ?? ''} onChange={(e) => setFilters({ ...filters, lastTo: e.target.value || null })} />
              </label>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('filters.facets.sources')}</legend>
            {facets.sources.length === 0 && <p className="hint">{t('filters.noSources')}</p>}
            {facets.sources.map(([s, n]) => box('sources', s, s, n))}
          </fieldset>
          <fieldset className="filter-tags">
            <legend>{t('filters.facets.tags')}</legend>
            {facets.tags.length === 0 && <p className="hint">{t('filters.noneYet')}</p>}
            {facets.tags.slice(0, MAX_TAGS).map(([tag, n]) => box('tags', tag, tag, n))}
          </fieldset>
        </div>
      )}
    </div>
  );
}
