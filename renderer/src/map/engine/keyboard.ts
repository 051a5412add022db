/** Arrow keys on the map, as unit vectors on screen (y grows downwards). */
export const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

export type Point = { id: string; x: number; y: number };

/**
 * The point that an arrow key leads to from `from`: among those within 60° of
 * the direction, the nearest, with points off the axis counting as farther.
 */
export function pickInDirection(from: { x: number; y: number }, candidates: readonly Point[], dir: { x: number; y: number }): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const p of candidates) {
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const d = Math.hypot(dx, dy);
    if (d === 0) continue;
    const along = (dx * dir.x + dy * dir.y) / d;
    if (along < 0.5) continue;
    const score = d * (2 - along);
    if (score < bestScore) {
      bestScore = score;
      best = p.id;
    }
  }
  return best;
}

/**
 * Where an arrow key moves the keyboard focus from `from`: to a neighbour in
 * that direction if there is one, else to any contact drawn in that direction.
 */
export function stepFocus(
  from: { x: number; y: number },
  dir: { x: number; y: number },
  neighbours: readonly Point[],
  drawn: readonly Point[],
): string | null {
  return pickInDirection(from, neighbours, dir) ?? pickInDirection(from, drawn, dir);
}

/** The drawn contact nearest to a point (the middle of the view, where the keyboard focus starts). */
export function nearest(to: { x: number; y: number }, points: Iterable<Point>): string | null {
  let best: string | null = null;
  let d = Infinity;
  for (const p of points) {
    const dd = Math.hypot(p.x - to.x, p.y - to.y);
    if (dd < d) [best, d] = [p.id, dd];
  }
  return best;
}
