/**
 * What every part of the diagnosis needs, computed once per run: the
 * affinity graph, clusters, and per-tie history, strength and activity.
 */
import type { CarnetDocument } from '../document/schema.js';
import { buildAffinityGraph, type AffinityGraph } from './affinityGraph.js';
import { ACTIVE_DAYS, tieStrength, type Strength } from './cadence.js';
import { detectClusters, type Cluster, type PreviousClusters } from './clusters.js';
import type { Feature } from './features.js';
import { tieHistories, type TieHistory } from './history.js';
import { message, type Lang, type Message } from './messages.js';
import { dateMs, daysBetween } from './text.js';

export type Context = {
  doc: CarnetDocument;
  lang: Lang;
  nowMs: number;
  ag: AffinityGraph;
  histories: TieHistory[];
  strengths: Strength[];
  /** 1 when the tie had an interaction in the last ACTIVE_DAYS days. */
  active: Uint8Array;
  clusters: Cluster[];
  clusterById: Map<string, Cluster>;
  /** Cluster id of each node, null when alone. */
  membership: (string | null)[];
  modularity: number;
};

export function buildContext(doc: CarnetDocument, now: string, lang: Lang, previous?: PreviousClusters): Context {
  const nowMs = dateMs(now);
  const ag = buildAffinityGraph(doc);
  const histories = tieHistories(doc, ag.index, nowMs);
  const strengths = ag.contacts.map((c, i) => tieStrength(c, histories[i]!));
  const active = new Uint8Array(ag.ids.length);
  histories.forEach((h, i) => {
    if (h.lastMs !== null && daysBetween(h.lastMs, nowMs) < ACTIVE_DAYS) active[i] = 1;
  });
  const { clusters, membership, modularity } = detectClusters(ag, doc, previous);
  for (const c of clusters) {
    if (!c.label) c.label = message(lang, 'cluster.around', { name: ag.contacts[ag.index.get(c.core)!]!.name }).text;
  }
  return { doc, lang, nowMs, ag, histories, strengths, active, clusters, clusterById: new Map(clusters.map((c) => [c.id, c])), membership, modularity };
}

/** "both at SFR", "HEC (same school)"… for a shared feature. */
export function pointMessage(ctx: Context, f: Feature): Message {
  const value = f.kind === 'category' ? (ctx.doc.categories[f.key]?.name ?? f.label) : f.label;
  return message(ctx.lang, `point.${f.kind}`, { value });
}

/** The distinct clusters of a node and of its neighbours, sorted. */
export function clustersReached(ctx: Context, i: number): string[] {
  const { offsets, targets } = ctx.ag.adjacency;
  const seen = new Set<string>();
  const own = ctx.membership[i];
  if (own) seen.add(own);
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
    const c = ctx.membership[targets[e]!];
    if (c) seen.add(c);
  }
  return [...seen].sort();
}

/** Whether the user snoozed (without a date, or until after now) or dismissed the suggestion `key`. */
export function isHidden(ctx: Context, key: string): boolean {
  const s = ctx.doc.suggestions[key];
  if (!s) return false;
  if (s.status === 'dismissed') return true;
  return s.until === undefined || dateMs(s.until) > ctx.nowMs;
}
