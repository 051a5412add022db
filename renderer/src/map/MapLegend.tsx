import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';

type Props = { doc: CarnetDocument; version: number };

/** What the node colours mean: a contact is drawn in the colour of its first category. */
export function MapLegend({ doc, version }: Props) {
  const { t } = useTranslation();
  const rows = useMemo(() => {
    const counts = new Map<string, number>();
    let none = 0;
    for (const c of Object.values(doc.contacts)) {
      const first = c.categories.find((id) => doc.categories[id]);
      if (first) counts.set(first, (counts.get(first) ?? 0) + 1);
      else none++;
    }
    const cats = Object.values(doc.categories)
      .map((cat) => ({ id: cat.id, name: cat.name, color: cat.color, count: counts.get(cat.id) ?? 0 }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count);
    return { cats, none };
  }, [doc, version]);

  if (rows.cats.length === 0) return null;
  return (
    <section className="map-legend" aria-label={t('map.legend')}>
      <ul>
        {rows.cats.map((r) => (
          <li key={r.id}>
            <span className="swatch" style={{ backgroundColor: r.color }} aria-hidden="true" />
            <span className="legend-name">{r.name}</span>
            <span className="legend-count">{r.count}</span>
          </li>
        ))}
        {rows.none > 0 && (
          <li>
            <span className="swatch neutral" aria-hidden="true" />
            <span className="legend-name">{t('map.noCategory')}</span>
            <span className="legend-count">{rows.none}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
