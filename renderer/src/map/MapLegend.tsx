import { useMemo, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import type { CarnetMap } from './carnetMap.js';

type Props = { doc: CarnetDocument; version: number; mapRef?: MutableRefObject<CarnetMap | null> };

/** Most clusters listed; the rest are counted in one line. */
const MAX_ROWS = 10;

/** What the node colours mean: each affinity cluster with its colour and size; a click focuses the cluster. */
export function MapLegend({ doc, version, mapRef }: Props) {
  const { t } = useTranslation();
  const { result } = useAnalysis();
  const rows = useMemo(() => {
    if (!result) return [];
    return result.clusters
      .map((c) => ({ id: c.id, name: doc.clusters[c.id]?.label || c.label, color: doc.clusters[c.id]?.color ?? c.color, count: c.size }))
      .sort((a, b) => b.count - a.count);
  }, [doc, version, result]);

  if (rows.length === 0) return null;
  const more = rows.length - MAX_ROWS;
  return (
    <section className="map-legend" aria-label={t('map.legend')}>
      <ul>
        {rows.slice(0, MAX_ROWS).map((r) => (
          <li key={r.id}>
            <button type="button" className="legend-row" onClick={() => mapRef?.current?.focusCluster(r.id)}>
              <span className="swatch" style={{ backgroundColor: r.color }} aria-hidden="true" />
              <span className="legend-name">{r.name}</span>
              <span className="legend-count">{r.count}</span>
            </button>
          </li>
        ))}
        {more > 0 && <li className="legend-count">+{more}</li>}
      </ul>
      <p className="legend-marks">{t('map.marks')}</p>
    </section>
  );
}
