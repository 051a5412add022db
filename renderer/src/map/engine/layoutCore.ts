/**
 * Cluster-first layout, pure and deterministic, run in layout.worker.ts.
 *
 * Each cluster is laid out on its own with ForceAtlas2 (its inner ties pull,
 * everyone repels), scaled to a disc whose area grows with its size, and the
 * discs are packed with circlepack. This costs a few seconds at 30,000
 * contacts where one ForceAtlas2 over the whole graph costs ~0.5 s per
 * iteration, and it draws what the map is about: one region per cluster.
 * Pinned contacts (moved by the user) keep their place and are not laid out.
 */
import Graph from 'graphology';
import circlepack from 'graphology-layout/circlepack';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { createRandom } from '../../../../shared/demo/random.js';

export type LayoutInput = {
  /** Number of contacts; contacts are referred to by index. */
  n: number;
  /** Ties as index pairs [a0, b0, a1, b1, …]. */
  edges: Uint32Array;
  /** 0–1 per tie. */
  weights: Float32Array;
  /** Cluster index of each contact, -1 for none (those are laid out together). */
  groups: Int32Array;
  /** 1 for a contact that must not move (its position is kept by the caller). */
  pinned: Uint8Array;
};

/** Average room of a contact, in map units: nodes are 18–40 wide. */
const SPACING = 30;
/** Room between two cluster discs. */
const DISC_GAP = 90;
/** Pairs of nodes handled per cluster by ForceAtlas2: bounds the time of a big cluster. */
const PAIR_BUDGET = 4_000_000;

/** Positions [x0, y0, x1, y1, …] of all contacts (pinned ones are NaN: the caller keeps theirs). */
export function clusterFirstLayout(input: LayoutInput): Float64Array {
  const { n, groups, pinned } = input;
  const out = new Float64Array(2 * n).fill(Number.NaN);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (pinned[i]) continue;
    const g = groups[i]!;
    let list = members.get(g);
    if (!list) members.set(g, (list = []));
    list.push(i);
  }
  const inner = innerEdges(input, members);
  const discs = new Graph({ type: 'undirected' });
  const local = new Map<number, Float64Array>();
  for (const [g, list] of members) {
    const radius = SPACING * Math.sqrt(list.length) + SPACING;
    local.set(g, layoutGroup(list, inner.get(g) ?? [], radius));
    discs.addNode(String(g), { size: radius + DISC_GAP / 2 });
  }
  const packed = circlepack(discs, { rng: createRandom(7).next });
  for (const [g, list] of members) {
    const at = packed[String(g)]!;
    const xy = local.get(g)!;
    list.forEach((i, k) => {
      out[2 * i] = Math.round((at.x + xy[2 * k]!) * 10) / 10;
      out[2 * i + 1] = Math.round((at.y + xy[2 * k + 1]!) * 10) / 10;
    });
  }
  return out;
}

type LocalEdge = { a: number; b: number; w: number };

/** The ties of each cluster, in indexes local to that cluster. */
function innerEdges(input: LayoutInput, members: Map<number, number[]>): Map<number, LocalEdge[]> {
  const localIndex = new Int32Array(input.n).fill(-1);
  for (const list of members.values()) list.forEach((i, k) => (localIndex[i] = k));
  const out = new Map<number, LocalEdge[]>();
  const { edges, weights, groups } = input;
  for (let e = 0; e < edges.length / 2; e++) {
    const a = edges[2 * e]!;
    const b = edges[2 * e + 1]!;
    const g = groups[a]!;
    if (a === b || groups[b] !== g || localIndex[a]! < 0 || localIndex[b]! < 0) continue;
    let list = out.get(g);
    if (!list) out.set(g, (list = []));
    list.push({ a: localIndex[a]!, b: localIndex[b]!, w: weights[e] ?? 0.5 });
  }
  return out;
}

/** One cluster inside a disc of `radius` centred on 0: sunflower seed, ForceAtlas2, then scaled to fit. */
function layoutGroup(list: number[], edges: LocalEdge[], radius: number): Float64Array {
  const m = list.length;
  const xy = new Float64Array(2 * m);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let k = 0; k < m; k++) {
    const r = Math.sqrt((k + 0.5) / m);
    xy[2 * k] = r * Math.cos(k * golden) * 100;
    xy[2 * k + 1] = r * Math.sin(k * golden) * 100;
  }
  if (m >= 3 && edges.length > 0) {
    const graph = new Graph({ type: 'undirected', multi: false });
    for (let k = 0; k < m; k++) graph.addNode(k, { x: xy[2 * k], y: xy[2 * k + 1] });
    for (const e of edges) if (!graph.hasEdge(e.a, e.b)) graph.addEdge(e.a, e.b, { weight: 0.2 + e.w });
    const barnesHut = m > 600;
    const iterations = Math.max(8, Math.min(200, Math.round(barnesHut ? PAIR_BUDGET / (m * Math.log2(m) * 4) : PAIR_BUDGET / (m * m))));
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: barnesHut, gravity: 1.5, scalingRatio: 4 },
    });
    graph.forEachNode((key, attr) => {
      const k = Number(key);
      xy[2 * k] = attr.x as number;
      xy[2 * k + 1] = attr.y as number;
    });
  }
  fitDisc(xy, radius);
  return xy;
}

/** Centres the points and scales them so that most fall in the disc; far outliers are brought to its rim. */
function fitDisc(xy: Float64Array, radius: number): void {
  const m = xy.length / 2;
  if (m === 0) return;
  let cx = 0;
  let cy = 0;
  for (let k = 0; k < m; k++) {
    cx += xy[2 * k]!;
    cy += xy[2 * k + 1]!;
  }
  cx /= m;
  cy /= m;
  const dist: number[] = [];
  for (let k = 0; k < m; k++) dist.push(Math.hypot(xy[2 * k]! - cx, xy[2 * k + 1]! - cy));
  const sorted = [...dist].sort((a, b) => a - b);
  const reach = sorted[Math.floor(0.9 * (m - 1))]! || 1;
  const scale = m === 1 ? 0 : radius / reach;
  for (let k = 0; k < m; k++) {
    const d = dist[k]! * scale;
    const shrink = d > radius * 1.1 ? (radius * 1.1) / d : 1;
    xy[2 * k] = (xy[2 * k]! - cx) * scale * shrink;
    xy[2 * k + 1] = (xy[2 * k + 1]! - cy) * scale * shrink;
  }
}
