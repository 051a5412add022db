import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import { facetValues, type Filters, type Status } from './filterModel.js';
import { setFilters, useFilterState } from './filterState.js';
import { sourceName } from './sourceName.js';
import './filters.css';

type Props = { doc: CarnetDocument; version: number };

export type ListFacet = 'categories' | 'clusters' | 'tags' | 'strengths' | 'status' | 'sources';

const MAX_TAGS = 40;

/** The filters with `value` of `facet` added or taken out. */
export function toggled<K extends ListFacet>(filters: Filters, facet: K, value: Filters[K][number]): Filters {
  const list = filters[facet] as (string | number)[];
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return { ...filters, [facet]: next };
}

/**
 * The map's filters, docked in the side dock: categories, clusters,
 * strength, overdue/dormant, last contact, source and tags. The map shows
 * only the contacts that pass, and frames them.
 */
export function FilterPanel({ doc, version }: Props) {
  const { t, i18n } = useTranslation();
  const { result } = useAnalysis();
  const { filters } = useFilterState();
  const facets = useMemo(() => facetValues(doc), [doc, version]);
  const categories = useMemo(() => Object.values(doc.categories).sort((a, b) => a.name.localeCompare(b.name, i18n.language)), [doc, version, i18n.language]);
  const clusters = result?.clusters ?? [];
  const n = new Intl.NumberFormat(i18n.language);

  const box = <K extends ListFacet>(facet: K, value: Filters[K][number], label: ReactNode, count?: number) => (
    <label key={String(value)} className="filter-option">
      <input type="checkbox" checked={(filters[facet] as (string | number)[]).includes(value)} onChange={() => setFilters(toggled(filters, facet, value))} />
      {label}
      {count !== undefined && <span className="filter-count">{n.format(count)}</span>}
    </label>
  );

  return (
    <div className="filter-panel" role="group" aria-label={t('filters.panel')}>
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
          box(
            'clusters',
            c.id,
            <>
              <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
              {c.label}
            </>,
            c.size,
          ),
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
        {facets.sources.map(([s, count]) => box('sources', s, sourceName(t, s), count))}
      </fieldset>
      <fieldset className="filter-tags">
        <legend>{t('filters.facets.tags')}</legend>
        {facets.tags.length === 0 && <p className="hint">{t('filters.noneYet')}</p>}
        {facets.tags.slice(0, MAX_TAGS).map(([tag, count]) => box('tags', tag, tag, count))}
      </fieldset>
    </div>
  );
}
