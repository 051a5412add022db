/**
 * What every part of the diagnosis needs, computed once per run: the
 * affinity graph, clusters, brokerage, and per-tie history, strength and
 * activity.
 */
import type { CarnetDocument, Contact } from '../document/schema.js';
import type { AffinityGraph } from './affinityGraph.js';
import type { Brokerage } from './brokerage.js';
import { ACTIVE_DAYS, tieStrength, type Strength } from './cadence.js';
import type { Cluster } from './clusters.js';
import type { Feature } from './features.js';
import type { TieHistory } from './history.js';
import { message, type Lang, type Message } from './messages.js';
import type { Fields } from './personas.js';
import { daysBetween, dateMsOrNaN } from './text.js';

export type Context = {
  doc: CarnetDocument;
  lang: Lang;
  nowMs: number;
  ag: AffinityGraph;
  brokerage: Brokerage;
  histories: TieHistory[];
  strengths: Strength[];
  /** 1 when the tie had a contact (an interaction, or the connection itself) in the last ACTIVE_DAYS days. */
  active: Uint8Array;
  clusters: Cluster[];
  clusterById: Map<string, Cluster>;
  /** Cluster id of each node, null when alone. */
  membership: (string | null)[];
  /** Position in `clusters` of each node's cluster, −1 when alone. */
  clusterIndex: Int32Array;
  modularity: number;
  /** The persona fields of contact i (current jobs, or all jobs with `withPast`), remembered across runs by a session. */
  fieldsOf(i: number, withPast?: boolean): Fields;
  /**
   * What `compute` says of contact i, remembered by contact object under
   * `name` across the runs of a session (a contact is replaced when edited).
   */
  memo<T>(name: string, i: number, compute: (c: Contact) => T): T;
  /**
   * The same for what depends on a tie's history too (strength, overdue):
   * remembered by history object, which a session keeps while neither the
   * contact, its interactions, the categories nor the day changed.
   */
  memoTie<T>(name: string, i: number, compute: () => T): T;
};

export function tieActivity(
  ag: AffinityGraph,
  histories: TieHistory[],
  nowMs: number,
  strengthOf: (i: number) => Strength = (i) => tieStrength(ag.contacts[i]!, histories[i]!),
): { strengths: Strength[]; active: Uint8Array } {
  const strengths = ag.contacts.map((_, i) => strengthOf(i));
  const active = new Uint8Array(ag.ids.length);
  for (let i = 0; i < histories.length; i++) {
    const last = histories[i]!.lastContactMs;
    if (last !== null && daysBetween(last, nowMs) < ACTIVE_DAYS) active[i] = 1;
  }
  return { strengths, active };
}

/** "both at SFR", "HEC (same school)"… for a shared feature. */
export function pointMessage(ctx: Context, f: Feature): Message {
  const value = f.kind === 'category' && Object.hasOwn(ctx.doc.categories, f.key) ? ctx.doc.categories[f.key]!.name : f.label;
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
  const s = Object.hasOwn(ctx.doc.suggestions, key) ? ctx.doc.suggestions[key] : undefined;
  if (!s) return false;
  if (s.status === 'dismissed') return true;
  // An end date the calendar does not have hides nothing.
  return s.until === undefined || dateMsOrNaN(s.until) > ctx.nowMs;
}

/**
 * The contact ids whose suggestion `<prefix>:<id>` is hidden, in one pass
 * over the user's decisions (rather than a key built and looked up for each
 * of 30,000 contacts).
 */
export function hiddenIds(ctx: Context, prefix: string): Set<string> {
  const out = new Set<string>();
  const start = `${prefix}:`;
  for (const key of Object.keys(ctx.doc.suggestions)) {
    if (key.startsWith(start) && isHidden(ctx, key)) out.add(key.slice(start.length));
  }
  return out;
}
