/**
 * The affinity graph: one node per (non-archived) contact, edges weighted by
 * everything that makes two people likely to know each other or to belong to
 * the same circle. Weights are documented in README.md; change them there too.
 *
 * Built in bulk on typed arrays: edges are collected as (a, b, weight)
 * triples, sorted and summed once, and laid out as compressed adjacency
 * lists. Weights are summed in fixed point, so the result does not depend on
 * the order the document lists its ties and interactions in.
 */
import type { CarnetDocument, Contact, Interaction, Me, Tie } from '../document/schema.js';
import { featureId, featuresOf, type Feature, type FeatureKind } from './features.js';
import { participants } from './history.js';
import { byString, hash32, mix32 } from './text.js';
import { idValues } from '../document/idMap.js';

/** Node id of the user (contact ids never start with `@`). */
export const ME = '@me';

/**
 * Weight a feature shared by two people adds to their edge (in bigger groups:
 * see `sharedWeight`). Categories weigh nothing: they are the user's own
 * grouping, shown beside the clusters (as areas on the map), and clusters
 * are what the data says on its own; they still name clusters and count as
 * common points.
 */
export const FEATURE_WEIGHTS: Record<FeatureKind, number> = {
  orgNow: 1.0,
  org: 0.5,
  school: 0.6,
  city: 0.3,
  sector: 0.2,
  tag: 0.3,
  category: 0,
};

/** An explicit tie weighs this plus its own strength (0–1). */
export const TIE_BASE_WEIGHT = 1;
/** Taking part in the same interaction: this, times min(1, 4 / (participants − 1)). */
export const COPARTICIPATION_WEIGHT = 1;
/** Groups up to this size are linked as a clique; bigger ones through a ring (and a hub for clustering). */
export const GROUP_CLIQUE_MAX = 16;
/**
 * A shared value weighs less the more people share it, as inverse document
 * frequency weighs words: full weight between two people, `weight × 2 / size`
 * between any two of `size` people. Each member of a group then gets about
 * twice the weight in all, whatever the group's size, and sharing a 12-person
 * start-up says much more about two people than sharing a 3,000-person
 * employer or a city of 10,000 (which add almost nothing).
 */
export const IDF_SIZE = 2;
/**
 * A member's edge to the hub of a big group weighs this many times the pair
 * weight, so falls as 16 × weight / size. Tuned on planted networks
 * (tests/unit/analysis/clusters.test.ts and `npm run bench analysis`).
 */
export const HUB_SCALE = 8;
/** Chords per member in a big group's ring: strong features keep more, weak ones (city, tag…) fewer. */
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

/** Compressed adjacency (neighbours sorted by index), for the hot loops. */
export type Adjacency = {
  /** Neighbours of node i are targets[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
};

export type AffinityGraph = {
  /** Contact ids in node-index order (sorted). */
  ids: string[];
  index: Map<string, number>;
  contacts: Contact[];
  features: Feature[][];
  meFeatures: Feature[];
  /** Affinity weight between the user and each contact sharing a feature with them, by node index. */
  meWeights: Map<number, number>;
  /**
   * Contacts only (the user aside: tied to so many people, the user would
   * merge every community and add the same redundancy to everyone). Small
   * groups are cliques, big ones rings: what brokerage and neighbourhoods read.
   */
  adjacency: Adjacency;
  /**
   * What clustering reads: the same contacts, with each big group linked
   * through a hub node of its own (nodes n … n + hubs − 1) instead of a ring.
   * A ring is a line Louvain cuts into arcs (one employer became five clusters
   * of the same name); a hub holds a group together unless ties pull its
   * members apart, and adds to each member one edge whose weight falls with
   * the group's size.
   */
  clustering: Adjacency;
  hubs: number;
};

/**
 * Fixed-point unit of summed weights: sums of integers are exact, whatever
 * the order, and decimal weights (0.3 + 0.5 + 1.0…) come out exactly as
 * written. A pair would need millions of shared interactions to leave the
 * 2^53 range of exact integers.
 */
const UNIT = 1e9;

/** Growable edge list (a, b, weight in UNITs), duplicates allowed until summed. */
class EdgeList {
  a: Uint32Array;
  b: Uint32Array;
  w: Float64Array;
  length = 0;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.a = new Uint32Array(size);
    this.b = new Uint32Array(size);
    this.w = new Float64Array(size);
  }

  add(x: number, y: number, weight: number): void {
    if (x === y) return;
    if (this.length === this.a.length) this.grow();
    this.a[this.length] = x < y ? x : y;
    this.b[this.length] = x < y ? y : x;
    this.w[this.length++] = Math.round(weight * UNIT);
  }

  private grow(): void {
    const size = this.a.length * 2;
    const a = new Uint32Array(size);
    a.set(this.a);
    const b = new Uint32Array(size);
    b.set(this.b);
    const w = new Float64Array(size);
    w.set(this.w);
    this.a = a;
    this.b = b;
    this.w = w;
  }
}

/** The pair weight of a value shared by `size` people: `weight` up to IDF_SIZE people, then less. */
export function sharedWeight(weight: number, size: number): number {
  return size <= IDF_SIZE ? weight : (weight * IDF_SIZE) / size;
}

/** The weight of a member's edge to the hub of a big group. */
export function hubWeight(pairWeight: number): number {
  return pairWeight * HUB_SCALE;
}

type Group = { key: string; kind: FeatureKind | 'interaction'; weight: number; members: number[] };

/** What the graph is made of. */
export type GraphSource = {
  /** The non-archived contacts, sorted by id. */
  contacts: Contact[];
  ties: Iterable<Tie>;
  /** How many ties there are (sizes the edge arrays once). */
  tieCount?: number;
  /** Interactions with at least two contacts (the others link nobody). */
  groups: Iterable<Interaction>;
  me: Me;
  /** Features already computed, by contact object. */
  features?: WeakMap<Contact, Feature[]>;
};

/** The graph source of a whole document. */
export function graphSource(doc: CarnetDocument): GraphSource {
  const contacts = idValues(doc.contacts).filter((c) => !c.archived).sort((a, b) => byString(a.id, b.id));
  const ties = idValues(doc.ties);
  return { contacts, ties, tieCount: ties.length, groups: idValues(doc.interactions).filter((it) => it.contacts.length > 1), me: doc.me };
}

/** The features of a contact, from the cache when there. */
export function cachedFeatures(c: Contact, cache?: WeakMap<Contact, Feature[]>): Feature[] {
  let fs = cache?.get(c);
  if (!fs) {
    fs = featuresOf(c);
    cache?.set(c, fs);
  }
  return fs;
}

/**
 * What in a contact shapes the graph: its features that weigh something. Two
 * versions of a contact with the same signature give the same graph (a
 * category change, a note, a phone number leave it).
 */
export function graphSignature(features: readonly Feature[]): string {
  return features
    .filter((f) => FEATURE_WEIGHTS[f.kind] > 0)
    .map(featureId)
    .join('\u0000');
}

/** The user's features and their affinity to each contact (by node index). */
export function meAffinity(me: Me, features: readonly Feature[][]): { meFeatures: Feature[]; meWeights: Map<number, number> } {
  const meFeatures = featuresOf(me);
  const weightOf = new Map(meFeatures.filter((f) => FEATURE_WEIGHTS[f.kind] > 0).map((f) => [featureId(f), FEATURE_WEIGHTS[f.kind]]));
  const meWeights = new Map<number, number>();
  if (weightOf.size) {
    features.forEach((fs, i) => {
      let w = 0;
      for (const f of fs) w += weightOf.get(featureId(f)) ?? 0;
      if (w > 0) meWeights.set(i, w);
    });
  }
  return { meFeatures, meWeights };
}

/**
 * Builds the affinity graph. Deterministic: nodes are in id order, big groups
 * are linked in an order derived from hashes of ids, and weights are summed
 * exactly, so the order of the source's ties and interactions does not matter.
 */
export function buildAffinityGraph(input: CarnetDocument | GraphSource): AffinityGraph {
  const source = 'format' in input ? graphSource(input) : input;
  const contacts = source.contacts;
  const ids = contacts.map((c) => c.id);
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i]!, i);
  const n = ids.length;

  const features = contacts.map((c) => cachedFeatures(c, source.features));
  const byFeature = new Map<string, Group>();
  for (let i = 0; i < n; i++) {
    for (const f of features[i]!) {
      if (FEATURE_WEIGHTS[f.kind] === 0) continue;
      const id = featureId(f);
      let g = byFeature.get(id);
      if (!g) byFeature.set(id, (g = { key: id, kind: f.kind, weight: FEATURE_WEIGHTS[f.kind], members: [] }));
      g.members.push(i);
    }
  }
  const groups = [...byFeature.values()];
  for (const it of source.groups) {
    if (it.contacts.length < 2) continue;
    const members: number[] = [];
    for (const c of participants(it)) {
      const i = index.get(c);
      if (i !== undefined) members.push(i);
    }
    if (members.length < 2) continue;
    members.sort((x, y) => x - y);
    groups.push({ key: `i|${it.id}`, kind: 'interaction', weight: COPARTICIPATION_WEIGHT * Math.min(1, 4 / (members.length - 1)), members });
  }

  // Both graphs hold the ties and small groups; the contact graph adds the rings of big groups, the clustering graph their hubs.
  const big: Group[] = [];
  let cliquePairs = 0;
  let ringEdges = 0;
  let hubCount = 0;
  for (const g of groups) {
    const m = g.members.length;
    if (m < 2) continue;
    if (m <= GROUP_CLIQUE_MAX) cliquePairs += (m * (m - 1)) / 2;
    else {
      big.push(g);
      ringEdges += m * GROUP_LINKS[g.kind];
      hubCount += m;
    }
  }
  const tieCount = source.tieCount ?? 1024;
  const contactEdges = new EdgeList(cliquePairs + tieCount + ringEdges);
  const clusterEdges = new EdgeList(cliquePairs + tieCount + hubCount);
  const both = (a: number, b: number, w: number): void => {
    contactEdges.add(a, b, w);
    clusterEdges.add(a, b, w);
  };
  for (const g of groups) {
    const m = g.members.length;
    if (m < 2 || m > GROUP_CLIQUE_MAX) continue;
    const w = g.kind === 'interaction' ? g.weight : sharedWeight(g.weight, m);
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) both(g.members[p]!, g.members[q]!, w);
  }
  for (const t of source.ties) {
    const a = index.get(t.from);
    const b = index.get(t.to);
    if (a !== undefined && b !== undefined) both(a, b, TIE_BASE_WEIGHT + t.strength);
  }
  big.sort((x, y) => byString(x.key, y.key));
  const idHash = new Uint32Array(n);
  for (let i = 0; i < n; i++) idHash[i] = hash32(ids[i]!);
  big.forEach((g, h) => {
    const pair = g.kind === 'interaction' ? g.weight : sharedWeight(g.weight, g.members.length);
    linkRing(contactEdges, g, pair, idHash);
    for (const i of g.members) clusterEdges.add(i, n + h, hubWeight(pair));
  });

  const { meFeatures, meWeights } = meAffinity(source.me, features);
  return {
    ids,
    index,
    contacts,
    features,
    meFeatures,
    meWeights,
    adjacency: toAdjacency(n, contactEdges),
    clustering: toAdjacency(n + big.length, clusterEdges),
    hubs: big.length,
  };
}

/**
 * Links a big group as a ring in hashed order with chords at distances 1, 2,
 * 4, …: O(m·links) edges instead of m²/2, every member within ~log2(m) hops
 * of the others, so a 3,000-person company costs 9,000 edges, not 4.5 million.
 * Current and all-time staff of one organization share an order: their rings
 * coincide where the members do, adding weight to the same pairs.
 */
const LOW_BITS = 2 ** 20;

function linkRing(edges: EdgeList, g: Group, weight: number, idHash: Uint32Array): void {
  const m = g.members.length;
  const salt = hash32(g.kind === 'orgNow' || g.kind === 'org' ? `org:${g.key.slice(g.key.indexOf(':') + 1)}` : g.key);
  let order: Uint32Array;
  if (idHash.length <= LOW_BITS) {
    // One typed sort of numbers: the hash in the high bits, the node index in the low 20 (ties broken by index), exact in a double.
    const keys = new Float64Array(m);
    for (let p = 0; p < m; p++) keys[p] = mix32(idHash[g.members[p]!]! ^ salt) * LOW_BITS + g.members[p]!;
    keys.sort();
    order = new Uint32Array(m);
    for (let p = 0; p < m; p++) order[p] = keys[p]! % LOW_BITS;
  } else {
    const h = (i: number) => mix32(idHash[i]! ^ salt);
    order = Uint32Array.from(g.members).sort((x, y) => h(x) - h(y) || x - y);
  }
  const chords = Math.max(1, Math.min(GROUP_LINKS[g.kind], Math.floor(Math.log2(m)) - 1));
  for (let p = 0; p < m; p++) {
    for (let c = 0, step = 1; c < chords; c++, step *= 2) edges.add(order[p]!, order[(p + step) % m]!, weight);
  }
}

/**
 * Sums duplicate pairs and lays the edges out as sorted adjacency lists, in
 * O(nodes + edges): two counting sorts (by the larger end, then stably by the
 * smaller) put equal pairs side by side.
 */
function toAdjacency(n: number, e: EdgeList): Adjacency {
  const len = e.length;
  const count = new Uint32Array(n + 1);
  const byB = new Uint32Array(len);
  for (let k = 0; k < len; k++) count[e.b[k]! + 1]!++;
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  for (let k = 0; k < len; k++) byB[count[e.b[k]!]!++] = k;
  count.fill(0);
  for (let k = 0; k < len; k++) count[e.a[k]! + 1]!++;
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  const sorted = new Uint32Array(len);
  for (let p = 0; p < len; p++) {
    const k = byB[p]!;
    sorted[count[e.a[k]!]!++] = k;
  }
  // Unique pairs in (a, b) order, weights summed.
  const ua = new Uint32Array(len);
  const ub = new Uint32Array(len);
  const uw = new Float64Array(len);
  let m = 0;
  for (let p = 0; p < len; p++) {
    const k = sorted[p]!;
    if (m > 0 && ua[m - 1] === e.a[k] && ub[m - 1] === e.b[k]) uw[m - 1]! += e.w[k]!;
    else {
      ua[m] = e.a[k]!;
      ub[m] = e.b[k]!;
      uw[m++] = e.w[k]!;
    }
  }
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < m; k++) {
    offsets[ua[k]! + 1]!++;
    offsets[ub[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Uint32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  // Smaller neighbours first (pairs come by increasing a), then larger ones (by increasing b within a).
  for (let k = 0; k < m; k++) {
    const b = ub[k]!;
    targets[fill[b]!] = ua[k]!;
    weights[fill[b]!++] = uw[k]! / UNIT;
  }
  for (let k = 0; k < m; k++) {
    const a = ua[k]!;
    targets[fill[a]!] = ub[k]!;
    weights[fill[a]!++] = uw[k]! / UNIT;
  }
  return { offsets, targets, weights };
}

/** The weight of the edge between two contacts (0 when none), and between the user and a contact. */
export function edgeWeight(ag: AffinityGraph, x: string, y: string): number {
  if (x === ME || y === ME) return ag.meWeights.get(ag.index.get(x === ME ? y : x)!) ?? 0;
  const a = ag.index.get(x);
  const b = ag.index.get(y);
  if (a === undefined || b === undefined) return 0;
  const { offsets, targets, weights } = ag.adjacency;
  for (let e = offsets[a]!; e < offsets[a + 1]!; e++) if (targets[e] === b) return weights[e]!;
  return 0;
}
