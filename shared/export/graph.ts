/**
 * The contact graph as other tools read it: GEXF (Gephi) and GraphML
 * (yEd, Cytoscape desktop, networkx), with organization, city, categories and
 * cluster as node attributes, and explicit ties as weighted edges.
 */
import type { CarnetDocument, Contact } from '../document/schema.js';
import { idValues } from '../document/idMap.js';

/** Cluster label per contact id (computed by the analysis, passed in). */
export type ClusterMap = Readonly<Record<string, string>>;

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const NODE_ATTRIBUTES = ['organization', 'title', 'city', 'categories', 'tags', 'cluster', 'strength'] as const;

function nodeValues(c: Contact, doc: CarnetDocument, clusters: ClusterMap): Record<(typeof NODE_ATTRIBUTES)[number], string> {
  const org = c.organizations.find((o) => o.current) ?? c.organizations[0];
  return {
    organization: org?.name ?? '',
    title: org?.title ?? '',
    city: c.city ?? c.addresses.find((a) => a.city)?.city ?? '',
    categories: c.categories.map((id) => doc.categories[id]?.name ?? id).join('|'),
    tags: c.tags.join('|'),
    cluster: clusters[c.id] ?? '',
    strength: c.strength === undefined ? '' : String(c.strength),
  };
}

export function exportGexf(doc: CarnetDocument, clusters: ClusterMap = {}): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>Carnet</creator><description>${xmlEscape(doc.meta.title)}</description></meta>`,
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map((a, i) => `      <attribute id="${i}" title="${a}" type="string"/>`),
    '    </attributes>',
    '    <attributes class="edge"><attribute id="type" title="type" type="string"/></attributes>',
    '    <nodes>',
  ];
  for (const c of idValues(doc.contacts)) {
    const values = nodeValues(c, doc, clusters);
    out.push(`      <node id="${xmlEscape(c.id)}" label="${xmlEscape(c.name)}">`, '        <attvalues>');
    NODE_ATTRIBUTES.forEach((a, i) => values[a] && out.push(`          <attvalue for="${i}" value="${xmlEscape(values[a])}"/>`));
    out.push('        </attvalues>', '      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const t of idValues(doc.ties)) {
    const att = t.type ? `<attvalues><attvalue for="type" value="${xmlEscape(t.type)}"/></attvalues>` : '';
    out.push(`      <edge id="${xmlEscape(t.id)}" source="${xmlEscape(t.from)}" target="${xmlEscape(t.to)}" weight="${t.strength}">${att}</edge>`);
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

export function exportGraphml(doc: CarnetDocument, clusters: ClusterMap = {}): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...NODE_ATTRIBUTES.map((a) => `  <key id="${a}" for="node" attr.name="${a}" attr.type="string"/>`),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <graph id="carnet" edgedefault="undirected">',
  ];
  for (const c of idValues(doc.contacts)) {
    const values = nodeValues(c, doc, clusters);
    out.push(`    <node id="${xmlEscape(c.id)}">`, `      <data key="label">${xmlEscape(c.name)}</data>`);
    for (const a of NODE_ATTRIBUTES) if (values[a]) out.push(`      <data key="${a}">${xmlEscape(values[a])}</data>`);
    out.push('    </node>');
  }
  for (const t of idValues(doc.ties)) {
    out.push(`    <edge id="${xmlEscape(t.id)}" source="${xmlEscape(t.from)}" target="${xmlEscape(t.to)}">`, `      <data key="weight">${t.strength}</data>`);
    if (t.type) out.push(`      <data key="type">${xmlEscape(t.type)}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
