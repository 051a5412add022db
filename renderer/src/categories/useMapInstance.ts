import { useEffect, useState, type MutableRefObject } from 'react';
import type { CarnetMap } from '../map/carnetMap.js';

/**
 * The map behind App's ref, as state: MapView creates and replaces it in its
 * own effect (a new document, a theme change), which a ref does not signal.
 */
export function useMapInstance(mapRef: MutableRefObject<CarnetMap | null>): CarnetMap | null {
  const [map, setMap] = useState<CarnetMap | null>(mapRef.current);
  useEffect(() => {
    const timer = setInterval(() => setMap((m) => (m === mapRef.current ? m : mapRef.current)), 200);
    return () => clearInterval(timer);
  }, [mapRef]);
  return map;
}
