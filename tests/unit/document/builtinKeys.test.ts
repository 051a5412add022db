// Ids equal to the names of Object.prototype's properties are plain data: a
// reference to one that does not exist is refused, one that exists is kept,
// saved and reopened like any other id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiArgumentError, type DocumentState } from '../../../shared/api/contract.js';
import { addCategory, addContact, deleteContacts, logInteraction, setCategoryMembership } from '../../../shared/document/commands.js';
import { areaDropChangeSet } from '../../../shared/document/categories.js';
import { emptyIdMap, getOwn, idValues, putOwn } from '../../../shared/document/idMap.js';
import { withPositions } from '../../../shared/document/placement.js';
import { isHidden } from '../../../shared/document/suggestions.js';
import { applyChangeSet, ChangeError, parseChangeSet, type ChangeSet } from '../../../shared/document/operations.js';
import { CarnetDocument, emptyDocument } from '../../../shared/document/schema.js';
import { parseDocument, validateDocument } from '../../../shared/document/validate.js';
import { buildImportPreview, parseImportFile } from '../../../shared/import/index.js';
import { createBackend, type Backend } from '../../../electron/services/backend.js';
import { createNodeSettings, Settings } from '../../../electron/services/settings.js';
import { NOW, tempDir } from '../store/helpers.js';

/** Every own property name of Object.prototype, accessor `__proto__` included. */
const BUILTINS = Object.getOwnPropertyNames(Object.prototype);

const contact = (id: string) => ({ id, name: `Person ${id}`, createdAt: NOW, updatedAt: NOW });
const docText = (body: Record<string, unknown>) => JSON.stringify({ format: 'carnet', version: 1, meta: { createdAt: NOW }, ...body });

describe('validating a document file', () => {
  it.each(BUILTINS)('refuses a tie to "%s" when no such contact exists', (name) => {
    const r = parseDocument(docText({ contacts: { a: contact('a') }, ties: { t1: { id: 't1', from: 'a', to: name } } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ path: '$.ties.t1.to', message: `unknown contact "${name}"` });
  });

  it.each(BUILTINS)('refuses a contact in a category "%s" that does not exist, and a position of a contact "%s" that does not exist', (name) => {
    const inCategory = parseDocument(docText({ contacts: { a: { ...contact('a'), categories: [name] } } }));
    expect(inCategory.ok).toBe(false);
    if (!inCategory.ok) expect(inCategory.error.message).toBe(`unknown category "${name}"`);
    const placed = parseDocument(docText({ contacts: { a: contact('a') }, positions: { [name]: { x: 1, y: 2 } } }));
    expect(placed.ok).toBe(false);
    const interaction = parseDocument(
      docText({ contacts: { a: contact('a') }, interactions: { i: { id: 'i', date: '2025-01-01', contacts: ['a', name], channel: 'call' } } }),
    );
    expect(interaction.ok).toBe(false);
  });

  it('keeps contacts, categories and positions whose ids are built-in names, and writes them back unchanged', () => {
    const contacts = Object.fromEntries(BUILTINS.map((n) => [n, { ...contact(n), categories: [n] }]));
    const categories = Object.fromEntries(BUILTINS.map((n) => [n, { id: n, name: n, color: '#336699' }]));
    const positions = Object.fromEntries(BUILTINS.map((n, i) => [n, { x: i, y: -i }]));
    const ties = { __proto__t: { id: '__proto__t', from: '__proto__', to: 'constructor' } };
    // JSON.parse makes "__proto__" an own key, as it is in a file.
    const text = `{"format":"carnet","version":1,"meta":{"createdAt":"${NOW}"},"contacts":${JSON.stringify(contacts)},"categories":${JSON.stringify(categories)},"positions":${JSON.stringify(positions)},"ties":${JSON.stringify(ties)}}`;
    expect(text).toContain('"__proto__":{"id":"__proto__"');
    const r = parseDocument(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const coll of ['contacts', 'categories', 'positions'] as const) {
      expect(Object.keys(r.doc[coll]).sort()).toEqual([...BUILTINS].sort());
    }
    expect(r.doc.contacts.__proto__!.name).toBe('Person __proto__');
    // Nothing leaked into the collection's prototype: an unknown id reads as nothing.
    expect((r.doc.contacts as Record<string, unknown>).isPrototypeOf).toMatchObject({ id: 'isPrototypeOf' });
    expect((r.doc.ties as Record<string, unknown>).constructor).toBeUndefined();
    const again = parseDocument(JSON.stringify(r.doc));
    expect(again.ok && JSON.stringify(again.doc)).toBe(JSON.stringify(r.doc));
  });

  it('reports the path of an invalid entity under a built-in id', () => {
    const r = validateDocument(JSON.parse(`{"format":"carnet","version":1,"meta":{"createdAt":"${NOW}"},"contacts":{"__proto__":{"id":"__proto__","name":"","createdAt":"${NOW}","updatedAt":"${NOW}"}}}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('$.contacts.__proto__.name');
  });

  it('parses a collection into an object whose keys are only its ids', () => {
    const doc = CarnetDocument.parse(JSON.parse(docText({ contacts: { a: contact('a') } })));
    expect('toString' in doc.contacts).toBe(false);
    expect('hasOwnProperty' in doc.ties).toBe(false);
  });
});

describe('change sets', () => {
  const put = (coll: string, id: string, value: unknown): ChangeSet => parseChangeSet({ label: { key: 'labels.edit' }, changes: [{ op: 'put', coll, id, value }] });

  it.each(BUILTINS)('puts, saves and deletes a contact "%s" like any other', (name) => {
    // Both kinds of copy: one parsed from the file, one parsed as plain JSON (the renderer's and the workers').
    for (const doc of [emptyDocument(NOW), JSON.parse(JSON.stringify(emptyDocument(NOW))) as CarnetDocument]) {
      const inverse = applyChangeSet(doc, put('contacts', name, contact(name)));
      expect(Object.keys(doc.contacts)).toEqual([name]);
      expect(Object.getPrototypeOf(doc.contacts)).not.toMatchObject({ id: name });
      expect(JSON.parse(JSON.stringify(doc)).contacts[name].id).toBe(name);
      applyChangeSet(doc, put('positions', name, { x: 1, y: 2 }));
      expect(Object.keys(doc.positions)).toEqual([name]);
      applyChangeSet(doc, inverse.changes.length ? deleteContacts(doc, [name]) : inverse);
      expect(Object.keys(doc.contacts)).toEqual([]);
      expect(Object.keys(doc.positions)).toEqual([]);
    }
  });

  it.each(BUILTINS)('refuses a tie, an interaction, a membership or a position naming a missing "%s"', (name) => {
    for (const doc of [emptyDocument(NOW), JSON.parse(JSON.stringify(emptyDocument(NOW))) as CarnetDocument]) {
      applyChangeSet(doc, put('contacts', 'a', contact('a')));
      const before = JSON.stringify(doc);
      expect(() => applyChangeSet(doc, put('ties', 't', { id: 't', from: 'a', to: name }))).toThrow(ChangeError);
      expect(() => applyChangeSet(doc, put('interactions', 'i', { id: 'i', date: '2025-01-01', contacts: [name], channel: 'call' }))).toThrow(ChangeError);
      expect(() => applyChangeSet(doc, put('contacts', 'b', { ...contact('b'), categories: [name] }))).toThrow(ChangeError);
      expect(() => applyChangeSet(doc, put('positions', name, { x: 0, y: 0 }))).toThrow(ChangeError);
      expect(() => applyChangeSet(doc, { label: { key: 'labels.edit' }, changes: [{ op: 'del', coll: 'contacts', id: name }] })).toThrow(ChangeError);
      expect(JSON.stringify(doc)).toBe(before);
    }
  });

  it('builds commands against own ids only', () => {
    const doc = emptyDocument(NOW);
    expect(() => logInteraction(doc, { date: '2025-01-01', contacts: ['constructor'], channel: 'call', direction: 'mutual' })).toThrow(/no contact "constructor"/);
    applyChangeSet(doc, addContact(doc, { id: 'constructor', name: 'Constance' }, NOW));
    applyChangeSet(doc, addCategory(doc, { id: 'toString', name: 'Clients', color: '#123456' }));
    expect(() => addContact(doc, { id: 'constructor', name: 'Again' })).toThrow(/already exists/);
    applyChangeSet(doc, setCategoryMembership(doc, ['constructor', 'valueOf'], 'toString', true, NOW));
    expect(getOwn(doc.contacts, 'constructor')!.categories).toEqual(['toString']);
    expect(setCategoryMembership(doc, ['constructor'], 'hasOwnProperty', true, NOW).label.params).toEqual({ name: 'hasOwnProperty' });
  });
});

describe('the other builders of shared/document, on a plain JSON copy', () => {
  it('place a new contact "__proto__", and find no category or suggestion that is not there', () => {
    const doc = JSON.parse(JSON.stringify(emptyDocument(NOW))) as CarnetDocument;
    const created = withPositions(doc, parseChangeSet({ label: { key: 'labels.addContact' }, changes: [{ op: 'put', coll: 'contacts', id: '__proto__', value: contact('__proto__') }] }));
    applyChangeSet(doc, created);
    expect(Object.keys(doc.positions)).toEqual(['__proto__']);
    const drop = areaDropChangeSet(doc, {}, { add: new Map([['constructor', ['__proto__']]]), remove: new Map() }, NOW);
    expect(drop.changes.filter((c) => c.op === 'put' && c.coll === 'contacts')).toEqual([]);
    expect(isHidden(doc, 'toString', '2025-01-01')).toBe(false);
  });
});

describe('an import over a document copy', () => {
  it('previews vCards whose UIDs are built-in names without finding a contact that is not there', () => {
    const vcf = ['constructor', '__proto__', 'toString'].map((uid) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:Card ${uid}\r\nEND:VCARD\r\n`).join('');
    const parsed = parseImportFile(new TextEncoder().encode(vcf), 'cards.vcf');
    // The renderer's import worker holds a plain JSON copy of the document.
    for (const doc of [emptyDocument(NOW), JSON.parse(JSON.stringify(emptyDocument(NOW))) as CarnetDocument]) {
      const preview = buildImportPreview(doc, [parsed], { now: NOW });
      applyChangeSet(doc, preview.changeSet);
      expect(Object.values(doc.contacts).map((c) => c.name).sort()).toEqual(['Card __proto__', 'Card constructor', 'Card toString']);
    }
  });
});

describe('the API', () => {
  let dir: string;
  let cleanup: () => void;
  let backend: Backend;
  beforeEach(() => ({ dir, cleanup } = tempDir('carnet-builtins-')));
  afterEach(async () => {
    await backend?.close().catch(() => {});
    cleanup();
  });

  const open = async (): Promise<Backend> => {
    const map = new Map<string, unknown>();
    return (backend = await createBackend({
      dataDir: dir,
      settings: new Settings({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) }),
      docPath: join(dir, 'doc.json'),
      transport: 'web',
      systemLanguage: 'en',
      storeOptions: { saveDelayMs: 60_000 },
    }));
  };

  it('keeps a contact "__proto__" acknowledged by apply in the saved file and after reopening', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'doc.json'), JSON.stringify(emptyDocument(NOW)));
    let b = await open();
    // As it arrives over the socket: the frame's text parsed by JSON.parse.
    const frame = JSON.parse(`[{"label":{"key":"labels.addContact"},"changes":[{"op":"put","coll":"contacts","id":"__proto__","value":${JSON.stringify(contact('__proto__'))}},{"op":"put","coll":"contacts","id":"constructor","value":${JSON.stringify(contact('constructor'))}}]}]`) as unknown[];
    await b.call('apply', frame);
    expect(Object.keys(((await b.call('getState', [])) as DocumentState).doc.contacts).sort()).toEqual(['__proto__', 'constructor']);
    await b.close();
    const saved = JSON.parse(readFileSync(join(dir, 'doc.json'), 'utf8')) as { contacts: object };
    expect(Object.keys(saved.contacts).sort()).toEqual(['__proto__', 'constructor']);
    b = await open();
    const state = JSON.parse((await b.call('getStateJson', [])) as string) as DocumentState;
    expect(Object.keys(state.doc.contacts).sort()).toEqual(['__proto__', 'constructor']);
    await b.call('undo', []);
  });

  it('refuses a tie to a contact "constructor" that does not exist, naming it', async () => {
    const { writeFileSync } = await import('node:fs');
    const doc = emptyDocument(NOW);
    applyChangeSet(doc, addContact(doc, { id: 'a', name: 'Alice' }, NOW));
    writeFileSync(join(dir, 'doc.json'), JSON.stringify(doc));
    const b = await open();
    const call = b.call('apply', [{ label: { key: 'labels.edit' }, changes: [{ op: 'put', coll: 'ties', id: 't', value: { id: 't', from: 'a', to: 'constructor' } }] }]);
    await expect(call).rejects.toThrow(/unknown contact "constructor"/);
    expect(Object.keys(((await b.call('getState', [])) as DocumentState).doc.ties)).toEqual([]);
    await expect(b.call('toString', [])).rejects.toThrow(ApiArgumentError);
    await expect(b.call('__proto__', [])).rejects.toThrow(/unknown method/);
  });

  it('remembers a column mapping for a CSV header "__proto__" and finds none for "constructor"', async () => {
    const settings = createNodeSettings(join(dir, 'config'));
    const mapping = { headerRow: 0, columns: [{ field: 'name' as const }], dayFirst: true };
    settings.rememberImportMapping('__proto__', mapping);
    settings.rememberImportMapping('Name', mapping);
    // A fresh instance reads the settings file again.
    const again = createNodeSettings(join(dir, 'config'));
    expect(again.importMapping('__proto__')).toEqual(mapping);
    expect(again.importMapping('constructor')).toBeNull();
    expect(again.importMapping('toString')).toBeNull();
  });
});

describe('the entries of a collection', () => {
  it('are every own entry, built-in names and "__proto__" included, in the order Object.values gives', () => {
    const map = emptyIdMap<string>();
    for (const id of ['b', ...BUILTINS, '10', 'a', '2']) putOwn(map, id, `value of ${id}`);
    expect(idValues(map)).toEqual(Object.values(map));
    expect(idValues(map)).toHaveLength(BUILTINS.length + 4);
    expect(idValues(map)).toContain('value of __proto__');
    // A parsed document's collections, and a plain object: no inherited entry either.
    const parsed = parseDocument(docText({ contacts: Object.fromEntries(['constructor', 'x', '__proto__'].map((id) => [id, contact(id)])) }));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(idValues(parsed.doc.contacts).map((c) => c.id).sort()).toEqual(['__proto__', 'constructor', 'x']);
    expect(idValues({ a: 1, b: 2 })).toEqual([1, 2]);
  });
});
