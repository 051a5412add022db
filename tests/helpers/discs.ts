// Where groups of contacts sit on the map, for tests of placement: each group's disc, and whether two are apart.
import type { CarnetDocument } from '../../shared/document/schema.js';

export type Disc = { x: number; y: number; r: number };

/** The centre of `ids`' positions and the distance to the farthest of them. */
export function disc(doc: CarnetDocument, ids: readonly string[]): Disc {
  const ps = ids.map((id) => doc.positions[id]!);
  const x = ps.reduce((s, p) => s + p.x, 0) / ps.length;
  const y = ps.reduce((s, p) => s + p.y, 0) / ps.length;
  return { x, y, r: ps.reduce((m, p) => Math.max(m, Math.hypot(p.x - x, p.y - y)), 0) };
}

/** Two discs that do not overlap. */
export const apart = (a: Disc, b: Disc) => Math.hypot(a.x - b.x, a.y - b.y) > a.r + b.r;
