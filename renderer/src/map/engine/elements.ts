import type { Tie } from '../../../../shared/document/schema.js';
import type { Group, GroupGeometry } from './groups.js';

/** Prefix of the ids of cluster bubbles: contact ids never carry it. */
export const BUBBLE_PREFIX = 'cluster:';
/** Id of the node that stands for the user. */
export const ME_ID = '__me';

/**
 * One thing to draw, in the shape Cytoscape takes (an element definition) but
 * without depending on it: the scene is built and tested without Cytoscape.
 */
export type SceneElement = {
  group: 'nodes' | 'edges';
  data: { id: string; source?: string; target?: string; [key: string]: string | number | undefined };
  position?: { x: number; y: number };
  classes?: string;
  grabbable?: boolean;
};

/** Node width from tie strength (1–5) or from brokerage (effective size / the largest one). */
export function contactSize(sizeBy: 'strength' | 'brokerage', strength: number, effectiveSize: number | null, maxEffectiveSize: number): number {
  if (sizeBy === 'brokerage') return 16 + 30 * Math.min(1, Math.max(0, effectiveSize ?? 0) / Math.max(1, maxEffectiveSize));
  return 14 + (Math.min(5, Math.max(1, strength)) - 1) * 6.5;
}

export function contactNode(id: string, label: string, color: string, size: number, x: number, y: number, classes: string): SceneElement {
  return { group: 'nodes', data: { id, label, color, size }, position: { x, y }, classes };
}

export function tieEdge(t: Tie, classes: string): SceneElement {
  return { group: 'edges', data: { id: `tie:${t.id}`, source: t.from, target: t.to, strength: t.strength }, classes };
}

/** The font size of a bubble's name (model units): it grows with the bubble, within 14 and `maxFontSize`. */
export function bubbleFontSize(r: number, maxFontSize: number): number {
  return Math.round(Math.min(maxFontSize, Math.max(14, r * 0.28)));
}

/** A collapsed cluster: one node covering the area of its members, with its name and size (a label never taller than `maxFontSize`). */
export function bubbleNode(g: Group, geo: GroupGeometry, color: string, classes: string, maxFontSize: number): SceneElement {
  const label = g.label ? `${g.label}\n${geo.count}` : String(geo.count);
  return {
    group: 'nodes',
    data: {
      id: BUBBLE_PREFIX + g.id,
      label,
      color,
      size: Math.round(2 * geo.r),
      fontSize: bubbleFontSize(geo.r, maxFontSize),
      textWidth: Math.round(geo.r * 1.7),
      count: geo.count,
    },
    position: { x: geo.x, y: geo.y },
    grabbable: false,
    classes: `bubble ${classes}`.trim(),
  };
}

/** How many ties join two collapsed clusters, drawn as one edge whose width grows with the count. */
export function summaryEdge(a: string, b: string, count: number, max: number, classes: string): SceneElement {
  return {
    group: 'edges',
    data: { id: `sum:${a}|${b}`, source: BUBBLE_PREFIX + a, target: BUBBLE_PREFIX + b, strength: 0.5, count, width: 1 + (7 * Math.log1p(count)) / Math.log1p(max) },
    classes: `summary ${classes}`.trim(),
  };
}

/** The user, drawn as a star. */
export function meNode(label: string, color: string, x: number, y: number): SceneElement {
  return { group: 'nodes', data: { id: ME_ID, label, color, size: 34 }, position: { x, y }, classes: 'me', grabbable: false };
}

/** A line from the user to a close contact. */
export function meEdge(contactId: string): SceneElement {
  return { group: 'edges', data: { id: `me:${contactId}`, source: ME_ID, target: contactId, strength: 0.2 }, classes: 'mine' };
}
