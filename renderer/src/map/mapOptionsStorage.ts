import type { MapOptions } from './carnetMap.js';

const KEY = 'carnet.mapOptions';

/**
 * How the user likes the map drawn is a preference of this screen, not of the
 * document, so it lives in localStorage (like the theme). Unknown or broken
 * stored values fall back to the defaults.
 */
export function loadMapOptions(defaults: MapOptions): MapOptions {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Record<keyof MapOptions, unknown>> | null;
    if (!raw || typeof raw !== 'object') return defaults;
    return {
      sizeBy: raw.sizeBy === 'brokerage' || raw.sizeBy === 'strength' ? raw.sizeBy : defaults.sizeBy,
      showMe: typeof raw.showMe === 'boolean' ? raw.showMe : defaults.showMe,
      showGaps: typeof raw.showGaps === 'boolean' ? raw.showGaps : defaults.showGaps,
      showCategories: typeof raw.showCategories === 'boolean' ? raw.showCategories : defaults.showCategories,
      selection: raw.selection === 'box' || raw.selection === 'lasso' ? raw.selection : defaults.selection,
    };
  } catch {
    return defaults;
  }
}

/** Stores the options; a full or blocked localStorage only costs the preference. */
export function saveMapOptions(opts: MapOptions): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(opts));
  } catch {
    // Private mode or quota: the map still works, the choice is just not remembered.
  }
}
