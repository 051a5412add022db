import type { Position } from '../../../../shared/document/schema.js';

/**
 * Puts contacts that arrived without a position (added elsewhere, imported)
 * next to the placed contacts they are tied to, or in a column to the right
 * of the map when they have none, without moving anything the user arranged.
 * Cheap enough for the UI thread; a full layout goes to the worker.
 */
export function placeNear(
  ids: readonly string[],
  position: (id: string) => Position | undefined,
  neighbours: (id: string) => Iterable<string>,
  allIds: Iterable<string>,
): Record<string, Position> {
  const missing = new Set(ids);
  const out: Record<string, Position> = {};
  const loose: string[] = [];
  for (const id of ids) {
    let x = 0;
    let y = 0;
    let n = 0;
    for (const other of neighbours(id)) {
      const p = missing.has(other) ? undefined : position(other);
      if (!p) continue;
      x += p.x;
      y += p.y;
      n++;
    }
    if (n === 0) {
      loose.push(id);
      continue;
    }
    const angle = hashAngle(id);
    out[id] = round(x / n + 40 * Math.cos(angle), y / n + 40 * Math.sin(angle));
  }
  if (loose.length === 0) return out;
  let right = -Infinity;
  let top = Infinity;
  for (const id of allIds) {
    const p = missing.has(id) ? undefined : position(id);
    if (!p) continue;
    right = Math.max(right, p.x);
    top = Math.min(top, p.y);
  }
  if (!Number.isFinite(right)) [right, top] = [-60, 0];
  loose.forEach((id, i) => (out[id] = round(right + 60 + 40 * Math.floor(i / 12), top + 40 * (i % 12))));
  return out;
}

function round(x: number, y: number): Position {
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/** A stable angle per id, so the same newcomer lands in the same place every time. */
function hashAngle(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) / 4294967296) * 2 * Math.PI;
}
