import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import cytoscapeLasso from 'cytoscape-lasso';
import { BUBBLE_PREFIX } from './elements.js';
import type { SceneElement } from './elements.js';
import type { OverlayView } from './overlay.js';
import { mapStyle, type MapTheme } from './style.js';
import type { MapDrawing, Rect } from './types.js';

cytoscape.use(cytoscapeLasso);

/** What the adapter reports of the user's input on the map. */
export type AdapterInput = {
  tap(id: string): void;
  doubleTap(id: string): void;
  grab(id: string): void;
  drag(e: PointerPoint): void;
  free(id: string, e: PointerPoint): void;
  selectionChanged(): void;
  /** The view moved (pan, zoom, animation), at most once a frame. */
  viewport(): void;
  /** The user started a gesture on the map (press, wheel): what was framed for them no longer holds. */
  gesture(): void;
  hover(id: string | null): void;
};

/** Where the pointer is, in client coordinates. */
export type PointerPoint = { clientX: number; clientY: number };

type Internals = { hideEdgesOnViewport: boolean; textureOnViewport: boolean; beforeRender(fn: () => void, priority: number): void };

/** What a bubble's label is drawn from (elements.ts bubbleNode). */
const BUBBLE_LABEL_DATA = ['label', 'fontSize', 'textWidth'] as const;

/**
 * The only code that knows Cytoscape: it creates the instance, diffs the
 * scene into it, reports input, and reaches the three settings of
 * Cytoscape's canvas renderer its public API lacks. Everything else in the
 * map speaks in ids, model coordinates and container pixels.
 */

export class CyAdapter {
  private readonly cy: Core;

  constructor(
    private readonly container: HTMLElement,
    theme: MapTheme,
    private readonly input: AdapterInput,
  ) {
    // Cytoscape warns about any wheel sensitivity but its own; ours is deliberate (below). The warning, with its
    // stack trace, cost a large share of the map's first draw in a profile, so it is silenced for this one call.
    cytoscape.warnings(false);
    this.cy = cytoscape({
      container,
      style: mapStyle(theme),
      minZoom: 0.002,
      maxZoom: 4,
      boxSelectionEnabled: true,
      pixelRatio: 'auto',
      // Cytoscape turns a mouse-wheel notch into ~3 % of zoom; a 30,000-contact map spans a 20× zoom range.
      wheelSensitivity: 3,
    });
    cytoscape.warnings(true);
    const cy = this.cy;
    const pointer = (e: EventObject): PointerPoint => {
      const box = container.getBoundingClientRect();
      const orig = e.originalEvent as MouseEvent | TouchEvent | undefined;
      const touch = orig && 'touches' in orig ? (orig.touches[0] ?? orig.changedTouches[0]) : undefined;
      if (orig && 'clientX' in orig) return { clientX: orig.clientX, clientY: orig.clientY };
      if (touch) return { clientX: touch.clientX, clientY: touch.clientY };
      return { clientX: box.left + (e.renderedPosition?.x ?? 0), clientY: box.top + (e.renderedPosition?.y ?? 0) };
    };
    cy.on('tap', 'node', (e) => input.tap((e.target as NodeSingular).id()));
    cy.on('dbltap', 'node', (e) => input.doubleTap((e.target as NodeSingular).id()));
    cy.on('grab', 'node', (e) => input.grab((e.target as NodeSingular).id()));
    cy.on('drag', 'node', (e) => input.drag(pointer(e)));
    cy.on('free', 'node', (e) => input.free((e.target as NodeSingular).id(), pointer(e)));
    cy.on('select unselect', 'node', () => input.selectionChanged());
    cy.on('mouseover', 'node', (e) => input.hover((e.target as NodeSingular).id()));
    cy.on('mouseout', 'node', () => input.hover(null));
    cy.on('tapstart', () => input.gesture());
    container.addEventListener('wheel', () => input.gesture(), { passive: true });
    let frame = 0;
    cy.on('viewport', () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!cy.destroyed()) input.viewport();
      });
    });
  }

  // ---- What is drawn ----

  /**
   * Adds elements Cytoscape does not hold yet (a step of a drawing, carnetMap's drawInSteps), nodes before
   * edges; those it holds are left as they are. Diffing the whole scene in at each step (`apply`) compared every
   * element already drawn again, 40–60 times over for 1,300 bubbles.
   */
  add(defs: readonly SceneElement[]): void {
    const cy = this.cy;
    const add = defs.filter((d) => cy.getElementById(d.data.id).empty()) as ElementDefinition[];
    add.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
    if (add.length > 0) cy.batch(() => cy.add(add));
  }

  /** Diffs what should be drawn into Cytoscape: only what changed is added, removed or updated. */
  apply(want: ReadonlyMap<string, SceneElement>, aggregate: boolean): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements()
        .filter((e) => {
          const def = want.get(e.id());
          if (!def) return true;
          // An edge whose ends changed cannot be patched: it is added again.
          if (e.isEdge()) return e.data('source') !== def.data.source || e.data('target') !== def.data.target;
          // Nor can a bubble whose label changed: Cytoscape keeps drawing the texture of its old label, a
          // box one line high and as wide as before, so a cluster name that grew or wrapped anew showed as one
          // line cut at both ends ("ssurance"). Seen on screen only (cy.png drew it whole). Its summary
          // edges go with it and are added again below.
          return e.hasClass('bubble') && BUBBLE_LABEL_DATA.some((k) => e.data(k) !== def.data[k]);
        })
        .remove();
      const add: ElementDefinition[] = [];
      for (const [id, def] of want) {
        const ele = cy.getElementById(id);
        if (ele.empty()) {
          add.push(def as ElementDefinition);
          continue;
        }
        const data = ele.data() as Record<string, unknown>;
        for (const [k, v] of Object.entries(def.data)) {
          if (data[k] !== v) {
            ele.data(def.data);
            break;
          }
        }
        if (def.position && ele.isNode() && !ele.grabbed()) {
          const p = ele.position();
          if (p.x !== def.position.x || p.y !== def.position.y) ele.position(def.position);
        }
        const cls = def.classes ?? '';
        if (ele.classes().join(' ') !== cls) ele.classes(cls);
      }
      add.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
      if (add.length > 0) cy.add(add);
    });
    // Past ~1,500 elements, edges are left out while the view moves: measured (software canvas, 1k
    // contacts / 5k ties) p95 frame 100 ms → 17 ms. A texture of the last frame (textureOnViewport) was as fast
    // between frames but cost up to 380 ms to make at the start of each gesture, so it is used only on
    // aggregated maps: there, panning over 1,000+ expanded contacts cost 33–40 ms a frame without it
    // (`npm run bench map`, 5,000 contacts: 15 slow frames in one pan), one slow frame with it.
    const internals = this.internals();
    // Summary edges between bubbles are few but long: lines across the whole map cost as much to fill.
    internals.hideEdgesOnViewport = aggregate || cy.elements().length > 1500;
    internals.textureOnViewport = aggregate;
  }

  /** Restyles every element for a new theme, in place. */
  setTheme(theme: MapTheme): void {
    this.cy.style(mapStyle(theme));
  }

  /** A node's resolved colours as drawn (fill, border), for the probe; null when it is not drawn. */
  colorsOf(id: string): { fill: string; border: string } | null {
    const n = this.cy.getElementById(id);
    if (n.empty()) return null;
    return { fill: String(n.style('background-color')), border: String(n.style('border-color')) };
  }

  // ---- Nodes ----

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Where a node is drawn, in container pixels (null when it is not drawn). */
  renderedPosition(id: string): { x: number; y: number } | null {
    const n = this.cy.getElementById(id);
    return n.nonempty() ? { ...n.renderedPosition() } : null;
  }

  /** Where a node is now, in model coordinates (while dragged too). */
  position(id: string): { x: number; y: number } | null {
    const n = this.cy.getElementById(id);
    return n.nonempty() ? { ...n.position() } : null;
  }

  setPosition(id: string, p: { x: number; y: number }): void {
    const n = this.cy.getElementById(id);
    if (n.nonempty()) n.position(p);
  }

  /** Radius of a node on screen (px). */
  renderedRadius(id: string): number {
    const n = this.cy.getElementById(id);
    return n.nonempty() ? n.renderedWidth() / 2 : 0;
  }

  selectedIds(): string[] {
    return this.cy.nodes(':selected').map((n) => n.id());
  }

  isSelected(id: string): boolean {
    const n = this.cy.getElementById(id);
    return n.nonempty() && n.selected();
  }

  /** Replaces the selection (`ids` not drawn are left out). */
  select(ids: readonly string[]): void {
    this.cy.batch(() => {
      this.cy.nodes(':selected').unselect();
      for (const id of ids) this.cy.getElementById(id).select();
    });
  }

  unselect(id: string): void {
    this.cy.getElementById(id).unselect();
  }

  /** Shift+drag selects with a box (Cytoscape's own) or with a lasso (cytoscape-lasso); never both. */
  setSelectionMode(mode: 'box' | 'lasso'): void {
    this.cy.boxSelectionEnabled(mode === 'box');
    this.cy.lassoSelectionEnabled(mode === 'lasso');
  }

  /** The node under a point of the container, contacts before bubbles (`isContact` tells which ids are contacts). */
  nodeAt(x: number, y: number, isContact: (id: string) => boolean): { kind: 'contact' | 'bubble'; id: string } | null {
    let contact: string | null = null;
    let bubble: string | null = null;
    this.cy.nodes().forEach((n) => {
      const bb = n.renderedBoundingBox({ includeLabels: false });
      if (x < bb.x1 || x > bb.x2 || y < bb.y1 || y > bb.y2) return;
      if (n.hasClass('bubble')) bubble = n.id();
      else if (isContact(n.id())) contact = n.id();
    });
    if (contact) return { kind: 'contact', id: contact };
    return bubble ? { kind: 'bubble', id: bubble } : null;
  }

  /** Element counts, for the probe. */
  counts(): { nodes: number; edges: number; bubbles: number; faded: number } {
    const nodes = this.cy.nodes();
    return { nodes: nodes.length, edges: this.cy.edges().length, bubbles: nodes.filter('.bubble').length, faded: this.cy.elements('.faded').length };
  }

  /** The bubbles drawn now, biggest first. */
  bubbles(): { id: string; clusterId: string; count: number }[] {
    return this.cy
      .nodes('.bubble')
      .map((n) => ({ id: n.id(), clusterId: n.id().slice(BUBBLE_PREFIX.length), count: n.data('count') as number }))
      .sort((a, b) => b.count - a.count);
  }

  /** Computes these elements' styles and label sizes now rather than in the frame that draws them. */
  measure(ids: readonly string[]): void {
    for (const id of ids) this.cy.getElementById(id).boundingBox({ includeLabels: true } as never);
  }

  /** Label boxes of the bubbles drawn now with their name, in container pixels: contact names keep off them. */
  bubbleLabelBoxes(): Rect[] {
    const boxes: Rect[] = [];
    this.cy.nodes('.bubble.named').forEach((n) => {
      const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true } as never);
      if (Number.isFinite(b.x1) && Number.isFinite(b.x2) && Number.isFinite(b.y1) && Number.isFinite(b.y2)) boxes.push({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
    });
    return boxes;
  }

  // ---- View ----

  zoom(): number {
    return this.cy.zoom();
  }

  pan(): { x: number; y: number } {
    return { ...this.cy.pan() };
  }

  width(): number {
    return this.cy.width();
  }

  height(): number {
    return this.cy.height();
  }

  zoomLimits(): { min: number; max: number } {
    return { min: this.cy.minZoom(), max: this.cy.maxZoom() };
  }

  /** The model rectangle on screen. */
  extent(): Rect {
    const e = this.cy.extent();
    return { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2 };
  }

  setView(zoom: number, pan: { x: number; y: number }): void {
    this.cy.viewport({ zoom, pan });
  }

  animateTo(zoom: number, pan: { x: number; y: number }, duration: number): void {
    this.cy.stop();
    this.cy.animate({ zoom, pan }, { duration });
  }

  animating(): boolean {
    return this.cy.animated();
  }

  /** Zooms around a point of the container. */
  zoomAround(level: number, at: { x: number; y: number }): void {
    this.cy.zoom({ level, renderedPosition: at });
  }

  /** The container changed size; Cytoscape reads it again. */
  resize(): void {
    this.cy.resize();
  }

  /** Draws a frame now (the callbacks of `beforeRender` run first). */
  forceRender(): void {
    this.cy.forceRender();
  }

  /** Runs `fn` at the start of each frame Cytoscape draws, before its own work (its priorities are 100–400). */
  beforeRender(fn: () => void): void {
    this.internals().beforeRender(fn, 500);
  }

  /** The adapter as the overlay sees the view. */
  overlayView(): OverlayView {
    return {
      zoom: () => this.cy.zoom(),
      pan: () => this.cy.pan(),
      width: () => this.cy.width(),
      height: () => this.cy.height(),
      onViewport: (f) => void this.cy.on('viewport', f),
      onResize: (f) => void this.cy.on('resize', f),
    };
  }

  // ---- Export ----

  /** What Cytoscape draws of the current view, on a transparent background, at `scale` times the screen's size. */
  png(scale: number): Blob {
    return this.cy.png({ output: 'blob', full: false, scale });
  }

  /** What Cytoscape draws of the current view, in screen pixels, for the SVG export (the names are the label layer's). */
  drawing(): Omit<MapDrawing, 'names'> {
    const cy = this.cy;
    const z = cy.zoom();
    const p = cy.pan();
    const opacity = (e: cytoscape.SingularElementArgument) => Number(e.style('opacity'));
    return {
      width: cy.width(),
      height: cy.height(),
      edges: cy
        .edges()
        .filter((e) => e.visible())
        .map((e: cytoscape.EdgeSingular) => {
          const s = e.sourceEndpoint();
          const t = e.targetEndpoint();
          return {
            x1: s.x * z + p.x,
            y1: s.y * z + p.y,
            x2: t.x * z + p.x,
            y2: t.y * z + p.y,
            width: parseFloat(e.style('width')) * z,
            color: e.style('line-color') as string,
            opacity: opacity(e),
          };
        }),
      nodes: cy
        .nodes()
        .filter((n) => n.visible())
        .map((n: NodeSingular) => {
          const at = n.renderedPosition();
          const label = n.style('label') as string;
          return {
            x: at.x,
            y: at.y,
            r: n.renderedWidth() / 2,
            color: n.style('background-color') as string,
            border: n.style('border-color') as string,
            borderWidth: parseFloat(n.style('border-width')) * z,
            opacity: opacity(n),
            label: label && Number(n.style('font-size')) * z >= Number(n.style('min-zoomed-font-size')) ? label : '',
            fontSize: parseFloat(n.style('font-size')) * z,
            labelColor: n.style('color') as string,
          };
        }),
    };
  }

  destroy(): void {
    this.cy.destroy();
  }

  /**
   * Cytoscape's canvas renderer, for three settings its public API lacks: whether edges are left out, or a
   * texture of the last frame drawn, while the view moves, and a callback at the start of a frame.
   */
  private internals(): Internals {
    return (this.cy as unknown as { renderer(): Internals }).renderer();
  }
}
