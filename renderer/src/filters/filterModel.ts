/**
 * The map's filters as plain data, and the predicate they make. Facets
 * combine with AND; the values picked within one facet with OR. Pure: no
 * DOM, so it is unit-tested in Node.
 */
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import { cadenceOf, DORMANT_DAYS, overdueTie, type Strength } from '../../../shared/analysis/cadence.js';
import type { TieHistory } from '../../../shared/analysis/history.js';
import type { CarnetDocument, Contact } from '../../../shared/document/schema.js';
import { idValues } from '../../../shared/document/idMap.js';

export type Status = 'overdue' | 'dormant';

export type Filters = {
  categories: string[];
  clusters: string[];
  tags: string[];
  /** Relationship strengths 1–5 (set by the user, else inferred by the analysis). */
  strengths: number[];
  status: Status[];
  /** Import formats (`contact.sources[].format`). */
  sources: string[];
  /** Last interaction between these dates (YYYY-MM-DD, inclusive); contacts never met are left out. */
  lastFrom: string | null;
  lastTo: string | null;
};

export const NO_FILTERS: Filters = { categories: [], clusters: [], tags: [], strengths: [], status: [], sources: [], lastFrom: null, lastTo: null };

export function isFiltering(f: Filters): boolean {
  return (
    f.categories.length + f.clusters.length + f.tags.length + f.strengths.length + f.status.length + f.sources.length > 0 ||
    f.lastFrom !== null ||
    f.lastTo !== null
  );
}

/** Filters that need the analysis (clusters, strength, status, last contact) wait for it. */
export function needsAnalysis(f: Filters): boolean {
  return f.clusters.length + f.strengths.length + f.status.length > 0 || f.lastFrom !== null || f.lastTo !== null;
}

const DAY_MS = 86_400_000;

function dayMs(date: string): number {
  return Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
}

/**
 * The predicate of these filters over the document's contacts. Without an
 * analysis yet, the facets that need one let every contact through.
 */
export function filterPredicate(doc: CarnetDocument, analysis: AnalysisResult | null, f: Filters): (c: Contact) => boolean {
  const byId = new Map((analysis?.contacts ?? []).map((a) => [a.id, a]));
  const nowMs = analysis ? dayMs(analysis.now) : Date.now();
  const categories = new Set(f.categories);
  const clusters = new Set(f.clusters);
  const tags = new Set(f.tags);
  const strengths = new Set(f.strengths);
  const sources = new Set(f.sources);
  const from = f.lastFrom ? dayMs(f.lastFrom) : null;
  const to = f.lastTo ? dayMs(f.lastTo) + DAY_MS - 1 : null;
  const analysed = analysis !== null;

  const status = (c: Contact): Status | null => {
    const a = byId.get(c.id);
    if (!a) return null;
    const lastMs = a.lastInteraction ? dayMs(a.lastInteraction) : null;
    // The last contact counts the connection too, as the diagnosis does.
    const lastContactMs = a.lastContact ? dayMs(a.lastContact) : null;
    if (lastContactMs !== null && nowMs - lastContactMs >= DORMANT_DAYS * DAY_MS) return 'dormant';
    const strength: Strength = { value: a.strength as Strength['value'], source: c.strength ? 'contact' : 'history' };
    const connectedMs = c.connectedOn ? dayMs(c.connectedOn) : null;
    const history: TieHistory = { dates: [], last: null, lastMs, connectedMs, lastContactMs, gave: 0, received: 0, mutual: 0, live: 0 };
    return overdueTie(c, history, cadenceOf(c, strength, doc), nowMs) ? 'overdue' : null;
  };

  return (c) => {
    if (categories.size > 0 && !c.categories.some((id) => categories.has(id))) return false;
    if (tags.size > 0 && !c.tags.some((t) => tags.has(t))) return false;
    if (sources.size > 0 && !c.sources.some((s) => sources.has(s.format))) return false;
    if (!analysed) return true;
    const a = byId.get(c.id);
    if (clusters.size > 0 && !(a?.cluster && clusters.has(a.cluster))) return false;
    if (strengths.size > 0 && !strengths.has(c.strength ?? a?.strength ?? 1)) return false;
    if (f.status.length > 0) {
      const s = status(c);
      if (!s || !f.status.includes(s)) return false;
    }
    if (from !== null || to !== null) {
      const last = a?.lastInteraction ? dayMs(a.lastInteraction) : null;
      if (last === null || (from !== null && last < from) || (to !== null && last > to)) return false;
    }
    return true;
  };
}

/** The values each facet can take in this document, most used first, with their counts. */
export function facetValues(doc: CarnetDocument): { tags: [string, number][]; sources: [string, number][] } {
  const tags = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const c of idValues(doc.contacts)) {
    for (const t of new Set(c.tags)) tags.set(t, (tags.get(t) ?? 0) + 1);
    for (const s of new Set(c.sources.map((x) => x.format))) sources.set(s, (sources.get(s) ?? 0) + 1);
  }
  const order = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { tags: order(tags), sources: order(sources) };
}
