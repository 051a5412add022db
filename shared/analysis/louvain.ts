/**
 * Louvain community detection (Blondel et al. 2008) on a compressed
 * adjacency, with the queue-based "fast local moving" of Traag (2015).
 *
 * Why not graphology-communities-louvain: it needs a graphology Graph, and
 * building one edge by edge (an object and a string key per edge) cost 1.7 s
 * for the 385,000 edges of a 30,000-contact network — more than the whole
 * diagnosis may take. This version works on the typed arrays the affinity
 * graph is already built in, and finds partitions of the same modularity
 * (tests/unit/analysis/louvain.test.ts compares both on the same graphs).
 *
 * Deterministic: the visiting order comes from the seeded `rng`, ties between
 * equal gains keep the node where it is, then go to the smallest community.
 */
import type { Adjacency } from './affinityGraph.js';

export type LouvainOptions = {
  /** Uniform [0, 1) generator: the order nodes are first visited in. */
  rng: () => number;
  /** Modularity resolution γ (1 = Newman's modularity). */
  resolution?: number;
};

export type LouvainResult = {
  /** Community of each node, numbered 0 … count − 1 in order of first member. */
  community: Int32Array;
  count: number;
  /** Modularity of the partition (at resolution γ). */
  modularity: number;
  /** Aggregation levels run. */
  levels: number;
};

/** A gain must beat the current one by this much (relative to the node's degree) to move a node. */
const EPSILON = 1e-10;

type Level = { n: number; offsets: Uint32Array; targets: Uint32Array; weights: Float64Array; self: Float64Array };

export function louvain(adj: Adjacency, opts: LouvainOptions): LouvainResult {
  const n0 = adj.offsets.length - 1;
  const gamma = opts.resolution ?? 1;
  const membership = new Int32Array(n0);
  for (let i = 0; i < n0; i++) membership[i] = i;
  let level: Level = { n: n0, offsets: adj.offsets, targets: adj.targets, weights: adj.weights, self: new Float64Array(n0) };
  let total = 0;
  for (let e = 0; e < adj.weights.length; e++) total += adj.weights[e]!;
  if (n0 === 0 || total === 0) return finish(adj, membership, gamma);

  let levels = 0;
  for (;;) {
    const comm = moveNodes(level, total, gamma, opts.rng);
    const { count, renumbered } = renumber(comm);
    levels++;
    for (let i = 0; i < n0; i++) membership[i] = renumbered[membership[i]!]!;
    if (count === level.n) break;
    level = aggregate(level, renumbered, count);
  }
  return { ...finish(adj, membership, gamma), levels };
}

/** Local moving until no node gains by changing community; returns the community of each node. */
function moveNodes(g: Level, twoM: number, gamma: number, rng: () => number): Int32Array {
  const { n, offsets, targets, weights, self } = g;
  const k = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = self[i]!;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) s += weights[e]!;
    k[i] = s;
  }
  const comm = new Int32Array(n);
  const tot = new Float64Array(n);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    comm[i] = i;
    tot[i] = k[i]!;
    size[i] = 1;
  }
  const empty: number[] = [];
  const weightTo = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const seen = new Int32Array(n);

  // Every node once in random order, then only the neighbours of nodes that moved.
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = queue[i]!;
    queue[i] = queue[j]!;
    queue[j] = t;
  }
  queued.fill(1);
  let head = 0;
  let pending = n;
  let visit = 0;

  while (pending > 0) {
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    pending--;
    queued[i] = 0;
    visit++;

    const own = comm[i]!;
    let distinct = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const c = comm[targets[e]!]!;
      if (stamp[c] !== visit) {
        stamp[c] = visit;
        weightTo[c] = 0;
        seen[distinct++] = c;
      }
      weightTo[c]! += weights[e]!;
    }
    const ki = k[i]!;
    tot[own]! -= ki;
    size[own]!--;
    const scale = (gamma * ki) / twoM;
    let best = own;
    let bestGain = (stamp[own] === visit ? weightTo[own]! : 0) - scale * tot[own]!;
    for (let s = 0; s < distinct; s++) {
      const c = seen[s]!;
      if (c === own) continue;
      const gain = weightTo[c]! - scale * tot[c]!;
      if (gain > bestGain + EPSILON * ki || (Math.abs(gain - bestGain) <= EPSILON * ki && best !== own && c < best)) {
        best = c;
        bestGain = gain;
      }
    }
    // Alone is better than anywhere: an empty community (gain 0).
    if (bestGain < -EPSILON * ki && size[own]! > 0) {
      best = empty.length ? empty.pop()! : own;
    }
    tot[best]! += ki;
    size[best]!++;
    if (size[own] === 0 && best !== own) empty.push(own);
    if (best === own) continue;
    comm[i] = best;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const j = targets[e]!;
      if (!queued[j] && comm[j] !== best) {
        queued[j] = 1;
        queue[(head + pending) % n] = j;
        pending++;
      }
    }
  }
  return comm;
}

/** Community ids 0 … count − 1 in order of first appearance. */
function renumber(comm: Int32Array): { count: number; renumbered: Int32Array } {
  const map = new Int32Array(comm.length).fill(-1);
  let count = 0;
  const renumbered = new Int32Array(comm.length);
  for (let i = 0; i < comm.length; i++) {
    const c = comm[i]!;
    if (map[c] === -1) map[c] = count++;
    renumbered[i] = map[c]!;
  }
  return { count, renumbered };
}

/** One node per community: internal weight becomes its self weight, weights between communities add up. */
function aggregate(g: Level, comm: Int32Array, count: number): Level {
  const { n, offsets, targets, weights, self } = g;
  // Members of each community, contiguous.
  const start = new Uint32Array(count + 1);
  for (let i = 0; i < n; i++) start[comm[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  const members = new Uint32Array(n);
  for (let i = 0; i < n; i++) members[fill[comm[i]!]!++] = i;

  const newSelf = new Float64Array(count);
  const stamp = new Int32Array(count).fill(-1);
  const slot = new Int32Array(count);
  const outOffsets = new Uint32Array(count + 1);
  let outTargets = new Uint32Array(Math.max(16, targets.length >> 1));
  let outWeights = new Float64Array(outTargets.length);
  let m = 0;
  for (let c = 0; c < count; c++) {
    let inner = 0;
    const first = m;
    for (let p = start[c]!; p < start[c + 1]!; p++) {
      const i = members[p]!;
      inner += self[i]!;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const d = comm[targets[e]!]!;
        if (d === c) {
          inner += weights[e]!;
          continue;
        }
        if (stamp[d] === c && slot[d]! >= first) {
          outWeights[slot[d]!]! += weights[e]!;
          continue;
        }
        if (m === outTargets.length) {
          const t = new Uint32Array(m * 2);
          t.set(outTargets);
          outTargets = t;
          const w = new Float64Array(m * 2);
          w.set(outWeights);
          outWeights = w;
        }
        stamp[d] = c;
        slot[d] = m;
        outTargets[m] = d;
        outWeights[m++] = weights[e]!;
      }
    }
    newSelf[c] = inner;
    outOffsets[c + 1] = m;
  }
  return { n: count, offsets: outOffsets, targets: outTargets.subarray(0, m), weights: outWeights.subarray(0, m), self: newSelf };
}

/** Compact numbering and modularity of a membership on the original graph. */
function finish(adj: Adjacency, membership: Int32Array, gamma: number): LouvainResult {
  const { count, renumbered } = renumber(membership);
  const { offsets, targets, weights } = adj;
  const inner = new Float64Array(count);
  const tot = new Float64Array(count);
  let twoM = 0;
  for (let i = 0; i < renumbered.length; i++) {
    const c = renumbered[i]!;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const w = weights[e]!;
      twoM += w;
      tot[c]! += w;
      if (renumbered[targets[e]!] === c) inner[c]! += w;
    }
  }
  let q = 0;
  if (twoM > 0) for (let c = 0; c < count; c++) q += inner[c]! / twoM - gamma * (tot[c]! / twoM) ** 2;
  return { community: renumbered, count, modularity: q, levels: 0 };
}
