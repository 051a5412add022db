/**
 * The clusters of the last analysis, kept in the document (`clusterCache`) so
 * that the map opens on real cluster bubbles at once instead of waiting seconds
 * for the diagnosis of a big network. The cache is a picture, not a truth: the
 * fresh analysis replaces it when it answers (with the same ids where the
 * members are the same, see shared/analysis/clusters.ts assignIds), and the app
 * writes it back on its own, never as an undo step.
 *
 * No analysis version is stored: whatever produced the cache, it is only shown
 * until the fresh analysis answers, and the fresh clusters take the cached ids
 * by member overlap, so an older cache can only make the first picture less
 * exact, never wrong for long.
 */
import type { Change, ChangeSet } from './operations.js';
import { CACHED_LABEL_MAX, type CachedCluster, type CarnetDocument } from './schema.js';

/**
 * The cache is kept for documents of more contacts than this: above it the map draws cluster bubbles
 * (renderer/src/map/engine/model.ts FULL_MAP_MAX is this number); below it, it draws every contact and
 * the analysis answers quickly.
 */
export const CLUSTER_CACHE_ABOVE = 1500;

/** What is cached of one cluster: its id, its label and colour as drawn, its members. */
export type ClusterPicture = { id: string; label: string; color: string; members: readonly string[] };

/** Undo never shows it (the app writes it with `{undoable: false}`); the catalog names it all the same. */
export const CLUSTER_CACHE_LABEL = { key: 'labels.clusterCache' } as const;

/**
 * A label as the cache keeps it: an automatic one joins up to three shared values (an organization and a
 * school of 500 characters each, a city…), which can be longer than the format allows; it is shortened,
 * never split inside a character.
 */
function cachedLabel(label: string): string {
  if (label.length <= CACHED_LABEL_MAX) return label;
  let end = CACHED_LABEL_MAX - 1;
  const last = label.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${label.slice(0, end)}…`;
}

function same(a: CachedCluster, b: ClusterPicture): boolean {
  if (a.label !== cachedLabel(b.label) || a.color !== b.color || a.members.length !== b.members.length) return false;
  for (let i = 0; i < a.members.length; i++) if (a.members[i] !== b.members[i]) return false;
  return true;
}

/**
 * The changes that make `doc.clusterCache` hold exactly `clusters`: a put for
 * each new or changed cluster, a delete for each one gone. Empty when the
 * cache already holds them, so an analysis that found the same clusters
 * writes nothing. Linear in the members.
 */
export function clusterCacheChanges(doc: Pick<CarnetDocument, 'clusterCache'>, clusters: readonly ClusterPicture[]): Change[] {
  const cache = doc.clusterCache;
  const changes: Change[] = [];
  const kept = new Set<string>();
  for (const c of clusters) {
    if (kept.has(c.id)) continue;
    kept.add(c.id);
    const before = Object.hasOwn(cache, c.id) ? cache[c.id] : undefined;
    if (before && same(before, c)) continue;
    const value: CachedCluster = { id: c.id, label: cachedLabel(c.label), color: c.color, members: [...c.members] };
    changes.push({ op: 'put', coll: 'clusterCache', id: c.id, value });
  }
  for (const id of Object.keys(cache)) if (!kept.has(id)) changes.push({ op: 'del', coll: 'clusterCache', id });
  return changes;
}

/** The change set that stores `clusters` as the cache, or null when it holds them already. */
export function setClusterCache(doc: Pick<CarnetDocument, 'clusterCache'>, clusters: readonly ClusterPicture[]): ChangeSet | null {
  const changes = clusterCacheChanges(doc, clusters);
  return changes.length > 0 ? { label: CLUSTER_CACHE_LABEL, changes } : null;
}

/**
 * Whether `set` changes contacts and the cache together: an import that stored the clusters of the
 * document it makes (importClusters.ts), or its undo. The cache then describes the document as the set
 * leaves it, the analysis a window shows describes it before: the map draws the cache and the fresh
 * analysis takes its ids, as on an open.
 */
export function bringsClusters(set: ChangeSet): boolean {
  let contacts = false;
  let cache = false;
  for (const c of set.changes) {
    if (c.op !== 'put' && c.op !== 'del') continue;
    if (c.coll === 'contacts') contacts = true;
    else if (c.coll === 'clusterCache') cache = true;
    if (contacts && cache) return true;
  }
  return false;
}

/** The cached clusters, largest first (as the analysis orders them), then by id. */
export function cachedClusters(doc: Pick<CarnetDocument, 'clusterCache'>): CachedCluster[] {
  return Object.values(doc.clusterCache).sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
