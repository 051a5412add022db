/**
 * Structural gaps: who brokers between clusters, clusters that hang on a
 * single person, clusters nobody links, contacts linked to no one.
 *
 * The structure depends on the graph and its communities only, so a session
 * computes it once per graph (`gapStructure`); each run turns it into
 * sentences with the current cluster names (`findGaps`).
 */
import type { AffinityGraph } from './affinityGraph.js';
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

/** The gaps in terms of node indices and Louvain communities (clusters are communities of two or more). */
export type GapStructure = {
  /** Distinct clusters of each node and of its neighbours. */
  reached: Uint16Array;
  /** The BROKER_LIMIT best brokers, by clusters reached, then effective size, then index. */
  brokers: number[];
  /** Per community: the first member with a tie outside it (−1: none), and whether several members have one. */
  firstOut: Int32Array;
  severalOut: Uint8Array;
  /** Pairs of clustered communities with at least one edge between them (small × count + large). */
  linked: Set<number>;
  communities: number;
  isolated: number[];
};

export function gapStructure(ag: AffinityGraph, community: Int32Array, b: Brokerage): GapStructure {
  const { offsets, targets } = ag.adjacency;
  const n = ag.ids.length;
  let count = 0;
  for (let i = 0; i < n; i++) count = Math.max(count, community[i]! + 1);
  const size = new Int32Array(count);
  for (let i = 0; i < n; i++) size[community[i]!]!++;
  // A community of one is no cluster.
  const clusterOf = (i: number): number => (size[community[i]!]! >= 2 ? community[i]! : -1);

  const reached = new Uint16Array(n);
  const stamp = new Int32Array(count).fill(-1);
  const firstOut = new Int32Array(count).fill(-1);
  const severalOut = new Uint8Array(count);
  const linked = new Set<number>();
  const isolated: number[] = [];
  for (let i = 0; i < n; i++) {
    if (offsets[i] === offsets[i + 1]) isolated.push(i);
    const ci = clusterOf(i);
    let seen = 0;
    if (ci >= 0) {
      stamp[ci] = i;
      seen++;
    }
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const cj = clusterOf(targets[e]!);
      if (cj < 0) continue;
      if (stamp[cj] !== i) {
        stamp[cj] = i;
        seen++;
      }
      if (ci < 0 || cj === ci) continue;
      linked.add(ci < cj ? ci * count + cj : cj * count + ci);
      if (firstOut[ci] === -1) firstOut[ci] = i;
      else if (firstOut[ci] !== i) severalOut[ci] = 1;
    }
    reached[i] = Math.min(seen, 65_535);
  }

  const es = (i: number): number => (Number.isNaN(b.effectiveSize[i]!) ? 0 : b.effectiveSize[i]!);
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) if (reached[i]! >= 2) candidates.push(i);
  candidates.sort((x, y) => reached[y]! - reached[x]! || es(y) - es(x) || x - y);
  return { reached, brokers: candidates.slice(0, BROKER_LIMIT), firstOut, severalOut, linked, communities: count, isolated };
}

/** The gaps in words, with the clusters of this run. */
export function findGaps(ctx: Context, structure: GapStructure, community: Int32Array, b: Brokerage): Gaps {
  const { ag, lang } = ctx;
  const person = (i: number): Person => ({ id: ag.ids[i]!, name: ag.contacts[i]!.name });
  const ref = (k: number): Ref => ({ id: ctx.clusters[k]!.id, label: ctx.clusters[k]!.label });
  // The community of each cluster (clusters are sorted by size: the big ones come first).
  const communityOf = ctx.clusters.map((c) => community[ag.index.get(c.members[0]!)!]!);

  const brokers: Gaps['brokers'] = structure.brokers.map((i) => {
    const clusters = clustersReached(ctx, i);
    return {
      ...person(i),
      effectiveSize: num(b.effectiveSize[i]!),
      constraint: num(b.constraint[i]!),
      clusters,
      message: message(lang, 'gaps.broker', { name: ag.contacts[i]!.name, count: clusters.length }),
    };
  });

  let bigCount = 0;
  while (bigCount < ctx.clusters.length && ctx.clusters[bigCount]!.size >= GAP_MIN_CLUSTER_SIZE) bigCount++;
  const fragileClusters: Gaps['fragileClusters'] = [];
  for (let k = 0; k < bigCount; k++) {
    const c = communityOf[k]!;
    const via = structure.firstOut[c]!;
    if (via === -1 || structure.severalOut[c]) continue;
    fragileClusters.push({
      cluster: ref(k),
      via: person(via),
      message: message(lang, 'gaps.fragile', { cluster: ctx.clusters[k]!.label, name: ag.contacts[via]!.name }),
    });
  }

  const count = structure.communities;
  const isLinked = (p: number, q: number): boolean => {
    const x = communityOf[p]!;
    const y = communityOf[q]!;
    return structure.linked.has(x < y ? x * count + y : y * count + x);
  };
  const big = new Set(communityOf.slice(0, bigCount));
  let linkedAmongBig = 0;
  for (const pair of structure.linked) if (big.has(pair % count) && big.has(Math.floor(pair / count))) linkedAmongBig++;
  const top = Math.min(bigCount, UNBRIDGED_CLUSTER_LIMIT);
  const pairs: [number, number][] = [];
  for (let p = 0; p < top; p++) for (let q = p + 1; q < top; q++) if (!isLinked(p, q)) pairs.push([p, q]);
  // The pairs of the largest clusters first: where a missing bridge separates the most people.
  const sizeOf = (k: number): number => ctx.clusters[k]!.size;
  pairs.sort((u, v) => sizeOf(v[0]) + sizeOf(v[1]) - (sizeOf(u[0]) + sizeOf(u[1])) || u[0] - v[0] || u[1] - v[1]);
  const unbridged: Gaps['unbridged'] = pairs.slice(0, UNBRIDGED_LIMIT).map(([p, q]) => ({
    a: ref(p),
    b: ref(q),
    message: message(lang, 'gaps.noBridge', { a: ctx.clusters[p]!.label, b: ctx.clusters[q]!.label }),
  }));

  const isolatedCount = structure.isolated.length;
  return {
    brokers,
    fragileClusters,
    unbridged,
    unbridgedTotal: (bigCount * (bigCount - 1)) / 2 - linkedAmongBig,
    isolated: structure.isolated.slice(0, ISOLATED_LIMIT).map((i) => ag.ids[i]!),
    isolatedCount,
    isolatedMessage: isolatedCount ? message(lang, 'gaps.isolated', { count: isolatedCount }) : null,
  };
}

function num(x: number): number | null {
  return Number.isNaN(x) ? null : round(x);
}
