import type { AnalysisResult } from '../../../../shared/analysis/analyze.js';
import type { ChangeSet } from '../../../../shared/document/operations.js';
import type { CarnetDocument, Contact, Position } from '../../../../shared/document/schema.js';
import { Camera, type FrameOptions } from './camera.js';
import { CyAdapter } from './cyAdapter.js';
import { DragController } from './drag.js';
import { BUBBLE_PREFIX, ME_ID } from './elements.js';
import { DIRECTIONS, nearest, stepFocus } from './keyboard.js';
import { LABEL_PX, LabelLayer } from './labelLayer.js';
import { placeLabels, placeRegionLabels, type LabelCandidate } from './labels.js';
import { LayoutRunner } from './layoutRunner.js';
import { MapModel, type PatchResult } from './model.js';
import { MapOverlay, OVERLAY_FONT, categoryRadiusPx, type OverlayLabel } from './overlay.js';
import { mapStats, overview } from './probe.js';
import type { SceneElement } from './elements.js';
import { buildScene, categoryAreasOf, type Scene, type SceneView } from './scene.js';
import { nextStep } from './steps.js';
import { FONT, readTheme, type MapTheme } from './style.js';
import type { BubbleInfo, DrawnLabel, EgoView, HitTarget, MapCallbacks, MapDrawing, MapEvents, MapOptions, MapStats, Rect } from './types.js';

export { FULL_MAP_MAX, MAX_EXPANDED_CONTACTS } from './model.js';
export type * from './types.js';
export { DEFAULT_MAP_OPTIONS } from './types.js';

/** A search hit, a filter's result or imported contacts are framed at most this close. */
const FRAME_MAX_ZOOM = 1.5;
/** The keyboard focus and the ego view zoom in at least this far, so that the contact reads. */
const FOCUS_MIN_ZOOM = 0.6;
/** The view has settled this long after its last move: names are placed again, clusters expanded. */
const SETTLE_MS = 150;
/** Contacts arriving without a position in such numbers (and most of the map) are laid out by cluster. */
const RELAYOUT_MIN = 20;
/**
 * A big document's first drawing starts with this many bubbles a step, then this many edges (drawInSteps),
 * and adapts the count to what the last step took (nextStep).
 */
const NODES_PER_FRAME = 16;
const EDGES_PER_FRAME = 100;
/** Longest slice of a load's work between two turns for input and frames (the tie index's build). */
const SLICE_MS = 12;
/** Most names on screen at once: past this the map reads as text, not as a network. */
const MAX_LABELS = 160;

/**
 * The map engine's façade. It owns the model (what the document says), the
 * Cytoscape adapter (what is drawn), the overlay, the camera, drag and
 * layout; every change goes: model → scene (a pure function) → adapter.
 * It never edits the document itself; it reports positions to store
 * through the callbacks. It imports nothing from the rest of the renderer.
 */
export class CarnetMap {
  private theme: MapTheme;
  private readonly model: MapModel;
  private readonly adapter: CyAdapter;
  private readonly overlay: MapOverlay;
  private readonly names: LabelLayer;
  private readonly camera: Camera;
  private readonly drag: DragController;
  private readonly layouts: LayoutRunner;
  private readonly listeners = new Map<keyof MapEvents, Set<(e: never) => void>>();

  private opts: MapOptions;
  private words: MapCallbacks['text'];
  private scene: Scene | null = null;
  private highlighted: Set<string> | null = null;
  private ego: EgoView | null = null;
  /** A focused cluster (legend, focusCluster): its members stand out. */
  private clusterFocus: Set<string> | null = null;
  private current: string | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;
  /** The analysis MapView handed over, taken in the next task (big documents). */
  private analysisDue: { result: AnalysisResult | null; failed: boolean } | null = null;
  private analysisTimer: ReturnType<typeof setTimeout> | null = null;
  private expansionDue = false;
  /** A big document's drawing is under way, a few bubbles a frame (drawInSteps). */
  private stepping = false;
  private selectionQueued = false;
  private loading = false;
  /** Drawings of the whole scene so far (drawInSteps stops when one happens meanwhile). */
  private syncs = 0;
  private loads = 0;
  private destroyed = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: MapCallbacks,
    options: MapOptions,
  ) {
    this.opts = { ...options };
    this.words = { ...callbacks.text };
    this.theme = readTheme(container);
    this.model = new MapModel(this.theme.neutral, this.words.loose);
    this.adapter = new CyAdapter(container, this.theme, {
      tap: (id) => this.onTap(id),
      doubleTap: (id) => this.model.isContact(id) && this.focusContact(id),
      grab: (id) => this.drag.grab(id),
      drag: (at) => {
        this.drag.move(at);
        this.names.follow((id) => (this.adapter.isSelected(id) || this.drag.dragging(id) ? this.adapter.renderedPosition(id) : null));
      },
      free: (id, at) => this.drag.free(id, at),
      selectionChanged: () => this.queueSelectionChange(),
      viewport: () => this.onViewport(),
      gesture: () => this.camera.release(),
      hover: (id) => this.onHover(id),
    });
    this.adapter.setSelectionMode(this.opts.selection);
    this.adapter.beforeRender(() => this.expandBeforeRender());
    this.overlay = new MapOverlay(container, this.adapter.overlayView(), this.overlayColors());
    this.names = new LabelLayer(container, this.adapter.overlayView(), this.nameColors());
    this.camera = new Camera(this.adapter, (whole) => callbacks.obstacles?.(whole) ?? []);
    this.layouts = new LayoutRunner(this.model, (positions, label, undoable) => callbacks.onPositions(positions, label, undoable));
    this.drag = new DragController({
      isContact: (id) => this.model.isContact(id),
      selectedContacts: () => this.selectedIds(),
      isSelected: (id) => this.adapter.isSelected(id),
      position: (id) => this.adapter.position(id),
      setPosition: (id, p) => this.adapter.setPosition(id, p),
      categories: (id) => this.model.doc?.contacts[id]?.categories ?? null,
      areas: (except) => {
        const areas = categoryAreasOf(this.model, this.scene?.drawn ?? [], this.opts, except);
        const z = this.adapter.zoom();
        return areas ? { areas, radius: categoryRadiusPx(z) / z } : null;
      },
      emit: (event, e) => this.emit(event, e),
      moved: (positions, changes) => {
        for (const id of Object.keys(positions)) this.model.provisional.set(id, positions[id]!);
        if (changes) callbacks.onAreaDrop(positions, changes);
        else callbacks.onPositions(positions, 'Move', true);
      },
    });
  }

  // ---- Lifecycle (MapView) ----

  /** Draws a whole document; lays it out in the worker when it has no stored positions. */
  async load(doc: CarnetDocument): Promise<void> {
    if (this.destroyed) return;
    this.loading = true;
    this.loads++;
    try {
      // At 30,000 contacts drawing is a long task: it gets one of its own, after the task that rendered the
      // app around the map (which can then be painted), rather than lengthening it.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.destroyed) return;
      performance.mark('carnet:map-load');
      // A big document is drawn over several tasks, each short enough for input and a frame to get their
      // turn (at 30,000 contacts and 150,000 ties this was one 300 ms task): the groups, then the bubbles,
      // then their names, then the tie index a step at a time, then the summary edges it gives.
      // An analysis still to be taken describes the document before this one.
      if (this.analysisTimer) clearTimeout(this.analysisTimer);
      this.analysisTimer = null;
      this.analysisDue = null;
      this.model.load(doc, { slicedTies: true });
      this.layouts.lacksClusters = false;
      this.ego = null;
      this.clusterFocus = null;
      this.highlighted = null;
      const ids = Object.keys(doc.contacts);
      const missing = ids.filter((id) => !doc.positions[id]);
      if (missing.length > 0 && missing.length >= ids.length / 2) {
        await this.layouts.waitForClusters();
        if (this.destroyed || this.model.doc !== doc) return;
        await this.layouts.layoutAll(false);
      } else if (missing.length > 0) {
        this.layouts.placeMissing(missing);
      }
      if (this.destroyed || this.model.doc !== doc) return;
      const sliced = !this.model.tiesReady();
      if (sliced && !(await this.nextTask(doc))) return;
      // The view is fitted before anything is drawn, so that no cluster expands for a zoom the user never sees.
      // A big document is fitted to its bubbles (the scene's bounds, their radius included) at once: fitted to
      // the contacts first and to the bubbles once drawn, the zoom changed after the drawing, and with it the
      // bubbles' font size, so every bubble was drawn a second time (a 150–400 ms task after the open).
      if (sliced) this.scene = buildScene(this.model, this.sceneView());
      this.fitModel(false);
      this.model.updateExpansion(this.viewport());
      if (sliced) {
        if (!(await this.drawInSteps(doc))) return;
        // The bubbles are drawn and answer input: the map is ready. Their summary edges follow.
        void this.drawTies(doc);
      } else {
        this.sync();
        this.fitModel(false);
      }
      performance.mark('carnet:map-ready', { detail: { contacts: ids.length } });
    } finally {
      this.loading = false;
    }
  }

  /** A big document's tie index, built a step at a time, then the summary edges it gives (after a load). */
  private async drawTies(doc: CarnetDocument): Promise<void> {
    try {
      let slice = performance.now();
      while (!this.model.buildTies()) {
        if (performance.now() - slice < SLICE_MS) continue;
        if (!(await this.nextTask(doc))) return;
        slice = performance.now();
      }
      if (!(await this.nextTask(doc))) return;
      await this.drawInSteps(doc);
    } catch (e) {
      console.error('Carnet: drawing the ties of the map failed', e);
    }
  }

  /**
   * Draws the model as it is, what is new to Cytoscape a few elements a step (the biggest bubbles first,
   * then the edges between them), then the whole scene with the names. At 30,000 contacts the first frame
   * drawing 126 bubbles at once (their styles, label sizes and textures) took 250–450 ms; the same work
   * in steps makes tasks of about STEP_MS and frames drawing what each added.
   * False if the map moved on to another document meanwhile.
   * Any other drawing meanwhile (an edit, the analysis) drew the whole scene: the steps stop there.
   */
  private async drawInSteps(doc: CarnetDocument): Promise<boolean> {
    const scene = buildScene(this.model, this.sceneView());
    const fresh = [...scene.elements.values()].filter((e) => !this.adapter.has(e.data.id));
    const size = (e: SceneElement) => Number(e.data.size) || 0;
    fresh.sort((a, b) => (a.group === b.group ? size(b) - size(a) : a.group === 'nodes' ? -1 : 1));
    const want = new Map(scene.elements);
    for (const e of fresh) want.delete(e.data.id);
    const syncs = this.syncs;
    this.stepping = true;
    try {
      // How many of each group go in a step, adapted to what the last step took.
      const per = { nodes: NODES_PER_FRAME, edges: EDGES_PER_FRAME };
      for (let i = 0; i < fresh.length; ) {
        const group = fresh[i]!.group;
        const batch = fresh.slice(i, i + Math.round(per[group])).filter((e) => e.group === group);
        const started = performance.now();
        // The first step diffs the rest of the scene in (what was drawn before, removed or updated); the
        // others only add theirs.
        if (i === 0) {
          for (const e of batch) want.set(e.data.id, e);
          this.adapter.apply(want, this.model.aggregate);
        } else this.adapter.add(batch);
        i += batch.length;
        // Their styles and label sizes in this task, their textures in the frame that draws them.
        this.adapter.measure(batch.map((e) => e.data.id));
        per[group] = nextStep(per[group], batch.length, performance.now() - started, group === 'nodes' ? NODES_PER_FRAME : EDGES_PER_FRAME);
        if (!(await this.nextFrame(doc))) return false;
        if (this.syncs !== syncs) return true;
      }
    } finally {
      this.stepping = false;
      // Steps that stop early (another drawing took over) leave a waiting expansion to the next frame.
      if (this.expansionDue && !this.destroyed) this.adapter.forceRender();
    }
    // The view settled while the steps went on (the fit before them): its expansion is drawn with the rest.
    if (this.expansionDue) {
      this.expansionDue = false;
      this.model.updateExpansion(this.viewport());
    }
    this.sync();
    return true;
  }

  /** After the next frame (or 100 ms, when the window is hidden and draws none): see nextTask. */
  private async nextFrame(doc: CarnetDocument): Promise<boolean> {
    await new Promise<void>((resolve) => {
      const late = setTimeout(resolve, 100);
      requestAnimationFrame(() => {
        clearTimeout(late);
        setTimeout(resolve, 0);
      });
    });
    return !this.destroyed && this.model.doc === doc;
  }

  /** Lets input and a frame have their turn during a load; false if the map moved on to another document meanwhile. */
  private async nextTask(doc: CarnetDocument): Promise<boolean> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return !this.destroyed && this.model.doc === doc;
  }

  /** False while a document is being drawn and laid out, or a drawing is due. */
  ready(): boolean {
    return !this.loading && this.syncTimer === null && this.analysisTimer === null;
  }

  /** Draws the model as it is in the next task (once however many times it is asked before then). */
  private syncSoon(): void {
    if (this.syncTimer !== null) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null;
      this.sync();
    }, 0);
  }

  /** Patches the drawing with the changes just applied to `doc` (already updated); says which contacts are new. */
  patch(doc: CarnetDocument, set: ChangeSet): PatchResult {
    if (this.destroyed) return { added: [], placed: [] };
    const result = this.model.patch(doc, set);
    if (this.model.aggregate) this.model.updateExpansion(this.viewport());
    if (result.placed.length > 0) {
      this.layouts.placeMissing(result.placed);
      // Most of the map just arrived without positions (an import into a new document): it is laid out by
      // cluster once the analysis of the document as it is now has found them; till then they wait beside it.
      const total = Object.keys(doc.contacts).length;
      if (result.placed.length >= RELAYOUT_MIN && result.placed.length >= total / 2) this.layouts.lacksClusters = true;
    }
    if (this.ego && !doc.contacts[this.ego.id]) this.ego = null;
    this.sync();
    return result;
  }

  /** The analysis of the current document arrived (or failed, `null` with `failed`): colours, sizes, marks, clusters. */
  setAnalysis(result: AnalysisResult | null, failed = false): void {
    if (this.destroyed) return;
    // A big document's fresh groups are made, then drawn, each in a task of its own: regrouping 30,000
    // contacts and rebuilding the scene in the task that received the analysis made it 70–120 ms long.
    if (this.model.aggregate && this.model.doc) {
      this.analysisDue = { result, failed };
      this.analysisTimer ??= setTimeout(() => {
        this.analysisTimer = null;
        const due = this.analysisDue;
        this.analysisDue = null;
        if (due && !this.destroyed) this.takeAnalysis(due.result, due.failed);
      }, 0);
      return;
    }
    this.takeAnalysis(result, failed);
  }

  private takeAnalysis(result: AnalysisResult | null, failed: boolean): void {
    this.model.setAnalysis(result, failed);
    if (result || failed) this.layouts.analysisArrived();
    if (!this.model.doc) return;
    if (this.model.aggregate) this.model.updateExpansion(this.viewport());
    if (this.model.aggregate) this.syncSoon();
    else this.sync();
    if (result && this.layouts.lacksClusters && !this.loading) {
      this.layouts.lacksClusters = false;
      this.loading = true;
      void this.layouts
        .layoutAll(false)
        .then(() => {
          this.sync();
          // What was framed (the contacts just imported) moved with the layout: frame it again, unless the user took over.
          if (this.camera.holding()) this.fit();
        })
        .catch((e: unknown) => console.error('Carnet: laying out the map by cluster failed', e))
        .finally(() => (this.loading = false));
    }
  }

  /** The page's theme changed: the map reads its colours again and restyles what is drawn, without reloading. */
  restyle(): void {
    if (this.destroyed) return;
    this.theme = readTheme(this.container);
    this.adapter.setTheme(this.theme);
    this.overlay.setColors(this.overlayColors());
    this.names.setColors(this.nameColors());
    this.model.restyle(this.theme.neutral, this.words.loose);
    if (this.model.aggregate) this.model.updateExpansion(this.viewport());
    this.sync();
  }

  /** The interface's language changed: the words the map draws itself follow. */
  setWords(words: MapCallbacks['text']): void {
    if (this.destroyed || (words.loose === this.words.loose && words.me === this.words.me)) return;
    this.words = { ...words };
    this.model.restyle(this.theme.neutral, words.loose);
    this.sync();
  }

  resize(): void {
    this.camera.resized();
    this.relabel();
  }

  /** Something floating over the map appeared or went (the minimap): what was framed is kept clear of it. */
  obstaclesChanged(): void {
    this.camera.obstaclesChanged();
  }

  destroy(): void {
    this.destroyed = true;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    if (this.syncTimer) clearTimeout(this.syncTimer);
    if (this.analysisTimer) clearTimeout(this.analysisTimer);
    this.drag.destroy();
    this.layouts.destroy();
    this.overlay.destroy();
    this.names.destroy();
    this.adapter.destroy();
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
    this.adapter.setSelectionMode(this.opts.selection);
    this.sync();
  }

  /** Marks the contact shown in the side panel and keeps it in view, opening its cluster if it is aggregated. */
  select(id: string | null): void {
    const previous = this.current;
    this.current = id;
    if (previous && previous !== id) this.adapter.unselect(previous);
    if (id) this.reveal([id]);
    this.sync();
    if (!id || !this.adapter.has(id)) return;
    if (!this.adapter.isSelected(id)) this.adapter.select([id]);
    // The side panel that opened with the selection narrows the map: the camera keeps the contact in what is left.
    const p = this.model.position(id);
    if (p && !this.adapter.animating()) this.camera.reveal(p);
  }

  selectedIds(): string[] {
    return this.adapter.selectedIds().filter((id) => this.model.isContact(id));
  }

  setSelection(ids: readonly string[]): void {
    this.reveal(ids);
    this.sync();
    this.adapter.select(ids);
  }

  /**
   * The ego view of a contact: it and its neighbours up to `depth` ties away stand out, the rest fades; null
   * clears. The view centres on it unless `centre` is false (a saved view brings its own part of the map).
   */
  focusContact(id: string | null, depth: 1 | 2 = this.ego?.depth ?? 1, opts: { centre?: boolean } = {}): void {
    if (!id || !this.model.doc?.contacts[id]) {
      if (this.ego) this.setEgo(null);
      else this.sync();
      return;
    }
    this.clusterFocus = null;
    this.reveal([id]);
    this.setEgo({ id, depth });
    const p = this.model.position(id);
    if (p && opts.centre !== false) this.camera.centre(p, FOCUS_MIN_ZOOM);
  }

  /** The ego view now, if any. */
  egoView(): EgoView | null {
    return this.ego ? { ...this.ego } : null;
  }

  /** Opens a cluster, zooms to it and fades the rest; null clears. */
  focusCluster(clusterId: string | null): void {
    const g = clusterId ? this.model.groupById.get(clusterId) : undefined;
    if (!g) {
      this.clusterFocus = null;
      this.sync();
      return;
    }
    if (this.model.aggregate) this.model.opened.add(g.id);
    this.clusterFocus = new Set(g.members);
    if (this.ego) this.setEgo(null);
    this.zoomToIds(g.members);
  }

  openCluster(clusterId: string): void {
    if (!this.model.aggregate || !this.model.groupById.has(clusterId)) return;
    this.model.opened.add(clusterId);
    this.model.updateExpansion(this.viewport());
    this.sync();
    this.emit('clusterOpen', { clusterId, expanded: this.model.expanded.has(clusterId) });
  }

  closeCluster(clusterId: string): void {
    if (!this.model.opened.delete(clusterId) && !this.model.expanded.has(clusterId)) return;
    this.model.expanded.delete(clusterId);
    this.sync();
    this.emit('clusterOpen', { clusterId, expanded: false });
  }

  /** Frames these contacts in the visible part of the map (expanding their clusters); the view holds until the user moves it. */
  zoomToIds(ids: readonly string[], opts: FrameOptions = {}): void {
    const box = this.model.boundsOf(ids);
    if (!box) return;
    this.reveal(ids);
    this.sync();
    this.camera.frame(box, { maxZoom: FRAME_MAX_ZOOM, ...opts });
  }

  /** Emphasises a set of contacts (search results…) and fades the rest; null clears. */
  highlight(ids: Iterable<string> | null): void {
    this.highlighted = ids ? new Set(ids) : null;
    this.sync();
  }

  /**
   * Hides the contacts failing `predicate`; bubbles count only the kept ones. null shows everyone.
   * `frame`: the user changed the filter, so its result is framed (or, cleared, the whole map).
   */
  setFilter(predicate: ((c: Contact) => boolean) | null, opts: { frame?: boolean } = {}): void {
    // Clearing no filter is asked after every edit: a redraw of the whole map for nothing.
    if (predicate === null && this.model.filter === null && !opts.frame) return;
    this.model.setFilter(predicate);
    if (this.model.aggregate) this.model.updateExpansion(this.viewport());
    this.sync();
    if (!opts.frame) return;
    const doc = this.model.doc;
    const shown = doc ? Object.keys(doc.contacts).filter(this.model.shown) : [];
    if (predicate && shown.length > 0) this.zoomToIds(shown);
    else this.fit();
  }

  /** What is under a point of the screen (client coordinates). */
  hitTest(clientX: number, clientY: number): HitTarget {
    const box = this.container.getBoundingClientRect();
    const rx = clientX - box.left;
    const ry = clientY - box.top;
    const node = this.adapter.nodeAt(rx, ry, (id) => this.model.isContact(id));
    if (node?.kind === 'contact') return { kind: 'contact', id: node.id };
    if (node) return { kind: 'cluster', id: node.id.slice(BUBBLE_PREFIX.length) };
    const zoom = this.adapter.zoom();
    const pan = this.adapter.pan();
    const region = this.overlay.regionsAt((rx - pan.x) / zoom, (ry - pan.y) / zoom)[0];
    return region ? { kind: 'cluster', id: region.id } : null;
  }

  /** Recomputes the positions of every unpinned contact (an undo step: the user asked for it). */
  async relayout(): Promise<void> {
    if (!this.model.doc || this.loading) return;
    this.loading = true;
    try {
      await this.layouts.layoutAll(true);
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
      const drawn = this.scene?.drawn ?? new Set<string>();
      const points = (ids: Iterable<string>) => [...ids].filter((id) => drawn.has(id)).map((id) => ({ id, ...this.model.position(id)! }));
      const from = this.ego ? this.model.position(this.ego.id) : undefined;
      const target = from ? stepFocus(from, dir, points(this.model.neighbours(this.ego!.id)), points(drawn)) : nearest(this.viewCenter(), points(drawn));
      if (target) this.focusContact(target);
      return true;
    }
    if (key === 'Enter' && this.ego) {
      this.open(this.ego.id);
      return true;
    }
    if (key === 'Escape') {
      this.highlighted = null;
      this.clusterFocus = null;
      this.adapter.select([]);
      if (this.ego) this.setEgo(null);
      else this.sync();
      return true;
    }
    return false;
  }

  /** The contact focused by the keyboard, a double click or focusContact. */
  focusedId(): string | null {
    return this.ego?.id ?? null;
  }

  /** Fits the whole map into the visible part of the container. */
  fit(): void {
    this.fitModel(true);
  }

  /** Zooms around the middle of the visible map; each call multiplies the zoom, however fast they come. */
  zoomBy(factor: number): void {
    this.camera.release();
    const s = this.camera.safe(0);
    this.adapter.zoomAround(this.adapter.zoom() * factor, { x: (s.x1 + s.x2) / 2, y: (s.y1 + s.y2) / 2 });
  }

  /** Where a new contact goes: the middle of what the user sees, in map coordinates. */
  viewCenter(): Position {
    const s = this.camera.safe(0);
    const zoom = this.adapter.zoom();
    const pan = this.adapter.pan();
    return { x: Math.round(((s.x1 + s.x2) / 2 - pan.x) / zoom), y: Math.round(((s.y1 + s.y2) / 2 - pan.y) / zoom) };
  }

  /** The part of the container not covered by what floats over the map, in container pixels. */
  visibleRect(): Rect {
    return this.camera.safe(0);
  }

  /** The model rectangle in the visible part of the map (a saved view keeps it). */
  visibleExtent(): Rect {
    const s = this.camera.safe(0);
    const zoom = this.adapter.zoom();
    const pan = this.adapter.pan();
    return { x1: (s.x1 - pan.x) / zoom, y1: (s.y1 - pan.y) / zoom, x2: (s.x2 - pan.x) / zoom, y2: (s.y2 - pan.y) / zoom };
  }

  /** Shows a model rectangle (a saved view's) as large as it fits in the visible map. */
  showExtent(extent: Rect): void {
    this.camera.frame(extent, { minSpan: 1 }, false);
    this.settleSoon();
  }

  /** Contacts drawn now (as themselves, not inside a bubble). */
  drawnIds(): string[] {
    return [...(this.scene?.drawn ?? [])];
  }

  /** Where a contact (or a bubble, `cluster:<id>`) is drawn on screen, relative to the map's container. */
  renderedPosition(id: string): { x: number; y: number } | null {
    return this.adapter.renderedPosition(id);
  }

  /** The names drawn now, with their boxes (container px). */
  labels(): DrawnLabel[] {
    return this.names.drawn();
  }

  /** A contact's colours as drawn (fill, border, and its name's), or null when it is not drawn. */
  colorsOf(id: string): { fill: string; border: string; label: string } | null {
    const c = this.adapter.colorsOf(id);
    return c ? { ...c, label: this.theme.label } : null;
  }

  stats(): MapStats {
    return mapStats(this.adapter, this.model, this.loads);
  }

  /** The bubbles drawn now, biggest first. */
  bubbles(): BubbleInfo[] {
    return this.adapter.bubbles();
  }

  overview(): ReturnType<typeof overview> {
    return overview(this.adapter, this.model);
  }

  /** Centres the visible map on a point of the model (minimap clicks). */
  panTo(x: number, y: number): void {
    this.camera.release();
    const s = this.camera.safe(0);
    const zoom = this.adapter.zoom();
    this.adapter.setView(zoom, { x: (s.x1 + s.x2) / 2 - x * zoom, y: (s.y1 + s.y2) / 2 - y * zoom });
  }

  /** How many category areas the overlay draws now (test hook). */
  categoryAreaCount(): number {
    return this.overlay.categoryCount();
  }

  /**
   * The current view as a PNG, at twice the screen's resolution (export menu, renderer/src/mapExport): the
   * background, the cluster regions and category areas, what Cytoscape draws, and the names above it.
   */
  async png(background: string): Promise<Blob> {
    const scale = 2;
    const map = await createImageBitmap(this.adapter.png(scale));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(this.adapter.width() * scale);
    canvas.height = Math.round(this.adapter.height() * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas to draw the image on');
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    this.overlay.paintOnto(ctx, scale);
    ctx.drawImage(map, 0, 0, canvas.width, canvas.height);
    this.names.paintOnto(ctx, scale);
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be encoded'))), 'image/png'));
  }

  /** What the current view draws, in screen pixels, for the SVG export (renderer/src/mapExport). */
  drawing(): MapDrawing {
    return { ...this.adapter.drawing(), names: this.names.texts() };
  }

  // ---- Drawing ----

  private viewport(): { zoom: number; extent: Rect } {
    return { zoom: this.adapter.zoom(), extent: this.adapter.extent() };
  }

  private overlayColors(): { gap: string; label: string; halo: string } {
    return { gap: this.theme.broker, label: this.theme.label, halo: this.theme.labelHalo };
  }

  private nameColors(): { label: string; halo: string; font: string } {
    return { label: this.theme.label, halo: this.theme.labelHalo, font: FONT };
  }

  private emphasis(): { id: string | null; ids: ReadonlySet<string> } | null {
    if (this.ego) return { id: this.ego.id, ids: this.model.egoIds(this.ego.id, this.ego.depth) };
    return this.clusterFocus ? { id: null, ids: this.clusterFocus } : null;
  }

  private sceneView(): SceneView {
    return {
      options: this.opts,
      colors: { neutral: this.theme.neutral, me: this.theme.me },
      meLabel: this.words.me,
      current: this.current,
      focus: this.emphasis(),
      highlighted: this.highlighted,
      zoom: this.adapter.zoom(),
    };
  }

  /** Rebuilds the scene and diffs it into Cytoscape and the overlay, then places the names. */
  private sync(): void {
    if (this.syncTimer !== null) {
      clearTimeout(this.syncTimer);
      this.syncTimer = null;
    }
    if (!this.model.doc || this.destroyed) return;
    this.syncs++;
    const scene = buildScene(this.model, this.sceneView());
    this.scene = scene;
    this.adapter.apply(scene.elements, this.model.aggregate);
    this.overlay.set(scene.regions, scene.gapLines, scene.categoryAreas);
    this.relabel();
  }

  /**
   * Places the names for the view as it is: cluster and category names first
   * (never on another cluster), then contacts by priority around them.
   */
  private relabel(): void {
    const scene = this.scene;
    if (!scene || this.destroyed) return;
    const zoom = this.adapter.zoom();
    const pan = this.adapter.pan();
    const width = this.adapter.width();
    const height = this.adapter.height();
    const toScreen = (p: { x: number; y: number }) => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y });
    const overlayMeasure = overlayMeasurer();
    const regionLabels = placeRegionLabels(
      scene.regions.map((r) => ({ id: r.id, label: r.label, ...toScreen(r), r: r.r * zoom })),
      { width, height, measure: overlayMeasure, lineHeight: 18 },
    );
    const byRegion = new Map(scene.regions.map((r) => [r.id, r]));
    const blocked: Rect[] = regionLabels.map((l) => l.box);
    const labels: OverlayLabel[] = regionLabels.map((l) => ({ text: byRegion.get(l.id)!.label, x: (l.x - pan.x) / zoom, y: (l.y - pan.y) / zoom }));
    // A category's name goes above its highest member, when that place is free.
    const rr = categoryRadiusPx(zoom);
    for (const a of [...(scene.categoryAreas ?? [])].sort((x, y) => y.points.length - x.points.length || (x.id < y.id ? -1 : 1))) {
      const top = a.points.map(toScreen).reduce((best, p) => (p.y < best.y ? p : best));
      const half = overlayMeasure(a.label) / 2 + 12;
      const box = { x1: top.x - half, y1: top.y - rr - 20, x2: top.x + half, y2: top.y - rr };
      if (box.x1 < 0 || box.y1 < 0 || box.x2 > width || box.y2 > height) continue;
      if (blocked.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2)) continue;
      blocked.push(box);
      labels.push({ text: a.label, x: (top.x - pan.x) / zoom, y: (top.y - rr - 5 - pan.y) / zoom, dot: a.color });
    }
    this.overlay.setLabels(labels);
    if (this.model.aggregate) blocked.push(...this.adapter.bubbleLabelBoxes());
    const selected = new Set(this.adapter.selectedIds());
    const candidates: LabelCandidate[] = [];
    for (const [id, info] of scene.labels) {
      const el = scene.elements.get(id);
      if (!el?.position) continue;
      const at = toScreen(el.position);
      const bold = id === this.current || id === this.ego?.id || selected.has(id);
      candidates.push({ id, text: String(el.data.label), x: at.x, y: at.y, r: ((el.data.size as number) / 2) * zoom, priority: info.priority + (selected.has(id) ? 500 : 0), bold });
    }
    const placed = placeLabels(candidates, { width, height, measure: this.names.measure, lineHeight: LABEL_PX + 6, blocked, max: MAX_LABELS });
    const shown = new Map(candidates.map((c) => [c.id, c]));
    this.names.set(
      placed,
      (id) => shown.get(id)!.text,
      (id) => shown.get(id)!.bold ?? false,
      (id) => shown.get(id) ?? null,
    );
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

  private setEgo(ego: EgoView | null): void {
    this.ego = ego;
    this.sync();
    this.emit('ego', ego ? { ...ego } : null);
  }

  private open(id: string): void {
    this.emit('open', { id });
    this.callbacks.onOpenContact(id);
  }

  private onTap(id: string): void {
    if (id.startsWith(BUBBLE_PREFIX)) {
      const clusterId = id.slice(BUBBLE_PREFIX.length);
      const g = this.model.groupById.get(clusterId);
      this.openCluster(clusterId);
      if (g) this.zoomToIds(g.members);
    } else if (this.model.isContact(id)) this.open(id);
    else if (id === ME_ID) this.callbacks.onOpenMe?.();
  }

  private onHover(id: string | null): void {
    if (!id || id === ME_ID || !this.model.isContact(id)) return this.emit('hover', { id: null, clientX: 0, clientY: 0, radius: 0 });
    const at = this.adapter.renderedPosition(id);
    if (!at) return;
    const box = this.container.getBoundingClientRect();
    this.emit('hover', { id, clientX: box.left + at.x, clientY: box.top + at.y, radius: this.adapter.renderedRadius(id) });
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
    this.emit('viewport', this.viewport());
    this.settleSoon();
  }

  /**
   * Once the view settles, the names are placed again and (aggregated maps) clusters expand or collapse.
   * Expanding while the user is still zooming would cost frames. The expansion itself runs at the start of
   * Cytoscape's next frame (expandBeforeRender), so that adding the contacts and drawing them, and the full
   * redraw that ends a wheel zoom (Cytoscape's own 150 ms timer), make one long frame rather than two or three.
   */
  private settleSoon(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      if (this.destroyed) return;
      if (!this.model.aggregate) return this.relabel();
      this.expansionDue = true;
      this.adapter.forceRender();
    }, SETTLE_MS);
  }

  private expandBeforeRender(): void {
    // While a big document is drawn a few bubbles a frame, a settled view (the fit that came before the
    // steps) waits for them to end: drawing the whole scene in this frame made it one task of 0.8–1 s with
    // 1,300 clusters. The steps take up the expansion when they end (drawInSteps).
    if (!this.expansionDue || this.destroyed || this.stepping) return;
    this.expansionDue = false;
    this.model.updateExpansion(this.viewport());
    this.sync();
  }

  /** Opens the clusters of these contacts (aggregated maps) so that they are drawn. */
  private reveal(ids: readonly string[]): void {
    if (this.model.reveal(ids)) this.model.updateExpansion(this.viewport());
  }

  /** Fits every contact shown (and the bubbles around them) into the visible map. */
  private fitModel(animate: boolean): void {
    const box = this.sceneBounds() ?? this.model.boundsOf(Object.keys(this.model.doc?.contacts ?? {}).filter(this.model.shown));
    if (!box) return;
    this.camera.frame(box, { minSpan: 1, whole: true }, animate);
  }

  /** The box around every node drawn (bubbles with their radius), in model coordinates. */
  private sceneBounds(): Rect | null {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const el of this.scene?.elements.values() ?? []) {
      if (el.group !== 'nodes' || !el.position) continue;
      const r = (Number(el.data.size) || 0) / 2;
      x1 = Math.min(x1, el.position.x - r);
      y1 = Math.min(y1, el.position.y - r);
      x2 = Math.max(x2, el.position.x + r);
      y2 = Math.max(y2, el.position.y + r);
    }
    return Number.isFinite(x1) ? { x1, y1, x2, y2 } : null;
  }
}

let overlayCanvas: CanvasRenderingContext2D | null | undefined;
/** Widths at the overlay's font (cluster and category names). */
function overlayMeasurer(): (text: string) => number {
  if (overlayCanvas === undefined) {
    overlayCanvas = document.createElement('canvas').getContext('2d');
    if (overlayCanvas) overlayCanvas.font = OVERLAY_FONT;
  }
  const ctx = overlayCanvas;
  return (text) => (ctx ? ctx.measureText(text).width : text.length * 8);
}
