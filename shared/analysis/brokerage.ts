/**
 * Burt's structural-hole measures with networkx's definitions (weighted,
 * undirected): effective size and constraint. Computed on a compressed
 * adjacency in one pass per node: cost is the sum of squared degrees, which
 * the capped group linking of the affinity graph keeps small.
 *
 * - p(u,v) = w(u,v) / Σ_x w(u,x)           (normalized mutual weight, norm = sum)
 * - m(v,x) = w(v,x) / max_y w(v,y)          (normalized mutual weight, norm = max)
 * - effective size(u) = Σ_{v∈N(u)} (1 − Σ_{x∈N(u)} p(u,x) · m(v,x))
 * - constraint(u)     = Σ_{v∈N(u)} (p(u,v) + Σ_{x∈N(u)} p(u,x) · p(x,v))²
 * Both are undefined (null) for an isolated node, as networkx returns NaN.
 *
 * Bounded cost: a contact's ego network is its EGO_LIMIT strongest
 * affinities (exact networkx values for everyone with fewer, i.e. nearly
 * everyone), so one contact tied to 5,000 others costs 64² steps per
 * neighbour rather than 5,000², and the whole pass at most n × 64².
 */
import type { Adjacency } from './affinityGraph.js';

export type Brokerage = { effectiveSize: Float64Array; constraint: Float64Array };

/** Neighbours a contact's ego network keeps (its strongest affinities). */
export const EGO_LIMIT = 64;

/** Each node's EGO_LIMIT strongest neighbours (all of them for smaller degrees), as an adjacency. */
export function strongestNeighbours(adj: Adjacency, limit = EGO_LIMIT): Adjacency {
  const { offsets, targets, weights } = adj;
  const n = offsets.length - 1;
  let over = false;
  for (let i = 0; i < n && !over; i++) over = offsets[i + 1]! - offsets[i]! > limit;
  if (!over) return adj;
  const out = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) out[i + 1] = out[i]! + Math.min(limit, offsets[i + 1]! - offsets[i]!);
  const t = new Uint32Array(out[n]!);
  const w = new Float64Array(out[n]!);
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const degree = offsets[i + 1]! - start;
    let p = out[i]!;
    if (degree <= limit) {
      for (let e = start; e < start + degree; e++, p++) {
        t[p] = targets[e]!;
        w[p] = weights[e]!;
      }
      continue;
    }
    const order = Array.from({ length: degree }, (_, k) => start + k).sort((a, b) => weights[b]! - weights[a]! || targets[a]! - targets[b]!);
    for (let k = 0; k < limit; k++, p++) {
      t[p] = targets[order[k]!]!;
      w[p] = weights[order[k]!]!;
    }
  }
  return { offsets: out, targets: t, weights: w };
}

/** Builds an adjacency from an edge list (used for the user's ego network and by tests). */
export function adjacencyFromEdges(n: number, edges: readonly (readonly [number, number, number])[]): Adjacency {
  const degree = new Uint32Array(n);
  for (const [a, b] of edges) {
    degree[a]!++;
    degree[b]!++;
  }
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Uint32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (const [a, b, w] of edges) {
    targets[fill[a]!] = b;
    weights[fill[a]!++] = w;
    targets[fill[b]!] = a;
    weights[fill[b]!++] = w;
  }
  return { offsets, targets, weights };
}

/**
 * Effective size and constraint of the given nodes (all by default); NaN
 * marks an isolated node.
 */
export function brokerage(full: Adjacency, nodes?: readonly number[]): Brokerage {
  const adj = strongestNeighbours(full);
  const { offsets, targets, weights } = adj;
  const n = offsets.length - 1;
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let m = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      s += weights[e]!;
      if (weights[e]! > m) m = weights[e]!;
    }
    sum[i] = s;
    max[i] = m;
  }
  const effectiveSize = new Float64Array(n).fill(Number.NaN);
  const constraint = new Float64Array(n).fill(Number.NaN);
  const stamp = new Int32Array(n).fill(-1);
  const p = new Float64Array(n);
  const indirect = new Float64Array(n);
  const redundancy = new Float64Array(n);

  const one = (u: number): void => {
    const start = offsets[u]!;
    const end = offsets[u + 1]!;
    if (start === end || sum[u] === 0) return;
    for (let e = start; e < end; e++) {
      const v = targets[e]!;
      stamp[v] = u;
      p[v] = weights[e]! / sum[u]!;
      indirect[v] = 0;
      redundancy[v] = 0;
    }
    for (let e = start; e < end; e++) {
      const x = targets[e]!;
      const pux = p[x]!;
      const sx = sum[x]!;
      for (let f = offsets[x]!; f < offsets[x + 1]!; f++) {
        const v = targets[f]!;
        if (stamp[v] !== u) continue;
        const w = weights[f]!;
        indirect[v]! += (pux * w) / sx;
        redundancy[v]! += (pux * w) / max[v]!;
      }
    }
    let es = 0;
    let c = 0;
    for (let e = start; e < end; e++) {
      const v = targets[e]!;
      es += 1 - redundancy[v]!;
      const l = p[v]! + indirect[v]!;
      c += l * l;
    }
    effectiveSize[u] = es;
    constraint[u] = c;
  };

  if (nodes) for (const u of nodes) one(u);
  else for (let u = 0; u < n; u++) one(u);
  return { effectiveSize, constraint };
}

/**
 * The user's own effective size and constraint: the same definitions on the
 * contact graph plus the user linked to every contact with weight
 * `relation[i]` (0 = no tie), computed in one pass without copying the graph.
 */
export function egoBrokerage(adj: Adjacency, relation: Float64Array): { effectiveSize: number | null; constraint: number | null } {
  const { offsets, targets, weights } = adj;
  const n = offsets.length - 1;
  let total = 0;
  for (let v = 0; v < n; v++) total += relation[v]!;
  if (total === 0) return { effectiveSize: null, constraint: null };
  // Each contact's sum and max of weights, counting its tie to the user.
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = relation[v]!;
    let m = relation[v]!;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      s += weights[e]!;
      if (weights[e]! > m) m = weights[e]!;
    }
    sum[v] = s;
    max[v] = m;
  }
  let effectiveSize = 0;
  let constraint = 0;
  for (let v = 0; v < n; v++) {
    if (relation[v]! === 0) continue;
    let redundancy = 0;
    let indirect = 0;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const x = targets[e]!;
      const pmx = relation[x]! / total;
      if (pmx === 0) continue;
      redundancy += (pmx * weights[e]!) / max[v]!;
      indirect += (pmx * weights[e]!) / sum[x]!;
    }
    effectiveSize += 1 - redundancy;
    const l = relation[v]! / total + indirect;
    constraint += l * l;
  }
  return { effectiveSize, constraint };
}
