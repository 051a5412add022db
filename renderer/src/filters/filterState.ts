import { useSyncExternalStore } from 'react';
import { NO_FILTERS, type Filters } from './filterModel.js';

/**
 * The window's filters and how many contacts pass them: the filter panel and
 * the saved views write them, the map and the status bar read them. `frame`
 * says whether the map should frame the result: yes when the user changed a
 * facet, no when a saved view brings its own part of the map.
 */
type State = { filters: Filters; matched: number | null; frame: boolean };

let state: State = { filters: NO_FILTERS, matched: null, frame: false };
const listeners = new Set<() => void>();

function set(patch: Partial<State>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function setFilters(filters: Filters, opts: { frame?: boolean } = {}): void {
  set({ filters, frame: opts.frame ?? true });
}

export function setMatched(matched: number | null): void {
  if (matched !== state.matched) set({ matched });
}

export function getFilters(): Filters {
  return state.filters;
}

export function useFilterState(): State {
  return useSyncExternalStore(subscribe, () => state);
}

/** Contacts shown by the filters, or null when nothing is filtered. */
export function useFilteredCount(): number | null {
  return useFilterState().matched;
}
