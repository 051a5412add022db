import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../../shared/document/schema.js';
import { sortedCategories } from '../../../../shared/document/categories.js';
import { useAnalysis } from '../../analysis/useAnalysis.js';
import type { CarnetMap } from '../engine/carnetMap.js';
import { useMapOptions } from './mapOptions.js';
import { idValues } from '../../../../shared/document/idMap.js';

type Props = { doc: CarnetDocument; version: number; map: CarnetMap | null };

/** Most colours listed; the rest are counted in one line. */
const MAX_ROWS = 10;

/** A mark as the map draws it, in the theme's colours (CSS variables shared with the map). */
function Glyph({ kind }: { kind: 'overdue' | 'dormant' | 'size' | 'broker' | 'fragile' | 'unbridged' | 'region' | 'me' | 'tie' | 'selected' | 'area' }) {
  const common = { width: 28, height: 20, viewBox: '0 0 28 20', 'aria-hidden': true, focusable: false } as const;
  const node = 'var(--map-node-neutral)';
  switch (kind) {
    case 'overdue':
      return (
        <svg {...common}>
          <circle cx="14" cy="10" r="6.5" fill={node} stroke="var(--map-overdue)" strokeWidth="3" />
        </svg>
      );
    case 'dormant':
      return (
        <svg {...common}>
          <circle cx="14" cy="10" r="6.5" fill={node} stroke="var(--map-dormant)" strokeWidth="2.5" strokeDasharray="3 2" />
        </svg>
      );
    case 'selected':
      return (
        <svg {...common}>
          <circle cx="14" cy="10" r="8.5" fill="var(--map-selected)" opacity="0.2" />
          <circle cx="14" cy="10" r="6" fill={node} stroke="var(--map-selected)" strokeWidth="2.5" />
        </svg>
      );
    case 'size':
      return (
        <svg {...common}>
          <circle cx="6" cy="12" r="3.5" fill={node} />
          <circle cx="18" cy="10" r="7" fill={node} />
        </svg>
      );
    case 'tie':
      return (
        <svg {...common}>
          <circle cx="5" cy="10" r="3.5" fill={node} />
          <circle cx="23" cy="10" r="3.5" fill={node} />
          <line x1="8" y1="10" x2="20" y2="10" stroke="var(--map-edge)" strokeWidth="2" />
        </svg>
      );
    case 'me':
      return (
        <svg {...common}>
          <path d="M14 2.5l2.2 4.8 5.2.6-3.9 3.5 1.1 5.1L14 13.9l-4.6 2.6 1.1-5.1-3.9-3.5 5.2-.6z" fill="var(--map-me)" />
        </svg>
      );
    case 'broker':
      return (
        <svg {...common}>
          <path d="M14 2.5 21.5 10 14 17.5 6.5 10z" fill={node} stroke="var(--map-broker)" strokeWidth="2.5" />
        </svg>
      );
    case 'fragile':
      return (
        <svg {...common}>
          <circle cx="14" cy="10" r="8" fill="none" stroke="var(--map-broker)" strokeWidth="2" strokeDasharray="4 3" />
        </svg>
      );
    case 'unbridged':
      return (
        <svg {...common}>
          <line x1="2" y1="10" x2="26" y2="10" stroke="var(--map-broker)" strokeWidth="2" strokeDasharray="5 4" />
        </svg>
      );
    case 'region':
      return (
        <svg {...common}>
          <circle cx="14" cy="10" r="8.5" fill="var(--map-node-neutral)" opacity="0.18" stroke="var(--map-node-neutral)" strokeOpacity="0.5" />
        </svg>
      );
    case 'area':
      return (
        <svg {...common}>
          <ellipse cx="14" cy="10" rx="12" ry="8" fill="var(--accent)" opacity="0.18" />
        </svg>
      );
  }
}

function Mark({ glyph, children }: { glyph: Parameters<typeof Glyph>[0]['kind']; children: ReactNode }) {
  return (
    <li className="legend-mark">
      <Glyph kind={glyph} />
      <span>{children}</span>
    </li>
  );
}

/**
 * What everything on the map means: the colour code (affinity clusters, or
 * categories when they are drawn as areas; a click on a cluster focuses it),
 * then every mark: sizes, rings, dashes, and the Gaps overlay's diamonds and lines.
 */
export function MapLegend({ doc, version, map }: Props) {
  const { t, i18n } = useTranslation();
  const { result } = useAnalysis();
  const options = useMapOptions();
  const byCategory = options.showCategories;
  const rows = useMemo(() => {
    if (byCategory) {
      const counts = new Map<string, number>();
      for (const c of idValues(doc.contacts)) for (const cat of c.categories.slice(0, 1)) counts.set(cat, (counts.get(cat) ?? 0) + 1);
      return sortedCategories(doc, i18n.language).map((c) => ({ id: c.id, name: c.name, color: c.color, count: counts.get(c.id) ?? 0, cluster: false }));
    }
    if (!result) return [];
    return result.clusters
      .map((c) => ({ id: c.id, name: doc.clusters[c.id]?.label || c.label, color: doc.clusters[c.id]?.color ?? c.color, count: c.size, cluster: true }))
      .sort((a, b) => b.count - a.count);
  }, [doc, version, result, byCategory, i18n.language]);
  const more = rows.length - MAX_ROWS;
  const n = new Intl.NumberFormat(i18n.language);

  return (
    <div className="map-legend">
      <h3 className="legend-heading">{t(byCategory ? 'map.legendColours.categories' : 'map.legendColours.clusters')}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t(byCategory ? 'map.legendColours.noCategories' : 'map.legendColours.waiting')}</p>
      ) : (
        <ul className="legend-rows">
          {rows.slice(0, MAX_ROWS).map((r) => (
            <li key={r.id}>
              {r.cluster ? (
                <button type="button" className="legend-row" title={t('map.legendFocus', { name: r.name })} onClick={() => map?.focusCluster(r.id)}>
                  <span className="swatch" style={{ backgroundColor: r.color }} aria-hidden="true" />
                  <span className="legend-name">{r.name}</span>
                  <span className="legend-count">{n.format(r.count)}</span>
                </button>
              ) : (
                <span className="legend-row">
                  <span className="swatch" style={{ backgroundColor: r.color }} aria-hidden="true" />
                  <span className="legend-name">{r.name}</span>
                  <span className="legend-count">{n.format(r.count)}</span>
                </span>
              )}
            </li>
          ))}
          {more > 0 && <li className="legend-count">{t('map.legendMore', { count: more, formatted: n.format(more) })}</li>}
        </ul>
      )}
      <h3 className="legend-heading">{t('map.marksTitle')}</h3>
      <ul className="legend-marks">
        <Mark glyph="size">{t(options.sizeBy === 'brokerage' ? 'map.mark.sizeBrokerage' : 'map.mark.sizeStrength')}</Mark>
        <Mark glyph="tie">{t('map.mark.tie')}</Mark>
        <Mark glyph="overdue">{t('map.mark.overdue')}</Mark>
        <Mark glyph="dormant">{t('map.mark.dormant')}</Mark>
        <Mark glyph="selected">{t('map.mark.selected')}</Mark>
        {byCategory ? <Mark glyph="area">{t('map.mark.area')}</Mark> : <Mark glyph="region">{t('map.mark.region')}</Mark>}
        {options.showMe && <Mark glyph="me">{t('map.mark.me')}</Mark>}
      </ul>
      <h3 className="legend-heading">{t('map.gapsTitle')}</h3>
      {!options.showGaps && <p className="hint">{t('map.gapsOff')}</p>}
      <ul className="legend-marks">
        <Mark glyph="broker">{t('map.mark.broker')}</Mark>
        <Mark glyph="fragile">{t('map.mark.fragile')}</Mark>
        <Mark glyph="unbridged">{t('map.mark.unbridged')}</Mark>
      </ul>
    </div>
  );
}
