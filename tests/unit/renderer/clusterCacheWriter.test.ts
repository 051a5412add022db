// The app stores the clusters of its analysis in the document on its own: after the runs settle, only
// when they differ from those stored, only for a map drawn as bubbles, never on a read-only document.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import type { ChangeSet } from '../../../shared/document/operations.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { CLUSTER_CACHE_ABOVE } from '../../../shared/document/clusterCache.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import type { AnalysisClient, AnalysisState } from '../../../renderer/src/analysis/analysisClient.js';
import { CLUSTER_CACHE_DELAY_MS, ClusterCacheWriter } from '../../../renderer/src/analysis/clusterCacheWriter.js';
import type { CarnetStore } from '../../../renderer/src/state/store.js';

const NOW = '2026-06-01T00:00:00.000Z';

function docOf(n: number): CarnetDocument {
  const doc = emptyDocument(NOW);
  for (let i = 0; i < n; i++) doc.contacts[`c${i}`] = { id: `c${i}`, name: `N ${i}`, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [], sources: [], createdAt: NOW, updatedAt: NOW };
  return doc;
}

const resultOf = (clusters: { id: string; members: string[] }[]) =>
  ({ clusters: clusters.map((c) => ({ ...c, label: `L ${c.id}`, color: '#123456', labelParts: [], size: c.members.length, core: c.members[0] })) }) as unknown as AnalysisResult;

function setup(contacts: number) {
  const doc = docOf(contacts);
  const writes: ChangeSet[] = [];
  let state: AnalysisState = { result: null, running: false, error: null, lastMs: null };
  const listeners = new Set<() => void>();
  const client = { get: () => state, subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)) } as unknown as AnalysisClient;
  const store = {
    get: () => ({ doc }),
    applyQuietly: async (set: ChangeSet) => {
      writes.push(set);
      applyChangeSet(doc, set);
      return true;
    },
  } as unknown as CarnetStore;
  const answer = (patch: Partial<AnalysisState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  return { doc, writes, answer, writer: new ClusterCacheWriter(store, client) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ClusterCacheWriter', () => {
  const n = CLUSTER_CACHE_ABOVE + 10;

  it('stores the clusters once the analysis has settled, as one background edit, and not again when they are the same', async () => {
    const { doc, writes, answer } = setup(n);
    answer({ result: resultOf([{ id: 'k1', members: ['c0', 'c1'] }]), running: true });
    answer({ result: resultOf([{ id: 'k1', members: ['c0', 'c1', 'c2'] }]), running: false });
    await vi.advanceTimersByTimeAsync(CLUSTER_CACHE_DELAY_MS - 10);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.label).toEqual({ key: 'labels.clusterCache' });
    expect(doc.clusterCache.k1).toEqual({ id: 'k1', label: 'L k1', color: '#123456', members: ['c0', 'c1', 'c2'] });
    // A later run (an edit that changed nothing of the clusters) writes nothing.
    answer({ result: resultOf([{ id: 'k1', members: ['c0', 'c1', 'c2'] }]) });
    await vi.advanceTimersByTimeAsync(CLUSTER_CACHE_DELAY_MS * 2);
    expect(writes).toHaveLength(1);
  });

  it('waits while a newer run is on its way', async () => {
    const { writes, answer } = setup(n);
    answer({ result: resultOf([{ id: 'k1', members: ['c0', 'c1'] }]), running: true });
    await vi.advanceTimersByTimeAsync(CLUSTER_CACHE_DELAY_MS * 2);
    expect(writes).toHaveLength(0);
    answer({ result: resultOf([{ id: 'k2', members: ['c0', 'c1'] }]), running: false });
    await vi.advanceTimersByTimeAsync(CLUSTER_CACHE_DELAY_MS);
    expect(writes.flatMap((w) => w.changes.map((c) => c.op === 'put' && c.id))).toEqual(['k2']);
  });

  it('writes nothing for a map drawn contact by contact', async () => {
    const { doc, writes, answer } = setup(CLUSTER_CACHE_ABOVE);
    answer({ result: resultOf([{ id: 'k1', members: ['c0', 'c1'] }]) });
    await vi.advanceTimersByTimeAsync(CLUSTER_CACHE_DELAY_MS * 2);
    expect(writes).toHaveLength(0);
    expect(Object.keys(doc.clusterCache)).toEqual([]);
  });
});
