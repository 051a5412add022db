import type { Rect } from './types.js';

/** What the camera moves: the adapter's view, in container pixels and model coordinates. */
export type CameraView = {
  width(): number;
  height(): number;
  zoom(): number;
  pan(): { x: number; y: number };
  zoomLimits(): { min: number; max: number };
  setView(zoom: number, pan: { x: number; y: number }): void;
  animateTo(zoom: number, pan: { x: number; y: number }, duration: number): void;
  animating(): boolean;
  resize(): void;
};

/**
 * How a box is framed: the most zoom allowed, the least, and the smallest span (model units) it is treated as.
 * `whole`: the box is the whole map, so what floats only over a zoomed-in map (the minimap) is not in the way.
 */
export type FrameOptions = { maxZoom?: number; minZoom?: number; minSpan?: number; whole?: boolean };

/** Margin (px) kept between what is framed and the edge of the visible map. */
const MARGIN = 48;
const ANIMATION_MS = 300;

/**
 * The part of a `width`×`height` map not covered by `obstacles` (zoom buttons, minimap…), less a margin:
 * each obstacle takes the side of the map it costs least to give up (a tall strip on the right edge takes
 * the right side, a wide one along the bottom the bottom).
 */
export function safeRect(width: number, height: number, obstacles: readonly Rect[], margin = MARGIN): Rect {
  let left = 0;
  let top = 0;
  let right = 0;
  let bottom = 0;
  for (const o of obstacles) {
    if (o.x2 <= 0 || o.y2 <= 0 || o.x1 >= width || o.y1 >= height || o.x2 <= o.x1 || o.y2 <= o.y1) continue;
    const options = [
      { side: 'left', inset: o.x2, cost: o.x2 * height },
      { side: 'right', inset: width - o.x1, cost: (width - o.x1) * height },
      { side: 'top', inset: o.y2, cost: o.y2 * width },
      { side: 'bottom', inset: height - o.y1, cost: (height - o.y1) * width },
    ].sort((a, b) => a.cost - b.cost);
    const best = options[0]!;
    if (best.side === 'left') left = Math.max(left, best.inset);
    else if (best.side === 'right') right = Math.max(right, best.inset);
    else if (best.side === 'top') top = Math.max(top, best.inset);
    else bottom = Math.max(bottom, best.inset);
  }
  // A map too small for the margins keeps at least its middle.
  const m = Math.min(margin, Math.max(0, (width - left - right) / 4), Math.max(0, (height - top - bottom) / 4));
  return { x1: left + m, y1: top + m, x2: Math.max(left + m + 1, width - right - m), y2: Math.max(top + m + 1, height - bottom - m) };
}

/** The zoom and pan that put a model box in the middle of `safe` (container px), as big as allowed. */
export function frameBox(box: Rect, safe: Rect, limits: { min: number; max: number }, opts: FrameOptions = {}): { zoom: number; pan: { x: number; y: number } } {
  const span = opts.minSpan ?? 40;
  const w = Math.max(1, safe.x2 - safe.x1);
  const h = Math.max(1, safe.y2 - safe.y1);
  let zoom = Math.min(w / Math.max(span, box.x2 - box.x1), h / Math.max(span, box.y2 - box.y1));
  if (opts.maxZoom !== undefined) zoom = Math.min(zoom, opts.maxZoom);
  if (opts.minZoom !== undefined) zoom = Math.max(zoom, opts.minZoom);
  zoom = Math.min(limits.max, Math.max(limits.min, zoom));
  const cx = (box.x1 + box.x2) / 2;
  const cy = (box.y1 + box.y2) / 2;
  return { zoom, pan: { x: (safe.x1 + safe.x2) / 2 - cx * zoom, y: (safe.y1 + safe.y2) / 2 - cy * zoom } };
}

/** What the user asked to see, kept until they move the view themselves: a resize frames it again. */
type Intent = { kind: 'frame'; box: Rect; opts: FrameOptions } | { kind: 'reveal'; point: { x: number; y: number } };

/**
 * Moves the view so that what is asked for lands in the visible part of the
 * map, never under what covers it. An asked-for view holds until the user
 * pans or zooms: when a panel docks beside the map and narrows it, the
 * camera frames the same thing again in the space left.
 */
export class Camera {
  private intent: Intent | null = null;
  private size: { w: number; h: number };

  constructor(
    private readonly view: CameraView,
    private readonly obstacles: (whole: boolean) => Rect[],
  ) {
    this.size = { w: view.width(), h: view.height() };
  }

  /** The visible part of the map, in container pixels (`whole`: when all of it is in view). */
  safe(margin = MARGIN, whole = false): Rect {
    return safeRect(this.view.width(), this.view.height(), this.obstacles(whole), margin);
  }

  /** Frames a model box; `animate` false jumps there (a document just drawn). */
  frame(box: Rect, opts: FrameOptions = {}, animate = true): void {
    this.intent = { kind: 'frame', box, opts };
    this.go(frameBox(box, this.safe(MARGIN, opts.whole), this.view.zoomLimits(), opts), animate);
  }

  /** Brings a model point into the visible part of the map (centred there) if it is not, at the same zoom. */
  reveal(point: { x: number; y: number }): void {
    this.intent = { kind: 'reveal', point };
    this.revealNow(point, true);
  }

  /** Centres a model point in the visible map, at least at `minZoom`. */
  centre(point: { x: number; y: number }, minZoom: number): void {
    const zoom = Math.max(this.view.zoom(), minZoom);
    const box = { x1: point.x, y1: point.y, x2: point.x, y2: point.y };
    this.intent = { kind: 'frame', box, opts: { minZoom: zoom, maxZoom: zoom } };
    this.go(frameBox(box, this.safe(), this.view.zoomLimits(), { minZoom: zoom, maxZoom: zoom }), true);
  }

  /** True while a view asked for holds (the user has not moved it since). */
  holding(): boolean {
    return this.intent !== null;
  }

  /** The user moved the view: nothing asked for holds any more. */
  release(): void {
    this.intent = null;
  }

  /**
   * The container changed size. What was asked for is framed again; otherwise
   * the point in the middle stays in the middle (a panel that docks on one side
   * does not push the view sideways).
   */
  resized(): void {
    const before = this.size;
    const pan = this.view.pan();
    this.view.resize();
    const w = this.view.width();
    const h = this.view.height();
    this.size = { w, h };
    if (w === before.w && h === before.h) return;
    // An animation on its way aims at the old size: it is replaced by one to the new target.
    const animate = this.view.animating();
    if (this.intent?.kind === 'frame') this.go(frameBox(this.intent.box, this.safe(MARGIN, this.intent.opts.whole), this.view.zoomLimits(), this.intent.opts), animate);
    else {
      this.view.setView(this.view.zoom(), { x: pan.x + (w - before.w) / 2, y: pan.y + (h - before.h) / 2 });
      if (this.intent?.kind === 'reveal') this.revealNow(this.intent.point, animate, animate);
    }
  }

  /** `force`: centre it even if it is in view (an animation towards it was aimed at another size). */
  /** What covers the map changed (the minimap appeared): what was asked for is framed again, clear of it. */
  obstaclesChanged(): void {
    if (this.intent?.kind === 'frame' && !this.intent.opts.whole) this.go(frameBox(this.intent.box, this.safe(), this.view.zoomLimits(), this.intent.opts), true);
    else if (this.intent?.kind === 'reveal') this.revealNow(this.intent.point, true);
  }

  private revealNow(point: { x: number; y: number }, animate: boolean, force = false): void {
    const zoom = this.view.zoom();
    const pan = this.view.pan();
    const safe = this.safe(24);
    const x = point.x * zoom + pan.x;
    const y = point.y * zoom + pan.y;
    if (!force && x >= safe.x1 && x <= safe.x2 && y >= safe.y1 && y <= safe.y2) return;
    const centre = this.safe();
    this.go({ zoom, pan: { x: (centre.x1 + centre.x2) / 2 - point.x * zoom, y: (centre.y1 + centre.y2) / 2 - point.y * zoom } }, animate);
  }

  private go(target: { zoom: number; pan: { x: number; y: number } }, animate: boolean): void {
    if (animate) this.view.animateTo(target.zoom, target.pan, ANIMATION_MS);
    else this.view.setView(target.zoom, target.pan);
  }
}
