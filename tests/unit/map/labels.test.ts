// Label placement (what names the map shows, and where) and the camera's framing math: pure functions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameBox, safeRect } from '../../../renderer/src/map/engine/camera.js';
import { placeLabels, placeRegionLabels, type LabelCandidate } from '../../../renderer/src/map/engine/labels.js';
import type { Rect } from '../../../renderer/src/map/engine/types.js';

const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const measure = (text: string) => text.length * 7;
const layout = { width: 800, height: 600, measure, lineHeight: 18 };

describe('placeLabels', () => {
  it('names the most important contacts first and drops a less important one with no free place', () => {
    const placed = placeLabels(
      [
        { id: 'minor', text: 'Minor person', x: 100, y: 82, r: 5, priority: 1 },
        { id: 'major', text: 'Major person', x: 100, y: 100, r: 5, priority: 10 },
        { id: 'second', text: 'Second person', x: 100, y: 60, r: 5, priority: 9 },
      ],
      layout,
    );
    expect(placed.map((p) => p.id)).toEqual(['major', 'second']);
  });

  it('puts a name above its node when below is taken, else to its right, else to its left', () => {
    const node = { id: 'n', text: 'Name', x: 300, y: 300, r: 5, priority: 1 };
    const below = { x1: 250, y1: 318, x2: 350, y2: 340 };
    const above = { x1: 250, y1: 260, x2: 350, y2: 282 };
    const right = { x1: 330, y1: 285, x2: 400, y2: 315 };
    expect(placeLabels([node], { ...layout, blocked: [below] })).toMatchObject([{ side: 'above' }]);
    expect(placeLabels([node], { ...layout, blocked: [below, above] })).toMatchObject([{ side: 'right' }]);
    expect(placeLabels([node], { ...layout, blocked: [below, above, right] })).toMatchObject([{ side: 'left' }]);
    // A named contact's dot is not covered by a name placed after it.
    const placed = placeLabels([{ ...node, priority: 10 }, { id: 'm', text: 'Longer name here', x: 300, y: 280, r: 5, priority: 1 }], layout);
    for (const p of placed.filter((x) => x.id === 'm')) expect(overlaps(p.box, { x1: 295, y1: 295, x2: 305, y2: 305 })).toBe(false);
  });

  it('puts a name at a corner of its node when the four sides are taken (a dense cluster)', () => {
    const node = { id: 'n', text: 'Name', x: 300, y: 300, r: 5, priority: 1 };
    // Neighbours' dots and names on each of its four sides, as in a crowded cluster; the corner below right is free.
    const sides = [
      { x1: 290, y1: 306, x2: 300, y2: 324 },
      { x1: 290, y1: 276, x2: 300, y2: 294 },
      { x1: 306, y1: 290, x2: 340, y2: 300 },
      { x1: 260, y1: 290, x2: 294, y2: 300 },
    ];
    const [placed] = placeLabels([node], { ...layout, blocked: sides });
    expect(placed?.side).toBe('below-right');
    for (const b of sides) expect(overlaps(placed!.box, b)).toBe(false);
    // Diagonally off its node and close to it: the text (the box less its halo) starts past the disc, within a few pixels.
    const text = { x1: placed!.box.x1 + 4, y1: placed!.box.y1 + 2 };
    const gap = Math.hypot(text.x1 - 300, text.y1 - 300);
    expect(gap).toBeGreaterThan(node.r);
    expect(gap).toBeLessThan(node.r + 6);
  });

  it('keeps names off blocked boxes (cluster names) and inside the map', () => {
    const placed = placeLabels(
      [
        { id: 'blocked', text: 'Blocked', x: 100, y: 100, r: 5, priority: 10 },
        { id: 'cornered', text: 'Cornered', x: 790, y: 590, r: 5, priority: 10 },
        { id: 'edge', text: 'At the edge', x: 5, y: 300, r: 5, priority: 10 },
        { id: 'off', text: 'Off screen', x: -50, y: 300, r: 5, priority: 10 },
        { id: 'free', text: 'Free', x: 400, y: 300, r: 5, priority: 1 },
      ],
      { ...layout, blocked: [{ x1: 20, y1: 60, x2: 180, y2: 140 }] },
    );
    // Near the edges a name goes to the side that has room; off screen or boxed in, none.
    expect(placed.map((p) => [p.id, p.side])).toEqual([['cornered', 'left'], ['edge', 'right'], ['free', 'below']]);
  });

  it('never places two overlapping names, nor more than asked, whatever the contacts (property)', () => {
    const candidate = fc.record({
      x: fc.double({ min: -50, max: 850, noNaN: true }),
      y: fc.double({ min: -50, max: 650, noNaN: true }),
      r: fc.double({ min: 2, max: 30, noNaN: true }),
      priority: fc.integer({ min: 0, max: 20 }),
      text: fc.string({ minLength: 1, maxLength: 30 }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (cs, max) => {
        const placed = placeLabels(cs.map((c, i): LabelCandidate => ({ ...c, id: `c${i}` })), { ...layout, max });
        expect(placed.length).toBeLessThanOrEqual(max);
        for (const p of placed) {
          expect(p.box.x1).toBeGreaterThanOrEqual(0);
          expect(p.box.y2).toBeLessThanOrEqual(600);
        }
        for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('places thousands of candidates in a few milliseconds', () => {
    const cs = Array.from({ length: 5000 }, (_, i): LabelCandidate => ({ id: `c${i}`, text: `Person ${i}`, x: (i * 37) % 800, y: (i * 53) % 600, r: 6, priority: i % 7 }));
    const t0 = performance.now();
    const placed = placeLabels(cs, { ...layout, max: 160 });
    // Generous: the point is that it is not quadratic (5,000² box tests would take seconds).
    expect(performance.now() - t0).toBeLessThan(500);
    expect(placed.length).toBeGreaterThan(50);
  });
});

describe('placeRegionLabels', () => {
  const circleHits = (c: { x: number; y: number; r: number }, b: Rect) => {
    const nx = Math.max(b.x1, Math.min(c.x, b.x2));
    const ny = Math.max(b.y1, Math.min(c.y, b.y2));
    return Math.hypot(nx - c.x, ny - c.y) < c.r;
  };

  it('never puts a cluster name on another cluster: above, else below, else inside along the top, else nowhere', () => {
    const regions = [
      { id: 'big', label: 'Big cluster', x: 300, y: 300, r: 120 },
      // Its top is covered by "big": its name goes below it.
      { id: 'under', label: 'Under', x: 300, y: 470, r: 60 },
      { id: 'alone', label: 'Alone', x: 650, y: 150, r: 60 },
      // Tiny: not named on the map.
      { id: 'tiny', label: 'Tiny', x: 700, y: 500, r: 20 },
    ];
    const placed = placeRegionLabels(regions, layout);
    const byId = new Map(placed.map((p) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual(['alone', 'big', 'under']);
    expect(byId.get('under')!.box.y1).toBeGreaterThan(470 + 60 - 1);
    for (const p of placed) for (const r of regions) if (r.id !== p.id) expect(circleHits(r, p.box), `${p.id} on ${r.id}`).toBe(false);
  });

  it('drops a name that has no free place rather than cover another cluster (property)', () => {
    const region = fc.record({ x: fc.double({ min: 0, max: 800, noNaN: true }), y: fc.double({ min: 0, max: 600, noNaN: true }), r: fc.double({ min: 10, max: 200, noNaN: true }), label: fc.string({ minLength: 1, maxLength: 25 }) });
    fc.assert(
      fc.property(fc.array(region, { maxLength: 40 }), (rs) => {
        const regions = rs.map((r, i) => ({ ...r, id: `r${i}` }));
        const placed = placeRegionLabels(regions, layout);
        for (const p of placed) for (const r of regions) if (r.id !== p.id) expect(circleHits(r, p.box)).toBe(false);
        for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the camera frames in the visible part of the map', () => {
  it('keeps out from under what floats over the map, giving up the cheaper side', () => {
    // Zoom buttons: a tall strip on the right edge. A minimap: a wide block along the bottom.
    const zoom = { x1: 360, y1: 450, x2: 392, y2: 560 };
    const minimap = { x1: 160, y1: 440, x2: 340, y2: 560 };
    expect(safeRect(400, 572, [zoom], 0)).toEqual({ x1: 0, y1: 0, x2: 360, y2: 572 });
    expect(safeRect(400, 572, [zoom, minimap], 0)).toEqual({ x1: 0, y1: 0, x2: 360, y2: 440 });
    expect(safeRect(400, 572, [], 20)).toEqual({ x1: 20, y1: 20, x2: 380, y2: 552 });
    // Something outside the map (or empty) covers nothing.
    expect(safeRect(400, 572, [{ x1: 500, y1: 0, x2: 600, y2: 100 }, { x1: 10, y1: 10, x2: 10, y2: 50 }], 0)).toEqual({ x1: 0, y1: 0, x2: 400, y2: 572 });
  });

  it('puts the middle of the box in the middle of the visible part, as big as allowed', () => {
    const safe = { x1: 0, y1: 0, x2: 360, y2: 440 };
    const { zoom, pan } = frameBox({ x1: 100, y1: 100, x2: 100, y2: 100 }, safe, { min: 0.01, max: 4 }, { maxZoom: 1.5 });
    expect(zoom).toBe(1.5);
    expect(100 * zoom + pan.x).toBeCloseTo(180);
    expect(100 * zoom + pan.y).toBeCloseTo(220);
    const wide = frameBox({ x1: -1000, y1: 0, x2: 1000, y2: 10 }, safe, { min: 0.01, max: 4 });
    expect(wide.zoom).toBeCloseTo(360 / 2000);
    for (const x of [-1000, 1000]) {
      const sx = x * wide.zoom + wide.pan.x;
      expect(sx).toBeGreaterThanOrEqual(-1e-9);
      expect(sx).toBeLessThanOrEqual(360 + 1e-9);
    }
  });
});
