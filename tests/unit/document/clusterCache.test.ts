// The clusters a document carries (doc.clusterCache): the format, the background edit that stores them,
// the analysis that keeps their ids, and `carnet import`, which stores them so a first open is clustered.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../../electron/cli/commands/import.js';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { clusterPicture, previousFromCache } from '../../../shared/analysis/clusterPicture.js';
import { CLUSTER_CACHE_ABOVE, cachedClusters, clusterCacheChanges, setClusterCache } from '../../../shared/document/clusterCache.js';
import { placeByCluster } from '../../../shared/document/clusterPlacement.js';
import { applyChangeSet, parseChangeSet } from '../../../shared/document/operations.js';
import { CACHED_LABEL_MAX, emptyDocument, withoutPrototypes, type CarnetDocument } from '../../../shared/document/schema.js';
import { parseDocument, validateDocument } from '../../../shared/document/validate.js';
import { largeDocument } from '../../helpers/largeDocument.js';
import { apart, disc } from '../../helpers/discs.js';

const NOW = '2026-06-01T00:00:00.000Z';
const dir = mkdtempSync(join(tmpdir(), 'carnet-clustercache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const picture = (id: string, members: string[], label = id, color = '#123456') => ({ id, label, color, members });

describe('the clusterCache field', () => {
  it('is optional: a file without it (an older Carnet) opens with none', () => {
    const { clusterCache: _, ...old } = emptyDocument(NOW);
    const r = parseDocument(JSON.stringify(old));
    expect(r.ok && Object.keys(r.doc.clusterCache)).toEqual([]);
  });

  it('refuses a malformed entry with its JSON path, and takes members that are no contact as plain data', () => {
    const doc = emptyDocument(NOW);
    const bad = JSON.parse(JSON.stringify({ ...doc, clusterCache: { k: { id: 'k', label: '', color: 'red', members: [] } } }));
    const r = validateDocument(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('$.clusterCache.k.color');
    const soft = validateDocument(JSON.parse(JSON.stringify({ ...doc, clusterCache: { k: picture('k', ['nobody', '__proto__']) } })));
    expect(soft.ok).toBe(true);
  });

  it('is added empty to a copy parsed without the schema, and a change to it applies there too', () => {
    const { clusterCache: _, ...old } = emptyDocument(NOW);
    const copy = withoutPrototypes(JSON.parse(JSON.stringify(old)) as CarnetDocument);
    expect(Object.keys(copy.clusterCache)).toEqual([]);
    const raw = JSON.parse(JSON.stringify(old)) as CarnetDocument;
    // The save worker's replica of a file Carnet wrote before clusterCache existed is such a copy.
    applyChangeSet(raw, parseChangeSet({ label: { key: 'labels.clusterCache' }, changes: [{ op: 'put', coll: 'clusterCache', id: 'k', value: picture('k', ['a']) }] }));
    expect(raw.clusterCache.k!.members).toEqual(['a']);
  });
});

describe('storing the clusters', () => {
  it('writes only what changed, deletes what is gone, and nothing when the same clusters come again', () => {
    const doc = emptyDocument(NOW);
    const first = setClusterCache(doc, [picture('k1', ['a', 'b']), picture('__proto__', ['c', 'd'])])!;
    expect(first.label).toEqual({ key: 'labels.clusterCache' });
    applyChangeSet(doc, parseChangeSet(first));
    expect(cachedClusters(doc).map((c) => c.id)).toEqual(['__proto__', 'k1']);
    expect(setClusterCache(doc, [picture('k1', ['a', 'b']), picture('__proto__', ['c', 'd'])])).toBeNull();
    const next = clusterCacheChanges(doc, [picture('k1', ['a', 'b', 'e']), picture('k3', ['f', 'g'])]);
    expect(next.map((c) => [c.op, c.op === 'put' || c.op === 'del' ? c.id : null])).toEqual([['put', 'k1'], ['put', 'k3'], ['del', '__proto__']]);
  });
});

describe('a label longer than the format allows', () => {
  it('is stored shortened, never split inside a character, and the same picture again writes nothing', () => {
    const doc = emptyDocument(NOW);
    const long = `${'Organisation '.repeat(40)}· ${'École '.repeat(40)}· 😀${'x'.repeat(CACHED_LABEL_MAX)}`;
    const set = setClusterCache(doc, [picture('k', ['a', 'b'], long)])!;
    applyChangeSet(doc, parseChangeSet(set));
    const label = doc.clusterCache.k!.label;
    expect(label.length).toBeLessThanOrEqual(CACHED_LABEL_MAX);
    expect(label.endsWith('…')).toBe(true);
    expect(long.startsWith(label.slice(0, -1))).toBe(true);
    expect(validateDocument(JSON.parse(JSON.stringify(doc))).ok).toBe(true);
    expect(setClusterCache(doc, [picture('k', ['a', 'b'], long)])).toBeNull();
    // Cut where a character of two code units starts: it goes whole.
    const emoji = `${'y'.repeat(CACHED_LABEL_MAX - 2)}😀${'z'.repeat(10)}`;
    const cut = clusterCacheChanges(emptyDocument(NOW), [picture('e', ['a'], emoji)])[0] as { value: { label: string } };
    expect(cut.value.label).toBe(`${'y'.repeat(CACHED_LABEL_MAX - 2)}…`);
  });
});

describe('the fresh analysis of a document with stored clusters', () => {
  it('finds the same clusters as the picture stored, under the stored ids (the bubbles keep their names)', () => {
    const doc = largeDocument({ contacts: 800, ties: 3000, interactions: 500 });
    const found = clusterPicture(doc, 'en');
    expect(found.length).toBeGreaterThan(2);
    // Ids unlike any the analysis would make: the fresh run can only have them from the cache.
    const renamed = found.map((c, k) => ({ ...c, id: `kept_${k}` }));
    applyChangeSet(doc, parseChangeSet(setClusterCache(doc, renamed)!));
    const fresh = analyzeNetwork(doc, { now: NOW, previous: previousFromCache(doc) });
    expect(fresh.clusters.map((c) => [c.id, [...c.members].sort()])).toEqual(renamed.map((c) => [c.id, [...c.members].sort()]));
    // And the picture is what the analysis finds, labels and colours included.
    const plain = analyzeNetwork(largeDocument({ contacts: 800, ties: 3000, interactions: 500 }), { now: NOW });
    expect(plain.clusters.map((c) => ({ id: c.id, label: c.label, color: c.color, members: c.members }))).toEqual(found);
  });
});


describe('placeByCluster', () => {
  it('gives each cluster a disc of its own beside what is already placed, and moves nothing else', () => {
    const doc = emptyDocument(NOW);
    const ids = Array.from({ length: 300 }, (_, i) => `c${i}`);
    for (const id of [...ids, 'old']) doc.contacts[id] = { id, name: id, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [], sources: [], createdAt: NOW, updatedAt: NOW };
    doc.positions.old = { x: 500, y: 0 };
    const clusters = [picture('a', ids.slice(0, 40)), picture('b', ids.slice(40, 240)), picture('c', [...ids.slice(240, 250), 'c0', 'old', 'nobody'])];
    const changes = placeByCluster(doc, [...ids, 'nobody'], clusters);
    applyChangeSet(doc, parseChangeSet({ label: { key: 'labels.layout' }, changes }));
    expect(changes.length).toBe(300);
    expect(doc.positions.old).toEqual({ x: 500, y: 0 });
    const discs = [ids.slice(0, 40), ids.slice(40, 240), ids.slice(240, 250), ids.slice(250)].map((m) => disc(doc, m));
    for (let a = 0; a < discs.length; a++) for (let b = a + 1; b < discs.length; b++) expect(apart(discs[a]!, discs[b]!)).toBe(true);
    expect(Math.min(...ids.map((id) => doc.positions[id]!.x))).toBeGreaterThan(500);
  });
});

describe('carnet import', () => {
  it('stores the clusters of a document drawn as bubbles, so its first open is clustered', async () => {
    const source = largeDocument({ contacts: CLUSTER_CACHE_ABOVE + 200, ties: 6000, interactions: 0 });
    writeFileSync(join(dir, 'source.json'), JSON.stringify(source));
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), cwd: dir, env: {} };
    expect(await importCommand.run({ positionals: ['source.json'], values: { into: 'big.json' } }, io)).toBe(0);
    const r = parseDocument(readFileSync(join(dir, 'big.json'), 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    const doc = r.doc;
    // (A few generated people share a name and an organization: the import takes them for one.)
    expect(Object.keys(doc.contacts).length).toBeGreaterThan(CLUSTER_CACHE_ABOVE);
    const cached = cachedClusters(doc);
    expect(cached.length).toBeGreaterThan(2);
    for (const c of cached) expect(c.members.every((m) => Object.hasOwn(doc.contacts, m))).toBe(true);
    // Each cluster has a region of its own: the bubbles drawn at their members' centres do not overlap.
    const discs = cached.map((c) => disc(doc, c.members));
    for (let a = 0; a < discs.length; a++) for (let b = a + 1; b < discs.length; b++) expect(apart(discs[a]!, discs[b]!)).toBe(true);
    // The app's first analysis finds them again: nothing to move, nothing to write back.
    const fresh = analyzeNetwork(doc, { now: NOW, previous: previousFromCache(doc) });
    expect(setClusterCache(doc, fresh.clusters)).toBeNull();
  });

  it('stores none for a document small enough to be drawn contact by contact', async () => {
    const source = largeDocument({ contacts: 60, ties: 100, interactions: 0 });
    writeFileSync(join(dir, 'small-source.json'), JSON.stringify(source));
    const io = { out: () => {}, err: () => {}, cwd: dir, env: {} };
    expect(await importCommand.run({ positionals: ['small-source.json'], values: { into: 'small.json' } }, io)).toBe(0);
    const r = parseDocument(readFileSync(join(dir, 'small.json'), 'utf8'));
    expect(r.ok && Object.keys(r.doc.contacts).length).toBe(60);
    expect(r.ok && Object.keys(r.doc.clusterCache)).toEqual([]);
  });
});
