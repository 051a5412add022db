/** A cluster drawn as a soft region under the contacts (full maps) or a gap line between two clusters. */
export type Region = { id: string; x: number; y: number; r: number; color: string; label: string; fragile: boolean };
export type GapLine = { a: { x: number; y: number }; b: { x: number; y: number } };
/** A category drawn as the union of soft circles around its drawn members (model coordinates). */
export type CategoryArea = { id: string; color: string; label: string; points: { x: number; y: number }[] };
/** A name the overlay writes (a cluster's, a category's), placed by labels.ts: model coordinates of its baseline's middle. */
export type OverlayLabel = { text: string; x: number; y: number; dot?: string };

/** What the overlay needs of the map: its view, and to hear when it changes (the adapter provides it). */
export type OverlayView = {
  zoom(): number;
  pan(): { x: number; y: number };
  width(): number;
  height(): number;
  onViewport(f: () => void): void;
  onResize(f: () => void): void;
};

export const OVERLAY_FONT = '600 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * A canvas under Cytoscape's own: cluster regions and gap lines cost a few
 * dozen shapes a frame here, where compound parents would make Cytoscape
 * recompute every cluster's bounds whenever a contact moves.
 */
export class MapOverlay {
  private readonly canvas: HTMLCanvasElement;
  private regions: Region[] = [];
  private lines: GapLine[] = [];
  private areas: CategoryArea[] | null = null;
  private labels: OverlayLabel[] = [];
  private frame = 0;
  private settle: ReturnType<typeof setTimeout> | null = null;
  /** The view the canvas was last drawn for. */
  private drawnAt: { zoom: number; pan: { x: number; y: number } } | null = null;

  constructor(
    container: HTMLElement,
    private readonly view: OverlayView,
    private colors: { gap: string; label: string; halo: string },
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map-overlay';
    this.canvas.setAttribute('aria-hidden', 'true');
    Object.assign(this.canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none', zIndex: '0', transformOrigin: '0 0' });
    container.insertBefore(this.canvas, container.firstChild);
    view.onViewport(() => this.follow());
    view.onResize(() => this.schedule());
  }

  /**
   * While the view moves, the last drawing is moved and scaled with a CSS
   * transform (a cheap copy) instead of being redrawn every frame: big soft
   * regions cost milliseconds a frame to fill on a software canvas. It is
   * redrawn once the view settles.
   */
  private follow(): void {
    if (this.drawnAt) {
      const zoom = this.view.zoom();
      const pan = this.view.pan();
      const s = zoom / this.drawnAt.zoom;
      this.canvas.style.transform = `translate(${pan.x - this.drawnAt.pan.x * s}px, ${pan.y - this.drawnAt.pan.y * s}px) scale(${s})`;
    }
    if (this.settle) clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.settle = null;
      this.schedule();
    }, 120);
  }

  /** What to draw: cluster regions (left out when category areas are drawn), gap lines, category areas, names. */
  set(regions: Region[], lines: GapLine[], areas: CategoryArea[] | null): void {
    this.regions = regions;
    this.lines = lines;
    this.areas = areas;
    this.schedule();
  }

  /** The names of clusters and categories, as placed for the current view. */
  setLabels(labels: OverlayLabel[]): void {
    this.labels = labels;
    this.schedule();
  }

  setColors(colors: { gap: string; label: string; halo: string }): void {
    this.colors = colors;
    this.schedule();
  }

  /** Category areas drawn (0 when the option is off). */
  categoryCount(): number {
    return this.areas?.length ?? 0;
  }

  /** Regions under a point of the map (model coordinates), smallest first. */
  regionsAt(x: number, y: number): Region[] {
    return this.regions.filter((r) => Math.hypot(r.x - x, r.y - y) <= r.r).sort((a, b) => a.r - b.r);
  }

  /** Draws this layer, as it is on screen, onto an image of the map `scale` times the screen's size (PNG export). */
  paintOnto(ctx: CanvasRenderingContext2D, scale: number): void {
    ctx.drawImage(this.canvas, 0, 0, this.view.width() * scale, this.view.height() * scale);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    if (this.settle) clearTimeout(this.settle);
    this.canvas.remove();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const w = this.view.width();
    const h = this.view.height();
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(w * ratio) || this.canvas.height !== Math.round(h * ratio)) {
      this.canvas.width = Math.round(w * ratio);
      this.canvas.height = Math.round(h * ratio);
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const zoom = this.view.zoom();
    const pan = this.view.pan();
    this.drawnAt = { zoom, pan: { ...pan } };
    this.canvas.style.transform = '';
    const at = (p: { x: number; y: number }) => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y });
    if (this.areas) this.drawAreas(ctx, this.areas, at, zoom);
    for (const r of [...this.regions].sort((a, b) => b.r - a.r)) {
      const c = at(r);
      const rr = r.r * zoom;
      if (c.x + rr < 0 || c.y + rr < 0 || c.x - rr > w || c.y - rr > h || rr < 2) continue;
      const g = ctx.createRadialGradient(c.x, c.y, rr * 0.2, c.x, c.y, rr);
      g.addColorStop(0, withAlpha(r.color, 0.16));
      g.addColorStop(1, withAlpha(r.color, 0.04));
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.arc(c.x, c.y, rr, 0, 2 * Math.PI);
      ctx.fill();
      ctx.setLineDash(r.fragile ? [6, 5] : []);
      ctx.strokeStyle = r.fragile ? this.colors.gap : withAlpha(r.color, 0.35);
      ctx.lineWidth = r.fragile ? 2 : 1;
      ctx.stroke();
    }
    ctx.setLineDash([8, 6]);
    ctx.strokeStyle = this.colors.gap;
    ctx.lineWidth = 2;
    for (const l of this.lines) {
      const a = at(l.a);
      const b = at(l.b);
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.font = OVERLAY_FONT;
    ctx.textAlign = 'center';
    for (const l of this.labels) {
      const p = at(l);
      const width = l.dot ? ctx.measureText(l.text).width : 0;
      const x = l.dot ? p.x + 7 : p.x;
      ctx.lineWidth = 3;
      ctx.strokeStyle = this.colors.halo;
      ctx.strokeText(l.text, x, p.y);
      ctx.fillStyle = this.colors.label;
      ctx.fillText(l.text, x, p.y);
      if (l.dot) {
        ctx.beginPath();
        ctx.arc(x - width / 2 - 8, p.y - 4.5, 4.5, 0, 2 * Math.PI);
        ctx.fillStyle = l.dot;
        ctx.fill();
        ctx.strokeStyle = this.colors.halo;
        ctx.lineWidth = 1.5;
        ctx.stroke();
      }
    }
  }

  /**
   * Each category as a blurred union of circles, filled as one path so
   * overlapping members do not darken it. Biggest categories first: smaller
   * ones stay visible on top.
   */
  private drawAreas(ctx: CanvasRenderingContext2D, areas: CategoryArea[], at: (p: { x: number; y: number }) => { x: number; y: number }, zoom: number): void {
    const w = this.view.width();
    const h = this.view.height();
    const rr = categoryRadiusPx(zoom);
    for (const a of [...areas].sort((x, y) => y.points.length - x.points.length || (x.id < y.id ? -1 : 1))) {
      const pts = a.points.map(at).filter((p) => p.x > -rr && p.y > -rr && p.x < w + rr && p.y < h + rr);
      if (pts.length === 0) continue;
      // Blurred, the union of circles reads as one soft area rather than a cluster of halos.
      ctx.filter = `blur(${Math.round(rr * 0.35)}px)`;
      ctx.beginPath();
      for (const p of pts) {
        ctx.moveTo(p.x + rr, p.y);
        ctx.arc(p.x, p.y, rr, 0, 2 * Math.PI);
      }
      ctx.fillStyle = withAlpha(a.color, 0.16);
      ctx.fill('nonzero');
      ctx.filter = 'none';
    }
  }
}

/** Radius of the circle around each member of a category area, in model units (before the bounds below). */
const CATEGORY_RADIUS = 64;

/**
 * Radius on screen (px) of the circle drawn around each member of a category area at this zoom. Contacts
 * sit ~50 model units apart: circles this big merge into one area per neighbourhood. A drop inside it
 * puts a contact in the category (categoryAreas.ts), so it is the same radius the user sees.
 */
export function categoryRadiusPx(zoom: number): number {
  return Math.min(120, Math.max(16, CATEGORY_RADIUS * zoom));
}

/** `#rrggbb` with an alpha, as canvas gradients want it. */
function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}
