// The analysis worker, driven by the messages the UI thread sends it: after an import that brought the
// clusters of the document it makes, the fresh analysis takes their ids, as after an open.
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterPicture } from '../../../shared/analysis/clusterPicture.js';
import { clusterCacheChanges } from '../../../shared/document/clusterCache.js';
import type { Change, ChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument } from '../../../shared/document/schema.js';
import type { FromWorker, ToWorker } from '../../../renderer/src/analysis/protocol.js';
import { unpackResult } from '../../../renderer/src/analysis/transport.js';
import { largeDocument } from '../../helpers/largeDocument.js';

const NOW = '2026-06-01T00:00:00.000Z';
type Scope = { onmessage: ((e: { data: ToWorker }) => void) | null; postMessage: (msg: FromWorker) => void };
const replies: FromWorker[] = [];
const scope: Scope = { onmessage: null, postMessage: (msg) => replies.push(msg) };

beforeAll(async () => {
  (globalThis as unknown as { self: Scope }).self = scope;
  await import('../../../renderer/src/analysis/analysis.worker.js');
});

let id = 0;
function analyze(): string[] {
  scope.onmessage!({ data: { type: 'analyze', id: ++id, now: NOW.slice(0, 10), lang: 'en' } });
  const reply = replies.at(-1)!;
  if (reply.type !== 'result') throw new Error(reply.type === 'error' ? reply.message : `unexpected ${reply.type} reply`);
  return unpackResult(reply.result).clusters.map((c) => c.id);
}

describe('the analysis worker', () => {
  it('after an import that brought its clusters, finds them under their stored ids', () => {
    scope.onmessage!({ data: { type: 'load', doc: emptyDocument(NOW) } });
    expect(analyze()).toEqual([]);
    // The import's change set: its contacts and ties, and the clusters of the document it makes under ids
    // the analysis would never make (the worker can only have them from the set).
    const network = largeDocument({ contacts: 800, ties: 3000, interactions: 0 });
    const stored = clusterPicture(network, 'en').map((c, k) => ({ ...c, id: `stored_${k}` }));
    expect(stored.length).toBeGreaterThan(2);
    const changes: Change[] = [
      ...Object.values(network.categories).map((value): Change => ({ op: 'put', coll: 'categories', id: value.id, value })),
      ...Object.values(network.contacts).map((value): Change => ({ op: 'put', coll: 'contacts', id: value.id, value })),
      ...Object.values(network.ties).map((value): Change => ({ op: 'put', coll: 'ties', id: value.id, value })),
      ...clusterCacheChanges(emptyDocument(NOW), stored),
    ];
    const set: ChangeSet = { label: { key: 'import.undoFile', params: { name: 'network.json' } }, changes };
    scope.onmessage!({ data: { type: 'changes', set } });
    expect(analyze().sort()).toEqual(stored.map((c) => c.id).sort());
  });
});
