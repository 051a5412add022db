/**
 * The affinity graph: one node per (non-archived) contact plus the user,
 * edges weighted by everything that makes two people likely to know each
 * other or to belong to the same circle. Weights are documented in
 * README.md; change them there too.
 */
import Graph from 'graphology';
import type { CarnetDocument, Contact } from '../document/schema.js';
import { featureId, featuresOf, type Feature, type FeatureKind } from './features.js';
import { byString, hash32, mix32 } from './text.js';

/** Node id of the user in the affinity graph (contact ids never start with `@`). */
export const ME = '@me';

/** Weight a shared feature adds to an edge. */
export const FEATURE_WEIGHTS: Record<FeatureKind, number> = {
  orgNow: 1.0,
  org: 0.5,
  school: 0.6,
  city: 0.3,
  sector: 0.2,
  tag: 0.3,
  category: 0.4,
};

/** An explicit tie weighs this plus its own strength (0–1). */
export const TIE_BASE_WEIGHT = 1;
/** Taking part in the same interaction: this, times min(1, 4 / (participants − 1)). */
export const COPARTICIPATION_WEIGHT = 1;
/** Groups up to this size are linked as a clique; bigger ones through a hashed ring with chords. */
export const GROUP_CLIQUE_MAX = 16;
/** Chords per member in a big group: strong features keep more, weak ones (city, tag…) fewer. */
export const GROUP_LINKS: Record<FeatureKind | 'interaction', number> = {
  orgNow: 3,
  org: 3,
  school: 3,
  interaction: 3,
  city: 1,
  sector: 1,
  tag: 1,
  category: 1,
};

/** `me` marks the user's edges, which clustering and brokerage leave out. */
export type EdgeAttributes = { weight: number; me?: true };

/** Compressed adjacency of the contact–contact graph (the user excluded), for the hot loops. */
export type Adjacency = {
  /** Neighbours of node i are targets[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
};

export type AffinityGraph = {
  /**
   * Contacts plus the user (node `ME`, linked to the contacts it shares a
   * feature with). Clustering ignores the user's edges: linked to so many
   * people, the user would merge every community.
   */
  graph: Graph<Record<string, never>, EdgeAttributes>;
  /** Contact ids in node-index order (sorted). */
  ids: string[];
  index: Map<string, number>;
  contacts: Contact[];
  features: Feature[][];
  meFeatures: Feature[];
  /** Affinity weight between the user and each contact sharing a feature with them, by node index. */
  meWeights: Map<number, number>;
  adjacency: Adjacency;
};

/** Growable edge list (a, b, weight), duplicates allowed until `merge`. */
class EdgeList {
  a = new Uint32Array(1024);
  b = new Uint32Array(1024);
  w = new Float64Array(1024);
  length = 0;

  add(x: number, y: number, weight: number): void {
    if (x === y) return;
    if (this.length === this.a.length) {
      const grow = <T extends Uint32Array | Float64Array>(arr: T): T => {
        const next = new (arr.constructor as new (n: number) => T)(arr.length * 2);
        next.set(arr);
        return next;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.w = grow(this.w);
    }
    this.a[this.length] = Math.min(x, y);
    this.b[this.length] = Math.max(x, y);
    this.w[this.length++] = weight;
  }
}

/**
 * Sums the weights of duplicate pairs in O(edges) (bucket by smaller end,
 * then a stamp array per bucket), keeping first-seen order so the result
 * does not depend on anything but the input order.
 */
function merge(n: number, edges: EdgeList): { a: Uint32Array; b: Uint32Array; w: Float64Array } {
  const start = new Uint32Array(n + 1);
  for (let k = 0; k < edges.length; k++) start[edges.a[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const bb = new Uint32Array(edges.length);
  const ww = new Float64Array(edges.length);
  for (let k = 0; k < edges.length; k++) {
    const p = fill[edges.a[k]!]!++;
    bb[p] = edges.b[k]!;
    ww[p] = edges.w[k]!;
  }
  const stamp = new Int32Array(n).fill(-1);
  const slot = new Uint32Array(n);
  const a = new Uint32Array(edges.length);
  const b = new Uint32Array(edges.length);
  const w = new Float64Array(edges.length);
  let m = 0;
  for (let i = 0; i < n; i++) {
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const j = bb[p]!;
      if (stamp[j] === i) {
        w[slot[j]!]! += ww[p]!;
        continue;
      }
      stamp[j] = i;
      slot[j] = m;
      a[m] = i;
      b[m] = j;
      w[m++] = ww[p]!;
    }
  }
  return { a: a.subarray(0, m), b: b.subarray(0, m), w: w.subarray(0, m) };
}

/**
 * Builds the affinity graph of a document. Deterministic: nodes are added in
 * id order and big groups are linked in an order derived from hashes of ids.
 */
export function buildAffinityGraph(doc: CarnetDocument): AffinityGraph {
  const contacts = Object.values(doc.contacts)
    .filter((c) => !c.archived)
    .sort((a, b) => byString(a.id, b.id));
  const ids = contacts.map((c) => c.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const idHash = ids.map(hash32);
  const edges = new EdgeList();

  const linkGroup = (members: number[], weight: number, links: number, salt: string): void => {
    const m = members.length;
    if (m < 2) return;
    if (m <= GROUP_CLIQUE_MAX) {
      for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) edges.add(members[i]!, members[j]!, weight);
      return;
    }
    // A ring in hashed order with chords at distances 1, 2, 4, …: O(m·links) edges
    // instead of m²/2, still within ~log2(m) hops of each other, so the group stays
    // one dense region for Louvain without 4.5M edges for a 3,000-person company.
    const g = hash32(salt);
    const order = members
      .map((i) => ({ i, h: mix32(idHash[i]! ^ g) }))
      .sort((x, y) => x.h - y.h || x.i - y.i)
      .map((x) => x.i);
    const chords = Math.max(1, Math.min(links, Math.floor(Math.log2(m)) - 1));
    for (let p = 0; p < m; p++) {
      for (let c = 0, step = 1; c < chords; c++, step *= 2) edges.add(order[p]!, order[(p + step) % m]!, weight);
    }
  };

  const features = contacts.map((c) => featuresOf(c));
  const groups = new Map<string, { kind: FeatureKind; key: string; members: number[] }>();
  features.forEach((fs, i) => {
    for (const f of fs) {
      const id = featureId(f);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { kind: f.kind, key: f.key, members: [] }));
      g.members.push(i);
    }
  });
  for (const [id, g] of [...groups].sort((a, b) => byString(a[0], b[0]))) {
    // Current and all-time staff of one organization share a salt: their rings
    // coincide where the members do, adding weight to the same pairs, not new edges.
    const salt = g.kind === 'orgNow' || g.kind === 'org' ? `org:${g.key}` : id;
    linkGroup(g.members, FEATURE_WEIGHTS[g.kind], GROUP_LINKS[g.kind], salt);
  }

  for (const it of Object.values(doc.interactions).sort((a, b) => byString(a.id, b.id))) {
    const members = [...new Set(it.contacts)].map((c) => index.get(c)).filter((i): i is number => i !== undefined);
    if (members.length < 2) continue;
    const w = COPARTICIPATION_WEIGHT * Math.min(1, 4 / (members.length - 1));
    linkGroup(members.sort((a, b) => a - b), w, GROUP_LINKS.interaction, `i|${it.id}`);
  }

  for (const t of Object.values(doc.ties).sort((a, b) => byString(a.id, b.id))) {
    const a = index.get(t.from);
    const b = index.get(t.to);
    if (a !== undefined && b !== undefined) edges.add(a, b, TIE_BASE_WEIGHT + t.strength);
  }

  const meFeatures = featuresOf(doc.me);
  const meIds = new Set(meFeatures.map(featureId));
  const meWeights = new Map<number, number>();
  for (const [id, g] of groups) {
    if (!meIds.has(id)) continue;
    for (const i of g.members) meWeights.set(i, (meWeights.get(i) ?? 0) + FEATURE_WEIGHTS[g.kind]);
  }

  const unique = merge(n, edges);
  return {
    graph: toGraph(ids, unique, meWeights),
    ids,
    index,
    contacts,
    features,
    meFeatures,
    meWeights,
    adjacency: toAdjacency(n, unique),
  };
}

type EdgeArrays = { a: Uint32Array; b: Uint32Array; w: Float64Array };

function toGraph(ids: string[], e: EdgeArrays, meWeights: Map<number, number>): Graph<Record<string, never>, EdgeAttributes> {
  const graph = new Graph<Record<string, never>, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of ids) graph.addNode(id);
  for (let k = 0; k < e.a.length; k++) graph.addUndirectedEdge(ids[e.a[k]!]!, ids[e.b[k]!]!, { weight: e.w[k]! });
  graph.addNode(ME);
  for (const [i, weight] of [...meWeights].sort((a, b) => a[0] - b[0])) graph.addUndirectedEdge(ME, ids[i]!, { weight, me: true });
  return graph;
}

function toAdjacency(n: number, e: EdgeArrays): Adjacency {
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < e.a.length; k++) {
    offsets[e.a[k]! + 1]!++;
    offsets[e.b[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Uint32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (let k = 0; k < e.a.length; k++) {
    const a = e.a[k]!;
    const b = e.b[k]!;
    targets[fill[a]!] = b;
    weights[fill[a]!++] = e.w[k]!;
    targets[fill[b]!] = a;
    weights[fill[b]!++] = e.w[k]!;
  }
  return { offsets, targets, weights };
}
