import { CLUSTER_CACHE_ABOVE, setClusterCache } from '../../../shared/document/clusterCache.js';
import type { CarnetStore } from '../state/store.js';
import type { AnalysisClient } from './analysisClient.js';

/**
 * After edits the analysis may answer many times in a row (each debounced run); the cache is written
 * once they have settled this long, so a burst of edits costs one background write, not one per run.
 */
export const CLUSTER_CACHE_DELAY_MS = 2000;

/**
 * Keeps `doc.clusterCache` holding the clusters of the latest analysis, so the next open of a big
 * document draws them at once (renderer/src/map/engine/groups.ts cachedGroups). A background edit:
 * never an undo step, never shown, nothing written when the clusters are those already stored, nor on
 * a read-only document, nor below the size at which the map draws cluster bubbles.
 */
export class ClusterCacheWriter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seen: unknown = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: CarnetStore,
    private readonly client: AnalysisClient,
    private readonly delayMs = CLUSTER_CACHE_DELAY_MS,
  ) {
    this.unsubscribe = client.subscribe(() => this.onAnalysis());
  }

  private onAnalysis(): void {
    const { result } = this.client.get();
    if (!result || result === this.seen) return;
    this.seen = result;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write();
    }, this.delayMs);
  }

  private write(): void {
    const { result, running } = this.client.get();
    const doc = this.store.get().doc;
    // A run on its way describes a newer document: its answer schedules the write again.
    if (!result || running || !doc || Object.keys(doc.contacts).length <= CLUSTER_CACHE_ABOVE) return;
    const set = setClusterCache(doc, result.clusters);
    if (set) void this.store.applyQuietly(set);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe();
  }
}
