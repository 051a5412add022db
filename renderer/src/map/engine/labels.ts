import type { Rect } from './types.js';

/** A contact that could show its name: where it is drawn (container px), its radius on screen, how much it matters. */
export type LabelCandidate = { id: string; text: string; x: number; y: number; r: number; priority: number; bold?: boolean };
/** Where a name goes around its node: the four sides first, then the four corners (the eight-position model of map labelling). */
export type LabelSide = 'below' | 'above' | 'right' | 'left' | 'below-right' | 'above-right' | 'below-left' | 'above-left';
export type PlacedLabel = { id: string; side: LabelSide; box: Rect };

/** A cluster region as drawn (container px). */
export type RegionCircle = { id: string; label: string; x: number; y: number; r: number };
export type PlacedRegionLabel = { id: string; x: number; y: number; box: Rect };

export type LabelLayout = {
  width: number;
  height: number;
  /** Width of a text on screen, in px, at the label font (bold for the contact shown or focused). */
  measure(text: string, bold?: boolean): number;
  /** Height of one line of label, in px. */
  lineHeight: number;
  /** Boxes no label may cover (cluster labels, bubble labels). */
  blocked?: readonly Rect[];
  /** Most labels placed. */
  max?: number;
};

/** Room left between a label and its node (the adapter's text margin), and around the text for its halo (outline). */
const GAP = 2;
const PAD = 3;
/** What each label box is grown by, so that a pixel of rounding between these boxes and the drawn ones never makes two touch. */
const SAFETY = 1;
/** Labels are looked up in a grid of cells this big (px), so that placing n labels costs about n, not n². */
const CELL = 64;

const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Boxes indexed by the grid cells they cover. */
class BoxGrid {
  private readonly cells = new Map<number, Rect[]>();

  add(box: Rect): void {
    this.each(box, (key) => {
      let list = this.cells.get(key);
      if (!list) this.cells.set(key, (list = []));
      list.push(box);
    });
  }

  hits(box: Rect): boolean {
    let hit = false;
    this.each(box, (key) => {
      if (!hit) hit = this.cells.get(key)?.some((b) => overlaps(b, box)) ?? false;
    });
    return hit;
  }

  private each(box: Rect, f: (key: number) => void): void {
    const [cx1, cx2] = [Math.floor(box.x1 / CELL), Math.floor(box.x2 / CELL)];
    const [cy1, cy2] = [Math.floor(box.y1 / CELL), Math.floor(box.y2 / CELL)];
    // Cells are numbered on a grid wide enough for any screen (and the margins around it).
    for (let cx = cx1; cx <= cx2; cx++) for (let cy = cy1; cy <= cy2; cy++) f((cy + 1000) * 4000 + (cx + 1000));
  }
}

/**
 * Which contacts show their name, and on which side: the most important
 * first, each below its node, else above, else to its right or its left,
 * else at one of its corners,
 * never over another label or a blocked box, never past the edge of the map.
 * Greedy by priority, as map labelling usually is: the people who matter
 * most are named at any zoom, the others as room allows.
 */
export function placeLabels(candidates: readonly LabelCandidate[], layout: LabelLayout): PlacedLabel[] {
  const grid = new BoxGrid();
  for (const b of layout.blocked ?? []) grid.add(b);
  const max = layout.max ?? Infinity;
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: PlacedLabel[] = [];
  for (const c of order) {
    if (out.length >= max) break;
    if (c.x < 0 || c.y < 0 || c.x > layout.width || c.y > layout.height) continue;
    const width = layout.measure(c.text, c.bold) + 2 * (PAD + SAFETY);
    const half = width / 2;
    // As Cytoscape draws it: the text starts GAP beyond the node's edge, and its box includes the halo (PAD - 1).
    const near = c.r + GAP - (PAD - 1) - SAFETY;
    const far = c.r + GAP - (PAD - 1) + layout.lineHeight + SAFETY;
    const mid = layout.lineHeight / 2 + SAFETY;
    const corner = c.r * Math.SQRT1_2 + GAP - (PAD - 1) - SAFETY;
    const tall = far - near;
    const spots: [LabelSide, Rect][] = [
      ['below', { x1: c.x - half, x2: c.x + half, y1: c.y + near, y2: c.y + far }],
      ['above', { x1: c.x - half, x2: c.x + half, y1: c.y - far, y2: c.y - near }],
      ['right', { x1: c.x + near, x2: c.x + near + width, y1: c.y - mid, y2: c.y + mid }],
      ['left', { x1: c.x - near - width, x2: c.x - near, y1: c.y - mid, y2: c.y + mid }],
      // The corners: where a dense cluster leaves none of the sides free, a name can still sit diagonally off its node.
      ['below-right', { x1: c.x + corner, x2: c.x + corner + width, y1: c.y + corner, y2: c.y + corner + tall }],
      ['above-right', { x1: c.x + corner, x2: c.x + corner + width, y1: c.y - corner - tall, y2: c.y - corner }],
      ['below-left', { x1: c.x - corner - width, x2: c.x - corner, y1: c.y + corner, y2: c.y + corner + tall }],
      ['above-left', { x1: c.x - corner - width, x2: c.x - corner, y1: c.y - corner - tall, y2: c.y - corner }],
    ];
    for (const [side, box] of spots) {
      if (box.x1 < 0 || box.y1 < 0 || box.x2 > layout.width || box.y2 > layout.height || grid.hits(box)) continue;
      grid.add(box);
      // A named contact's own dot stays clear of the names placed after it.
      grid.add({ x1: c.x - c.r, y1: c.y - c.r, x2: c.x + c.r, y2: c.y + c.r });
      out.push({ id: c.id, side, box });
      break;
    }
  }
  return out;
}

function circleHitsBox(c: { x: number; y: number; r: number }, b: Rect): boolean {
  const nx = Math.max(b.x1, Math.min(c.x, b.x2));
  const ny = Math.max(b.y1, Math.min(c.y, b.y2));
  return Math.hypot(nx - c.x, ny - c.y) < c.r;
}

/**
 * Where each cluster region's name goes: above its circle, else below it,
 * else inside along its top edge; never on another cluster's circle nor on
 * another name, never past the edge of the map. Biggest clusters first; a
 * cluster with no free place goes unnamed on the map (the legend names it).
 */
export function placeRegionLabels(regions: readonly RegionCircle[], layout: Omit<LabelLayout, 'blocked' | 'max'>, minRadius = 45): PlacedRegionLabel[] {
  const placed: Rect[] = [];
  const out: PlacedRegionLabel[] = [];
  const order = [...regions].sort((a, b) => b.r - a.r || (a.id < b.id ? -1 : 1));
  for (const r of order) {
    if (!r.label || r.r < minRadius) continue;
    const half = layout.measure(r.label) / 2 + PAD + 1;
    const h = layout.lineHeight;
    const others = order.filter((o) => o !== r);
    const spots: Rect[] = [
      { x1: r.x - half, x2: r.x + half, y1: r.y - r.r - h - GAP, y2: r.y - r.r - GAP },
      { x1: r.x - half, x2: r.x + half, y1: r.y + r.r + GAP, y2: r.y + r.r + GAP + h },
      { x1: r.x - half, x2: r.x + half, y1: r.y - r.r + 2 * GAP + 4, y2: r.y - r.r + 2 * GAP + 4 + h },
    ];
    for (const box of spots) {
      if (box.x1 < 0 || box.y1 < 0 || box.x2 > layout.width || box.y2 > layout.height) continue;
      if (placed.some((p) => overlaps(p, box)) || others.some((o) => circleHitsBox(o, box))) continue;
      placed.push(box);
      out.push({ id: r.id, x: r.x, y: box.y2 - 4, box });
      break;
    }
  }
  return out;
}
