/**
 * An analysis session: runs the diagnosis again and again on one document
 * that changes by small edits (the renderer's analysis worker keeps one per
 * open document), redoing only what an edit touched.
 *
 * The session mirrors the document's contacts, ties and interactions in Maps
 * (walking a record of 100,000 keys costs more than most of the analysis)
 * and is told of every ChangeSet applied to the document (`applied`). An
 * entity is replaced, never modified in place, when a ChangeSet is applied
 * (operations.ts puts a fresh copy), so what was computed from an entity
 * object stays true while that object is in the document:
 * - the affinity graph, its brokerage and its Louvain communities stay while
 *   no tie, group interaction or contact's affinities changed (logging a
 *   one-to-one interaction, snoozing a suggestion, moving a contact to a
 *   category, renaming one, editing the user's profile leave them);
 * - each tie's history stays until one of its interactions or the contact
 *   changes, or the day does;
 * - features, persona fields and dates are kept by object.
 * The result is the same as a fresh `analyzeNetwork` of the same document
 * with the same options (tests/unit/analysis/session.test.ts).
 */
import type { ChangeSet } from '../document/operations.js';
import type { CarnetDocument, Contact, Interaction, Tie } from '../document/schema.js';
import { buildAffinityGraph, cachedFeatures, graphSignature, meAffinity, type AffinityGraph } from './affinityGraph.js';
import type { AnalysisResult, AnalyzeOptions } from './analyze.js';
import { brokerage, egoBrokerage, type Brokerage } from './brokerage.js';
import { featureCounts, labelClusters, type Entry } from './clusterLabels.js';
import { assignClusters, detectClusters, findCommunities, type Assignment, type Communities, type PreviousClusters } from './clusters.js';
import { isHidden, tieActivity, type Context } from './context.js';
import { tieStrength } from './cadence.js';
import { diversity } from './diversity.js';
import { dormantTies, isoDay, reachOf } from './dormantTies.js';
import type { Feature } from './features.js';
import { firstSteps } from './firstSteps.js';
import { findGaps, gapStructure, type GapStructure } from './gaps.js';
import { historyOf, interactionMs, participants, type DateCache, type TieHistory } from './history.js';
import { overdueTies } from './overdue.js';
import { missingProfiles, personaFields, type Fields } from './personas.js';
import { directionCounts, reciprocity, type DirectionCounts } from './reciprocity.js';
import { suggestedProfiles } from './roles.js';
import { stage } from './stage.js';
import { byString, dateMs, round } from './text.js';

const DEFAULT_LIMIT = 100;

type GraphState = {
  ag: AffinityGraph;
  brokerage: Brokerage;
  communities: Communities;
  signatures: Map<string, string>;
  /** Feature counts of each community's members, for labels (dropped when a member changes). */
  labelCounts: Map<number, Map<string, Entry>>;
  gaps: GapStructure | null;
  /** The clusters' ids and members for the previous run they were matched against. */
  assignment: { previous: PreviousClusters | undefined; value: Assignment } | null;
};

/** Whether two previous runs name the same clusters with the same members. */
function samePrevious(a: PreviousClusters | undefined, b: PreviousClusters | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.clusters.length !== b.clusters.length) return false;
  return a.clusters.every((c, k) => {
    const d = b.clusters[k]!;
    return c.id === d.id && (c.members === d.members || (c.members.length === d.members.length && c.members.every((m, j) => m === d.members[j])));
  });
}

/** The document's big collections as Maps, and each contact's interactions. */
type Mirror = {
  contacts: Map<string, Contact>;
  ties: Map<string, Tie>;
  interactions: Map<string, Interaction>;
  byContact: Map<string, Interaction[]>;
  groups: Map<string, Interaction>;
};

function mirrorOf(doc: CarnetDocument): Mirror {
  const m: Mirror = { contacts: new Map(), ties: new Map(), interactions: new Map(), byContact: new Map(), groups: new Map() };
  for (const id of Object.keys(doc.contacts)) m.contacts.set(id, doc.contacts[id]!);
  for (const id of Object.keys(doc.ties)) m.ties.set(id, doc.ties[id]!);
  for (const id of Object.keys(doc.interactions)) addInteraction(m, doc.interactions[id]!);
  return m;
}

function addInteraction(m: Mirror, it: Interaction): void {
  m.interactions.set(it.id, it);
  const people = participants(it);
  if (people.length > 1) m.groups.set(it.id, it);
  for (const id of people) {
    const list = m.byContact.get(id);
    if (list) list.push(it);
    else m.byContact.set(id, [it]);
  }
}

/** Removes an interaction; returns the contacts it named. */
function removeInteraction(m: Mirror, it: Interaction): readonly string[] {
  m.interactions.delete(it.id);
  m.groups.delete(it.id);
  const people = participants(it);
  for (const id of people) {
    const list = m.byContact.get(id);
    if (!list) continue;
    const k = list.indexOf(it);
    if (k >= 0) list.splice(k, 1);
    if (!list.length) m.byContact.delete(id);
  }
  return people;
}

const own = <T>(record: Record<string, T>, id: string): T | undefined => (Object.hasOwn(record, id) ? record[id] : undefined);

export class AnalysisSession {
  private doc: CarnetDocument | null = null;
  private mirror: Mirror | null = null;
  private readonly dates: DateCache = new WeakMap();
  private readonly features = new WeakMap<Contact, Feature[]>();
  /** Per-contact and per-tie results by name (Context.memo, Context.memoTie). */
  private memos = new Map<string, WeakMap<object, unknown>>();
  private graph: GraphState | null = null;
  private graphStale = true;
  private meStale = false;
  /** Contacts whose object changed since the graph was built. */
  private readonly changedContacts = new Set<string>();
  private histories = new Map<string, { contact: Contact; h: TieHistory }>();
  private historyDay = Number.NaN;
  private readonly staleHistories = new Set<string>();
  /** Interactions up to `historyDay` by direction (kept up to date by `applied`). */
  private directions: DirectionCounts | null = null;

  /**
   * Tells the session that `set` was applied to the document it analyses
   * (call it after `applyChangeSet`, with every set, in order).
   */
  applied(doc: CarnetDocument, set: ChangeSet): void {
    const m = this.mirror;
    if (!m || doc !== this.doc) return;
    for (const c of set.changes) {
      if (c.op === 'me') this.meStale = true;
      if (c.op !== 'put' && c.op !== 'del') continue;
      if (c.coll === 'contacts') {
        const next = own(doc.contacts, c.id);
        if (next) m.contacts.set(c.id, next);
        else m.contacts.delete(c.id);
        this.changedContacts.add(c.id);
        this.staleHistories.add(c.id);
      } else if (c.coll === 'ties') {
        const next = own(doc.ties, c.id);
        if (next) m.ties.set(c.id, next);
        else m.ties.delete(c.id);
        this.graphStale = true;
      } else if (c.coll === 'interactions') {
        const before = m.interactions.get(c.id);
        const next = own(doc.interactions, c.id);
        const counted = (it: Interaction): boolean => interactionMs(it, this.dates) <= this.historyDay;
        if (before) {
          for (const id of removeInteraction(m, before)) this.staleHistories.add(id);
          if (this.directions && counted(before)) this.directions[before.direction]--;
        }
        if (next) {
          addInteraction(m, next);
          for (const id of participants(next)) this.staleHistories.add(id);
          if (this.directions && counted(next)) this.directions[next.direction]++;
        }
        if ((before && participants(before).length > 1) || (next && participants(next).length > 1)) this.graphStale = true;
      } else if (c.coll === 'categories') {
        // Persona fields hold category names; overdue ties depend on the categories' cadences.
        this.memos.delete('fields');
        this.memos.delete('pastFields');
        this.memos.delete('tie:overdue');
      }
    }
  }

  analyze(doc: CarnetDocument, opts: AnalyzeOptions): AnalysisResult {
    const nowMs = dateMs(opts.now);
    const lang = opts.lang ?? 'en';
    const limit = opts.limit ?? DEFAULT_LIMIT;
    if (doc !== this.doc || !this.mirror) this.reset(doc);
    const mirror = this.mirror!;
    const graph = this.graphOf(doc, mirror);
    const { ag, brokerage: b, communities } = graph;

    if (!graph.assignment || !samePrevious(graph.assignment.previous, opts.previous)) {
      graph.assignment = { previous: opts.previous, value: assignClusters(ag, communities, opts.previous) };
    }
    const { clusters, memberIndices, membership, modularity } = detectClusters(ag, doc, opts.previous, communities, graph.assignment.value);
    labelClusters(ag, doc, clusters, memberIndices, lang, (k) => {
      const community = communities.community[memberIndices[k]![0]!]!;
      let counts = graph.labelCounts.get(community);
      if (!counts) graph.labelCounts.set(community, (counts = featureCounts(ag, memberIndices[k]!)));
      return counts;
    });
    const clusterIndex = new Int32Array(ag.ids.length).fill(-1);
    memberIndices.forEach((members, k) => {
      for (const i of members) clusterIndex[i] = k;
    });
    const histories = this.historiesOf(ag, mirror, nowMs);
    const memoTie = <T>(name: string, i: number, compute: () => T): T => {
      const key = `tie:${name}`;
      let cache = this.memos.get(key);
      if (!cache) this.memos.set(key, (cache = new WeakMap()));
      const h = histories[i]!;
      if (cache.has(h)) return cache.get(h) as T;
      const value = compute();
      cache.set(h, value);
      return value;
    };
    const { strengths, active } = tieActivity(ag, histories, nowMs, (i) => memoTie('strength', i, () => tieStrength(ag.contacts[i]!, histories[i]!)));
    const memo = <T>(name: string, i: number, compute: (c: Contact) => T): T => {
      let cache = this.memos.get(name);
      if (!cache) this.memos.set(name, (cache = new WeakMap()));
      const c = ag.contacts[i]!;
      if (cache.has(c)) return cache.get(c) as T;
      const value = compute(c);
      cache.set(c, value);
      return value;
    };
    const catName = (id: string): string | undefined => own(doc.categories, id)?.name;
    const fieldsOf = (i: number, withPast = false): Fields =>
      withPast ? memo('pastFields', i, (c) => personaFields(c, catName, true)) : memo('fields', i, (c) => personaFields(c, catName));
    const ctx: Context = {
      doc,
      lang,
      nowMs,
      ag,
      brokerage: b,
      histories,
      strengths,
      active,
      clusters,
      clusterById: new Map(clusters.map((c) => [c.id, c])),
      membership,
      clusterIndex,
      modularity,
      fieldsOf,
      memo,
      memoTie,
    };

    graph.gaps ??= gapStructure(ag, communities.community, b);
    const reach = reachOf(ctx, graph.gaps.reached);
    const me = egoBrokerage(ag.adjacency, new Float64Array(strengths.map((s) => s.value)));
    const overdue = overdueTies(ctx, limit);
    const dormant = dormantTies(ctx, reach, limit);
    const first = firstSteps(ctx, reach, limit, overdue.flags);
    const nullable = (x: number): number | null => (Number.isNaN(x) ? null : round(x));

    return {
      now: opts.now,
      lang,
      summary: {
        contacts: ag.ids.length,
        activeTies: active.reduce((s, x) => s + x, 0),
        clusters: clusters.length,
        modularity: round(modularity),
        edges: ag.adjacency.targets.length / 2,
      },
      me: { effectiveSize: me.effectiveSize === null ? null : round(me.effectiveSize), constraint: me.constraint === null ? null : round(me.constraint, 4) },
      contacts: ag.contacts.map((c, i) => ({
        id: c.id,
        name: c.name,
        cluster: membership[i] ?? null,
        effectiveSize: nullable(b.effectiveSize[i]!),
        constraint: nullable(b.constraint[i]!),
        strength: strengths[i]!.value,
        lastInteraction: histories[i]!.last?.date ?? null,
        lastContact: histories[i]!.lastContactMs === null ? null : isoDay(histories[i]!.lastContactMs!),
        active: active[i] === 1,
      })),
      clusters,
      gaps: findGaps(ctx, graph.gaps, communities.community, b),
      missingProfiles: missingProfiles(ctx),
      suggestedProfiles: suggestedProfiles(ctx, (key) => isHidden(ctx, key)),
      dormant: dormant.list,
      dormantTotal: dormant.total,
      overdue: overdue.list,
      overdueTotal: overdue.total,
      firstSteps: first.list,
      firstStepsTotal: first.total,
      stage: stage(ctx),
      reciprocity: reciprocity(ctx, (this.directions ??= directionCounts(mirror.interactions.values(), nowMs, this.dates))),
      diversity: diversity(ctx),
    };
  }

  private reset(doc: CarnetDocument): void {
    this.doc = doc;
    this.mirror = mirrorOf(doc);
    this.graph = null;
    this.graphStale = true;
    this.changedContacts.clear();
    this.histories = new Map();
    this.staleHistories.clear();
    this.directions = null;
    this.historyDay = Number.NaN;
    this.memos = new Map();
  }

  /**
   * The affinity graph and what depends on it alone: rebuilt when a tie, a
   * group interaction or a contact's affinities changed; otherwise the
   * changed contacts are swapped in place (their categories, notes… do not
   * shape the graph, but name clusters).
   */
  private graphOf(doc: CarnetDocument, m: Mirror): GraphState {
    let g = this.graph;
    if (g && !this.graphStale) {
      for (const id of this.changedContacts) {
        const next = m.contacts.get(id);
        const i = g.ag.index.get(id);
        const live = next && !next.archived;
        if (!live && i === undefined) continue;
        if (!live || i === undefined || graphSignature(cachedFeatures(next, this.features)) !== g.signatures.get(id)) {
          this.graphStale = true;
          break;
        }
      }
    }
    if (!g || this.graphStale) {
      const contacts = [...m.contacts.values()].filter((c) => !c.archived).sort((a, b) => byString(a.id, b.id));
      const ag = buildAffinityGraph({ contacts, ties: m.ties.values(), tieCount: m.ties.size, groups: m.groups.values(), me: doc.me, features: this.features });
      const signatures = new Map(ag.ids.map((id, i) => [id, graphSignature(ag.features[i]!)]));
      g = this.graph = { ag, brokerage: brokerage(ag.adjacency), communities: findCommunities(ag), signatures, labelCounts: new Map(), gaps: null, assignment: null };
    } else {
      for (const id of this.changedContacts) {
        const i = g.ag.index.get(id);
        const next = m.contacts.get(id);
        if (i === undefined || !next) continue;
        // Cluster ids go to the oldest member: a new creation date may change them.
        if (g.ag.contacts[i]!.createdAt !== next.createdAt) g.assignment = null;
        g.ag.contacts[i] = next;
        g.ag.features[i] = cachedFeatures(next, this.features);
        g.labelCounts.delete(g.communities.community[i]!);
      }
      if (this.changedContacts.size || this.meStale) Object.assign(g.ag, meAffinity(doc.me, g.ag.features));
    }
    this.graphStale = false;
    this.meStale = false;
    this.changedContacts.clear();
    return g;
  }

  /** Each tie's history, recomputed for the ties an edit touched (all of them when the day changed). */
  private historiesOf(ag: AffinityGraph, m: Mirror, nowMs: number): TieHistory[] {
    if (nowMs !== this.historyDay) {
      this.histories = new Map();
      this.directions = null;
      this.historyDay = nowMs;
    }
    for (const id of this.staleHistories) this.histories.delete(id);
    this.staleHistories.clear();
    return ag.contacts.map((c) => {
      const kept = this.histories.get(c.id);
      if (kept && kept.contact === c) return kept.h;
      const h = historyOf(m.byContact.get(c.id) ?? [], c.connectedOn, nowMs, this.dates);
      this.histories.set(c.id, { contact: c, h });
      return h;
    });
  }
}
