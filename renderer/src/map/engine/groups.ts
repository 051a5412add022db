import type { AnalysisResult } from '../../../../shared/analysis/analyze.js';
import { cachedClusters, type ClusterPicture } from '../../../../shared/document/clusterCache.js';
import type { CarnetDocument, Position } from '../../../../shared/document/schema.js';

/**
 * What the map aggregates contacts by: the analysis' affinity clusters, or,
 * before the analysis has answered, the clusters of the last analysis kept in
 * the document (`clusterCache`), or, without them, cells of a grid over the
 * stored positions (so a big document is usable at once, bubbles where the
 * contacts are).
 */
export type Group = {
  id: string;
  label: string;
  color: string;
  members: string[];
  kind: 'cluster' | 'loose' | 'cell';
};

/** Id of the group of contacts in no cluster (alone in their community, or added since the last analysis). */
export const LOOSE_GROUP = 'loose';

/** Groups from the analysis; a user's label or colour for a cluster (doc.clusters) wins. */
export function clusterGroups(doc: CarnetDocument, analysis: AnalysisResult, neutral: string, looseLabel: string): Group[] {
  return groupsOf(doc, analysis.clusters, neutral, looseLabel);
}

/**
 * Groups from the clusters of the last analysis stored in the document, drawn
 * until the fresh analysis answers. Members that are no contact (any more) are
 * left out, and a contact a hostile file lists in two clusters stays in the first.
 */
export function cachedGroups(doc: CarnetDocument, neutral: string, looseLabel: string): Group[] {
  return groupsOf(doc, cachedClusters(doc), neutral, looseLabel);
}

function groupsOf(doc: CarnetDocument, clusters: readonly ClusterPicture[], neutral: string, looseLabel: string): Group[] {
  const groups: Group[] = [];
  const placed = new Set<string>();
  for (const c of clusters) {
    const style = Object.hasOwn(doc.clusters, c.id) ? doc.clusters[c.id] : undefined;
    const members: string[] = [];
    for (const id of c.members) {
      if (placed.has(id) || !Object.hasOwn(doc.contacts, id)) continue;
      placed.add(id);
      members.push(id);
    }
    if (members.length === 0) continue;
    groups.push({ id: c.id, label: style?.label || c.label, color: style?.color ?? c.color, members, kind: 'cluster' });
  }
  const loose = Object.keys(doc.contacts).filter((id) => !placed.has(id));
  if (loose.length > 0) groups.push({ id: LOOSE_GROUP, label: looseLabel, color: neutral, members: loose, kind: 'loose' });
  return groups;
}

/** About `cells` groups of nearby contacts, by a square grid over their positions. */
export function gridGroups(doc: CarnetDocument, position: (id: string) => Position | undefined, neutral: string, cells = 100): Group[] {
  const ids = Object.keys(doc.contacts);
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const id of ids) {
    const p = position(id);
    if (!p) continue;
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  if (!Number.isFinite(x1)) return [];
  const side = Math.max(1, Math.sqrt(((x2 - x1 + 1) * (y2 - y1 + 1)) / cells));
  const byCell = new Map<string, string[]>();
  for (const id of ids) {
    const p = position(id);
    if (!p) continue;
    const key = `cell:${Math.floor((p.x - x1) / side)}:${Math.floor((p.y - y1) / side)}`;
    let list = byCell.get(key);
    if (!list) byCell.set(key, (list = []));
    list.push(id);
  }
  return [...byCell].map(([id, members]) => ({ id, label: '', color: neutral, members, kind: 'cell' as const }));
}

/** Where a group is drawn: the centroid of its shown members and a radius that covers most of them. */
export type GroupGeometry = { x: number; y: number; r: number; count: number };

export function groupGeometry(members: readonly string[], position: (id: string) => Position | undefined, shown: (id: string) => boolean): GroupGeometry {
  // One lookup per member (at 30,000 contacts, every regroup measures them all): the positions are read once.
  const xs: number[] = [];
  const ys: number[] = [];
  let x = 0;
  let y = 0;
  for (const id of members) {
    const p = position(id);
    if (!p || !shown(id)) continue;
    xs.push(p.x);
    ys.push(p.y);
    x += p.x;
    y += p.y;
  }
  const count = xs.length;
  if (count === 0) return { x: 0, y: 0, r: 0, count: 0 };
  x /= count;
  y /= count;
  const dist = new Float64Array(count);
  for (let i = 0; i < count; i++) dist[i] = Math.hypot(xs[i]! - x, ys[i]! - y);
  dist.sort();
  // The 90th percentile covers the cluster without reaching for the odd contact placed far away.
  return { x, y, r: Math.max(24, dist[Math.floor(0.9 * (count - 1))]! + 20), count };
}
