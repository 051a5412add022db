/**
 * Kumu's two sheets: elements (one per contact, `ID` plus `Label`) and
 * connections (`From`, `To` by element ID, `Type`, `Strength`). Kumu separates
 * multiple values in a cell with `|`.
 */
import type { CarnetDocument } from '../document/schema.js';
import { writeCsv } from '../import/csv.js';
import type { ClusterMap } from './graph.js';
import { idValues } from '../document/idMap.js';

export function exportKumu(doc: CarnetDocument, clusters: ClusterMap = {}): { elements: string; connections: string } {
  const elements: string[][] = [['ID', 'Label', 'Type', 'Organization', 'Title', 'City', 'Categories', 'Tags', 'Cluster', 'Description']];
  for (const c of idValues(doc.contacts)) {
    const org = c.organizations.find((o) => o.current) ?? c.organizations[0];
    elements.push([
      c.id,
      c.name,
      'Person',
      org?.name ?? '',
      org?.title ?? '',
      c.city ?? '',
      c.categories.map((id) => doc.categories[id]?.name ?? id).join('|'),
      c.tags.join('|'),
      clusters[c.id] ?? '',
      c.notes ?? '',
    ]);
  }
  const connections: string[][] = [['From', 'To', 'Type', 'Strength']];
  for (const t of idValues(doc.ties)) connections.push([t.from, t.to, t.type ?? '', String(t.strength)]);
  return { elements: writeCsv(elements), connections: writeCsv(connections) };
}
