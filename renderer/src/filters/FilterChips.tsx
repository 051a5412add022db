import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import { Icon } from '../components/Icon.js';
import { NO_FILTERS, type Filters } from './filterModel.js';
import { setFilters, useFilterState } from './filterState.js';
import { toggled, type ListFacet } from './FilterPanel.js';
import { sourceName } from './sourceName.js';

type Chip = { key: string; label: string; remove(): void };

/** The active filters as removable chips, above the map; "Clear" takes them all off. */
export function FilterChips({ doc }: { doc: CarnetDocument }) {
  const { t } = useTranslation();
  const { result } = useAnalysis();
  const { filters } = useFilterState();
  const clusters = result?.clusters ?? [];
  const chips: Chip[] = [];
  const chip = <K extends ListFacet>(facet: K, value: Filters[K][number], label: string) =>
    chips.push({ key: `${facet}:${value}`, label: `${t(`filters.facets.${facet as string}`)}: ${label}`, remove: () => setFilters(toggled(filters, facet, value)) });
  for (const id of filters.categories) chip('categories', id, (Object.hasOwn(doc.categories, id) ? doc.categories[id]!.name : null) ?? id);
  for (const id of filters.clusters) chip('clusters', id, clusters.find((c) => c.id === id)?.label ?? id);
  for (const tag of filters.tags) chip('tags', tag, tag);
  for (const s of filters.strengths) chip('strengths', s, t(`filters.strength.${s}`));
  for (const s of filters.status) chip('status', s, t(`filters.status.${s}`));
  for (const s of filters.sources) chip('sources', s, sourceName(t, s));
  if (filters.lastFrom || filters.lastTo) {
    chips.push({
      key: 'last',
      label: `${t('filters.facets.last')}: ${filters.lastFrom ?? '…'} – ${filters.lastTo ?? '…'}`,
      remove: () => setFilters({ ...filters, lastFrom: null, lastTo: null }),
    });
  }
  if (chips.length === 0) return null;
  return (
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
  );
}
