/**
 * The network diagnosis in one call. Pure and deterministic: the same
 * document and the same `now` give the same result, which is plain JSON (no
 * Map, no NaN, no class) so a Web Worker can post it as is.
 */
import type { CarnetDocument } from '../document/schema.js';
import { brokerage, egoBrokerage } from './brokerage.js';
import type { Cluster, PreviousClusters } from './clusters.js';
import { buildContext } from './context.js';
import { diversity, type DiversityEntry } from './diversity.js';
import { dormantTies, type DormantTie } from './dormantTies.js';
import { findGaps, type Gaps } from './gaps.js';
import type { Lang } from './messages.js';
import { overdueTies, type Overdue } from './overdue.js';
import { missingProfiles, type PersonaResult } from './personas.js';
import { reciprocity, type Reciprocity } from './reciprocity.js';
import { stage, type Stage } from './stage.js';
import { dateMs, round } from './text.js';

export type AnalyzeOptions = {
  /** "Today", `YYYY-MM-DD` or ISO: the analysis never reads the clock. */
  now: string;
  /** The clusters of the previous run, so cluster ids follow their members. */
  previous?: PreviousClusters;
  /** Language of the sentences (default English). */
  lang?: Lang;
  /** Longest dormant and overdue lists (default 100; totals are always exact). */
  limit?: number;
};

export type ContactAnalysis = {
  id: string;
  name: string;
  cluster: string | null;
  /** Burt's effective size among the user's contacts (null when linked to no one). */
  effectiveSize: number | null;
  constraint: number | null;
  /** 1–5, set by the user or inferred from the log. */
  strength: number;
  lastInteraction: string | null;
  active: boolean;
};

export type AnalysisResult = {
  now: string;
  lang: Lang;
  summary: { contacts: number; activeTies: number; clusters: number; modularity: number; edges: number };
  /** The user's own ego network: all contacts, weighted by strength. */
  me: { effectiveSize: number | null; constraint: number | null };
  contacts: ContactAnalysis[];
  clusters: Cluster[];
  gaps: Gaps;
  missingProfiles: PersonaResult[];
  dormant: DormantTie[];
  dormantTotal: number;
  overdue: Overdue[];
  overdueTotal: number;
  stage: Stage;
  reciprocity: Reciprocity;
  diversity: DiversityEntry[];
};

const DEFAULT_LIMIT = 100;

/** Analyses a document: clusters, gaps, missing profiles, dormant and overdue ties, stage, reciprocity, diversity. */
export function analyzeNetwork(doc: CarnetDocument, opts: AnalyzeOptions): AnalysisResult {
  dateMs(opts.now);
  const lang = opts.lang ?? 'en';
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const ctx = buildContext(doc, opts.now, lang, opts.previous);
  const b = brokerage(ctx.ag.adjacency);
  const relation = new Float64Array(ctx.strengths.map((s) => s.value));
  const me = egoBrokerage(ctx.ag.adjacency, relation);
  const dormant = dormantTies(ctx);
  const overdue = overdueTies(ctx);
  const nullable = (x: number): number | null => (Number.isNaN(x) ? null : round(x));

  return {
    now: opts.now,
    lang,
    summary: {
      contacts: ctx.ag.ids.length,
      activeTies: ctx.active.reduce((s, x) => s + x, 0),
      clusters: ctx.clusters.length,
      modularity: round(ctx.modularity),
      edges: ctx.ag.adjacency.targets.length / 2,
    },
    me: { effectiveSize: me.effectiveSize === null ? null : round(me.effectiveSize), constraint: me.constraint === null ? null : round(me.constraint, 4) },
    contacts: ctx.ag.contacts.map((c, i) => ({
      id: c.id,
      name: c.name,
      cluster: ctx.membership[i] ?? null,
      effectiveSize: nullable(b.effectiveSize[i]!),
      constraint: nullable(b.constraint[i]!),
      strength: ctx.strengths[i]!.value,
      lastInteraction: ctx.histories[i]!.last?.date ?? null,
      active: ctx.active[i] === 1,
    })),
    clusters: ctx.clusters,
    gaps: findGaps(ctx, b),
    missingProfiles: missingProfiles(ctx),
    dormant: dormant.slice(0, limit),
    dormantTotal: dormant.length,
    overdue: overdue.slice(0, limit),
    overdueTotal: overdue.length,
    stage: stage(ctx),
    reciprocity: reciprocity(ctx),
    diversity: diversity(ctx),
  };
}
