/// <reference lib="webworker" />
// Runs the network diagnosis off the UI thread. The worker keeps a replica of
// the document patched with the same ChangeSets as the renderer's copy, so an
// edit costs a small message rather than a copy of the whole network, and an
// analysis session that reuses what the edit did not touch (the affinity
// graph and its clusters survive a logged interaction or a snooze).
import type { PreviousClusters } from '../../../shared/analysis/clusters.js';
import { previousFromCache } from '../../../shared/analysis/clusterPicture.js';
import { AnalysisSession } from '../../../shared/analysis/session.js';
import { bringsClusters } from '../../../shared/document/clusterCache.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { withoutPrototypes, type CarnetDocument } from '../../../shared/document/schema.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { packResult } from './transport.js';

declare const self: DedicatedWorkerGlobalScope;

let doc: CarnetDocument | null = null;
let session = new AnalysisSession();
// Cluster ids follow their members from one run to the next, so the user's
// names and colours for clusters stay attached after edits.
let previous: PreviousClusters | undefined;

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'load' || msg.type === 'loadJson') {
    doc = withoutPrototypes(msg.type === 'load' ? msg.doc : (JSON.parse(msg.stateJson) as { doc: CarnetDocument }).doc);
    // The clusters stored with the document (the map drew them at once) are the previous run: the fresh
    // clusters take their ids by member overlap, so the bubbles on screen keep their names and do not jump.
    previous = previousFromCache(doc);
    session = new AnalysisSession();
  } else if (msg.type === 'changes') {
    if (doc) {
      applyChangeSet(doc, msg.set);
      session.applied(doc, msg.set);
      // An import brings its contacts with the clusters of the document it makes (the map draws them at
      // once): they are the previous run, as on an open, so the fresh clusters keep their ids.
      const cached = bringsClusters(msg.set) ? previousFromCache(doc) : undefined;
      if (cached) previous = cached;
    }
  } else if (msg.type === 'analyze') {
    if (!doc) return;
    const started = performance.now();
    try {
      const result = session.analyze(doc, { now: msg.now, lang: msg.lang, ...(previous ? { previous } : {}) });
      previous = { clusters: result.clusters.map((c) => ({ id: c.id, members: c.members })) };
      const { packed, transfer } = packResult(result);
      const reply: FromWorker = { type: 'result', id: msg.id, result: packed, ms: performance.now() - started };
      self.postMessage(reply, transfer);
    } catch (err) {
      const reply: FromWorker = { type: 'error', id: msg.id, message: (err as Error).message };
      self.postMessage(reply);
    }
  }
};
