/**
 * The affinity clusters of a document alone, without the rest of the
 * diagnosis: what an import stores in `doc.clusterCache` so that the first
 * open of what it made is clustered at once (shared/document/clusterCache.ts).
 * The same graph, Louvain run, ids and labels as the full analysis
 * (session.ts), so the app's first fresh diagnosis finds the very clusters
 * drawn and moves nothing; it leaves out brokerage, gaps, histories and
 * suggestions, most of the analysis' time (about 1.3 s of 6 at 30,000 contacts).
 */
import { cachedClusters, type ClusterPicture } from '../document/clusterCache.js';
import type { CarnetDocument } from '../document/schema.js';
import { buildAffinityGraph } from './affinityGraph.js';
import { labelClusters } from './clusterLabels.js';
import { detectClusters, findCommunities, type PreviousClusters } from './clusters.js';
import type { Lang } from './messages.js';

/**
 * The clusters stored with the document as the analysis' previous run: fresh clusters take their ids by
 * member overlap (clusters.ts assignIds), so what the map drew from the cache keeps its ids.
 */
export function previousFromCache(doc: CarnetDocument): PreviousClusters | undefined {
  const cached = cachedClusters(doc);
  return cached.length > 0 ? { clusters: cached.map((c) => ({ id: c.id, members: c.members })) } : undefined;
}

export function clusterPicture(doc: CarnetDocument, lang: Lang): ClusterPicture[] {
  const ag = buildAffinityGraph(doc);
  const { clusters, memberIndices } = detectClusters(ag, doc, previousFromCache(doc), findCommunities(ag));
  labelClusters(ag, doc, clusters, memberIndices, lang);
  return clusters.map((c) => ({ id: c.id, label: c.label, color: c.color, members: c.members }));
}
