import { useSyncExternalStore } from 'react';
import type { CarnetMap } from '../engine/carnetMap.js';

/**
 * The map MapView made, for the panels that work with it (categories, filters,
 * saved views): MapView replaces it when a new store starts, and says so.
 */
let current: CarnetMap | null = null;
const listeners = new Set<() => void>();

export function announceMap(map: CarnetMap | null): void {
  current = map;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The map now (null before MapView made it); re-renders when it is replaced. */
export function useMap(): CarnetMap | null {
  return useSyncExternalStore(subscribe, () => current);
}
