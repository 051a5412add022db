/**
 * Positions by cluster for a document an import has just filled: each
 * cluster's members in a disc of their own (a sunflower, as placement.ts
 * places newcomers), the discs in rows, largest first, beside whatever was
 * already on the map. The map at this size draws one bubble per cluster at the
 * centre of its members, so without this a new document's clusters would all
 * sit on top of each other in the one disc an import puts newcomers in. Linear
 * in the contacts: `carnet import` runs it within its time budget, where the
 * map's force layout (renderer/src/map/engine/layoutCore.ts) takes seconds.
 */
import type { ClusterPicture } from './clusterCache.js';
import type { Change } from './operations.js';
import type { CarnetDocument, Position } from './schema.js';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** About one node's width plus a gap, as the map draws them (placement.ts). */
const SPACING = 24;
/** Room between two discs. */
const DISC_GAP = 90;

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Position puts for `ids` (contacts of `doc`), grouped by their cluster in
 * `clusters` (those in none together, last); other contacts do not move. A
 * contact listed in two clusters goes with the first.
 */
export function placeByCluster(doc: CarnetDocument, ids: readonly string[], clusters: readonly ClusterPicture[]): Change[] {
  const moving = new Set(ids.filter((id) => Object.hasOwn(doc.contacts, id)));
  const groups: string[][] = [];
  const placed = new Set<string>();
  for (const c of clusters) {
    const members = c.members.filter((id) => moving.has(id) && !placed.has(id));
    for (const id of members) placed.add(id);
    if (members.length > 0) groups.push(members);
  }
  const rest = [...moving].filter((id) => !placed.has(id));
  groups.sort((a, b) => b.length - a.length);
  if (rest.length > 0) groups.push(rest);
  if (groups.length === 0) return [];

  // Beside what stays where it is.
  let right = -Infinity;
  let top = Infinity;
  for (const id of Object.keys(doc.positions)) {
    if (moving.has(id)) continue;
    const p = doc.positions[id]!;
    right = Math.max(right, p.x);
    top = Math.min(top, p.y);
  }
  const x0 = Number.isFinite(right) ? right + DISC_GAP : 0;
  const y0 = Number.isFinite(top) ? top : 0;

  const radius = (n: number) => SPACING * Math.sqrt(n) + SPACING;
  const area = groups.reduce((s, g) => s + (2 * radius(g.length) + DISC_GAP) ** 2, 0);
  // Rows about as wide as the whole is tall: a square-ish map.
  const width = Math.max(2 * radius(groups[0]!.length), Math.sqrt(area));
  const changes: Change[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const members of groups) {
    const r = radius(members.length);
    if (x > 0 && x + 2 * r > width) {
      x = 0;
      y += rowHeight + DISC_GAP;
      rowHeight = 0;
    }
    const cx = x0 + x + r;
    const cy = y0 + y + r;
    members.forEach((id, k) => {
      const d = SPACING * Math.sqrt(k + 0.5);
      const value: Position = { x: round(cx + d * Math.cos(k * GOLDEN_ANGLE)), y: round(cy + d * Math.sin(k * GOLDEN_ANGLE)) };
      changes.push({ op: 'put', coll: 'positions', id, value });
    });
    x += 2 * r + DISC_GAP;
    rowHeight = Math.max(rowHeight, 2 * r);
  }
  return changes;
}
