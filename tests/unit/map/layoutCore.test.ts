import { describe, expect, it } from 'vitest';
import { clusterFirstLayout, type LayoutInput } from '../../../renderer/src/map/engine/layoutCore.js';

function input(n: number, groupsOf: (i: number) => number, ties: [number, number][], pinned: number[] = []): LayoutInput {
  const edges = new Uint32Array(ties.flat());
  return {
    n,
    edges,
    weights: new Float32Array(ties.length).fill(0.5),
    groups: Int32Array.from({ length: n }, (_, i) => groupsOf(i)),
    pinned: Uint8Array.from({ length: n }, (_, i) => (pinned.includes(i) ? 1 : 0)),
  };
}

describe('clusterFirstLayout', () => {
  it('places every unpinned contact, leaves pinned ones to the caller, and is deterministic', () => {
    const ties: [number, number][] = [];
    for (let i = 0; i < 60; i++) ties.push([i, (i + 1) % 60], [i, (i + 7) % 60]);
    const a = clusterFirstLayout(input(60, (i) => i % 3, ties, [5]));
    const b = clusterFirstLayout(input(60, (i) => i % 3, ties, [5]));
    expect(Array.from(a)).toEqual(Array.from(b));
    for (let i = 0; i < 60; i++) {
      if (i === 5) expect(Number.isNaN(a[2 * i]!)).toBe(true);
      else expect(Number.isFinite(a[2 * i]!) && Number.isFinite(a[2 * i + 1]!)).toBe(true);
    }
  });

  it('keeps each cluster in its own region', () => {
    const n = 300;
    const ties: [number, number][] = [];
    for (let i = 0; i < n; i++) ties.push([i, (i + 3) % n]);
    const xy = clusterFirstLayout(input(n, (i) => Math.floor(i / 100), ties));
    const centre = (g: number) => {
      let x = 0;
      let y = 0;
      for (let i = g * 100; i < g * 100 + 100; i++) {
        x += xy[2 * i]!;
        y += xy[2 * i + 1]!;
      }
      return { x: x / 100, y: y / 100 };
    };
    const spread = (g: number) => {
      const c = centre(g);
      let d = 0;
      for (let i = g * 100; i < g * 100 + 100; i++) d = Math.max(d, Math.hypot(xy[2 * i]! - c.x, xy[2 * i + 1]! - c.y));
      return d;
    };
    const [c0, c1] = [centre(0), centre(1)];
    expect(Math.hypot(c0.x - c1.x, c0.y - c1.y)).toBeGreaterThan(Math.max(spread(0), spread(1)));
  });

  it('lays out contacts with no ties and no cluster without collapsing them on one point', () => {
    const xy = clusterFirstLayout(input(50, () => -1, []));
    const points = new Set<string>();
    for (let i = 0; i < 50; i++) points.add(`${xy[2 * i]},${xy[2 * i + 1]}`);
    expect(points.size).toBe(50);
  });
});
