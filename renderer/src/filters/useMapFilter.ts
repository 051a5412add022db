import { useEffect, useRef } from 'react';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import type { CarnetMap } from '../map/engine/carnetMap.js';
import { filterPredicate, isFiltering, needsAnalysis } from './filterModel.js';
import { setMatched, useFilterState } from './filterState.js';
import { idValues } from '../../../shared/document/idMap.js';

/**
 * Applies the window's filters to the map, counts who passes, and frames the
 * result when the user changed the filters (not after every edit, which also
 * renews the predicate).
 */
export function useMapFilter(doc: CarnetDocument | null, version: number, map: CarnetMap | null): void {
  const { result } = useAnalysis();
  const { filters, frame } = useFilterState();
  const applied = useRef<{ map: CarnetMap | null; filters: unknown; waiting: boolean }>({ map: null, filters: null, waiting: false });
  useEffect(() => {
    if (!map || !doc) return;
    const changed = applied.current.map === map && applied.current.filters !== filters;
    // Facets that need the diagnosis let everyone through until it comes: the result is framed when it does.
    const waited = applied.current.waiting && result !== null;
    const waiting = (changed ? frame : applied.current.waiting) && needsAnalysis(filters) && result === null;
    applied.current = { map, filters, waiting };
    const reframe = (changed && frame) || waited;
    if (!isFiltering(filters)) {
      map.setFilter(null, { frame: reframe });
      setMatched(null);
      return;
    }
    const keep = filterPredicate(doc, result, filters);
    map.setFilter(keep, { frame: reframe });
    let n = 0;
    for (const c of idValues(doc.contacts)) if (keep(c)) n++;
    setMatched(n);
  }, [map, doc, version, result, filters, frame]);
}
