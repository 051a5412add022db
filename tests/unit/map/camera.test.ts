// The camera keeps what the user asked to see in the visible part of the map, through resizes.
import { describe, expect, it } from 'vitest';
import { Camera, type CameraView } from '../../../renderer/src/map/engine/camera.js';
import type { Rect } from '../../../renderer/src/map/engine/types.js';

/** A view of a map container whose size the test changes, as a docking panel would. */
function fakeView(width: number, height: number) {
  const v = { width, height, zoom: 1, pan: { x: 0, y: 0 } };
  const view: CameraView = {
    width: () => v.width,
    height: () => v.height,
    zoom: () => v.zoom,
    pan: () => ({ ...v.pan }),
    zoomLimits: () => ({ min: 0.01, max: 4 }),
    setView: (zoom, pan) => Object.assign(v, { zoom, pan }),
    animateTo: (zoom, pan) => Object.assign(v, { zoom, pan }),
    animating: () => false,
    resize: () => undefined,
  };
  const onScreen = (p: { x: number; y: number }) => ({ x: p.x * v.zoom + v.pan.x, y: p.y * v.zoom + v.pan.y });
  return { v, view, onScreen };
}

const inside = (p: { x: number; y: number }, r: Rect) => p.x >= r.x1 && p.x <= r.x2 && p.y >= r.y1 && p.y <= r.y2;

describe('Camera', () => {
  it('frames a point again when the map narrows, until the user moves the view', () => {
    const { v, view, onScreen } = fakeView(1000, 600);
    let obstacles: Rect[] = [];
    const camera = new Camera(view, () => obstacles);
    const target = { x: 900, y: 500 };
    camera.frame({ x1: target.x, y1: target.y, x2: target.x, y2: target.y }, { maxZoom: 1.5 });
    expect(onScreen(target)).toEqual({ x: 500, y: 300 });
    // A panel docks on the right: the map is 400 px narrower, and zoom buttons float on its right edge.
    v.width = 600;
    obstacles = [{ x1: 550, y1: 400, x2: 590, y2: 590 }];
    camera.resized();
    expect(inside(onScreen(target), camera.safe())).toBe(true);
    expect(onScreen(target).x).toBeCloseTo(275);
    // The user pans: a later resize keeps the middle of the view where it is instead.
    camera.release();
    v.pan = { x: v.pan.x - 200, y: v.pan.y };
    const before = onScreen(target);
    v.width = 800;
    camera.resized();
    expect(onScreen(target).x).toBeCloseTo(before.x + 100);
  });

  it('reveals a point only when it is out of view, at the same zoom', () => {
    const { v, view, onScreen } = fakeView(800, 600);
    const camera = new Camera(view, () => []);
    v.zoom = 0.5;
    camera.reveal({ x: 100, y: 100 });
    expect(v.pan).toEqual({ x: 0, y: 0 });
    camera.reveal({ x: 3000, y: 100 });
    expect(v.zoom).toBe(0.5);
    expect(onScreen({ x: 3000, y: 100 })).toEqual({ x: 400, y: 300 });
  });

  it('moves what it framed clear of an obstacle that appears (the minimap)', () => {
    const { view, onScreen } = fakeView(800, 600);
    let obstacles: Rect[] = [];
    const camera = new Camera(view, () => obstacles);
    const box = { x1: 0, y1: 0, x2: 700, y2: 500 };
    camera.frame(box, { minSpan: 1 });
    obstacles = [{ x1: 560, y1: 460, x2: 740, y2: 580 }];
    camera.obstaclesChanged();
    const safe = camera.safe(0);
    for (const corner of [{ x: 0, y: 0 }, { x: 700, y: 500 }]) expect(inside(onScreen(corner), safe)).toBe(true);
  });
});
