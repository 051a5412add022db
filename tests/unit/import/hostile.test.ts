/**
 * Files as an attacker (or an unlucky export) writes them: names of built-in
 * object properties as ids and values, runs of spaces, thousands of copies.
 * Every one imports as plain data, with the counts right.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument } from '../../../shared/document/schema.js';
import { parseDate } from '../../../shared/import/dates.js';
import { buildImportPreview, expandArchive, ImportBatch, parseImportFile } from '../../../shared/import/index.js';
import { docWith, NOW } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
const BUILT_INS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('names of built-in object properties are plain data', () => {
  it('a vCard whose UID, name and categories are built-in names imports, into an empty document or not', () => {
    const cards = BUILT_INS.map((n) => `BEGIN:VCARD\nVERSION:3.0\nUID:${n}\nFN:${n}\nCATEGORIES:${n}\nEMAIL;TYPE=${n}:${n.replace(/_/g, 'x')}@x.example\nEND:VCARD\n`).join('');
    for (const doc of [emptyDocument('2024-01-01'), docWith({ id: 'c_1', name: 'Other' })]) {
      const p = buildImportPreview(doc, [parseImportFile(enc(cards), 'uid.vcf')], { now: NOW });
      expect(p.files[0]).toMatchObject({ read: BUILT_INS.length, new: BUILT_INS.length, errors: [] });
      applyChangeSet(doc, p.changeSet);
      const names = Object.values(doc.contacts).map((c) => c.name);
      for (const n of BUILT_INS) expect(names).toContain(n);
      expect(Object.values(doc.categories).map((c) => c.name).sort()).toEqual([...BUILT_INS].sort());
    }
  });

  it('CSV cells and headers that are built-in names, in every column', () => {
    const header = 'Name,Email,Company,Categories,Connected On,__proto__,constructor';
    const rows = BUILT_INS.map((n) => `${n},${n.replace(/_/g, 'x')}@y.example,${n},${n},${n},${n},${n}`);
    const parsed = parseImportFile(enc(`${header}\n${rows.join('\n')}\n`), 'cells.csv');
    expect(parsed.contacts.map((c) => c.name)).toEqual(BUILT_INS);
    // "constructor" is no month, and no date.
    expect(parsed.warnings.filter((w) => w.key === 'import.msg.connectedOnInvalid')).toHaveLength(BUILT_INS.length);
    const p = buildImportPreview(emptyDocument('2024-01-01'), [parsed], { now: NOW });
    expect(p.files[0]!.new).toBe(BUILT_INS.length);
    expect(parseDate('1 constructor 2020')).toBeUndefined();
    expect(parseDate('1 __proto__ 2020')).toBeUndefined();
  });

  it('a Carnet document whose ids are built-in names is imported as such', () => {
    const contact = (id: string) => ({ id, name: `Person ${id}`, createdAt: NOW, updatedAt: NOW, categories: ['toString'] });
    const text = JSON.stringify({
      format: 'carnet',
      version: 1,
      meta: { createdAt: NOW },
      contacts: Object.fromEntries(['constructor', 'toString', 'valueOf'].map((id) => [id, contact(id)])),
      categories: { toString: { id: 'toString', name: 'toString', color: '#000000' } },
      ties: { hasOwnProperty: { id: 'hasOwnProperty', from: 'constructor', to: 'toString' } },
    });
    const parsed = parseImportFile(enc(text), 'doc.json');
    expect(parsed.errors).toEqual([]);
    const doc = emptyDocument('2024-01-01');
    const p = buildImportPreview(doc, [parsed], { now: NOW });
    expect(p.totals).toMatchObject({ new: 3, ties: 1, categories: 1 });
    applyChangeSet(doc, p.changeSet);
    expect(Object.values(doc.contacts).map((c) => c.name).sort()).toEqual(['Person constructor', 'Person toString', 'Person valueOf']);
  });

  it('ties and interactions naming a built-in as a person find no one, and say so', () => {
    const doc = docWith({ id: 'a', name: 'Alice' });
    const ties = parseImportFile(enc('From,To\nconstructor,Alice\n__proto__,toString\n'), 'ties.csv');
    const p = buildImportPreview(doc, [ties], { now: NOW });
    expect(p.files[0]!.ties).toBe(0);
    expect(p.files[0]!.warnings.map((w) => w.key)).toEqual(['import.msg.tieSkipped.refNoMatch', 'import.msg.tieSkipped.refNoMatch']);
  });

  it('an archive with an entry named __proto__ is read like any other', () => {
    const zip = zipSync({ 'a/contacts.vcf': enc('BEGIN:VCARD\nVERSION:3.0\nFN:In Zip\nEND:VCARD\n'), 'a/constructor.csv': enc('Name\nCtor Person\n') });
    const { files } = expandArchive(zip, 'x.zip');
    expect(files.map((f) => f.name).sort()).toEqual(['x.zip/a/constructor.csv', 'x.zip/a/contacts.vcf']);
  });
});

describe('sizes that made an import path quadratic', () => {
  it('a cell holding a megabyte of spaces is read as an empty value', () => {
    const spaces = ' '.repeat(1024 * 1024);
    const text = `Name,Email,Categories,Tags,Company\nAlice${spaces}Bernard,alice@x.example,${spaces},${spaces}a${spaces},${spaces}\n`;
    const parsed = parseImportFile(enc(text), 'spaces.csv');
    expect(parsed.errors).toEqual([]);
    const c = parsed.contacts[0]!;
    expect(c.name).toBe('Alice Bernard');
    expect(c.categories).toEqual([]);
    expect(c.tags).toEqual(['a']);
    expect(c.organizations).toEqual([]);
    const p = buildImportPreview(emptyDocument('2024-01-01'), [parsed], { now: NOW });
    expect(p.files[0]).toMatchObject({ read: 1, new: 1 });
  });

  it('10,000 identical rows are one contact with one source, counted as duplicates', () => {
    const row = 'Jeanne Répétée,jeanne@repete.example,Atelier,1975-05-05\n';
    const p = new ImportBatch([{ name: 'copies.csv', bytes: enc(`Name,Email,Company,Birthday\n${row.repeat(10_000)}`) }]).preview(emptyDocument('2024-01-01'), { now: NOW });
    expect(p.files[0]).toMatchObject({ read: 10_000, new: 1, duplicates: 9_999, skipped: 0, conflicts: [] });
    const contact = p.changeSet.changes.find((c) => c.op === 'put' && c.coll === 'contacts')!;
    expect((contact as { value: { sources: unknown[]; notes?: string } }).value.sources).toHaveLength(1);
    expect((contact as { value: { notes?: string } }).value.notes).toBeUndefined();
  });

  it('20,000 namesakes at one company are 20,000 contacts, none merged, each asked about the one the document had', () => {
    // Each row read every namesake before it (the matcher's lists, the look-alike buckets): 4 minutes at this size.
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    const rows = Array.from({ length: 20_000 }, (_, i) => `Jean,Martin,${i % 2 ? '' : `https://www.linkedin.com/in/jm-${i}`},,Atelier,Designer,01 Jan 2020\n`);
    const doc = docWith({ id: 'own', name: 'Jean Martin', organizations: [{ name: 'Atelier', current: true }] });
    const p = buildImportPreview(doc, [parseImportFile(enc(header + rows.join('')), 'Connections.csv')], { now: NOW });
    expect(p.files[0]).toMatchObject({ read: 20_000, new: 20_000, merged: 0, possible: 20_000 });
    expect(new Set(p.duplicates.map((d) => d.existing.contactId))).toEqual(new Set(['own']));
    // A second export of other people of that surname there: each compared with a bounded number of them.
    const others = Array.from({ length: 20_000 }, (_, i) => `Jeanne${i},Martin,https://www.linkedin.com/in/jx-${i},,Atelier,Designer,01 Jan 2020\n`);
    const q = buildImportPreview(doc, [parseImportFile(enc(header + rows.join('')), 'Connections.csv'), parseImportFile(enc(header + others.join('')), 'Connections (2).csv')], { now: NOW });
    expect(q.files.map((f) => f.new)).toEqual([20_000, 20_000]);
  });

  it('a blank line run in front of a vCard is still a vCard', () => {
    // Within the 64 KB Carnet looks at to tell a vCard: a pattern with `^\s*` under the m flag backtracked over them all.
    const text = `${'\n'.repeat(60_000)}BEGIN:VCARD\nVERSION:3.0\nFN:After Blanks\nEND:VCARD\n`;
    expect(parseImportFile(enc(text), 'blanks.txt').contacts.map((c) => c.name)).toEqual(['After Blanks']);
  });
});
