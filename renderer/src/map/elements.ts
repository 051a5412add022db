import type { ElementDefinition } from 'cytoscape';
import type { CarnetDocument, Contact, Tie } from '../../../shared/document/schema.js';

/** What a node carries: enough to draw it, nothing the panel needs. */
export type NodeData = { id: string; label: string; color: string; categorized: boolean };

export function nodeData(doc: CarnetDocument, c: Contact, neutral: string): NodeData {
  const first = c.categories.map((id) => doc.categories[id]).find((cat) => cat);
  return { id: c.id, label: c.name, color: first?.color ?? neutral, categorized: Boolean(first) };
}

export function edgeData(t: Tie): { id: string; source: string; target: string; strength: number } {
  return { id: `tie:${t.id}`, source: t.from, target: t.to, strength: t.strength };
}

/** Ties are drawn only when both ends are drawn, so a dangling tie can never make Cytoscape throw. */
export function documentElements(doc: CarnetDocument, neutral: string): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const c of Object.values(doc.contacts)) {
    const p = doc.positions[c.id];
    out.push({ group: 'nodes', data: nodeData(doc, c, neutral), position: p ? { x: p.x, y: p.y } : undefined });
  }
  for (const t of Object.values(doc.ties)) {
    if (doc.contacts[t.from] && doc.contacts[t.to] && t.from !== t.to) out.push({ group: 'edges', data: edgeData(t) });
  }
  return out;
}
