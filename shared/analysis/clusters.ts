/**
 * Affinity clusters: Louvain communities of the affinity graph, with ids that
 * survive re-runs and small edits (so the user's name and colour for a
 * cluster, kept in `doc.clusters`, stay attached). Labels: clusterLabels.ts.
 */
import type { CarnetDocument } from '../document/schema.js';
import { createRandom } from '../demo/random.js';
import type { AffinityGraph } from './affinityGraph.js';
import { louvain } from './louvain.js';
import { byString, hash32, hashHex } from './text.js';

/** Fixed seed: Louvain visits nodes in random order, and the same document must give the same clusters. */
export const LOUVAIN_SEED = 0xca4e7;
/**
 * Clusters are found as in a network of about this many contacts: the
 * modularity resolution grows as contacts / RESOLUTION_CONTACTS beyond it.
 * Plain modularity cannot see circles smaller than about √(network size)
 * (Fortunato & Barthélemy 2007): at 30,000 contacts it merged planted circles
 * of 20–60 people five by five. With the scaled resolution, whether two
 * groups merge depends on the ties between them, not on the size of the rest
 * of the network.
 */
export const RESOLUTION_CONTACTS = 1000;
/** A new cluster takes the id of a previous one when their member sets overlap at least this much (Jaccard). */
export const MATCH_MIN_JACCARD = 0.3;

/** Colours for clusters the user has not coloured (picked by id, so a cluster keeps its colour). */
export const CLUSTER_PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#17becf', '#8c6d31',
] as const;

export type Cluster = {
  id: string;
  /** The user's name for it if any, else what members share, else "around <name>"; never the same as another cluster's. */
  label: string;
  /** The shared features the automatic label is made of (empty when none is shared widely enough). */
  labelParts: string[];
  members: string[];
  size: number;
  color: string;
  /** The member used to name a cluster with nothing shared: the one with the strongest affinities. */
  core: string;
};

export type PreviousClusters = { clusters: { id: string; members: string[] }[] };

export type ClusterResult = {
  /** Clusters, largest first, labels not yet filled (see clusterLabels.ts). */
  clusters: Cluster[];
  /** Member node indices of each cluster, in the order of `clusters`. */
  memberIndices: number[][];
  /** Cluster id of each node (by node index), null for a contact alone in its community. */
  membership: (string | null)[];
  /** Newman modularity (resolution 1) of the partition on the contact graph. */
  modularity: number;
};

/** The resolution used for a network of `n` contacts. */
export function resolutionFor(n: number): number {
  return Math.max(1, n / RESOLUTION_CONTACTS);
}

export type Communities = {
  /** Louvain community of each contact node (hubs left out). */
  community: Int32Array;
  /** Newman modularity (resolution 1) of the partition on the contact graph. */
  modularity: number;
};

/** Louvain on the clustering graph: depends on the graph only, so a session keeps it while the graph stays. */
export function findCommunities(ag: AffinityGraph): Communities {
  const n = ag.ids.length;
  if (n === 0) return { community: new Int32Array(0), modularity: 0 };
  const found = louvain(ag.clustering, { rng: createRandom(LOUVAIN_SEED).next, resolution: resolutionFor(n) });
  const community = found.community.slice(0, n);
  return { community, modularity: contactModularity(ag, community, found.count) };
}

/** Clusters by membership alone: what depends on the graph and the previous run, not on styles or words. */
export type Assignment = {
  /** Largest first: id, members (node indices and ids), core member. */
  clusters: { id: string; members: number[]; memberIds: string[]; core: string }[];
  /** Cluster id of each node, null when alone. */
  membership: (string | null)[];
};

/** Communities of at least two contacts, with ids that follow their members (`previous`), largest first. */
export function assignClusters(ag: AffinityGraph, found: Communities, previous?: PreviousClusters): Assignment {
  const n = ag.ids.length;
  const membership: (string | null)[] = new Array(n).fill(null);
  const byCommunity = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = found.community[i]!;
    let list = byCommunity.get(c);
    if (!list) byCommunity.set(c, (list = []));
    list.push(i);
  }
  const groups = [...byCommunity.values()].filter((m) => m.length >= 2);
  const ids = assignIds(ag, groups, previous);
  const strength = weightedDegrees(ag);
  const order = groups.map((_, g) => g).sort((x, y) => groups[y]!.length - groups[x]!.length || byString(ids[x]!, ids[y]!));
  const clusters = order.map((g) => {
    const members = groups[g]!;
    const id = ids[g]!;
    for (const i of members) membership[i] = id;
    const core = members.reduce((best, i) => (strength[i]! > strength[best]! ? i : best), members[0]!);
    return { id, members, memberIds: members.map((i) => ag.ids[i]!), core: ag.ids[core]! };
  });
  return { clusters, membership };
}

/** Communities of at least two contacts become clusters, with ids, colours and the user's labels. */
export function detectClusters(
  ag: AffinityGraph,
  doc: CarnetDocument,
  previous?: PreviousClusters,
  found: Communities = findCommunities(ag),
  assignment: Assignment = assignClusters(ag, found, previous),
): ClusterResult {
  const style = (id: string) => (Object.hasOwn(doc.clusters, id) ? doc.clusters[id] : undefined);
  const clusters = assignment.clusters.map(
    (c): Cluster => ({
      id: c.id,
      label: style(c.id)?.label?.trim() ?? '',
      labelParts: [],
      members: c.memberIds,
      size: c.members.length,
      color: style(c.id)?.color ?? '',
      core: c.core,
    }),
  );
  assignColours(clusters);
  return { clusters, memberIndices: assignment.clusters.map((c) => c.members), membership: assignment.membership, modularity: found.modularity };
}

/**
 * Newman modularity of the communities on the contact graph: what the
 * summary reports, comparable between documents (the hubs and the scaled
 * resolution only help find the communities).
 */
function contactModularity(ag: AffinityGraph, community: Int32Array, count: number): number {
  const { offsets, targets, weights } = ag.adjacency;
  const inner = new Float64Array(count);
  const total = new Float64Array(count);
  let twoM = 0;
  for (let i = 0; i < community.length; i++) {
    const c = community[i]!;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const w = weights[e]!;
      twoM += w;
      total[c]! += w;
      if (community[targets[e]!] === c) inner[c]! += w;
    }
  }
  if (twoM === 0) return 0;
  let q = 0;
  for (let c = 0; c < count; c++) q += inner[c]! / twoM - (total[c]! / twoM) ** 2;
  return q;
}

/**
 * Gives every cluster without a user colour one from the palette: the one its
 * id hashes to (so a cluster keeps its colour across runs), or, when a bigger
 * cluster already has that one, the next free colour, so that neighbouring
 * clusters on the map are never told apart by the same colour while the
 * palette lasts.
 */
function assignColours(clusters: Cluster[]): void {
  const used = new Set(clusters.map((c) => c.color).filter((c) => c !== ''));
  for (const c of clusters) {
    if (c.color !== '') continue;
    const preferred = hash32(c.id) % CLUSTER_PALETTE.length;
    let chosen: string = CLUSTER_PALETTE[preferred]!;
    for (let k = 0; k < CLUSTER_PALETTE.length; k++) {
      const candidate = CLUSTER_PALETTE[(preferred + k) % CLUSTER_PALETTE.length]!;
      if (!used.has(candidate)) {
        chosen = candidate;
        break;
      }
    }
    c.color = chosen;
    used.add(chosen);
  }
}

/**
 * Ids: first the previous clusters, matched greedily by decreasing Jaccard
 * overlap; the rest get an id derived from their oldest member (earliest
 * `createdAt`, then smallest id), which small edits rarely change.
 */
function assignIds(ag: AffinityGraph, groups: number[][], previous?: PreviousClusters): string[] {
  const ids: (string | undefined)[] = new Array(groups.length);
  const used = new Set<string>();
  if (previous && previous.clusters.length > 0) {
    const prevOf = new Map<string, number>();
    previous.clusters.forEach((c, p) => c.members.forEach((m) => prevOf.set(m, p)));
    const candidates: { g: number; p: number; j: number }[] = [];
    groups.forEach((members, g) => {
      const overlap = new Map<number, number>();
      for (const i of members) {
        const p = prevOf.get(ag.ids[i]!);
        if (p !== undefined) overlap.set(p, (overlap.get(p) ?? 0) + 1);
      }
      for (const [p, common] of overlap) {
        const j = common / (members.length + previous.clusters[p]!.members.length - common);
        if (j >= MATCH_MIN_JACCARD) candidates.push({ g, p, j });
      }
    });
    candidates.sort((a, b) => b.j - a.j || a.g - b.g || a.p - b.p);
    for (const { g, p } of candidates) {
      const id = previous.clusters[p]!.id;
      if (ids[g] !== undefined || used.has(id)) continue;
      ids[g] = id;
      used.add(id);
    }
  }
  groups.forEach((members, g) => {
    if (ids[g] !== undefined) return;
    const oldest = members.reduce((best, i) => (isOlder(ag, i, best) ? i : best), members[0]!);
    let id = `cl_${hashHex(ag.ids[oldest]!)}`;
    for (let k = 2; used.has(id); k++) id = `cl_${hashHex(ag.ids[oldest]!)}_${k}`;
    ids[g] = id;
    used.add(id);
  });
  return ids as string[];
}

function isOlder(ag: AffinityGraph, a: number, b: number): boolean {
  const ca = ag.contacts[a]!.createdAt;
  const cb = ag.contacts[b]!.createdAt;
  return ca < cb || (ca === cb && a < b);
}

function weightedDegrees(ag: AffinityGraph): Float64Array {
  const { offsets, weights } = ag.adjacency;
  const out = new Float64Array(ag.ids.length);
  for (let i = 0; i < out.length; i++) for (let e = offsets[i]!; e < offsets[i + 1]!; e++) out[i]! += weights[e]!;
  return out;
}
