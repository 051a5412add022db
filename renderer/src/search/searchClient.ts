import type { SearchHit } from '../../../shared/search/searchIndex.js';
import type { CarnetStore, DocChange } from '../state/store.js';
import type { FromSearchWorker, ToSearchWorker } from './protocol.js';
import { idValues } from '../../../shared/document/idMap.js';

/** Longest wait for an idle moment before indexing a new document. */
const INDEX_DELAY_MAX_MS = 3000;

const clients = new WeakMap<CarnetStore, SearchClient>();

/** The one search worker of a store, kept in step with its document. */
export function searchFor(store: CarnetStore): SearchClient {
  let client = clients.get(store);
  if (!client) {
    client = new SearchClient(store);
    clients.set(store, client);
  }
  return client;
}

/**
 * Sends the document's contacts to the search worker, then every change to
 * them, and asks it queries. Only the answer to the latest query is
 * delivered: while the user types, older answers describe a past text.
 */
export class SearchClient {
  private readonly worker: Worker;
  private latest = 0;
  /** The document to index once the UI is idle. */
  private deferred: { msg: ToSearchWorker; transfer: Transferable[] } | null = null;
  private pending: { id: number; resolve(hits: SearchHit[] | null): void } | null = null;

  constructor(store: CarnetStore) {
    this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'carnet-search' });
    this.worker.onmessage = (e: MessageEvent<FromSearchWorker>) => this.receive(e.data);
    const doc = store.get().doc;
    if (doc) this.onChange({ kind: 'replace', doc });
    store.onDocChange((c) => this.onChange(c));
  }

  /** Resolves with the hits, or null when a newer query made this one moot. */
  query(text: string, limit = 12): Promise<SearchHit[] | null> {
    this.pending?.resolve(null);
    const id = ++this.latest;
    return new Promise((resolve) => {
      this.pending = { id, resolve };
      this.post({ type: 'query', id, text, limit });
    });
  }

  private onChange(c: DocChange): void {
    if (c.kind === 'replace') {
      this.deferred = null;
      if (c.text === undefined) this.post({ type: 'load', contacts: idValues(c.doc.contacts) });
      else {
        // Indexing waits for a quiet moment, so that it does not compete for the CPU with the map being drawn;
        // a query sends it at once, ahead of itself. The bytes of the text, where there is a copy for this
        // worker, are handed over, not copied.
        const { message, transfer } = c.text.take();
        this.deferred = { msg: { type: 'loadJson', ...message }, transfer };
        const idle = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
        idle(() => this.flush(), { timeout: INDEX_DELAY_MAX_MS });
      }
    } else if (c.set.changes.some((x) => 'coll' in x && x.coll === 'contacts')) this.post({ type: 'changes', set: c.set });
  }

  private flush(): void {
    const deferred = this.deferred;
    this.deferred = null;
    if (deferred) this.worker.postMessage(deferred.msg, deferred.transfer);
  }

  private post(msg: ToSearchWorker): void {
    this.flush();
    this.worker.postMessage(msg);
  }

  private receive(msg: FromSearchWorker): void {
    if (!this.pending || msg.id !== this.pending.id) return;
    this.pending.resolve(msg.hits);
    this.pending = null;
  }
}
