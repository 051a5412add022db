import { useMemo } from 'react';
import { setPreferences, usePreferences } from '../../preferences/preferences.js';
import { DEFAULT_MAP_OPTIONS, type MapOptions } from '../engine/carnetMap.js';

/** The map options, from the preferences (the defaults for what was never chosen). */
export function useMapOptions(): MapOptions {
  const stored = usePreferences().map;
  return useMemo(() => ({ ...DEFAULT_MAP_OPTIONS, ...stored }), [stored]);
}

/** Changes map options: the map follows, and the settings keep them. */
export function setMapOptions(patch: Partial<MapOptions>): void {
  setPreferences({ map: patch });
}
