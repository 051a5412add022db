import { useEffect, useState } from 'react';
import type { CollectionName } from '../../../shared/document/schema.js';
import { useStore } from '../state/StoreContext.js';

/**
 * A counter bumped only when the document is replaced or an edit touches one of `collections`. Lists the
 * card derives from the whole document (a contact's ties among 150,000, its interactions) are recomputed
 * when their collection changed, not on every map move or unrelated edit.
 */
export function useCollectionVersion(...collections: CollectionName[]): number {
  const store = useStore();
  const [version, setVersion] = useState(0);
  const key = collections.join();
  useEffect(() => {
    const watched = new Set(key.split(','));
    return store.onDocChange((c) => {
      if (c.kind === 'replace' || c.set.changes.some((x) => 'coll' in x && watched.has(x.coll))) setVersion((v) => v + 1);
    });
  }, [store, key]);
  return version;
}
