import type { AnalysisResult } from '../../../../shared/analysis/analyze.js';
import { bringsClusters, CLUSTER_CACHE_ABOVE } from '../../../../shared/document/clusterCache.js';
import type { ChangeSet } from '../../../../shared/document/operations.js';
import type { CarnetDocument, Contact, Position } from '../../../../shared/document/schema.js';
import { cachedGroups, clusterGroups, gridGroups, groupGeometry, type Group, type GroupGeometry } from './groups.js';
import { TieIndex } from './tieIndex.js';
import type { Viewport } from './types.js';

/** Up to this many contacts every contact and tie is drawn; above, clusters are aggregated into bubbles. */
export const FULL_MAP_MAX = CLUSTER_CACHE_ABOVE;
/**
 * Most contacts drawn at once on an aggregated map (opened and zoomed-into clusters together). Each frame
 * that starts or ends a gesture redraws them all: on a software canvas (`npm run bench map`, 5,000 contacts)
 * 2,000 contacts and 3,000 ties made p95 frames of 33–50 ms, 1,200 and 1,500 make 17 ms.
 */
export const MAX_EXPANDED_CONTACTS = 1200;
/** A bubble opens by itself once zooming makes it this big on screen… */
const EXPAND_PX = 110;
/** …and gives each of its contacts at least this much screen area (px²), so that they are told apart. */
const EXPAND_AREA_PER_CONTACT = 250;

/** Ties read per step of a sliced tie index build: a few ms of a 2-core machine's time. */
const TIES_STEP = 10_000;

/** What a patch changed, for the map to act on. */
export type PatchResult = { added: string[]; placed: string[] };

/**
 * What the map knows of the document, without drawing anything: positions
 * (stored, or computed and not yet stored), the ties as an index, the groups
 * contacts are aggregated by and where each is, which clusters are expanded,
 * and the filter. Pure state, unit-tested without Cytoscape; scene.ts turns
 * it into what to draw.
 */
export class MapModel {
  doc: CarnetDocument | null = null;
  analysis: AnalysisResult | null = null;
  analysisFailed = false;
  /** True above FULL_MAP_MAX contacts: clusters are drawn as bubbles. */
  aggregate = false;
  groups: Group[] = [];
  readonly groupOf = new Map<string, Group>();
  readonly groupById = new Map<string, Group>();
  readonly geometry = new Map<string, GroupGeometry>();
  /** Clusters the user opened, oldest first (expanded before any other). */
  readonly opened = new Set<string>();
  expanded = new Set<string>();
  filter: ((c: Contact) => boolean) | null = null;
  /** Positions computed but not yet back from the main side. */
  readonly provisional = new Map<string, Position>();
  private ties: TieIndex | null = null;
  /** The tie index of a big document still being built, a step at a time (see buildTies). */
  private tiesBuilding: Generator<void, TieIndex, void> | null = null;
  /**
   * An edit brought contacts together with the clusters of the document it makes (an import, see
   * shared/document/clusterCache.ts bringsClusters): those stored clusters describe the document as it
   * is, the analysis shown describes it before the edit (its new contacts in no cluster). They are drawn
   * until the fresh analysis answers, as on an open.
   */
  private cacheAhead = false;
  private summary: { a: string; b: string; count: number }[] | null = null;

  constructor(
    private neutral: string,
    private looseLabel: string,
  ) {}

  /**
   * A whole new document: everything derived is recomputed. With `slicedTies`, a big document's tie index is
   * only started: buildTies() builds it a step at a time; until then no tie is drawn, summary edges included.
   */
  load(doc: CarnetDocument, options?: { slicedTies?: boolean }): void {
    this.doc = doc;
    this.analysis = null;
    this.analysisFailed = false;
    this.cacheAhead = false;
    this.provisional.clear();
    this.opened.clear();
    this.expanded = new Set();
    this.aggregate = Object.keys(doc.contacts).length > FULL_MAP_MAX;
    this.ties = null;
    this.tiesBuilding = TieIndex.building(doc, TIES_STEP);
    if (!(options?.slicedTies && this.aggregate)) this.finishTies();
    this.summary = null;
    this.regroup();
  }

  /** Takes one step of the tie index's build; true once it is built. */
  buildTies(): boolean {
    if (!this.tiesBuilding) return true;
    const step = this.tiesBuilding.next();
    if (!step.done) return false;
    this.ties = step.value;
    this.tiesBuilding = null;
    this.summary = null;
    return true;
  }

  /** Whether the ties are indexed (drawn); false while a sliced build goes on. */
  tiesReady(): boolean {
    return this.ties !== null;
  }

  /** Something needs the ties now (an edit, the ego view, placing newcomers): the build ends at once. */
  private finishTies(): TieIndex | null {
    while (!this.buildTies());
    return this.ties;
  }

  /**
   * Follows the changes just applied to `doc` (already updated). `added`: contacts new to the map;
   * `placed`: those of them that still need a position.
   */
  patch(doc: CarnetDocument, set: ChangeSet): PatchResult {
    const known = this.finishTies()?.indexOf;
    this.doc = doc;
    let regroup = false;
    let ties = false;
    const added: string[] = [];
    for (const c of set.changes) {
      if (c.op !== 'put' && c.op !== 'del') continue;
      if (c.coll === 'contacts') {
        regroup = true;
        // A contact that comes or goes changes the numbering of the tie index.
        if (c.op === 'del' || !known?.has(c.id)) ties = true;
        if (c.op === 'put' && !known?.has(c.id) && doc.contacts[c.id]) added.push(c.id);
      } else if (c.coll === 'ties') ties = true;
      else if (c.coll === 'clusters' || c.coll === 'categories') regroup = true;
      // Another window stored the clusters it found: drawn here too until this window's analysis answers.
      else if (c.coll === 'clusterCache' && !this.analysis && this.aggregate) regroup = true;
      else if (c.coll === 'positions') this.provisional.delete(c.id);
    }
    if (bringsClusters(set)) this.cacheAhead = true;
    if (ties) {
      this.ties = TieIndex.of(doc);
      this.summary = null;
    }
    this.aggregate = Object.keys(doc.contacts).length > FULL_MAP_MAX;
    if (regroup) this.regroup();
    else {
      if (ties) this.summary = null;
      this.measureGroups();
    }
    const placed = [...new Set(added)].filter((id) => !doc.positions[id] && !this.provisional.has(id));
    return { added: [...new Set(added)], placed };
  }

  setAnalysis(result: AnalysisResult | null, failed: boolean): void {
    this.analysis = result;
    if (result) this.cacheAhead = false;
    this.analysisFailed = failed;
    if (this.doc) this.regroup();
  }

  /** A theme change (contacts in no cluster take the new neutral colour) or a language change (the loose group's name). */
  restyle(neutral: string, looseLabel: string): void {
    this.neutral = neutral;
    this.looseLabel = looseLabel;
    if (this.doc) this.regroup();
  }

  setFilter(predicate: ((c: Contact) => boolean) | null): void {
    this.filter = predicate;
    this.summary = null;
    this.measureGroups();
  }

  position(id: string): Position | undefined {
    return this.doc?.positions[id] ?? this.provisional.get(id);
  }

  /** Whether a contact passes the filter (false for an unknown id). */
  shown = (id: string): boolean => {
    const c = this.doc?.contacts[id];
    return c !== undefined && (!this.filter || this.filter(c));
  };

  isContact(id: string): boolean {
    return this.doc !== null && Object.hasOwn(this.doc.contacts, id);
  }

  neighbours(id: string): Iterable<string> {
    return this.finishTies()?.neighbours(id) ?? [];
  }

  tieIndex(): TieIndex {
    const ties = this.finishTies();
    if (!ties) throw new Error('the map has no document');
    return ties;
  }

  /** Contacts at most `depth` ties from `id` (itself included), breadth first. */
  egoIds(id: string, depth: number): Set<string> {
    const seen = new Set<string>([id]);
    let frontier = [id];
    for (let d = 0; d < depth && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const at of frontier) {
        for (const n of this.neighbours(at)) {
          if (seen.has(n)) continue;
          seen.add(n);
          next.push(n);
        }
      }
      frontier = next;
    }
    return seen;
  }

  /** The box around the placed contacts among `ids` (model coordinates), or null when none is placed. */
  boundsOf(ids: Iterable<string>): { x1: number; y1: number; x2: number; y2: number } | null {
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

  /**
   * Groups from the analysis when it has answered (and describes the document: see cacheAhead), else (big
   * documents) the clusters of the last analysis stored in the document, else grid cells over the positions.
   */
  regroup(): void {
    const doc = this.doc!;
    const cached = this.aggregate && Object.keys(doc.clusterCache).length > 0;
    if (this.analysis && !(this.cacheAhead && cached)) this.groups = clusterGroups(doc, this.analysis, this.neutral, this.looseLabel);
    else if (cached) this.groups = cachedGroups(doc, this.neutral, this.looseLabel);
    else if (this.aggregate) this.groups = gridGroups(doc, (id) => this.position(id), this.neutral);
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

  /** Where each group is, from its members' positions (after a move, a layout or a filter). */
  measureGroups(): void {
    this.geometry.clear();
    // Every group member is a contact (groups are made from the contacts there are, and again when one
    // comes or goes): without a filter, each is shown, and is not looked up a second time.
    const shown = this.filter ? this.shown : () => true;
    const positions = this.doc?.positions ?? {};
    const provisional = this.provisional;
    const position = provisional.size === 0 ? (id: string) => positions[id] : (id: string) => positions[id] ?? provisional.get(id);
    for (const g of this.groups) this.geometry.set(g.id, groupGeometry(g.members, position, shown));
  }

  /** Opens the clusters of these contacts (aggregated maps) so that they are drawn; true if one was opened. */
  reveal(ids: Iterable<string>): boolean {
    if (!this.aggregate) return false;
    let changed = false;
    for (const id of ids) {
      const g = this.groupOf.get(id);
      if (g && !this.expanded.has(g.id)) {
        // Last opened, first expanded: within the budget, what was just asked for wins.
        this.opened.delete(g.id);
        this.opened.add(g.id);
        changed = true;
      }
    }
    return changed;
  }

  /** Chooses the expanded clusters: the opened ones, then big-on-screen ones nearest the middle, within the budget. */
  updateExpansion(view: Viewport): boolean {
    if (!this.aggregate) return false;
    const { extent: ext, zoom } = view;
    const cx = (ext.x1 + ext.x2) / 2;
    const cy = (ext.y1 + ext.y2) / 2;
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
      .filter(
        ({ geo }) =>
          geo.count > 0 &&
          geo.r * zoom >= EXPAND_PX &&
          (Math.PI * (geo.r * zoom) ** 2) / geo.count >= EXPAND_AREA_PER_CONTACT &&
          geo.x + geo.r > ext.x1 &&
          geo.x - geo.r < ext.x2 &&
          geo.y + geo.r > ext.y1 &&
          geo.y - geo.r < ext.y2,
      )
      .sort((a, b) => Math.hypot(a.geo.x - cx, a.geo.y - cy) - Math.hypot(b.geo.x - cx, b.geo.y - cy));
    for (const { g } of candidates) take(g.id, false);
    const changed = next.size !== this.expanded.size || [...next].some((id) => !this.expanded.has(id));
    this.expanded = next;
    return changed;
  }

  /** Ties between each pair of groups (shown contacts only), busiest pair first. */
  summaryEdges(): { a: string; b: string; count: number }[] {
    if (this.summary) return this.summary;
    // Until the ties are indexed the bubbles are drawn alone; buildTies' end brings the summary edges.
    if (!this.ties) return [];
    const index = this.ties;
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
}
