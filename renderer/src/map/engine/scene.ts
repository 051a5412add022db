import type { Contact } from '../../../../shared/document/schema.js';
import { BUBBLE_PREFIX, ME_ID, bubbleFontSize, bubbleNode, contactNode, contactSize, meNode, meEdge, summaryEdge, tieEdge, type SceneElement } from './elements.js';
import type { MapModel } from './model.js';
import type { CategoryArea, GapLine, Region } from './overlay.js';
import type { MapOptions } from './types.js';
import { idValues } from '../../../../shared/document/idMap.js';

/** Most ties drawn between expanded contacts; the strongest win. */
const MAX_EXPANDED_TIES = 1500;
/** Most summary edges between collapsed clusters; the busiest win. */
const MAX_SUMMARY_EDGES = 400;
/** Tallest bubble label on screen, in px. */
const BUBBLE_LABEL_MAX_PX = 30;
/**
 * A bubble's name is drawn from 7 px on screen (style.ts, min-zoomed-font-size). It is given to the bubbles
 * whose name is at least this big at the zoom the scene is built for, so that a zoom in of up to twice shows
 * the names it reaches as it goes; further in, they come when the view settles and the scene is built again.
 */
const BUBBLE_NAMED_PX = 3.5;

/** What the view adds to the model: the options, the emphasis, the zoom and the theme's colours. */
export type SceneView = {
  options: MapOptions;
  colors: { neutral: string; me: string };
  /** The user's name on the map when the document has none. */
  meLabel: string;
  /** The contact shown in the side panel. */
  current: string | null;
  /** The ego view or a focused cluster: `ids` stand out, the rest is faded; `id` is the focused contact. */
  focus: { id: string | null; ids: ReadonlySet<string> } | null;
  /** Contacts emphasised (search results) when nothing is focused. */
  highlighted: ReadonlySet<string> | null;
  zoom: number;
};

/** How each contact ranks for a label: the higher, the sooner it gets one (labels.ts). */
export type LabelInfo = { priority: number };

/** Everything to draw, derived from the model and the view: Cytoscape elements by id, and the overlay's shapes. */
export type Scene = {
  elements: Map<string, SceneElement>;
  /** Contacts drawn as themselves (not inside a bubble). */
  drawn: Set<string>;
  /** Label priority of each drawn contact. */
  labels: Map<string, LabelInfo>;
  regions: Region[];
  gapLines: GapLine[];
  /** null when categories are not drawn as areas. */
  categoryAreas: CategoryArea[] | null;
};

type Marks = { overdue: Set<string>; dormant: Set<string>; brokers: Set<string>; fragile: Set<string>; suggested: Set<string> };

function marksOf(model: MapModel, opts: MapOptions): Marks {
  const a = model.analysis;
  return {
    overdue: new Set(a?.overdue.map((o) => o.id) ?? []),
    dormant: new Set(a?.dormant.map((d) => d.id) ?? []),
    brokers: new Set(opts.showGaps ? (a?.gaps.brokers.map((b) => b.id) ?? []) : []),
    fragile: new Set(opts.showGaps ? (a?.gaps.fragileClusters.map((f) => f.cluster.id) ?? []) : []),
    // The first suggestions of the Diagnosis drawer: the people the user is asked to act on.
    suggested: new Set([...(a?.dormant.slice(0, 10).map((d) => d.id) ?? []), ...(a?.overdue.slice(0, 10).map((o) => o.id) ?? []), ...(a?.gaps.brokers.map((b) => b.id) ?? [])]),
  };
}

/**
 * What the map draws, as a pure function of the model (document, analysis,
 * groups, expansion, filter) and the view. Every contact drawn as itself
 * gets its cluster's colour (its category's when categories are drawn as
 * areas, so that one colour code is on screen at a time), a size from its
 * tie strength or brokerage, and classes for the marks of the analysis.
 */
export function buildScene(model: MapModel, view: SceneView): Scene {
  const doc = model.doc;
  const empty: Scene = { elements: new Map(), drawn: new Set(), labels: new Map(), regions: [], gapLines: [], categoryAreas: null };
  if (!doc) return empty;
  const opts = view.options;
  const want = new Map<string, SceneElement>();
  const marks = marksOf(model, opts);
  const info = new Map((model.analysis?.contacts ?? []).map((c) => [c.id, c]));
  let maxEffective = 1;
  for (const c of info.values()) maxEffective = Math.max(maxEffective, c.effectiveSize ?? 0);
  // While a big document's ties are being indexed (its open), nothing is drawn of them yet.
  const index = model.tiesReady() ? model.tieIndex() : null;
  const emphasis = view.focus?.ids ?? view.highlighted;
  const drawn = new Set<string>();
  const labels = new Map<string, LabelInfo>();

  const colorOf = (c: Contact): string => {
    if (opts.showCategories) {
      for (const cat of c.categories) if (Object.hasOwn(doc.categories, cat)) return doc.categories[cat]!.color;
      return view.colors.neutral;
    }
    const g = model.groupOf.get(c.id);
    return g && g.kind !== 'cell' ? g.color : view.colors.neutral;
  };
  const classesOf = (id: string): string => {
    const out: string[] = [];
    if (marks.overdue.has(id)) out.push('overdue');
    else if (marks.dormant.has(id)) out.push('dormant');
    if (opts.showGaps && marks.brokers.has(id)) out.push('broker');
    if (id === view.current) out.push('current');
    if (emphasis) out.push(emphasis.has(id) ? 'hl' : 'faded');
    if (view.focus?.id === id) out.push('focus');
    return out.join(' ');
  };
  const addContact = (c: Contact) => {
    const p = model.position(c.id);
    if (!p || !model.shown(c.id)) return;
    const a = info.get(c.id);
    const strength = a?.strength ?? c.strength ?? 2;
    const size = contactSize(opts.sizeBy, strength, a?.effectiveSize ?? null, maxEffective);
    want.set(c.id, contactNode(c.id, c.name, colorOf(c), size, p.x, p.y, classesOf(c.id)));
    drawn.add(c.id);
    if (emphasis && !emphasis.has(c.id)) return;
    // Closeness first, then how connected, then whether the drawer asks the user to act on them. One step
    // of closeness outweighs a suggestion and all but the widest gaps in ties: where the closest people sit
    // in one dense cluster, their names would otherwise be crowded out by better-connected acquaintances.
    let priority = strength * 4 + Math.log2(1 + (index?.tiesOf(c.id).length ?? 0)) + (marks.suggested.has(c.id) ? 2 : 0);
    if (c.id === view.current || c.id === view.focus?.id) priority += 1000;
    else if (emphasis?.has(c.id)) priority += 100;
    labels.set(c.id, { priority });
  };

  // Bubble labels grow with the bubble, up to what reads well on screen at this zoom (a rounded step, so small zooms change nothing).
  const bubbleFont = Math.round(BUBBLE_LABEL_MAX_PX / Math.pow(2, Math.round(Math.log2(view.zoom) * 2) / 2));
  if (!model.aggregate) {
    for (const c of idValues(doc.contacts)) addContact(c);
  } else {
    for (const g of model.groups) {
      const geo = model.geometry.get(g.id)!;
      if (geo.count === 0) continue;
      if (model.expanded.has(g.id)) {
        for (const id of g.members) addContact(doc.contacts[id]!);
        continue;
      }
      const cls: string[] = [];
      if (marks.fragile.has(g.id)) cls.push('fragile');
      if (bubbleFontSize(geo.r, bubbleFont) * view.zoom >= BUBBLE_NAMED_PX) cls.push('named');
      if (emphasis) cls.push(g.members.some((m) => emphasis.has(m)) ? 'hl' : 'faded');
      const color = opts.showCategories || g.kind === 'cell' ? view.colors.neutral : g.color;
      want.set(BUBBLE_PREFIX + g.id, bubbleNode(g, geo, color, cls.join(' '), bubbleFont));
    }
    const summary = model
      .summaryEdges()
      .filter((s) => !model.expanded.has(s.a) && !model.expanded.has(s.b) && want.has(BUBBLE_PREFIX + s.a) && want.has(BUBBLE_PREFIX + s.b));
    const max = summary[0]?.count ?? 1;
    for (const s of summary.slice(0, MAX_SUMMARY_EDGES)) {
      const faded = emphasis && !(want.get(BUBBLE_PREFIX + s.a)!.classes ?? '').includes('hl') ? 'faded' : '';
      const e = summaryEdge(s.a, s.b, s.count, max, faded);
      want.set(e.data.id, e);
    }
  }

  const ties: SceneElement[] = [];
  for (const id of drawn) {
    if (!index) break;
    for (const k of index.tiesOf(id)) {
      const t = doc.ties[index.tieIds[k]!];
      if (!t || t.from !== id || !drawn.has(t.to)) continue;
      const cls = emphasis ? (emphasis.has(t.from) && emphasis.has(t.to) ? 'hl' : 'faded') : '';
      ties.push(tieEdge(t, cls));
    }
  }
  if (model.aggregate && ties.length > MAX_EXPANDED_TIES) ties.sort((a, b) => (b.data.strength as number) - (a.data.strength as number));
  for (const e of model.aggregate ? ties.slice(0, MAX_EXPANDED_TIES) : ties) want.set(e.data.id, e);
  if (opts.showMe) addMe(model, view, want, drawn);

  return {
    elements: want,
    drawn,
    labels,
    regions: regionsOf(model, marks, opts),
    gapLines: gapLinesOf(model, opts),
    categoryAreas: categoryAreasOf(model, drawn, opts),
  };
}

/** The user in the middle of the map, tied to the contacts they are closest to (strength 4–5). */
function addMe(model: MapModel, view: SceneView, want: Map<string, SceneElement>, drawn: ReadonlySet<string>): void {
  const doc = model.doc!;
  let x = 0;
  let y = 0;
  let n = 0;
  for (const g of model.geometry.values()) {
    x += g.x * g.count;
    y += g.y * g.count;
    n += g.count;
  }
  if (n === 0) {
    for (const id of drawn) {
      const p = model.position(id)!;
      x += p.x;
      y += p.y;
      n++;
    }
  }
  want.set(ME_ID, meNode(doc.me.name || view.meLabel, view.colors.me, n ? x / n : 0, n ? y / n : 0));
  const strengths = new Map((model.analysis?.contacts ?? []).map((c) => [c.id, c.strength]));
  for (const id of drawn) {
    const s = strengths.get(id) ?? doc.contacts[id]?.strength ?? 0;
    if (s >= 4) {
      const e = meEdge(id);
      want.set(e.data.id, e);
    }
  }
}

/** Soft regions under the contacts of each cluster drawn as contacts. */
function regionsOf(model: MapModel, marks: Marks, opts: MapOptions): Region[] {
  // With category areas, cluster regions would be a second colour code: they are left out.
  if (opts.showCategories) return [];
  return model.groups
    .filter((g) => g.kind === 'cluster' && (!model.aggregate || model.expanded.has(g.id)))
    .map((g) => ({ g, geo: model.geometry.get(g.id)! }))
    .filter(({ geo }) => geo.count > 1)
    .map(({ g, geo }) => ({ id: g.id, x: geo.x, y: geo.y, r: geo.r, color: g.color, label: g.label, fragile: marks.fragile.has(g.id) }));
}

/** Pairs of clusters with no tie between them, as dashed lines (gaps overlay). */
function gapLinesOf(model: MapModel, opts: MapOptions): GapLine[] {
  if (!opts.showGaps || !model.analysis) return [];
  const out: GapLine[] = [];
  for (const u of model.analysis.gaps.unbridged) {
    const a = model.geometry.get(u.a.id);
    const b = model.geometry.get(u.b.id);
    if (a && b && a.count > 0 && b.count > 0) out.push({ a, b });
  }
  return out;
}

/** Each category with members drawn as contacts, with their positions; null when the option is off. */
export function categoryAreasOf(model: MapModel, drawn: Iterable<string>, opts: MapOptions, except?: ReadonlySet<string>): CategoryArea[] | null {
  const doc = model.doc;
  if (!opts.showCategories || !doc) return null;
  const points = new Map<string, { x: number; y: number }[]>();
  for (const id of drawn) {
    const c = doc.contacts[id];
    const p = model.position(id);
    if (!c || !p || except?.has(id)) continue;
    for (const cat of c.categories) {
      let list = points.get(cat);
      if (!list) points.set(cat, (list = []));
      list.push({ x: p.x, y: p.y });
    }
  }
  const out: CategoryArea[] = [];
  for (const cat of Object.values(doc.categories)) {
    const at = points.get(cat.id);
    if (at?.length) out.push({ id: cat.id, color: cat.color, label: cat.name, points: at });
  }
  return out;
}
