import { useSyncExternalStore } from 'react';
import { NO_FILTERS, type Filters } from './filterModel.js';

/**
 * The window's filters and how many contacts pass them: the filter bar
 * writes them, the status bar reads the count.
 */
type State = { filters: Filters; matched: number | null };

let state: State = { filters: NO_FILTERS, matched: null };
const listeners = new Set<() => void>();

function set(patch: Partial<State>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function setFilters(filters: Filters): void {
  set({ filters });
}

export function setMatched(matched: number | null): void {
  if (matched !== state.matched) set({ matched });
}

export function useFilterState(): State {
  return useSyncExternalStore(subscribe, () => state);
}

/** Contacts shown by the filters, or null when nothing is filtered. */
export function useFilteredCount(): number | null {
  return useFilterState().matched;
}
