/**
 * Affinity clusters: Louvain communities of the affinity graph, with ids that
 * survive re-runs and small edits (so the user's name and colour for a
 * cluster, kept in `doc.clusters`, stay attached) and labels made of what
 * members share ("SFR · Telecom · Paris").
 */
import louvain from 'graphology-communities-louvain';
import type { CarnetDocument } from '../document/schema.js';
import { createRandom } from '../demo/random.js';
import type { AffinityGraph, EdgeAttributes } from './affinityGraph.js';
import { featureId, type Feature, type FeatureKind } from './features.js';
import { byString, hash32, hashHex } from './text.js';

/** Fixed seed: Louvain visits nodes in random order, and the same document must give the same clusters. */
export const LOUVAIN_SEED = 0xca4e7;
/** A new cluster takes the id of a previous one when their member sets overlap at least this much (Jaccard). */
export const MATCH_MIN_JACCARD = 0.3;
/** A feature names a cluster when at least this share of its members have it. */
export const LABEL_MIN_SHARE = 0.3;
const LABEL_ORDER: FeatureKind[] = ['orgNow', 'sector', 'city', 'school', 'org', 'tag', 'category'];
const LABEL_MAX_PARTS = 3;

/** Colours for clusters the user has not coloured (picked by id, so a cluster keeps its colour). */
export const CLUSTER_PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#17becf', '#8c6d31',
] as const;

export type Cluster = {
  id: string;
  /** The user's name for it if any, else what members share, else "around <name>" (fallback filled by analyze). */
  label: string;
  /** The shared features the automatic label is made of (empty when none reaches LABEL_MIN_SHARE). */
  labelParts: string[];
  members: string[];
  size: number;
  color: string;
  /** The member used to name a cluster with nothing shared: the one with the strongest affinities. */
  core: string;
};

export type PreviousClusters = { clusters: { id: string; members: string[] }[] };

export type ClusterResult = {
  clusters: Cluster[];
  /** Cluster id of each node (by node index), null for a contact alone in its community. */
  membership: (string | null)[];
  modularity: number;
};

/** Runs Louvain and names the communities of at least two members. */
export function detectClusters(ag: AffinityGraph, doc: CarnetDocument, previous?: PreviousClusters): ClusterResult {
  const n = ag.ids.length;
  const membership: (string | null)[] = new Array(n).fill(null);
  if (n === 0) return { clusters: [], membership, modularity: 0 };
  const rng = createRandom(LOUVAIN_SEED);
  const detailed = louvain.detailed(ag.graph, {
    getEdgeWeight: (_edge, attr) => ((attr as EdgeAttributes).me ? 0 : (attr as EdgeAttributes).weight),
    rng: rng.next,
  });
  const byCommunity = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = detailed.communities[ag.ids[i]!]!;
    let list = byCommunity.get(c);
    if (!list) byCommunity.set(c, (list = []));
    list.push(i);
  }
  const groups = [...byCommunity.values()].filter((m) => m.length >= 2);
  const ids = assignIds(ag, groups, previous);
  const strength = weightedDegrees(ag);

  const clusters = groups.map((members, g): Cluster => {
    const id = ids[g]!;
    for (const i of members) membership[i] = id;
    const core = members.reduce((best, i) => (strength[i]! > strength[best]! ? i : best), members[0]!);
    const labelParts = labelOf(ag, doc, members);
    const style = doc.clusters[id];
    return {
      id,
      label: style?.label?.trim() || labelParts.join(' · '),
      labelParts,
      members: members.map((i) => ag.ids[i]!),
      size: members.length,
      color: style?.color ?? '',
      core: ag.ids[core]!,
    };
  });
  clusters.sort((a, b) => b.size - a.size || byString(a.id, b.id));
  assignColours(clusters);
  return { clusters, membership, modularity: detailed.modularity };
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

function labelOf(ag: AffinityGraph, doc: CarnetDocument, members: number[]): string[] {
  const counts = new Map<string, { f: Feature; n: number }>();
  for (const i of members) {
    for (const f of ag.features[i]!) {
      const id = featureId(f);
      const entry = counts.get(id);
      if (entry) entry.n++;
      else counts.set(id, { f, n: 1 });
    }
  }
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const kind of LABEL_ORDER) {
    let best: { f: Feature; n: number } | undefined;
    for (const entry of counts.values()) {
      if (entry.f.kind !== kind) continue;
      if (!best || entry.n > best.n || (entry.n === best.n && entry.f.key < best.f.key)) best = entry;
    }
    if (!best || best.n / members.length < LABEL_MIN_SHARE) continue;
    const text = kind === 'category' ? (doc.categories[best.f.key]?.name ?? best.f.label) : best.f.label;
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    parts.push(text);
    if (parts.length === LABEL_MAX_PARTS) break;
  }
  return parts;
}
