import type { Position } from '../../../../shared/document/schema.js';

/** A category as drawn on the map: its members' positions (model coordinates). */
export type AreaMembers = { id: string; points: readonly Position[] };
/** A contact dropped on the map: where it was, where it is now, the categories it is in. */
export type AreaMove = { id: string; from: Position; to: Position; categories: readonly string[] };
/** Category id → contacts to put in it, or to take out of it. */
import type { AreaChanges } from '../../../../shared/document/categories.js';

export type { AreaChanges };

/**
 * What a drop means when categories are drawn as areas (the union of a circle
 * of `radius` around each member).
 * - A contact dropped inside the area of a category it is not in joins it.
 *   Areas overlap (a colleague is often an alumnus too): only the category of
 *   the member nearest the drop is joined, the smaller one on a tie, so that
 *   moving a contact never files it under every category around.
 * - A contact of a category, picked up inside that area and dropped outside
 *   it, leaves it.
 * The areas are those of the contacts that did not move, so a dragged contact
 * never counts as its own area, and a category whose members are all dragged
 * together keeps them.
 */
export function areaChanges(areas: readonly AreaMembers[], radius: number, moves: readonly AreaMove[]): AreaChanges {
  const add = new Map<string, string[]>();
  const remove = new Map<string, string[]>();
  const nearest = (area: AreaMembers, p: Position) => Math.min(...area.points.map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
  const push = (map: Map<string, string[]>, key: string, id: string) => (map.get(key) ?? map.set(key, []).get(key)!).push(id);
  for (const m of moves) {
    let join: { id: string; d: number; size: number } | null = null;
    for (const area of areas) {
      const d = nearest(area, m.to);
      if (m.categories.includes(area.id)) {
        if (d > radius && nearest(area, m.from) <= radius) push(remove, area.id, m.id);
      } else if (d <= radius && (!join || d < join.d || (d === join.d && area.points.length < join.size))) {
        join = { id: area.id, d, size: area.points.length };
      }
    }
    if (join) push(add, join.id, m.id);
  }
  return { add, remove };
}
