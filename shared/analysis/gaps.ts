/**
 * Structural gaps: who brokers between clusters, clusters that hang on a
 * single person, clusters nobody links, contacts linked to no one.
 */
import type { Brokerage } from './brokerage.js';
import { clustersReached, type Context } from './context.js';
import { message, type Message } from './messages.js';
import { round } from './text.js';

/** How many brokers to list. */
export const BROKER_LIMIT = 10;
/** Only clusters of at least this size count for fragility and missing bridges (pairs of tiny clusters are noise). */
export const GAP_MIN_CLUSTER_SIZE = 3;
/** Missing bridges are looked for among this many largest clusters (the total counts all). */
export const UNBRIDGED_CLUSTER_LIMIT = 12;
/** Missing bridges listed, the largest pairs first (the total counts all). */
export const UNBRIDGED_LIMIT = 12;
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

export function findGaps(ctx: Context, b: Brokerage, reached: Uint16Array): Gaps {
  const { ag, lang } = ctx;
  const { offsets, targets } = ag.adjacency;
  const n = ag.ids.length;
  const person = (i: number): Person => ({ id: ag.ids[i]!, name: ag.contacts[i]!.name });
  const ref = (id: string): Ref => ({ id, label: ctx.clusterById.get(id)!.label });

  const brokers: Gaps['brokers'] = [];
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) if (reached[i]! >= 2) candidates.push(i);
  const es = (i: number): number => (Number.isNaN(b.effectiveSize[i]!) ? 0 : b.effectiveSize[i]!);
  candidates.sort((x, y) => reached[y]! - reached[x]! || es(y) - es(x) || x - y);
  for (const i of candidates.slice(0, BROKER_LIMIT)) {
    const clusters = clustersReached(ctx, i);
    brokers.push({
      ...person(i),
      effectiveSize: num(b.effectiveSize[i]!),
      constraint: num(b.constraint[i]!),
      clusters,
      message: message(lang, 'gaps.broker', { name: ag.contacts[i]!.name, count: clusters.length }),
    });
  }

  // One pass over the edges: who in each cluster has a tie outside it, and which cluster pairs are linked
  // (clusters by position, sorted by size: a pair is the number small × count + large).
  const k = ctx.clusters.length;
  const firstOut = new Int32Array(k).fill(-1);
  const severalOut = new Uint8Array(k);
  // Which pairs are linked: a bit matrix while it stays small, else a set.
  const matrix = k <= 4096 ? new Uint8Array(k * k) : null;
  const linkedSet = new Set<number>();
  const link = (pair: number): void => {
    if (matrix) matrix[pair] = 1;
    else linkedSet.add(pair);
  };
  const isLinked = (pair: number): boolean => (matrix ? matrix[pair] === 1 : linkedSet.has(pair));
  const isolated: string[] = [];
  let isolatedCount = 0;
  for (let i = 0; i < n; i++) {
    if (offsets[i] === offsets[i + 1]) {
      isolatedCount++;
      if (isolated.length < ISOLATED_LIMIT) isolated.push(ag.ids[i]!);
    }
    const ci = ctx.clusterIndex[i]!;
    if (ci < 0) continue;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const cj = ctx.clusterIndex[targets[e]!]!;
      if (cj < 0 || cj === ci) continue;
      link(ci < cj ? ci * k + cj : cj * k + ci);
      if (firstOut[ci] === -1) firstOut[ci] = i;
      else if (firstOut[ci] !== i) severalOut[ci] = 1;
    }
  }

  // Clusters are sorted by size: the big ones come first.
  let bigCount = 0;
  while (bigCount < k && ctx.clusters[bigCount]!.size >= GAP_MIN_CLUSTER_SIZE) bigCount++;
  const fragileClusters: Gaps['fragileClusters'] = [];
  for (let c = 0; c < bigCount; c++) {
    const via = firstOut[c]!;
    if (via === -1 || severalOut[c]) continue;
    const cluster = ctx.clusters[c]!;
    fragileClusters.push({
      cluster: ref(cluster.id),
      via: person(via),
      message: message(lang, 'gaps.fragile', { cluster: cluster.label, name: ag.contacts[via]!.name }),
    });
  }

  const unbridged: Gaps['unbridged'] = [];
  let linkedAmongBig = 0;
  if (matrix) {
    for (let p = 0; p < bigCount; p++) for (let q = p + 1; q < bigCount; q++) linkedAmongBig += matrix[p * k + q]!;
  } else for (const pair of linkedSet) if (pair % k < bigCount && Math.floor(pair / k) < bigCount) linkedAmongBig++;
  const top = ctx.clusters.slice(0, Math.min(bigCount, UNBRIDGED_CLUSTER_LIMIT));
  const pairs: [number, number][] = [];
  for (let p = 0; p < top.length; p++) for (let q = p + 1; q < top.length; q++) if (!isLinked(p * k + q)) pairs.push([p, q]);
  // The pairs of the largest clusters first: where a missing bridge separates the most people.
  pairs.sort((u, v) => top[v[0]]!.size + top[v[1]]!.size - (top[u[0]]!.size + top[u[1]]!.size) || u[0] - v[0] || u[1] - v[1]);
  for (const [p, q] of pairs.slice(0, UNBRIDGED_LIMIT)) {
    unbridged.push({ a: ref(top[p]!.id), b: ref(top[q]!.id), message: message(lang, 'gaps.noBridge', { a: top[p]!.label, b: top[q]!.label }) });
  }

  return {
    brokers,
    fragileClusters,
    unbridged,
    unbridgedTotal: (bigCount * (bigCount - 1)) / 2 - linkedAmongBig,
    isolated,
    isolatedCount,
    isolatedMessage: isolatedCount ? message(lang, 'gaps.isolated', { count: isolatedCount }) : null,
  };
}

function num(x: number): number | null {
  return Number.isNaN(x) ? null : round(x);
}
