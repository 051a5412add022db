import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalysis } from '../../analysis/useAnalysis.js';
import { useAppState } from '../../state/StoreContext.js';
import type { CarnetMap, HoverEvent } from '../engine/carnetMap.js';

const DAY_MS = 86_400_000;

/** "3 months ago", "in 2 days": the largest unit that reads naturally. */
export function relativeDate(dateMs: number, nowMs: number, language: string): string {
  const days = Math.round((dateMs - nowMs) / DAY_MS);
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const abs = Math.abs(days);
  if (abs < 14) return rtf.format(days, 'day');
  if (abs < 60) return rtf.format(Math.round(days / 7), 'week');
  if (abs < 365) return rtf.format(Math.round(days / 30.44), 'month');
  return rtf.format(Math.round(days / 365.25), 'year');
}

/**
 * The small card beside a contact under the pointer: name, organization,
 * last contact and cluster. It follows the pointer only; it never takes it
 * (clicks go to the map).
 */
export function HoverCard({ map }: { map: CarnetMap }) {
  const { t, i18n } = useTranslation();
  const { doc } = useAppState();
  const { result } = useAnalysis();
  const [hover, setHover] = useState<(HoverEvent & { id: string }) | null>(null);
  const card = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);

  useEffect(() => {
    const offs = [
      map.on('hover', (e) => setHover(e.id ? { ...e, id: e.id } : null)),
      // A card left behind by a moving view, or by a drag, would point at nothing.
      map.on('viewport', () => setHover(null)),
      map.on('nodeDragStart', () => setHover(null)),
    ];
    return () => offs.forEach((off) => off());
  }, [map]);

  const info = useMemo(() => {
    if (!hover || !doc || !Object.hasOwn(doc.contacts, hover.id)) return null;
    const c = doc.contacts[hover.id]!;
    const org = c.organizations.find((o) => o.current) ?? c.organizations[0];
    const a = result?.contacts.find((x) => x.id === c.id);
    const cluster = a?.cluster ? result?.clusters.find((x) => x.id === a.cluster) : undefined;
    const style = cluster && Object.hasOwn(doc.clusters, cluster.id) ? doc.clusters[cluster.id] : undefined;
    return {
      name: c.name,
      organization: org ? [org.title, org.name].filter(Boolean).join(' · ') : null,
      last: a?.lastInteraction ?? null,
      now: result?.now ?? null,
      cluster: cluster ? { label: style?.label || cluster.label, color: style?.color ?? cluster.color } : null,
    };
  }, [hover, doc, result]);

  // Beside the contact, on the side with room, inside the map area.
  useEffect(() => {
    const el = card.current;
    const area = el?.parentElement;
    if (!hover || !el || !area) return setAt(null);
    const box = area.getBoundingClientRect();
    const x = hover.clientX - box.left;
    const y = hover.clientY - box.top;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const right = x + hover.radius + 10;
    const left = right + w > box.width - 8 ? Math.max(8, x - hover.radius - 10 - w) : right;
    setAt({ left, top: Math.min(Math.max(8, y - h / 2), Math.max(8, box.height - h - 8)) });
  }, [hover, info]);

  if (!info) return null;
  const date = info.last ? Date.parse(info.last.length === 10 ? `${info.last}T00:00:00Z` : info.last) : null;
  const now = info.now ? Date.parse(`${info.now.slice(0, 10)}T00:00:00Z`) : Date.now();
  return (
    <div ref={card} className="hover-card" role="tooltip" style={at ? { left: at.left, top: at.top } : { visibility: 'hidden' }}>
      <p className="hover-name">{info.name}</p>
      {info.organization && <p className="hover-org">{info.organization}</p>}
      <p className="hover-line">
        <span className="hover-key">{t('map.hover.last')}</span>{' '}
        {date !== null && Number.isFinite(date)
          ? `${new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)} (${relativeDate(date, now, i18n.language)})`
          : t('map.hover.never')}
      </p>
      {info.cluster && (
        <p className="hover-line cluster">
          <span className="swatch" style={{ backgroundColor: info.cluster.color }} aria-hidden="true" />
          {info.cluster.label}
        </p>
      )}
    </div>
  );
}
