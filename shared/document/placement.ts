/**
 * Positions for the contacts an import creates, added to the import's own
 * ChangeSet: otherwise the map would place them itself in a second edit, and
 * undoing the import would take two steps. Contacts tied to someone already
 * on the map go next to them; the others gather in a disc beside the map,
 * where newcomers are easy to spot. Nothing already placed moves.
 */
import type { Change, ChangeSet } from './operations.js';
import type { CarnetDocument, Position } from './schema.js';
import { getOwn, idValues } from './idMap.js';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** About one node's width plus a gap, as the map draws them. */
const SPACING = 24;

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * `set` with a position put for each contact it creates that has none: the one function every import
 * path (the app's backend, the CLI) calls, so that a document imported any way opens already laid out.
 */
export function withPositions(doc: CarnetDocument, set: ChangeSet): ChangeSet {
  const placed = new Set<string>();
  for (const c of set.changes) if (c.op === 'put' && c.coll === 'positions') placed.add(c.id);
  const created: string[] = [];
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const list = neighbours.get(x);
      if (list) list.push(y);
      else neighbours.set(x, [y]);
    }
  };
  for (const c of set.changes) {
    if (c.op !== 'put') continue;
    if (c.coll === 'contacts' && !Object.hasOwn(doc.contacts, c.id) && !Object.hasOwn(doc.positions, c.id) && !placed.has(c.id)) created.push(c.id);
    if (c.coll === 'ties') {
      const tie = c.value as { from: string; to: string };
      link(tie.from, tie.to);
    }
  }
  if (created.length === 0) return set;
  const isNew = new Set(created);
  for (const t of idValues(doc.ties)) if (isNew.has(t.from) || isNew.has(t.to)) link(t.from, t.to);

  let box: { x1: number; x2: number; y1: number; y2: number } | null = null;
  for (const p of idValues(doc.positions)) {
    box = box
      ? { x1: Math.min(box.x1, p.x), x2: Math.max(box.x2, p.x), y1: Math.min(box.y1, p.y), y2: Math.max(box.y2, p.y) }
      : { x1: p.x, x2: p.x, y1: p.y, y2: p.y };
  }

  // Puts straight into a list: the ids are this import's own, so no keyed collection is needed to hold them.
  const puts: Change[] = [];
  const place = (id: string, value: Position) => puts.push({ op: 'put', coll: 'positions', id, value });
  const loose: string[] = [];
  const aroundAnchor = new Map<string, number>();
  for (const id of created) {
    const anchors = (neighbours.get(id) ?? []).map((n) => getOwn(doc.positions, n)).filter((p): p is Position => p !== undefined);
    if (anchors.length === 0) {
      loose.push(id);
      continue;
    }
    const cx = anchors.reduce((s, p) => s + p.x, 0) / anchors.length;
    const cy = anchors.reduce((s, p) => s + p.y, 0) / anchors.length;
    const key = `${round(cx)},${round(cy)}`;
    const k = aroundAnchor.get(key) ?? 0;
    aroundAnchor.set(key, k + 1);
    const r = 40 + SPACING * Math.sqrt(k);
    place(id, { x: round(cx + r * Math.cos(k * GOLDEN_ANGLE)), y: round(cy + r * Math.sin(k * GOLDEN_ANGLE)) });
  }
  const radius = SPACING * Math.sqrt(loose.length);
  const centre = box ? { x: box.x2 + 80 + radius, y: (box.y1 + box.y2) / 2 } : { x: 0, y: 0 };
  loose.forEach((id, i) => {
    const r = SPACING * Math.sqrt(i + 0.5);
    place(id, { x: round(centre.x + r * Math.cos(i * GOLDEN_ANGLE)), y: round(centre.y + r * Math.sin(i * GOLDEN_ANGLE)) });
  });
  return { label: set.label, changes: [...set.changes, ...puts] };
}
