import { describe, expect, it } from 'vitest';
import { emptyDocument, type CarnetDocument, type Contact } from '../../../shared/document/schema.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { exportDocument } from '../../../shared/export/index.js';
import { buildImportPreview, parseImportFile } from '../../../shared/import/index.js';
import { NOW, sequentialIds, visible } from '../import/helpers.js';

function contact(id: string, fields: Partial<Contact>): Contact {
  return { id, name: id, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [], sources: [], createdAt: '2024-01-01', updatedAt: '2024-01-01', ...fields };
}

/** A document exercising every field, with values that need escaping in CSV and vCard. */
function richDocument(): CarnetDocument {
  const doc = emptyDocument('2024-01-01T00:00:00.000Z', 'Réseau');
  doc.categories.cat_a = { id: 'cat_a', name: 'Anciens collègues', color: '#112233' };
  doc.categories.cat_b = { id: 'cat_b', name: 'Clients, grands comptes', color: '#445566', cadenceDays: 30 };
  doc.contacts.c_1 = contact('c_1', {
    name: 'Dupont, Jean-Marc',
    givenName: 'Jean-Marc',
    familyName: 'Dupont',
    emails: [{ value: 'jm@dupont.fr', label: 'work' }, { value: 'jm.perso@example.org', label: 'Club de voile' }, { value: 'third@example.org' }],
    phones: [{ value: '+33 6 12 34 56 78', label: 'cell' }, { value: '01 23 45 67 89', label: 'work fax' }],
    urls: [{ value: 'https://dupont.fr', label: 'home' }],
    profileUrl: 'https://www.linkedin.com/in/jmdupont',
    organizations: [
      { name: 'Dupont; Fils', title: 'Gérant, fondateur', department: 'Direction', sector: 'Conseil, audit', current: true, start: '2010-01-01' },
      { name: 'Ancienne Boîte', title: 'Stagiaire', current: false, start: '2005-06-01', end: '2006-01-01' },
    ],
    schools: [{ name: 'HEC Paris', degree: 'MSc "Finance"', year: 2009 }],
    addresses: [{ street: '12 rue Haute\nBâtiment B', city: 'Lille', region: 'Hauts-de-France', postalCode: '59000', country: 'France', label: 'work' }],
    city: 'Lille',
    tags: ['voile', 'finance, marchés'],
    categories: ['cat_a', 'cat_b'],
    notes: 'Rencontré en 2019.\nAime le "vrai" café; pas le déca.\\',
    birthday: '1980-04-12',
    photo: 'data:image/png;base64,iVBORw0KGgo=',
    strength: 4,
    cadenceDays: 60,
    connectedOn: '2019-05-02',
    archived: true,
  });
  doc.contacts.c_2 = contact('c_2', { name: '山田 太郎', givenName: '太郎', familyName: '山田', birthday: '--02-03', categories: ['cat_a'], emails: [{ value: 'taro@example.jp' }] });
  doc.contacts.c_3 = contact('c_3', { name: 'Only A Name', birthday: 'around 1970' });
  doc.ties.t_1 = { id: 't_1', from: 'c_1', to: 'c_2', type: 'colleague', strength: 0.7 };
  return doc;
}

function reimport(doc: CarnetDocument, format: 'vcard' | 'csv' | 'json') {
  const [file] = exportDocument(doc, format);
  const name = `export.${file!.extension}`;
  const parsed = parseImportFile(new TextEncoder().encode(file!.text), name);
  expect(parsed.errors).toEqual([]);
  const target = emptyDocument(NOW);
  const preview = buildImportPreview(target, [parsed], { now: NOW, newId: sequentialIds() });
  applyChangeSet(target, preview.changeSet);
  return { target, parsed, preview };
}

function byName(doc: CarnetDocument) {
  const name = (id: string) => doc.categories[id]!.name;
  return Object.values(doc.contacts)
    .map((c) => visible(c as unknown as Record<string, unknown>, name))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

describe('round trips: export then import into an empty document gives the same contacts', () => {
  for (const format of ['vcard', 'csv', 'json'] as const) {
    it(`${format}`, () => {
      const doc = richDocument();
      const { target, parsed } = reimport(doc, format);
      expect(parsed.warnings).toEqual([]);
      expect(byName(target)).toEqual(byName(doc));
      expect(Object.values(target.categories).map((c) => c.name).sort()).toEqual(['Anciens collègues', 'Clients, grands comptes']);
    });
  }

  it('keeps ties through the JSON document export', () => {
    const { target } = reimport(richDocument(), 'json');
    const [tie] = Object.values(target.ties);
    expect(tie).toMatchObject({ type: 'colleague', strength: 0.7 });
    expect([target.contacts[tie!.from]!.name, target.contacts[tie!.to]!.name].sort()).toEqual(['Dupont, Jean-Marc', '山田 太郎']);
  });

  it('re-importing an export into the same document merges by id instead of duplicating', () => {
    const doc = richDocument();
    const [file] = exportDocument(doc, 'csv');
    const p = buildImportPreview(doc, [parseImportFile(new TextEncoder().encode(file!.text), 'export.csv')], { now: NOW });
    expect(p.totals.new).toBe(0);
    expect(p.files[0]!.matchedOn.id).toBe(3);
    expect(p.files[0]!.conflicts).toEqual([]);
  });
});

describe('graph exports', () => {
  const clusters = { c_1: 'Finance & conseil', c_2: 'Japon <Tokyo>' };

  it('GEXF: one node per contact with cluster and categories, one edge per tie', () => {
    const [f] = exportDocument(richDocument(), 'gexf', { clusters });
    expect(f!.text.match(/<node /g)).toHaveLength(3);
    expect(f!.text.match(/<edge /g)).toHaveLength(1);
    expect(f!.text).toContain('<attvalue for="5" value="Japon &lt;Tokyo&gt;"/>');
    expect(f!.text).toContain('value="Anciens collègues|Clients, grands comptes"');
    expect(f!.text).toContain('label="Dupont, Jean-Marc"');
    expect(f!.text).toContain('weight="0.7"');
  });

  it('GraphML: keys declared, node data and weighted edges', () => {
    const [f] = exportDocument(richDocument(), 'graphml', { clusters });
    expect(f!.text).toContain('<key id="cluster" for="node" attr.name="cluster" attr.type="string"/>');
    expect(f!.text).toContain('<data key="cluster">Finance &amp; conseil</data>');
    expect(f!.text).toContain('<edge id="t_1" source="c_1" target="c_2">');
    expect(f!.text.match(/<node /g)).toHaveLength(3);
  });

  it('Kumu: elements and connections sheets; the connections import back as ties', () => {
    const doc = richDocument();
    const [elements, connections] = exportDocument(doc, 'kumu', { clusters });
    expect(connections!.suffix).toBe('-connections');
    expect(elements!.text.split('\r\n')[0]).toBe('ID,Label,Type,Organization,Title,City,Categories,Tags,Cluster,Description');
    expect(connections!.text).toBe('From,To,Type,Strength\r\nc_1,c_2,colleague,0.7\r\n');
    const target = structuredClone(doc);
    target.ties = {};
    const p = buildImportPreview(target, [parseImportFile(new TextEncoder().encode(connections!.text), 'connections.csv')], { now: NOW });
    expect(p.files[0]).toMatchObject({ format: 'ties-csv', ties: 1 });
  });
});
