/**
 * Structural gaps: who brokers between clusters, clusters that hang on a
 * single person, clusters nobody links, contacts linked to no one.
 */
import type { Brokerage } from './brokerage.js';
import { clustersReached, type Context } from './context.js';
import { message, type Message } from './messages.js';
import { byString, round } from './text.js';

/** How many brokers to list. */
export const BROKER_LIMIT = 10;
/** Only clusters of at least this size count for fragility and missing bridges (pairs of tiny clusters are noise). */
export const GAP_MIN_CLUSTER_SIZE = 3;
/** Missing bridges are listed among this many largest clusters (the total counts all). */
export const UNBRIDGED_CLUSTER_LIMIT = 12;
/** How many isolated contacts to list by id (the count is always exact). */
export const ISOLATED_LIMIT = 100;

type Ref = { id: string; label: string };
type Person = { id: string; name: string };

export type Gaps = {
  /** Contacts whose ties reach several clusters, by clusters reached then effective size. */
  brokers: (Person & { effectiveSize: number | null; constraint: number | null; clusters: string[]; message: Message })[];
  /** Clusters tied to the rest of the network by one member only. */
  fragileClusters: { cluster: Ref; via: Person; message: Message }[];
  /** Pairs of (large) clusters with no tie between them. */
  unbridged: { a: Ref; b: Ref; message: Message }[];
  unbridgedTotal: number;
  /** Contacts with no affinity to anyone (the user aside). */
  isolated: string[];
  isolatedCount: number;
  isolatedMessage: Message | null;
};

export function findGaps(ctx: Context, b: Brokerage): Gaps {
  const { ag, membership, lang } = ctx;
  const { offsets, targets } = ag.adjacency;
  const n = ag.ids.length;
  const person = (i: number): Person => ({ id: ag.ids[i]!, name: ag.contacts[i]!.name });
  const ref = (id: string): Ref => ({ id, label: ctx.clusterById.get(id)!.label });

  const brokers: Gaps['brokers'] = [];
  const candidates: { i: number; clusters: string[] }[] = [];
  for (let i = 0; i < n; i++) {
    const clusters = clustersReached(ctx, i);
    if (clusters.length >= 2) candidates.push({ i, clusters });
  }
  const es = (i: number): number => (Number.isNaN(b.effectiveSize[i]!) ? 0 : b.effectiveSize[i]!);
  candidates.sort((x, y) => y.clusters.length - x.clusters.length || es(y.i) - es(x.i) || x.i - y.i);
  for (const { i, clusters } of candidates.slice(0, BROKER_LIMIT)) {
    brokers.push({
      ...person(i),
      effectiveSize: num(b.effectiveSize[i]!),
      constraint: num(b.constraint[i]!),
      clusters,
      message: message(lang, 'gaps.broker', { name: ag.contacts[i]!.name, count: clusters.length }),
    });
  }

  // One pass over the edges: who in each cluster has a tie outside it, and which cluster pairs are linked.
  const outward = new Map<string, { first: number; several: boolean }>();
  const linked = new Set<string>();
  const isolated: string[] = [];
  let isolatedCount = 0;
  for (let i = 0; i < n; i++) {
    if (offsets[i] === offsets[i + 1]) {
      isolatedCount++;
      if (isolated.length < ISOLATED_LIMIT) isolated.push(ag.ids[i]!);
    }
    const ci = membership[i];
    if (!ci) continue;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const cj = membership[targets[e]!];
      if (!cj || cj === ci) continue;
      linked.add(ci < cj ? `${ci}\u0000${cj}` : `${cj}\u0000${ci}`);
      const o = outward.get(ci);
      if (!o) outward.set(ci, { first: i, several: false });
      else if (o.first !== i) o.several = true;
    }
  }

  const big = ctx.clusters.filter((c) => c.size >= GAP_MIN_CLUSTER_SIZE);
  const fragileClusters: Gaps['fragileClusters'] = [];
  for (const c of big) {
    const o = outward.get(c.id);
    if (!o || o.several) continue;
    fragileClusters.push({
      cluster: ref(c.id),
      via: person(o.first),
      message: message(lang, 'gaps.fragile', { cluster: c.label, name: ag.contacts[o.first]!.name }),
    });
  }

  const unbridged: Gaps['unbridged'] = [];
  let linkedAmongBig = 0;
  const bigIds = new Set(big.map((c) => c.id));
  for (const key of linked) {
    const [x, y] = key.split('\u0000') as [string, string];
    if (bigIds.has(x) && bigIds.has(y)) linkedAmongBig++;
  }
  const top = big.slice(0, UNBRIDGED_CLUSTER_LIMIT);
  for (let p = 0; p < top.length; p++) {
    for (let q = p + 1; q < top.length; q++) {
      const [x, y] = [top[p]!.id, top[q]!.id].sort(byString) as [string, string];
      if (linked.has(`${x}\u0000${y}`)) continue;
      unbridged.push({ a: ref(top[p]!.id), b: ref(top[q]!.id), message: message(lang, 'gaps.noBridge', { a: top[p]!.label, b: top[q]!.label }) });
    }
  }

  return {
    brokers,
    fragileClusters,
    unbridged,
    unbridgedTotal: (big.length * (big.length - 1)) / 2 - linkedAmongBig,
    isolated,
    isolatedCount,
    isolatedMessage: isolatedCount ? message(lang, 'gaps.isolated', { count: isolatedCount }) : null,
  };
}

function num(x: number): number | null {
  return Number.isNaN(x) ? null : round(x);
}
