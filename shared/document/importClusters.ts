/**
 * What an import adds so that the document it leaves opens as fast as a
 * reopen: the clusters (`clusterCache`, see clusterCache.ts) and, when the
 * import made most of the document, positions by cluster for its new
 * contacts (clusterPlacement.ts; otherwise they stay where placement.ts put
 * them, next to their ties or in the newcomers' disc). Without them a big
 * imported document opens on grid cells and waits seconds for its diagnosis;
 * the window that imported it would store them only after its first analysis.
 *
 * Both import paths call this: `carnet import` once the import is applied
 * (`clusterCacheOf`, a second edit: the CLI offers no undo), the app's import
 * confirm before it is applied (`withClusters`: one ChangeSet, so one undo
 * step that takes the positions and clusters away with the contacts).
 */
import { clusterPicture } from '../analysis/clusterPicture.js';
import type { Language } from '../i18n/index.js';
import { CLUSTER_CACHE_ABOVE, CLUSTER_CACHE_LABEL, clusterCacheChanges } from './clusterCache.js';
import { placeByCluster } from './clusterPlacement.js';
import { getOwn, hasOwnId } from './idMap.js';
import type { Change, ChangeSet } from './operations.js';
import type { CarnetDocument } from './schema.js';

/**
 * The position puts (for `created`, when they are most of the document) and the cache changes for `doc`,
 * which holds the import; null at or below the size at which the map draws every contact.
 */
function clusterChanges(doc: CarnetDocument, created: readonly string[], lang: Language): { positions: Change[]; cache: Change[] } | null {
  const ids = Object.keys(doc.contacts);
  if (ids.length <= CLUSTER_CACHE_ABOVE) return null;
  const clusters = clusterPicture(doc, lang);
  const moving = created.filter((id) => !getOwn(doc.positions, id)?.pinned);
  const positions = moving.length >= ids.length / 2 ? placeByCluster(doc, moving, clusters) : [];
  return { positions, cache: clusterCacheChanges(doc, clusters) };
}

/**
 * For `carnet import`, once the import is applied to `doc` (`before`: the contacts it had): the change set
 * storing the clusters (and the positions by cluster), or null when there is nothing to store.
 */
export function clusterCacheOf(doc: CarnetDocument, before: ReadonlySet<string>, lang: Language): ChangeSet | null {
  const created = Object.keys(doc.contacts).filter((id) => !before.has(id));
  const found = clusterChanges(doc, created, lang);
  if (!found) return null;
  const changes = [...found.positions, ...found.cache];
  return changes.length > 0 ? { label: found.positions.length > 0 ? { key: 'labels.layout' } : CLUSTER_CACHE_LABEL, changes } : null;
}

/**
 * `doc` as it will be once `changes` are applied, without changing it or copying what they leave alone:
 * the collections they touch are copied shallowly (entities shared, never cloned). Read only.
 */
function lookAhead(doc: CarnetDocument, changes: readonly Change[]): CarnetDocument {
  const out: CarnetDocument = { ...doc };
  const collections = out as unknown as Record<string, Record<string, unknown>>;
  const copied = new Set<string>();
  for (const c of changes) {
    if (c.op === 'me') out.me = c.value;
    else if (c.op === 'title') out.meta = { ...out.meta, title: c.value };
    else {
      if (!copied.has(c.coll)) {
        copied.add(c.coll);
        // A loop over the keys: about twice as fast as Object.assign on a collection of 100,000 ties.
        const from = (doc[c.coll] ?? {}) as Record<string, unknown>;
        const copy = Object.create(null) as Record<string, unknown>;
        for (const id of Object.keys(from)) copy[id] = from[id];
        collections[c.coll] = copy;
      }
      const coll = collections[c.coll]!;
      if (c.op === 'put') coll[c.id] = c.value;
      else delete coll[c.id];
    }
  }
  return out;
}

/**
 * For the app's import confirm, before it is applied: `set` (the import's change set, built against `doc`)
 * with the clusters of the document it makes, and its new contacts placed by cluster in place of the
 * positions the import gave them when they are most of that document. `set` itself when the document
 * stays at or below the size the cache is kept for.
 */
export function withClusters(doc: CarnetDocument, set: ChangeSet, lang: Language): ChangeSet {
  const created = new Set<string>();
  for (const c of set.changes) if (c.op === 'put' && c.coll === 'contacts' && !hasOwnId(doc.contacts, c.id)) created.add(c.id);
  // Counted before anything is copied: a small import into a small document costs nothing here.
  if (Object.keys(doc.contacts).length + created.size <= CLUSTER_CACHE_ABOVE) return set;
  const after = lookAhead(doc, set.changes);
  const found = clusterChanges(after, [...created], lang);
  if (!found) return set;
  const moved = new Set<string>();
  for (const c of found.positions) if (c.op === 'put') moved.add(c.id);
  const kept = moved.size > 0 ? set.changes.filter((c) => !(c.op === 'put' && c.coll === 'positions' && moved.has(c.id))) : set.changes;
  return { label: set.label, changes: [...kept, ...found.positions, ...found.cache] };
}
