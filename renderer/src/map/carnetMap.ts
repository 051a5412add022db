import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import cytoscapeLasso from 'cytoscape-lasso';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import type { ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument, Contact, Position } from '../../../shared/document/schema.js';
import { BUBBLE_PREFIX, ME_ID, bubbleNode, contactNode, contactSize, summaryEdge, tieEdge } from './elements.js';
import { clusterGroups, gridGroups, groupGeometry, type Group, type GroupGeometry } from './groups.js';
import { DIRECTIONS, pickInDirection } from './keyboard.js';
import { placeNear } from './layout.js';
import { LayoutClient } from './layoutClient.js';
import { TieIndex } from './tieIndex.js';
import { areaChanges, type AreaChanges } from './categoryAreas.js';
import { MapOverlay, categoryRadiusPx, type CategoryArea, type GapLine, type Region } from './overlay.js';
import { loadMapOptions, saveMapOptions } from './mapOptionsStorage.js';
import { mapStyle, readTheme, type MapTheme } from './theme.js';

cytoscape.use(cytoscapeLasso);

/** Up to this many contacts every contact and tie is a Cytoscape element; above, clusters are aggregated. */
export const FULL_MAP_MAX = 1500;
/**
 * Most contacts drawn at once on an aggregated map (opened and zoomed-into clusters together). Each frame
 * that starts or ends a gesture redraws them all: on a software canvas (`npm run bench map`, 5,000 contacts)
 * 2,000 contacts and 3,000 ties made p95 frames of 33–50 ms, 1,200 and 1,500 make 17 ms.
 */
export const MAX_EXPANDED_CONTACTS = 1200;
/** Most ties drawn between expanded contacts; the strongest win. */
const MAX_EXPANDED_TIES = 1500;
/** Most summary edges between collapsed clusters; the busiest win. */
const MAX_SUMMARY_EDGES = 400;
/** A bubble opens by itself once zooming makes it this big on screen… */
const EXPAND_PX = 110;
/** …and gives each of its contacts at least this much screen area (px²), so that they are told apart. */
const EXPAND_AREA_PER_CONTACT = 250;
/** Tallest bubble label on screen, in px. */
const BUBBLE_LABEL_MAX_PX = 30;
/** The first automatic layout waits this long for clusters before laying out without them. */
const CLUSTER_WAIT_MS = 60_000;

export type MapCallbacks = {
  /** The user clicked or tapped a contact. */
  onOpenContact(id: string): void;
  /** The user clicked or tapped themselves ("Me in the middle"). */
  onOpenMe?(): void;
  /**
   * Positions to store: 'Layout' for computed ones, 'Move' (pinned) for the user's drags.
   * `undoable` is false for the automatic layout of a document (the user never asked for it).
   */
  onPositions(positions: Record<string, Position>, label: 'Layout' | 'Move', undoable: boolean): void;
  /**
   * Contacts dropped on the map while categories are drawn as areas: their new positions, and the categories
   * the drop puts them in or takes them out of (categoryAreas.ts); to be stored as one undo step.
   */
  onAreaDrop(positions: Record<string, Position>, changes: AreaChanges): void;
  /** Words the map draws itself, in the user's language. */
  text: { loose: string; me: string };
};

export type MapOptions = {
  /** What a contact's size shows: the user's tie strength, or brokerage (Burt's effective size). */
  sizeBy: 'strength' | 'brokerage';
  /** Draw the user as a node in the middle, tied to their strong ties. */
  showMe: boolean;
  /** Brokers, fragile clusters and clusters with no bridge between them. */
  showGaps: boolean;
  /** Categories drawn as soft areas around their drawn members (cluster regions are then left out). */
  showCategories: boolean;
  /** What Shift+drag on the background draws to select contacts: a rectangle, or a free-form lasso. */
  selection: 'box' | 'lasso';
};

export type MapStats = {
  nodes: number;
  edges: number;
  zoom: number;
  /** Cluster bubbles among the nodes. */
  bubbles: number;
  /** Contact nodes among the nodes. */
  contacts: number;
  /** Elements faded by a focus or a highlight. */
  faded: number;
  /** True when clusters are drawn as bubbles (big documents). */
  aggregated: boolean;
  /** Clusters currently expanded into their contacts (aggregated maps). */
  expanded: string[];
};

export type DragEvent = { ids: string[]; clientX: number; clientY: number; preventMove(): void };
export type MapEvents = {
  nodeDragStart: DragEvent;
  nodeDrag: DragEvent;
  nodeDragEnd: DragEvent;
  selectionChange: { ids: string[] };
  open: { id: string };
  clusterOpen: { clusterId: string; expanded: boolean };
  viewport: { zoom: number; extent: { x1: number; y1: number; x2: number; y2: number } };
};
/** A view as drawn, for exporting it as SVG: screen pixels, resolved colours. */
export type MapDrawing = {
  width: number;
  height: number;
  edges: { x1: number; y1: number; x2: number; y2: number; width: number; color: string; opacity: number }[];
  nodes: { x: number; y: number; r: number; color: string; border: string; borderWidth: number; opacity: number; label: string; fontSize: number; labelColor: string }[];
};
export type HitTarget = { kind: 'contact'; id: string } | { kind: 'cluster'; id: string } | null;
export type BubbleInfo = { id: string; clusterId: string; count: number };

/**
 * Owns the Cytoscape instance and decides what it holds: every contact on a
 * small document; on a big one, one bubble per cluster plus the contacts of
 * the clusters the user opened or zoomed into, never more than a few
 * thousand elements. What should be drawn is recomputed from the document,
 * the analysis and the view, then diffed into Cytoscape. It never edits the
 * document itself; it reports positions to store through the callbacks.
 */
export class CarnetMap {
  private readonly cy: Core;
  private readonly theme: MapTheme;
  private readonly overlay: MapOverlay;
  private readonly layouts = new LayoutClient();
  private readonly listeners = new Map<keyof MapEvents, Set<(e: never) => void>>();

  private doc: CarnetDocument | null = null;
  private analysis: AnalysisResult | null = null;
  private analysisFailed = false;
  /** The automatic layout ran before the analysis had clusters: it runs again, by cluster, once they come. */
  private layoutLacksClusters = false;
  private clustersArrived: (() => void) | null = null;
  /** Positions computed but not yet back from the main side. */
  private readonly provisional = new Map<string, Position>();
  private ties: TieIndex | null = null;
  private groups: Group[] = [];
  private readonly groupOf = new Map<string, Group>();
  private readonly groupById = new Map<string, Group>();
  private readonly geometry = new Map<string, GroupGeometry>();
  private summary: { a: string; b: string; count: number }[] | null = null;
  private aggregate = false;
  private readonly opened = new Set<string>();
  private expanded = new Set<string>();
  private drawn = new Set<string>();
  private filter: ((c: Contact) => boolean) | null = null;
  private highlighted: Set<string> | null = null;
  private focus: { id: string | null; ids: Set<string> } | null = null;
  private current: string | null = null;
  private opts: MapOptions = loadMapOptions({ sizeBy: 'strength', showMe: false, showGaps: false, showCategories: false, selection: 'box' });

  private drag: { ids: string[]; from: Map<string, Position>; started: boolean } | null = null;
  private readonly droppedIds = new Set<string>();
  private dropTimer: ReturnType<typeof setTimeout> | null = null;
  private expandTimer: ReturnType<typeof setTimeout> | null = null;
  private expansionDue = false;
  private viewportFrame = 0;
  private selectionQueued = false;
  private loading = false;
  private destroyed = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: MapCallbacks,
  ) {
    this.theme = readTheme(container);
    // Cytoscape warns about any wheel sensitivity but its own; ours is deliberate (below). The warning, with its
    // stack trace, cost a large share of the map's first draw in a profile, so it is silenced for this one call.
    cytoscape.warnings(false);
    this.cy = cytoscape({
      container,
      style: mapStyle(this.theme),
      minZoom: 0.002,
      maxZoom: 4,
      boxSelectionEnabled: true,
      pixelRatio: 'auto',
      // Cytoscape turns a mouse-wheel notch into ~3 % of zoom; a 30,000-contact map spans a 20× zoom range.
      wheelSensitivity: 3,
    });
    cytoscape.warnings(true);
    this.applySelectionMode();
    // Runs first among the callbacks Cytoscape calls before drawing a frame (its own use priorities 100–400).
    this.renderer().beforeRender(() => this.expandBeforeRender(), 500);
    this.overlay = new MapOverlay(container, this.cy, { gap: this.theme.broker, label: this.theme.label, halo: this.theme.labelHalo });
    const cy = this.cy;
    cy.on('tap', 'node', (e) => this.onTap(e.target as NodeSingular));
    cy.on('dbltap', 'node', (e) => this.onDoubleTap(e.target as NodeSingular));
    cy.on('grab', 'node', (e) => this.onGrab(e.target as NodeSingular));
    cy.on('drag', 'node', (e) => this.onDrag(e));
    cy.on('free', 'node', (e) => this.onFree(e.target as NodeSingular, e));
    cy.on('select unselect', 'node', () => this.queueSelectionChange());
    cy.on('select', 'node', (e) => this.sizeLabel(e.target as NodeSingular));
    cy.on('unselect', 'node', (e) => (e.target as NodeSingular).removeStyle('font-size text-outline-width text-margin-y'));
    cy.on('viewport', () => this.onViewport());
  }

  // ---- Lifecycle (MapView) ----

  /** Draws a whole document; lays it out in the worker when it has no stored positions. */
  async load(doc: CarnetDocument): Promise<void> {
    if (this.destroyed) return;
    performance.mark('carnet:map-load');
    this.loading = true;
    try {
      this.doc = doc;
      this.analysis = null;
      this.analysisFailed = false;
      this.layoutLacksClusters = false;
      this.provisional.clear();
      this.opened.clear();
      this.expanded = new Set();
      this.focus = null;
      this.highlighted = null;
      const ids = Object.keys(doc.contacts);
      this.aggregate = ids.length > FULL_MAP_MAX;
      this.rebuildAdjacency();
      this.regroup();
      const missing = ids.filter((id) => !doc.positions[id]);
      if (missing.length > 0 && missing.length >= ids.length / 2) {
        await this.waitForClusters();
        if (this.destroyed || this.doc !== doc) return;
        await this.layoutAll(false);
      } else if (missing.length > 0) {
        this.placeMissing(missing);
      }
      if (this.destroyed || this.doc !== doc) return;
      // The view is fitted before anything is drawn, so that no cluster expands for a zoom the user never sees.
      this.fitToPositions();
      this.updateExpansion();
      this.sync();
      this.fit();
      performance.mark('carnet:map-ready', { detail: { contacts: ids.length } });
    } finally {
      this.loading = false;
    }
  }

  /** False while a document is being drawn and laid out. */
  ready(): boolean {
    return !this.loading;
  }

  /** Patches the drawing with the changes just applied to `doc` (already updated). */
  patch(doc: CarnetDocument, set: ChangeSet): void {
    if (this.destroyed) return;
    this.doc = doc;
    let regroup = false;
    let ties = false;
    const added: string[] = [];
    for (const c of set.changes) {
      if (c.op !== 'put' && c.op !== 'del') continue;
      if (c.coll === 'contacts') {
        regroup = true;
        // A contact that comes or goes changes the numbering of the tie index.
        if (c.op === 'del' || !this.ties?.indexOf.has(c.id)) ties = true;
        if (c.op === 'put' && !doc.positions[c.id] && !this.provisional.has(c.id)) added.push(c.id);
      } else if (c.coll === 'ties') ties = true;
      else if (c.coll === 'clusters' || c.coll === 'categories') regroup = true;
      else if (c.coll === 'positions') this.provisional.delete(c.id);
    }
    if (ties) this.rebuildAdjacency();
    this.aggregate = Object.keys(doc.contacts).length > FULL_MAP_MAX;
    if (regroup) this.regroup();
    else {
      if (ties) this.summary = null;
      this.measureGroups();
    }
    const unplaced = added.filter((id) => doc.contacts[id] && !doc.positions[id]);
    if (unplaced.length > 0) this.placeMissing(unplaced);
    this.sync();
  }

  /** The analysis of the current document arrived (or failed, `null` with `failed`): colours, sizes, marks, clusters. */
  setAnalysis(result: AnalysisResult | null, failed = false): void {
    if (this.destroyed) return;
    this.analysis = result;
    this.analysisFailed = failed;
    if ((result || failed) && this.clustersArrived) this.clustersArrived();
    if (!this.doc) return;
    this.regroup();
    this.sync();
    if (result && this.layoutLacksClusters && !this.loading) {
      this.layoutLacksClusters = false;
      this.loading = true;
      void this.layoutAll(false)
        .then(() => this.sync())
        .catch((e: unknown) => console.error('Carnet: laying out the map by cluster failed', e))
        .finally(() => (this.loading = false));
    }
  }

  resize(): void {
    this.cy.resize();
    this.overlay.set(this.regions(), this.gapLines(), this.categoryAreas());
  }

  destroy(): void {
    this.destroyed = true;
    if (this.dropTimer) clearTimeout(this.dropTimer);
    if (this.expandTimer) clearTimeout(this.expandTimer);
    cancelAnimationFrame(this.viewportFrame);
    this.clustersArrived?.();
    this.layouts.destroy();
    this.overlay.destroy();
    this.cy.destroy();
  }

  // ---- Public API (see README.md) ----

  on<E extends keyof MapEvents>(event: E, listener: (e: MapEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (e: never) => void);
    return () => set.delete(listener as (e: never) => void);
  }

  options(): MapOptions {
    return { ...this.opts };
  }

  setOptions(patch: Partial<MapOptions>): void {
    this.opts = { ...this.opts, ...patch };
    saveMapOptions(this.opts);
    this.applySelectionMode();
    this.sync();
  }

  /** Shift+drag selects with a box (Cytoscape's own) or with a lasso (cytoscape-lasso); never both. */
  private applySelectionMode(): void {
    const lasso = this.opts.selection === 'lasso';
    this.cy.boxSelectionEnabled(!lasso);
    this.cy.lassoSelectionEnabled(lasso);
  }

  /** Marks the contact shown in the side panel, opening its cluster if it is aggregated. */
  select(id: string | null): void {
    const cy = this.cy;
    const previous = this.current;
    this.current = id;
    if (previous && previous !== id) cy.getElementById(previous).unselect();
    if (id) this.reveal([id]);
    this.sync();
    const node = id ? cy.getElementById(id) : null;
    if (!node || node.empty()) return;
    if (!node.selected()) {
      cy.nodes(':selected').unselect();
      node.select();
    }
    // The side panel that opened with the selection narrows the map: bring the contact back into view if it went under it.
    cy.resize();
    const p = node.renderedPosition();
    const margin = 40;
    // A view animation already on its way (a search hit being zoomed to) is left to finish: stopping it would
    // freeze the zoom half-way.
    if (cy.animated()) return;
    if (p.x < margin || p.y < margin || p.x > cy.width() - margin || p.y > cy.height() - margin) {
      cy.stop();
      cy.animate({ center: { eles: node } }, { duration: 250 });
    }
  }

  selectedIds(): string[] {
    return this.cy
      .nodes(':selected')
      .map((n) => n.id())
      .filter((id) => this.isContact(id));
  }

  setSelection(ids: readonly string[]): void {
    this.reveal(ids);
    this.sync();
    this.cy.batch(() => {
      this.cy.nodes(':selected').unselect();
      for (const id of ids) this.cy.getElementById(id).select();
    });
  }

  /** Highlights a contact and its neighbours, fades the rest and centres it; null clears. */
  focusContact(id: string | null): void {
    if (!id || !this.doc?.contacts[id]) {
      this.focus = null;
      this.sync();
      return;
    }
    const ids = new Set<string>([id, ...this.neighbours(id)]);
    this.reveal([id]);
    this.focus = { id, ids };
    this.sync();
    const node = this.cy.getElementById(id);
    if (node.nonempty()) {
      this.cy.stop();
      this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 0.6) }, { duration: 250 });
    }
  }

  /** Opens a cluster, zooms to it and fades the rest; null clears. */
  focusCluster(clusterId: string | null): void {
    const g = clusterId ? this.groupById.get(clusterId) : undefined;
    if (!g) {
      this.focus = null;
      this.sync();
      return;
    }
    if (this.aggregate) this.opened.add(g.id);
    this.focus = { id: null, ids: new Set(g.members) };
    this.updateExpansion();
    this.sync();
    this.zoomToIds(g.members);
  }

  openCluster(clusterId: string): void {
    if (!this.aggregate || !this.groupById.has(clusterId)) return;
    this.opened.add(clusterId);
    this.updateExpansion();
    this.sync();
    this.emit('clusterOpen', { clusterId, expanded: this.expanded.has(clusterId) });
  }

  closeCluster(clusterId: string): void {
    if (!this.opened.delete(clusterId) && !this.expanded.has(clusterId)) return;
    this.expanded.delete(clusterId);
    this.sync();
    this.emit('clusterOpen', { clusterId, expanded: false });
  }

  /** Animates the view to contain these contacts, expanding their clusters. */
  zoomToIds(ids: readonly string[], padding = 60): void {
    const box = this.boundsOf(ids);
    if (!box) return;
    const { x1, y1, x2, y2 } = box;
    this.reveal(ids);
    this.sync();
    const cy = this.cy;
    const w = Math.max(1, cy.width() - 2 * padding);
    const h = Math.max(1, cy.height() - 2 * padding);
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(w / Math.max(40, x2 - x1), h / Math.max(40, y2 - y1), 1.5)));
    const pan = { x: cy.width() / 2 - ((x1 + x2) / 2) * zoom, y: cy.height() / 2 - ((y1 + y2) / 2) * zoom };
    cy.stop();
    cy.animate({ zoom, pan }, { duration: 300 });
  }

  /** Emphasises a set of contacts (search results…) and fades the rest; null clears. */
  highlight(ids: Iterable<string> | null): void {
    this.highlighted = ids ? new Set(ids) : null;
    this.sync();
  }

  /** Hides the contacts failing `predicate`; bubbles count only the kept ones. null shows everyone. */
  setFilter(predicate: ((c: Contact) => boolean) | null): void {
    // Clearing no filter is asked after every edit: a redraw of the whole map for nothing.
    if (predicate === null && this.filter === null) return;
    this.filter = predicate;
    this.summary = null;
    this.measureGroups();
    this.sync();
  }

  /** What is under a point of the screen (client coordinates). */
  hitTest(clientX: number, clientY: number): HitTarget {
    const box = this.container.getBoundingClientRect();
    const rx = clientX - box.left;
    const ry = clientY - box.top;
    let contact: string | null = null;
    let bubble: string | null = null;
    this.cy.nodes().forEach((n) => {
      const bb = n.renderedBoundingBox({ includeLabels: false });
      if (rx < bb.x1 || rx > bb.x2 || ry < bb.y1 || ry > bb.y2) return;
      if (n.hasClass('bubble')) bubble = n.id().slice(BUBBLE_PREFIX.length);
      else if (this.isContact(n.id())) contact = n.id();
    });
    if (contact) return { kind: 'contact', id: contact };
    if (bubble) return { kind: 'cluster', id: bubble };
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const region = this.overlay.regionsAt((rx - pan.x) / zoom, (ry - pan.y) / zoom)[0];
    return region ? { kind: 'cluster', id: region.id } : null;
  }

  /** Recomputes the positions of every unpinned contact (an undo step: the user asked for it). */
  async relayout(): Promise<void> {
    if (!this.doc || this.loading) return;
    this.loading = true;
    try {
      await this.layoutAll(true);
      this.sync();
      this.fit();
    } finally {
      this.loading = false;
    }
  }

  /** Handles a key pressed on the focused map; true when it was the map's. */
  handleKey(key: string): boolean {
    const dir = DIRECTIONS[key];
    if (dir) {
      const from = this.focus?.id ?? null;
      const target = from ? this.step(from, dir) : this.nearestToCentre();
      if (target) this.focusContact(target);
      return true;
    }
    if (key === 'Enter' && this.focus?.id) {
      this.open(this.focus.id);
      return true;
    }
    if (key === 'Escape') {
      this.focus = null;
      this.highlighted = null;
      this.cy.nodes(':selected').unselect();
      this.sync();
      return true;
    }
    return false;
  }

  /** The contact focused by the keyboard or focusContact. */
  focusedId(): string | null {
    return this.focus?.id ?? null;
  }

  /** The box around the placed contacts among `ids` (model coordinates), or null when none is placed. */
  private boundsOf(ids: readonly string[]): { x1: number; y1: number; x2: number; y2: number } | null {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const id of ids) {
      const p = this.position(id);
      if (!p) continue;
      x1 = Math.min(x1, p.x);
      y1 = Math.min(y1, p.y);
      x2 = Math.max(x2, p.x);
      y2 = Math.max(y2, p.y);
    }
    return Number.isFinite(x1) ? { x1, y1, x2, y2 } : null;
  }

  /** Sets the view to show every placed contact, without drawing anything. */
  private fitToPositions(): void {
    const cy = this.cy;
    const box = this.boundsOf(Object.keys(this.doc!.contacts));
    if (!box) return;
    const { x1, y1, x2, y2 } = box;
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min((cy.width() - 80) / Math.max(1, x2 - x1), (cy.height() - 80) / Math.max(1, y2 - y1))));
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - ((x1 + x2) / 2) * zoom, y: cy.height() / 2 - ((y1 + y2) / 2) * zoom } });
  }

  fit(): void {
    if (this.cy.nodes().nonempty()) this.cy.fit(undefined, 40);
    else this.cy.reset();
  }

  /** Zooms around the middle of the view; each call multiplies the zoom, however fast they come. */
  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Where a new contact goes: the middle of what the user is looking at, in map coordinates. */
  viewCenter(): Position {
    const e = this.cy.extent();
    return { x: Math.round((e.x1 + e.x2) / 2), y: Math.round((e.y1 + e.y2) / 2) };
  }

  /** Where a contact (or a bubble, `cluster:<id>`) is drawn on screen, relative to the map's container. */
  /** Contacts drawn now (as themselves, not inside a bubble). */
  drawnIds(): string[] {
    return [...this.drawn];
  }

  renderedPosition(id: string): { x: number; y: number } | null {
    const n = this.cy.getElementById(id);
    return n.nonempty() ? n.renderedPosition() : null;
  }

  stats(): MapStats {
    const nodes = this.cy.nodes();
    const bubbles = nodes.filter('.bubble').length;
    return {
      nodes: nodes.length,
      edges: this.cy.edges().length,
      zoom: this.cy.zoom(),
      bubbles,
      contacts: nodes.length - bubbles - (this.cy.getElementById(ME_ID).nonempty() ? 1 : 0),
      faded: this.cy.elements('.faded').length,
      aggregated: this.aggregate,
      expanded: [...this.expanded],
    };
  }

  /** The bubbles drawn now, biggest first. */
  bubbles(): BubbleInfo[] {
    return this.cy
      .nodes('.bubble')
      .map((n) => ({ id: n.id(), clusterId: n.id().slice(BUBBLE_PREFIX.length), count: n.data('count') as number }))
      .sort((a, b) => b.count - a.count);
  }

  /** For the minimap: every group's disc and colour, the visible extent, and the bounds of it all. */
  overview(): { discs: { x: number; y: number; r: number; color: string }[]; extent: { x1: number; y1: number; x2: number; y2: number } } {
    const discs = this.groups
      .map((g) => ({ geo: this.geometry.get(g.id), color: g.color }))
      .filter((d) => d.geo && d.geo.count > 0)
      .map((d) => ({ x: d.geo!.x, y: d.geo!.y, r: d.geo!.r, color: d.color }));
    return { discs, extent: this.cy.extent() };
  }

  /** Centres the view on a point of the map (minimap clicks). */
  panTo(x: number, y: number): void {
    const cy = this.cy;
    cy.pan({ x: cy.width() / 2 - x * cy.zoom(), y: cy.height() / 2 - y * cy.zoom() });
  }

  /** The current view as a PNG, at twice the screen's resolution (export menu, renderer/src/mapExport). */
  png(background: string): Blob {
    return this.cy.png({ output: 'blob', bg: background, full: false, scale: 2 });
  }

  /** What the current view draws, in screen pixels, for the SVG export (renderer/src/mapExport). */
  drawing(): MapDrawing {
    const cy = this.cy;
    const shown = (e: cytoscape.SingularElementArgument) => e.visible();
    const opacity = (e: cytoscape.SingularElementArgument) => Number(e.style('opacity'));
    return {
      width: cy.width(),
      height: cy.height(),
      edges: cy.edges().filter(shown).map((e: cytoscape.EdgeSingular) => {
        const s = e.sourceEndpoint();
        const t = e.targetEndpoint();
        const z = cy.zoom();
        const p = cy.pan();
        return {
          x1: s.x * z + p.x, y1: s.y * z + p.y, x2: t.x * z + p.x, y2: t.y * z + p.y,
          width: parseFloat(e.style('width')) * z, color: e.style('line-color') as string, opacity: opacity(e),
        };
      }),
      nodes: cy.nodes().filter(shown).map((n: NodeSingular) => {
        const p = n.renderedPosition();
        const label = n.style('label') as string;
        return {
          x: p.x, y: p.y, r: n.renderedWidth() / 2, color: n.style('background-color') as string,
          border: n.style('border-color') as string, borderWidth: parseFloat(n.style('border-width')) * cy.zoom(), opacity: opacity(n),
          label: label && Number(n.style('font-size')) * cy.zoom() >= Number(n.style('min-zoomed-font-size')) ? label : '',
          fontSize: parseFloat(n.style('font-size')) * cy.zoom(), labelColor: n.style('color') as string,
        };
      }),
    };
  }

  // ---- What is drawn ----

  private position(id: string): Position | undefined {
    return this.doc?.positions[id] ?? this.provisional.get(id);
  }

  private shown = (id: string): boolean => {
    const c = this.doc?.contacts[id];
    return Boolean(c) && (!this.filter || this.filter(c!));
  };

  private isContact(id: string): boolean {
    return Boolean(this.doc?.contacts[id]);
  }

  private rebuildAdjacency(): void {
    this.ties = new TieIndex(this.doc!);
    this.summary = null;
  }

  private neighbours(id: string): Iterable<string> {
    return this.ties?.neighbours(id) ?? [];
  }

  /** Groups from the analysis when it has answered, else (big documents) grid cells over the positions. */
  private regroup(): void {
    const doc = this.doc!;
    if (this.analysis) this.groups = clusterGroups(doc, this.analysis, this.theme.neutral, this.callbacks.text.loose);
    else if (this.aggregate) this.groups = gridGroups(doc, (id) => this.position(id), this.theme.neutral);
    else this.groups = [];
    this.groupOf.clear();
    this.groupById.clear();
    for (const g of this.groups) {
      this.groupById.set(g.id, g);
      for (const m of g.members) this.groupOf.set(m, g);
    }
    for (const id of this.opened) if (!this.groupById.has(id)) this.opened.delete(id);
    this.summary = null;
    this.measureGroups();
  }

  private measureGroups(): void {
    this.geometry.clear();
    for (const g of this.groups) this.geometry.set(g.id, groupGeometry(g.members, (id) => this.position(id), this.shown));
    if (this.aggregate) this.updateExpansion();
  }

  /** Opens the clusters of these contacts (aggregated maps) so that they are drawn. */
  private reveal(ids: readonly string[]): void {
    if (!this.aggregate) return;
    let changed = false;
    for (const id of ids) {
      const g = this.groupOf.get(id);
      if (g && !this.expanded.has(g.id)) {
        this.opened.add(g.id);
        changed = true;
      }
    }
    if (changed) this.updateExpansion();
  }

  /** Chooses the expanded clusters: the opened ones, then big-on-screen ones nearest the middle, within the budget. */
  private updateExpansion(): boolean {
    if (!this.aggregate) return false;
    const ext = this.cy.extent();
    const zoom = this.cy.zoom();
    const cx = (ext.x1 + ext.x2) / 2;
    const cyy = (ext.y1 + ext.y2) / 2;
    const next = new Set<string>();
    let budget = MAX_EXPANDED_CONTACTS;
    const take = (id: string, force: boolean) => {
      const geo = this.geometry.get(id);
      if (!geo || geo.count === 0) return;
      if (geo.count > budget && !(force && next.size === 0)) return;
      next.add(id);
      budget -= geo.count;
    };
    for (const id of [...this.opened].reverse()) take(id, true);
    const candidates = this.groups
      .filter((g) => !next.has(g.id))
      .map((g) => ({ g, geo: this.geometry.get(g.id)! }))
      .filter(({ geo }) => geo.count > 0 && geo.r * zoom >= EXPAND_PX && (Math.PI * (geo.r * zoom) ** 2) / geo.count >= EXPAND_AREA_PER_CONTACT && geo.x + geo.r > ext.x1 && geo.x - geo.r < ext.x2 && geo.y + geo.r > ext.y1 && geo.y - geo.r < ext.y2)
      .sort((a, b) => Math.hypot(a.geo.x - cx, a.geo.y - cyy) - Math.hypot(b.geo.x - cx, b.geo.y - cyy));
    for (const { g } of candidates) take(g.id, false);
    const changed = next.size !== this.expanded.size || [...next].some((id) => !this.expanded.has(id));
    this.expanded = next;
    return changed;
  }

  /** Ties between each pair of groups (shown contacts only), busiest pair first. */
  private summaryEdges(): { a: string; b: string; count: number }[] {
    if (this.summary) return this.summary;
    const index = this.ties!;
    const n = index.ids.length;
    // Group number of each contact by index, -1 for none or hidden.
    const group = new Int32Array(n).fill(-1);
    const number = new Map<Group, number>(this.groups.map((g, i) => [g, i]));
    for (let i = 0; i < n; i++) {
      const id = index.ids[i]!;
      const g = this.groupOf.get(id);
      if (g && (!this.filter || this.shown(id))) group[i] = number.get(g)!;
    }
    const counts = new Map<number, number>();
    const size = this.groups.length;
    for (let k = 0; k < index.tieCount; k++) {
      const a = group[index.from[k]!]!;
      const b = group[index.to[k]!]!;
      if (a < 0 || b < 0 || a === b) continue;
      const key = a < b ? a * size + b : b * size + a;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    this.summary = [...counts]
      .map(([key, count]) => ({ a: this.groups[Math.floor(key / size)]!.id, b: this.groups[key % size]!.id, count }))
      .sort((x, y) => y.count - x.count);
    return this.summary;
  }

  /** Classes that show what the analysis says of a contact, and whether it is emphasised or faded. */
  private contactClasses(id: string, marks: Marks): string {
    const out: string[] = [];
    if (marks.overdue.has(id)) out.push('overdue');
    else if (marks.dormant.has(id)) out.push('dormant');
    if (this.opts.showGaps && marks.brokers.has(id)) out.push('broker');
    if (id === this.current) out.push('current');
    const emphasis = this.focus?.ids ?? this.highlighted;
    if (emphasis) out.push(emphasis.has(id) ? 'hl' : 'faded');
    if (this.focus?.id === id) out.push('focus');
    return out.join(' ');
  }

  private marks(): Marks {
    const a = this.analysis;
    return {
      overdue: new Set(a?.overdue.map((o) => o.id) ?? []),
      dormant: new Set(a?.dormant.map((d) => d.id) ?? []),
      brokers: new Set(this.opts.showGaps ? (a?.gaps.brokers.map((b) => b.id) ?? []) : []),
      fragile: new Set(this.opts.showGaps ? (a?.gaps.fragileClusters.map((f) => f.cluster.id) ?? []) : []),
    };
  }

  /** Everything Cytoscape should hold now, by id. */
  private desired(): Map<string, ElementDefinition> {
    const doc = this.doc!;
    const want = new Map<string, ElementDefinition>();
    const marks = this.marks();
    const info = new Map((this.analysis?.contacts ?? []).map((c) => [c.id, c]));
    let maxEffective = 1;
    for (const c of info.values()) maxEffective = Math.max(maxEffective, c.effectiveSize ?? 0);
    const drawn = new Set<string>();
    const addContact = (c: Contact) => {
      const p = this.position(c.id);
      if (!p || !this.shown(c.id)) return;
      const a = info.get(c.id);
      const g = this.groupOf.get(c.id);
      const color = g && g.kind !== 'cell' ? g.color : this.theme.neutral;
      const size = contactSize(this.opts.sizeBy, a?.strength ?? c.strength ?? 2, a?.effectiveSize ?? null, maxEffective);
      want.set(c.id, contactNode(c.id, c.name, color, size, p.x, p.y, this.contactClasses(c.id, marks)));
      drawn.add(c.id);
    };
    const emphasis = this.focus?.ids ?? this.highlighted;
    // Bubble labels grow with the bubble, up to what reads well on screen at this zoom (a rounded step, so small zooms change nothing).
    const bubbleFont = Math.round(BUBBLE_LABEL_MAX_PX / Math.pow(2, Math.round(Math.log2(this.cy.zoom()) * 2) / 2));
    if (!this.aggregate) {
      for (const c of Object.values(doc.contacts)) addContact(c);
    } else {
      for (const g of this.groups) {
        const geo = this.geometry.get(g.id)!;
        if (geo.count === 0) continue;
        if (this.expanded.has(g.id)) {
          for (const id of g.members) addContact(doc.contacts[id]!);
          continue;
        }
        const cls: string[] = [];
        if (marks.fragile.has(g.id)) cls.push('fragile');
        if (emphasis) cls.push(g.members.some((m) => emphasis.has(m)) ? 'hl' : 'faded');
        want.set(BUBBLE_PREFIX + g.id, bubbleNode(g, geo, cls.join(' '), bubbleFont));
      }
      const summary = this.summaryEdges().filter((s) => !this.expanded.has(s.a) && !this.expanded.has(s.b) && want.has(BUBBLE_PREFIX + s.a) && want.has(BUBBLE_PREFIX + s.b));
      const max = summary[0]?.count ?? 1;
      for (const s of summary.slice(0, MAX_SUMMARY_EDGES)) {
        const faded = emphasis && !(want.get(BUBBLE_PREFIX + s.a)!.classes ?? '').includes('hl') ? 'faded' : '';
        const e = summaryEdge(s.a, s.b, s.count, max, faded);
        want.set(e.data.id!, e);
      }
    }
    this.drawn = drawn;
    const ties: ElementDefinition[] = [];
    const index = this.ties!;
    for (const id of drawn) {
      for (const k of index.tiesOf(id)) {
        const t = doc.ties[index.tieIds[k]!];
        if (!t || t.from !== id || !drawn.has(t.to)) continue;
        const cls = emphasis ? (emphasis.has(t.from) && emphasis.has(t.to) ? 'hl' : 'faded') : '';
        ties.push(tieEdge(t, cls));
      }
    }
    if (this.aggregate && ties.length > MAX_EXPANDED_TIES) ties.sort((a, b) => (b.data.strength as number) - (a.data.strength as number));
    for (const e of this.aggregate ? ties.slice(0, MAX_EXPANDED_TIES) : ties) want.set(e.data.id!, e);
    if (this.opts.showMe) this.addMe(want, drawn, info);
    return want;
  }

  /** The user in the middle of the map, tied to the contacts they are closest to (strength 4–5). */
  private addMe(want: Map<string, ElementDefinition>, drawn: Set<string>, info: Map<string, { strength: number }>): void {
    let x = 0;
    let y = 0;
    let n = 0;
    for (const g of this.geometry.values()) {
      x += g.x * g.count;
      y += g.y * g.count;
      n += g.count;
    }
    if (n === 0) {
      for (const id of drawn) {
        const p = this.position(id)!;
        x += p.x;
        y += p.y;
        n++;
      }
    }
    const label = this.doc!.me.name || this.callbacks.text.me;
    want.set(ME_ID, { group: 'nodes', data: { id: ME_ID, label, color: this.theme.me, size: 34 }, position: { x: n ? x / n : 0, y: n ? y / n : 0 }, classes: 'me', grabbable: false });
    for (const id of drawn) {
      const s = info.get(id)?.strength ?? this.doc!.contacts[id]?.strength ?? 0;
      if (s >= 4) want.set(`me:${id}`, { group: 'edges', data: { id: `me:${id}`, source: ME_ID, target: id, strength: 0.2 }, classes: 'mine' });
    }
  }

  /** Diffs what should be drawn into Cytoscape: only what changed is added, removed or updated. */
  private sync(): void {
    if (!this.doc || this.destroyed) return;
    const want = this.desired();
    const cy = this.cy;
    cy.batch(() => {
      cy.elements()
        .filter((e) => {
          const def = want.get(e.id());
          if (!def) return true;
          // An edge whose ends changed cannot be patched: it is added again.
          return e.isEdge() && (e.data('source') !== def.data.source || e.data('target') !== def.data.target);
        })
        .remove();
      const add: ElementDefinition[] = [];
      for (const [id, def] of want) {
        const ele = cy.getElementById(id);
        if (ele.empty()) {
          add.push(def);
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
    const renderer = this.renderer();
    // Summary edges between bubbles are few but long: lines across the whole map cost as much to fill.
    renderer.hideEdgesOnViewport = this.aggregate || cy.elements().length > 1500;
    renderer.textureOnViewport = this.aggregate;
    this.overlay.set(this.regions(), this.gapLines(), this.categoryAreas());
  }

  /**
   * Cytoscape's canvas renderer, for three settings its public API lacks: whether edges are left out, or a
   * texture of the last frame drawn, while the view moves, and a callback at the start of a frame.
   */
  private renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean; beforeRender(fn: () => void, priority: number): void } {
    return (this.cy as unknown as { renderer(): ReturnType<CarnetMap['renderer']> }).renderer();
  }

  /** Soft regions under the contacts of each cluster drawn as contacts. */
  private regions(): Region[] {
    const marks = this.marks();
    return this.groups
      .filter((g) => g.kind === 'cluster' && (!this.aggregate || this.expanded.has(g.id)))
      .map((g) => ({ g, geo: this.geometry.get(g.id)! }))
      .filter(({ geo }) => geo.count > 1)
      .map(({ g, geo }) => ({ id: g.id, x: geo.x, y: geo.y, r: geo.r, color: g.color, label: g.label, fragile: marks.fragile.has(g.id) }));
  }

  /**
   * Each category with members drawn as contacts (not inside a bubble), with
   * their positions; null when the option is off.
   */
  /** Category areas as drawn (null when the option is off); `except`: contacts left out (those being dropped). */
  private categoryAreas(except?: ReadonlySet<string>): CategoryArea[] | null {
    if (!this.opts.showCategories || !this.doc) return null;
    const points = new Map<string, { x: number; y: number }[]>();
    for (const id of this.drawn) {
      const c = this.doc.contacts[id];
      const node = this.cy.getElementById(id);
      if (!c || node.empty() || except?.has(id)) continue;
      for (const cat of c.categories) {
        let list = points.get(cat);
        if (!list) points.set(cat, (list = []));
        list.push({ ...node.position() });
      }
    }
    const out: CategoryArea[] = [];
    for (const cat of Object.values(this.doc.categories)) {
      const at = points.get(cat.id);
      if (at?.length) out.push({ id: cat.id, color: cat.color, label: cat.name, points: at });
    }
    return out;
  }

  /** How many category areas the overlay draws now (test hook). */
  categoryAreaCount(): number {
    return this.overlay.categoryCount();
  }

  /** Pairs of clusters with no tie between them, as dashed lines (gaps overlay). */
  private gapLines(): GapLine[] {
    if (!this.opts.showGaps || !this.analysis) return [];
    const out: GapLine[] = [];
    for (const u of this.analysis.gaps.unbridged) {
      const a = this.geometry.get(u.a.id);
      const b = this.geometry.get(u.b.id);
      if (a && b && a.count > 0 && b.count > 0) out.push({ a, b });
    }
    return out;
  }

  // ---- Layout ----

  /** Resolves once the analysis has answered (or failed, or taken too long): the first layout is by cluster. */
  private waitForClusters(): Promise<void> {
    if (this.analysis || this.analysisFailed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, CLUSTER_WAIT_MS);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.clustersArrived = null;
        resolve();
      }
      this.clustersArrived = done;
    });
  }

  private async layoutAll(undoable: boolean): Promise<void> {
    const doc = this.doc!;
    const clusterOf = new Map<string, string>();
    for (const c of this.analysis?.contacts ?? []) if (c.cluster) clusterOf.set(c.id, c.cluster);
    this.layoutLacksClusters = !undoable && !this.analysis;
    const positions = await this.layouts.layout(doc, (id) => clusterOf.get(id) ?? null);
    if (!positions || this.destroyed || this.doc !== doc) return;
    for (const [id, p] of Object.entries(positions)) this.provisional.set(id, p);
    if (!this.analysis) this.regroup();
    else this.measureGroups();
    if (Object.keys(positions).length > 0) this.callbacks.onPositions(positions, 'Layout', undoable);
  }

  private placeMissing(ids: string[]): void {
    const doc = this.doc!;
    const positions = placeNear(ids, (id) => this.position(id), (id) => this.neighbours(id), Object.keys(doc.contacts));
    for (const [id, p] of Object.entries(positions)) this.provisional.set(id, p);
    this.measureGroups();
    this.callbacks.onPositions(positions, 'Layout', false);
  }

  // ---- Input ----

  private emit<E extends keyof MapEvents>(event: E, payload: MapEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) {
      try {
        (l as (p: MapEvents[E]) => void)(payload);
      } catch (e) {
        console.error(`map listener of "${event}" failed`, e);
      }
    }
  }

  private open(id: string): void {
    this.emit('open', { id });
    this.callbacks.onOpenContact(id);
  }

  private onTap(node: NodeSingular): void {
    const id = node.id();
    if (node.hasClass('bubble')) {
      const clusterId = id.slice(BUBBLE_PREFIX.length);
      const g = this.groupById.get(clusterId);
      this.openCluster(clusterId);
      if (g) this.zoomToIds(g.members);
    } else if (this.isContact(id)) this.open(id);
    else if (id === ME_ID) this.callbacks.onOpenMe?.();
  }

  private onDoubleTap(node: NodeSingular): void {
    if (this.isContact(node.id())) this.focusContact(node.id());
  }

  private onGrab(node: NodeSingular): void {
    if (!this.isContact(node.id())) return;
    const grabbed = node.selected() ? this.cy.nodes(':selected').filter((n) => this.isContact(n.id())) : node;
    const from = new Map<string, Position>();
    grabbed.forEach((n) => {
      from.set(n.id(), { ...n.position() });
    });
    this.drag = { ids: [...from.keys()], from, started: false };
  }

  private dragEvent(e: EventObject | null, drag = this.drag): DragEvent {
    const box = this.container.getBoundingClientRect();
    const orig = e?.originalEvent as MouseEvent | TouchEvent | undefined;
    const touch = orig && 'touches' in orig ? (orig.touches[0] ?? orig.changedTouches[0]) : undefined;
    const point =
      orig && 'clientX' in orig
        ? { x: orig.clientX, y: orig.clientY }
        : touch
          ? { x: touch.clientX, y: touch.clientY }
          : { x: box.left + (e?.renderedPosition?.x ?? 0), y: box.top + (e?.renderedPosition?.y ?? 0) };
    return {
      ids: drag?.ids ?? [],
      clientX: point.x,
      clientY: point.y,
      preventMove: () => {
        if (drag) drag.started = false;
      },
    };
  }

  private onDrag(e: EventObject): void {
    const drag = this.drag;
    if (!drag) return;
    if (!drag.started) {
      drag.started = true;
      this.emit('nodeDragStart', this.dragEvent(e));
    }
    this.emit('nodeDrag', this.dragEvent(e));
  }

  /** A drag of several selected nodes ends with one event per node: they are stored as one 'Move'. */
  private onFree(node: NodeSingular, e: EventObject): void {
    const drag = this.drag;
    if (!drag || !drag.started || !drag.ids.includes(node.id())) return;
    this.droppedIds.add(node.id());
    if (this.dropTimer) clearTimeout(this.dropTimer);
    this.dropTimer = setTimeout(() => {
      this.dropTimer = null;
      this.drag = null;
      const event = this.dragEvent(e, drag);
      const keep = { value: true };
      const original = event.preventMove;
      event.preventMove = () => {
        keep.value = false;
        original();
      };
      this.emit('nodeDragEnd', event);
      const positions: Record<string, Position> = {};
      for (const id of drag.ids) {
        const n = this.cy.getElementById(id);
        if (n.empty()) continue;
        if (!keep.value) {
          n.position(drag.from.get(id)!);
          continue;
        }
        const p = n.position();
        positions[id] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10, pinned: true };
      }
      this.droppedIds.clear();
      if (Object.keys(positions).length > 0) {
        for (const [id, p] of Object.entries(positions)) this.provisional.set(id, p);
        const changes = this.areaDropChanges(drag, positions);
        if (changes) this.callbacks.onAreaDrop(positions, changes);
        else this.callbacks.onPositions(positions, 'Move', true);
      }
    }, 0);
  }

  /** With categories drawn as areas, the categories a drop puts the dragged contacts in or takes them out of. */
  private areaDropChanges(drag: { ids: string[]; from: Map<string, Position> }, to: Record<string, Position>): AreaChanges | null {
    const doc = this.doc;
    const areas = this.categoryAreas(new Set(drag.ids));
    if (!areas || !doc) return null;
    const moves = drag.ids
      .filter((id) => to[id] && drag.from.has(id) && doc.contacts[id])
      .map((id) => ({ id, from: drag.from.get(id)!, to: to[id]!, categories: doc.contacts[id]!.categories }));
    const changes = areaChanges(areas, categoryRadiusPx(this.cy.zoom()) / this.cy.zoom(), moves);
    return changes.add.size + changes.remove.size > 0 ? changes : null;
  }

  private queueSelectionChange(): void {
    if (this.selectionQueued) return;
    this.selectionQueued = true;
    queueMicrotask(() => {
      this.selectionQueued = false;
      if (!this.destroyed) this.emit('selectionChange', { ids: this.selectedIds() });
    });
  }

  private onViewport(): void {
    if (!this.viewportFrame) {
      this.viewportFrame = requestAnimationFrame(() => {
        this.viewportFrame = 0;
        if (this.destroyed) return;
        this.emit('viewport', { zoom: this.cy.zoom(), extent: this.cy.extent() });
        this.cy.nodes(':selected').forEach((n) => this.sizeLabel(n));
      });
    }
    if (!this.aggregate) return;
    // Expanding while the user is still zooming would cost frames: wait until the view settles. The expansion
    // itself runs at the start of Cytoscape's next frame (expandBeforeRender), so that adding the contacts and
    // drawing them, and the full redraw that ends a wheel zoom (Cytoscape's own 150 ms timer), make one long
    // frame rather than two or three.
    if (this.expandTimer) clearTimeout(this.expandTimer);
    this.expandTimer = setTimeout(() => {
      this.expandTimer = null;
      if (this.destroyed) return;
      this.expansionDue = true;
      this.cy.forceRender();
    }, 150);
  }

  private expandBeforeRender(): void {
    if (!this.expansionDue || this.destroyed) return;
    this.expansionDue = false;
    this.updateExpansion();
    this.sync();
  }

  private step(from: string, dir: { x: number; y: number }): string | null {
    const at = this.position(from);
    if (!at) return null;
    const points = (ids: Iterable<string>) =>
      [...ids].filter((id) => this.drawn.has(id)).map((id) => ({ id, ...this.position(id)! }));
    return pickInDirection(at, points(this.neighbours(from)), dir) ?? pickInDirection(at, points(this.drawn), dir);
  }

  private nearestToCentre(): string | null {
    const c = this.viewCenter();
    let best: string | null = null;
    let d = Infinity;
    for (const id of this.drawn) {
      const p = this.position(id)!;
      const dd = Math.hypot(p.x - c.x, p.y - c.y);
      if (dd < d) [best, d] = [id, dd];
    }
    return best;
  }

  /** The selected contact's name stays readable at any zoom, so the user sees which one the panel shows. */
  private sizeLabel(node: NodeSingular): void {
    if (!this.isContact(node.id())) return;
    const z = this.cy.zoom();
    node.style({ 'font-size': Math.max(12, 13 / z), 'text-outline-width': Math.max(2, 3 / z), 'text-margin-y': Math.max(3, 4 / z) });
  }
}

type Marks = { overdue: Set<string>; dormant: Set<string>; brokers: Set<string>; fragile: Set<string> };

