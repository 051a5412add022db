// An import confirmed in the app stores the clusters of the document it makes, and places a document it
// mostly made by cluster, in the import's own change set: the document holds them the moment the import
// is applied (a window closed at once included), and undoing the import takes them away with its contacts.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EditResult, Events, ImportChoices } from '../../../shared/api/contract.js';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { previousFromCache } from '../../../shared/analysis/clusterPicture.js';
import { CLUSTER_CACHE_ABOVE, cachedClusters, setClusterCache } from '../../../shared/document/clusterCache.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { createBackend, type Backend } from '../../../electron/services/backend.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { Settings } from '../../../electron/services/settings.js';
import { largeDocument } from '../../helpers/largeDocument.js';
import { sampleDocument, tempDir } from '../store/helpers.js';
import { apart, disc } from '../../helpers/discs.js';

const NOW = '2026-06-01T00:00:00.000Z';
const NO_CHOICES: ImportChoices = { mappings: [], skip: [], decisions: [] };

let dir: string;
let cleanup: () => void;
let backends: Backend[] = [];

beforeEach(() => ({ dir, cleanup } = tempDir('carnet-import-clusters-')));
afterEach(async () => {
  for (const b of backends) await b.close().catch(() => {});
  backends = [];
  cleanup();
});

const docPath = () => join(dir, 'carnet.json');

async function backend(): Promise<Backend> {
  await (await DocumentStore.create(docPath(), sampleDocument())).close();
  const map = new Map<string, unknown>();
  const settings = new Settings({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) });
  // No save within the test: what the document holds after a commit is in the journal.
  const b = await createBackend({ dataDir: dir, settings, transport: 'web', systemLanguage: 'en', storeOptions: { saveDelayMs: 60_000 } });
  backends.push(b);
  return b;
}

/** Imports `source` (a Carnet document, sent as a dropped file) and confirms it as the app does. */
async function importDocument(b: Backend, source: CarnetDocument, name = 'network.json'): Promise<EditResult> {
  const { importId } = (await b.call('importStart', [])) as { importId: string };
  await b.call('importUpload', [importId, { name, data: Buffer.from(JSON.stringify(source)).toString('base64'), last: true }]);
  await b.call('importPreview', [importId, NO_CHOICES]);
  return (await b.call('importCommit', [importId, NO_CHOICES])) as EditResult;
}

/** A network drawn as cluster bubbles once imported: clusters by its ties, no positions of its own. */
const bigNetwork = (seed = 1) => largeDocument({ contacts: CLUSTER_CACHE_ABOVE + 200, ties: 6000, interactions: 0, seed });


/** No position and no stored cluster member names a contact the document does not have. */
function orphans(doc: CarnetDocument): string[] {
  const gone = (id: string) => !Object.hasOwn(doc.contacts, id);
  return [...Object.keys(doc.positions).filter(gone), ...Object.values(doc.clusterCache).flatMap((c) => c.members.filter(gone))];
}

describe('an import confirmed in the app', () => {
  it('leaves a position for every new contact and the clusters in the document, in the one edit it makes', async () => {
    const b = await backend();
    const edits: EditResult[] = [];
    b.on('edit', (e: Events['edit']) => edits.push(e));
    const result = await importDocument(b, bigNetwork());
    // One edit, one undo step: the user's import.
    expect(edits).toEqual([result]);
    expect(result.undo.undoLabel).toEqual({ key: 'import.undoFile', params: { name: 'network.json' } });
    const { doc } = await b.handlers.getState();
    const created = Object.keys(doc.contacts).filter((id) => !['c1', 'c2', 'c3'].includes(id));
    expect(created.length).toBeGreaterThan(CLUSTER_CACHE_ABOVE);
    expect(created.filter((id) => !Object.hasOwn(doc.positions, id))).toEqual([]);
    const cached = cachedClusters(doc);
    expect(cached.length).toBeGreaterThan(2);
    expect(orphans(doc)).toEqual([]);
    // The import made most of the document: each cluster has a region of its own, so the bubbles drawn at
    // their members' centres stand apart instead of on top of each other in the newcomers' disc (the sample's
    // own contacts, never opened on a map, have no position yet: the map places them).
    const discs = cached.map((c) => disc(doc, c.members.filter((id) => created.includes(id))));
    for (let a = 0; a < discs.length; a++) for (let x = a + 1; x < discs.length; x++) expect(apart(discs[a]!, discs[x]!)).toBe(true);
    // The window's first analysis finds these very clusters under their ids: nothing moves, nothing is written back.
    const fresh = analyzeNetwork(doc, { now: NOW, previous: previousFromCache(doc) });
    expect(setClusterCache(doc, fresh.clusters)).toBeNull();
  });

  it('has them in the document even when the window is closed at once', async () => {
    const b = await backend();
    await importDocument(b, bigNetwork());
    const expected = (await b.handlers.getState()).doc;
    expect(Object.keys(expected.clusterCache).length).toBeGreaterThan(2);
    await b.close();
    const store = await DocumentStore.open(docPath());
    try {
      expect(Object.keys(store.doc.clusterCache).sort()).toEqual(Object.keys(expected.clusterCache).sort());
      expect(store.doc.positions).toEqual(expected.positions);
    } finally {
      await store.close();
    }
  });

  it('is undone in one step with its positions and clusters, and redone with them', async () => {
    const b = await backend();
    const before = structuredClone((await b.handlers.getState()).doc);
    await importDocument(b, bigNetwork());
    const after = structuredClone((await b.handlers.getState()).doc);
    expect(Object.keys(after.clusterCache).length).toBeGreaterThan(2);
    await b.call('undo', []);
    const undone = (await b.handlers.getState()).doc;
    expect(Object.keys(undone.contacts).sort()).toEqual(['c1', 'c2', 'c3']);
    expect(undone.positions).toEqual(before.positions);
    expect(undone.clusterCache).toEqual(before.clusterCache);
    expect(orphans(undone)).toEqual([]);
    expect((await b.handlers.getState()).undo.canUndo).toBe(false);
    await b.call('redo', []);
    const redone = (await b.handlers.getState()).doc;
    expect(redone.positions).toEqual(after.positions);
    expect(redone.clusterCache).toEqual(after.clusterCache);
  });

  it('adding to a big document, moves no one already there and undoes back to the clusters it had', async () => {
    const b = await backend();
    await importDocument(b, bigNetwork(1), 'first.json');
    const first = structuredClone((await b.handlers.getState()).doc);
    // Fewer than the contacts already there: placed next to their ties or beside the map, not by cluster.
    const more = largeDocument({ contacts: 300, ties: 900, interactions: 0, seed: 7 });
    for (const c of Object.values(more.contacts)) c.name = `${c.name} Nouveau`;
    await importDocument(b, more, 'second.json');
    const second = (await b.handlers.getState()).doc;
    for (const [id, p] of Object.entries(first.positions)) expect(second.positions[id]).toEqual(p);
    expect(Object.keys(second.contacts).filter((id) => !Object.hasOwn(second.positions, id) && !['c1', 'c2', 'c3'].includes(id))).toEqual([]);
    const members = new Set(Object.values(second.clusterCache).flatMap((c) => c.members));
    expect(Object.keys(second.contacts).filter((id) => !Object.hasOwn(first.contacts, id) && members.has(id)).length).toBeGreaterThan(0);
    expect(orphans(second)).toEqual([]);
    await b.call('undo', []);
    const undone = (await b.handlers.getState()).doc;
    expect(undone.clusterCache).toEqual(first.clusterCache);
    expect(undone.positions).toEqual(first.positions);
  });

  it('leaves a valid document when its people share the longest names the format allows (the clusters are named after them)', async () => {
    const b = await backend();
    const network = bigNetwork();
    for (const c of Object.values(network.contacts)) {
      c.organizations = c.organizations.map((o) => ({ ...o, name: `${o.name} `.repeat(100).slice(0, 500) }));
      c.schools = [{ name: `École ${c.id.length % 3} `.repeat(100).slice(0, 500) }];
      if (c.city) c.city = `${c.city} `.repeat(50).slice(0, 200);
    }
    await importDocument(b, network);
    const { doc } = await b.handlers.getState();
    expect(Object.keys(doc.clusterCache).length).toBeGreaterThan(2);
    const checked = validateDocument(JSON.parse(JSON.stringify(doc)));
    expect(checked.ok ? null : checked.error).toBeNull();
    await b.close();
    const store = await DocumentStore.open(docPath(), { refuseInvalidWithoutBackup: true });
    await store.close();
  });

  it('stores no clusters for a document small enough to be drawn contact by contact', async () => {
    const b = await backend();
    await importDocument(b, largeDocument({ contacts: CLUSTER_CACHE_ABOVE - 100, ties: 5000, interactions: 0 }));
    const { doc } = await b.handlers.getState();
    expect(Object.keys(doc.contacts).length).toBeLessThanOrEqual(CLUSTER_CACHE_ABOVE);
    expect(Object.keys(doc.contacts).filter((id) => !Object.hasOwn(doc.positions, id)).sort()).toEqual(['c1', 'c2', 'c3']);
    expect(doc.clusterCache).toEqual({});
  });
});
