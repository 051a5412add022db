import { describe, expect, it } from 'vitest';
import { adjacencyFromEdges, brokerage, egoBrokerage } from '../../../shared/analysis/brokerage.js';

// The example networkx tests against (from Borgatti's "Structural holes: unpacking Burt's
// redundancy measures", values computed with UCINET and igraph and checked by hand).
const NODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const EDGES: [string, string, number][] = [
  ['A', 'B', 2], ['A', 'F', 3], ['A', 'G', 5], ['A', 'E', 2], ['E', 'G', 8],
  ['F', 'G', 3], ['B', 'G', 4], ['B', 'D', 1], ['D', 'G', 3], ['G', 'C', 10],
];
const at = (name: string): number => NODES.indexOf(name);

function measure(weighted: boolean, extraIsolated = false) {
  const n = NODES.length + (extraIsolated ? 1 : 0);
  const adj = adjacencyFromEdges(n, EDGES.map(([a, b, w]) => [at(a), at(b), weighted ? w : 1] as const));
  return brokerage(adj);
}

describe('Burt measures (networkx definitions)', () => {
  it('unweighted effective size: G 4.67, A 2.50, C 1', () => {
    const { effectiveSize } = measure(false);
    expect(effectiveSize[at('G')]).toBeCloseTo(4.67, 2);
    expect(effectiveSize[at('A')]).toBeCloseTo(2.5, 2);
    expect(effectiveSize[at('C')]).toBeCloseTo(1, 2);
  });

  it('unweighted constraint: G 0.400, A 0.595, C 1', () => {
    const { constraint } = measure(false);
    expect(constraint[at('G')]).toBeCloseTo(0.4, 3);
    expect(constraint[at('A')]).toBeCloseTo(0.595, 3);
    expect(constraint[at('C')]).toBeCloseTo(1, 3);
  });

  it('weighted effective size: G 5.47, A 2.47, C 1', () => {
    const { effectiveSize } = measure(true);
    expect(effectiveSize[at('G')]).toBeCloseTo(5.47, 2);
    expect(effectiveSize[at('A')]).toBeCloseTo(2.47, 2);
    expect(effectiveSize[at('C')]).toBeCloseTo(1, 2);
  });

  it('weighted constraint: G 0.299, A 0.795, C 1', () => {
    const { constraint } = measure(true);
    expect(constraint[at('G')]).toBeCloseTo(0.299, 3);
    expect(constraint[at('A')]).toBeCloseTo(0.795, 3);
    expect(constraint[at('C')]).toBeCloseTo(1, 3);
  });

  it('is undefined (NaN) for an isolated node, as in networkx', () => {
    const { effectiveSize, constraint } = measure(true, true);
    expect(effectiveSize[NODES.length]).toBeNaN();
    expect(constraint[NODES.length]).toBeNaN();
  });

  it('hand-computed star and triangle: a star centre has effective size n and constraint 1/n', () => {
    // Star with 4 leaves: no redundancy, constraint Σ (1/4)² = 0.25; each leaf has one contact: 1 and 1.
    const star = brokerage(adjacencyFromEdges(5, [[0, 1, 1], [0, 2, 1], [0, 3, 1], [0, 4, 1]]));
    expect(star.effectiveSize[0]).toBeCloseTo(4, 10);
    expect(star.constraint[0]).toBeCloseTo(0.25, 10);
    expect(star.effectiveSize[1]).toBeCloseTo(1, 10);
    // Triangle: each node's two contacts know each other: esize = 2 − 2·1/2 = 1; constraint = 2·(1/2 + 1/4)² = 1.125.
    const tri = brokerage(adjacencyFromEdges(3, [[0, 1, 1], [1, 2, 1], [0, 2, 1]]));
    expect(tri.effectiveSize[0]).toBeCloseTo(1, 10);
    expect(tri.constraint[0]).toBeCloseTo(1.125, 10);
  });
});

describe("the user's ego measures", () => {
  it('equal the general definitions on the graph with the user added', () => {
    // Contacts A–G of the example above, the user tied to all but C with weights 1..6.
    const relation = new Float64Array([1, 2, 0, 3, 4, 5, 6]);
    const contactEdges = EDGES.map(([a, b, w]) => [at(a), at(b), w] as const);
    const me = NODES.length;
    const withMe = [...contactEdges, ...[...relation].flatMap((r, i) => (r > 0 ? [[i, me, r] as const] : []))];
    const general = brokerage(adjacencyFromEdges(NODES.length + 1, withMe));
    const ego = egoBrokerage(adjacencyFromEdges(NODES.length, contactEdges), relation);
    expect(ego.effectiveSize).toBeCloseTo(general.effectiveSize[me]!, 10);
    expect(ego.constraint).toBeCloseTo(general.constraint[me]!, 10);
  });
});
