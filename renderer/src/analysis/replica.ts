// What the analysis worker does with each message, apart from the worker's global scope so that it can
// be tested in Node. The worker keeps a replica of the document patched with the same ChangeSets as the
// renderer's copy, so an edit costs a small message rather than a copy of the whole network, and an
// analysis session that reuses what the edit did not touch (the affinity graph and its clusters survive a
// logged interaction or a snooze). It also answers the routine's questions (shared/routine/facts.ts) from
// its replica and the replica's DayLog, which the UI thread would take hundreds of milliseconds to build.
import type { PreviousClusters } from '../../../shared/analysis/clusters.js';
import { previousFromCache } from '../../../shared/analysis/clusterPicture.js';
import { AnalysisSession } from '../../../shared/analysis/session.js';
import { bringsClusters } from '../../../shared/document/clusterCache.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { withoutPrototypes, type CarnetDocument } from '../../../shared/document/schema.js';
import { DayLog } from '../../../shared/routine/dayLog.js';
import { routineFacts } from '../../../shared/routine/facts.js';
import { decodeStateText } from '../state/stateText.js';
import type { DocumentSizes, FromWorker, ToWorker } from './protocol.js';
import { packResult } from './transport.js';

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

export class WorkerReplica {
  private doc: CarnetDocument | null = null;
  private session = new AnalysisSession();
  /** Cluster ids follow their members from one run to the next, so the user's names and colours for clusters stay attached after edits. */
  private previous: PreviousClusters | undefined;
  /** Made at the first routine question after a load, then kept in step with each ChangeSet. */
  private log: DayLog | null = null;
  /** Counted at the first question after a load; a collection is counted again when a ChangeSet touches it. */
  private sizes: DocumentSizes | null = null;

  constructor(private readonly post: Post) {}

  handle(msg: ToWorker): void {
    if (msg.type === 'load' || msg.type === 'loadJson') {
      this.doc = withoutPrototypes(msg.type === 'load' ? msg.doc : (JSON.parse(decodeStateText(msg)) as { doc: CarnetDocument }).doc);
      // The clusters stored with the document (the map drew them at once) are the previous run: the fresh
      // clusters take their ids by member overlap, so the bubbles on screen keep their names and do not jump.
      this.previous = previousFromCache(this.doc);
      this.session = new AnalysisSession();
      this.log = null;
      this.sizes = null;
    } else if (msg.type === 'changes') {
      if (!this.doc) return;
      applyChangeSet(this.doc, msg.set);
      this.session.applied(this.doc, msg.set);
      // An import brings its contacts with the clusters of the document it makes (the map draws them at
      // once): they are the previous run, as on an open, so the fresh clusters keep their ids.
      const cached = bringsClusters(msg.set) ? previousFromCache(this.doc) : undefined;
      if (cached) this.previous = cached;
      this.log?.apply(this.doc, msg.set);
      if (this.sizes) this.recount(this.sizes, new Set(msg.set.changes.map((c) => (c.op === 'put' || c.op === 'del' ? c.coll : null))));
    } else if (msg.type === 'routine') {
      if (!this.doc) return;
      this.log ??= DayLog.of(this.doc);
      if (!this.sizes) this.recount((this.sizes = { contacts: 0, ties: 0, interactions: 0 }), null);
      const facts = routineFacts(this.doc, { today: msg.today, lastSeen: msg.lastSeen }, this.log);
      this.post({ type: 'routine', id: msg.id, facts, sizes: { ...this.sizes } });
    } else if (msg.type === 'analyze') {
      this.analyze(msg);
    }
  }

  /** Counts the collections in `touched` (all of them for null). */
  private recount(sizes: DocumentSizes, touched: ReadonlySet<string | null> | null): void {
    const doc = this.doc!;
    for (const coll of ['contacts', 'ties', 'interactions'] as const) if (!touched || touched.has(coll)) sizes[coll] = Object.keys(doc[coll]).length;
  }

  private analyze(msg: Extract<ToWorker, { type: 'analyze' }>): void {
    if (!this.doc) return;
    const started = performance.now();
    try {
      const result = this.session.analyze(this.doc, { now: msg.now, lang: msg.lang, ...(this.previous ? { previous: this.previous } : {}) });
      this.previous = { clusters: result.clusters.map((c) => ({ id: c.id, members: c.members })) };
      const { packed, transfer } = packResult(result);
      this.post({ type: 'result', id: msg.id, result: packed, ms: performance.now() - started }, transfer);
    } catch (err) {
      this.post({ type: 'error', id: msg.id, message: (err as Error).message });
    }
  }
}
