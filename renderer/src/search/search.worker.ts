/// <reference lib="webworker" />
// Keeps the search index off the UI thread: building it for 30,000 contacts
// takes most of a second, and a query, though within a frame, would still
// compete with the map for it. Edits arrive as ChangeSets, so the index is
// patched contact by contact instead of rebuilt.
import type { CarnetDocument, Contact } from '../../../shared/document/schema.js';
import { SearchIndex } from '../../../shared/search/searchIndex.js';
import { decodeStateText } from '../state/stateText.js';
import type { FromSearchWorker, ToSearchWorker } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

let index = new SearchIndex();

self.onmessage = (e: MessageEvent<ToSearchWorker>) => {
  const msg = e.data;
  if (msg.type === 'load') {
    index = SearchIndex.of(msg.contacts);
  } else if (msg.type === 'loadJson') {
    index = SearchIndex.of(Object.values((JSON.parse(decodeStateText(msg)) as { doc: CarnetDocument }).doc.contacts));
  } else if (msg.type === 'changes') {
    for (const c of msg.set.changes) {
      if (c.op === 'put' && c.coll === 'contacts') index.upsert(c.value as Contact);
      else if (c.op === 'del' && c.coll === 'contacts') index.remove(c.id);
    }
  } else if (msg.type === 'query') {
    const started = performance.now();
    const hits = index.search(msg.text, msg.limit);
    const reply: FromSearchWorker = { type: 'hits', id: msg.id, hits, ms: performance.now() - started };
    self.postMessage(reply);
  }
};
