import type { PlacedLabel } from './labels.js';
import type { OverlayView } from './overlay.js';
import type { DrawnLabel } from './types.js';

/** Names are drawn this big on screen (px), whatever the zoom. */
export const LABEL_PX = 12;
/** Width of the halo around a name (px), so that it reads over ties and other dots. */
const HALO = 3;

/** A name to draw: its text, its box, and where its node was when it was placed (to follow the node in a drag). */
type Shown = PlacedLabel & { text: string; bold: boolean; node: { x: number; y: number } };

/**
 * The contacts' names, on a canvas above the map. Drawing them here rather
 * than as Cytoscape labels costs Cytoscape nothing: no restyle of a hundred
 * nodes when the names change with the zoom, no label textures to render again
 * (measured in `npm run bench map`: the frames after each placement). While
 * the view moves, the last drawing follows it with a CSS transform, like the
 * overlay under the map; it is drawn again, crisp, once names are placed anew.
 */
export class LabelLayer {
  private readonly canvas: HTMLCanvasElement;
  private shown: Shown[] = [];
  private drawnAt: { zoom: number; pan: { x: number; y: number } } | null = null;
  private frame = 0;
  readonly measure: (text: string, bold?: boolean) => number;

  constructor(
    container: HTMLElement,
    private readonly view: OverlayView,
    private colors: { label: string; halo: string; font: string },
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map-labels';
    this.canvas.setAttribute('aria-hidden', 'true');
    Object.assign(this.canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none', zIndex: '4', transformOrigin: '0 0' });
    container.append(this.canvas);
    this.measure = measurer(() => this.colors.font);
    view.onViewport(() => this.follow());
  }

  /** The names placed for the view as it is now; `bold`: the contacts shown or focused. */
  set(placed: readonly PlacedLabel[], text: (id: string) => string, bold: (id: string) => boolean, node: (id: string) => { x: number; y: number } | null): void {
    this.shown = [];
    for (const p of placed) {
      const at = node(p.id);
      if (at) this.shown.push({ ...p, text: text(p.id), bold: bold(p.id), node: at });
    }
    this.schedule();
  }

  /** Some nodes moved on screen (a drag): their names follow them. */
  follow(moved?: (id: string) => { x: number; y: number } | null): void {
    if (moved) {
      for (const s of this.shown) {
        const at = moved(s.id);
        if (!at || (at.x === s.node.x && at.y === s.node.y)) continue;
        const dx = at.x - s.node.x;
        const dy = at.y - s.node.y;
        s.box = { x1: s.box.x1 + dx, y1: s.box.y1 + dy, x2: s.box.x2 + dx, y2: s.box.y2 + dy };
        s.node = at;
      }
      return this.schedule();
    }
    if (!this.drawnAt) return;
    const zoom = this.view.zoom();
    const pan = this.view.pan();
    const s = zoom / this.drawnAt.zoom;
    this.canvas.style.transform = `translate(${pan.x - this.drawnAt.pan.x * s}px, ${pan.y - this.drawnAt.pan.y * s}px) scale(${s})`;
  }

  setColors(colors: { label: string; halo: string; font: string }): void {
    this.colors = colors;
    this.schedule();
  }

  /** The names drawn, with the box of their text (container px). */
  drawn(): DrawnLabel[] {
    return this.shown.map((s) => {
      const w = this.measure(s.text, s.bold);
      const cx = (s.box.x1 + s.box.x2) / 2;
      const cy = (s.box.y1 + s.box.y2) / 2;
      const h = LABEL_PX + HALO;
      return { id: s.id, text: s.text, x1: cx - w / 2 - HALO / 2, x2: cx + w / 2 + HALO / 2, y1: cy - h / 2, y2: cy + h / 2 };
    });
  }

  /** The names as drawn, for the SVG export: the middle of each text, its size and weight. */
  texts(): { text: string; x: number; y: number; fontSize: number; bold: boolean; color: string }[] {
    return this.shown.map((s) => ({ text: s.text, x: (s.box.x1 + s.box.x2) / 2, y: (s.box.y1 + s.box.y2) / 2, fontSize: LABEL_PX, bold: s.bold, color: this.colors.label }));
  }

  /** Draws this layer, as it is on screen, onto an image of the map `scale` times the screen's size (PNG export). */
  paintOnto(ctx: CanvasRenderingContext2D, scale: number): void {
    ctx.drawImage(this.canvas, 0, 0, this.view.width() * scale, this.view.height() * scale);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
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
    this.drawnAt = { zoom: this.view.zoom(), pan: { ...this.view.pan() } };
    this.canvas.style.transform = '';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = HALO;
    ctx.strokeStyle = this.colors.halo;
    ctx.fillStyle = this.colors.label;
    let bold: boolean | null = null;
    for (const s of this.shown) {
      if (s.bold !== bold) {
        bold = s.bold;
        ctx.font = fontOf(this.colors.font, bold);
      }
      const x = (s.box.x1 + s.box.x2) / 2;
      const y = (s.box.y1 + s.box.y2) / 2;
      ctx.strokeText(s.text, x, y);
      ctx.fillText(s.text, x, y);
    }
  }
}

function fontOf(family: string, bold: boolean): string {
  return `${bold ? 'bold ' : ''}${LABEL_PX}px ${family}`;
}

/** Widths of texts at the label font (regular or bold), measured once each on a canvas. */
function measurer(family: () => string): (text: string, bold?: boolean) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text, bold = false) => {
    const key = (bold ? 'b' : 'r') + text;
    let w = cache.get(key);
    if (w === undefined) {
      if (ctx) ctx.font = fontOf(family(), bold);
      w = ctx ? ctx.measureText(text).width : text.length * LABEL_PX * 0.6;
      cache.set(key, w);
    }
    return w;
  };
}
