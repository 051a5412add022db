// Rows of one LinkedIn Connections.csv are different people, so the possible-duplicate lookups of a row
// skip the other rows without reading them (shared/import/matcher.ts): that must not change what is
// asked. A row is still compared with the document's contacts and with other files' records, and a
// namesake row skipped this way still counts against "the same name, a single contact has it".
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/document/schema.js';
import { IdentityKeys } from '../../../shared/import/identity.js';
import { buildImportPreview, parseImportFile } from '../../../shared/import/index.js';
import { keysOf, Matcher, MAX_READS } from '../../../shared/import/matcher.js';
import { docWith, NOW } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const row = (first: string, last: string, n: number, company: string) => `${first},${last},https://www.linkedin.com/in/p-${n},,${company},Designer,01 Jan 2020`;
const connections = (rows: string[]) => parseImportFile(enc(`${HEADER}\n${rows.join('\n')}\n`), 'Connections.csv');

describe('namesakes in one Connections.csv', () => {
  it("are each compared with the document's look-alike at their company, never with each other", () => {
    const doc = docWith({ id: 'own', name: 'Jeanne Dupond', organizations: [{ name: 'Atelier', current: true }] }, { id: 'elsewhere', name: 'Zoé Autre' });
    const rows = Array.from({ length: 40 }, (_, i) => row('Jeanne', 'Dupont', i, i % 2 ? 'Atelier' : 'Forge'));
    const p = buildImportPreview(doc, [connections(rows)], { now: NOW });
    expect(p.files[0]).toMatchObject({ read: 40, new: 40, merged: 0 });
    // The 20 rows at Atelier may be the document's Jeanne Dupond (a typo); those at Forge cannot be.
    expect(p.duplicates.map((d) => [d.incoming.ref, d.existing.contactId, d.reason])).toEqual(
      Array.from({ length: 20 }, (_, i) => [`line ${2 * i + 3}`, 'own', 'typo']),
    );
  });

  it('count as namesakes of their own: the same name is asked about only when one contact has it', () => {
    // The document's Jean Martin has no company: a row of that name is asked about when it is the only
    // other Jean Martin, whatever rows of the file share the row's company (they are someone else).
    const doc = docWith({ id: 'own', name: 'Jean Martin' });
    const atOne = buildImportPreview(doc, [connections([row('Jean', 'Martin', 1, 'Atelier'), row('Jean', 'Martin', 2, 'Atelier'), row('Jean', 'Martin', 3, 'Atelier')])], { now: NOW });
    expect(atOne.duplicates.map((d) => [d.incoming.ref, d.existing.contactId, d.reason])).toEqual([
      ['line 2', 'own', 'sameName'],
      ['line 3', 'own', 'sameName'],
      ['line 4', 'own', 'sameName'],
    ]);
    // A namesake row at another company is one more Jean Martin the row cannot tell apart: no question then.
    const apart = buildImportPreview(doc, [connections([row('Jean', 'Martin', 1, 'Atelier'), row('Jean', 'Martin', 2, 'Forge')])], { now: NOW });
    expect(apart.duplicates.map((d) => d.incoming.ref)).toEqual(['line 2']);
  });

  it("are none of them merged with the document's namesake at their company: which one it is, the user says", () => {
    const doc = docWith({ id: 'own', name: 'Jean Martin', organizations: [{ name: 'Atelier', current: true }] });
    // One row of that name there: surely the document's Jean Martin.
    const one = buildImportPreview(doc, [connections([row('Jean', 'Martin', 1, 'Atelier'), row('Jean', 'Martin', 2, 'Forge')])], { now: NOW });
    expect(one.files[0]).toMatchObject({ read: 2, new: 1, merged: 1 });
    // Two rows of that name there are two people, either of whom may be him: both asked about, neither merged.
    const two = buildImportPreview(doc, [connections([row('Jean', 'Martin', 1, 'Atelier'), row('Jean', 'Martin', 2, 'Atelier')])], { now: NOW });
    expect(two.files[0]).toMatchObject({ read: 2, new: 2, merged: 0 });
    expect(two.duplicates.map((d) => [d.incoming.ref, d.existing.contactId, d.reason])).toEqual([
      ['line 2', 'own', 'sameName'],
      ['line 3', 'own', 'sameName'],
    ]);
    // The same person listed twice (one profile URL) is one person: both rows merged into him.
    const twice = buildImportPreview(doc, [connections([row('Jean', 'Martin', 1, 'Atelier'), row('Jean', 'Martin', 1, 'Atelier')])], { now: NOW });
    expect(twice.files[0]).toMatchObject({ read: 2, new: 0, merged: 2 });
  });

  it("are compared with another file's look-alikes at the same company", () => {
    const other = parseImportFile(enc('Name,Company\nJeanne Dupond,Atelier\n'), 'people.csv');
    const p = buildImportPreview(docWith(), [other, connections([row('Jeanne', 'Dupont', 1, 'Atelier'), row('Jeanne', 'Dupont', 2, 'Forge')])], { now: NOW });
    expect(p.duplicates.map((d) => [d.incoming.file, d.incoming.ref, d.reason])).toEqual([['Connections.csv', 'line 2', 'typo']]);
  });
});

// The look-alike index is brought up to date only when a lookup reads it; the possible duplicates it
// offers keep the order they had when it was brought up to date at every lookup.
describe('the order of possible duplicates', () => {
  function matcher() {
    const m = new Matcher(docWith(), new IdentityKeys());
    const contacts = new Map<string, Contact>();
    const person = (name: string, orgs: string[]) => ({ name, organizations: orgs.map((o) => ({ name: o })), emails: [], phones: [] });
    return {
      add: (id: string, name: string, orgs: string[], group?: string) => {
        contacts.set(id, { id, ...person(name, orgs) } as unknown as Contact);
        m.add(id, keysOf(person(name, orgs)), group ? { file: 'f', ref: id, group } : undefined);
      },
      probe: (name: string, orgs: string[], group: string) => m.possible(keysOf(person(name, orgs)), { file: 'g', ref: 'x', group }, (id) => contacts.get(id)).map((c) => c.id),
    };
  }

  it('is the order contacts were first added in since the last lookup, then their organizations', () => {
    const m = matcher();
    m.add('Z', 'Zoé Autre', ['Q'], 'G1');
    m.probe('Zed', ['Q'], 'G2');
    m.add('A', 'Jean Dupont', ['X']);
    m.add('B', 'Jean Dupond', ['X', 'Y']);
    m.add('A', 'Jean Dupont', ['X', 'Y']);
    expect(m.probe('Jean Dupons', ['Y'], 'G2')).toEqual(['A', 'B']);
  });

  it('puts an organization gained after a lookup after those gained before it', () => {
    const m = matcher();
    m.add('Z', 'Zoé Autre', ['Q'], 'G1');
    m.add('A', 'Jean Dupont', ['X']);
    m.probe('Zed', ['Q'], 'G2');
    m.add('B', 'Jean Dupond', ['X', 'Y']);
    m.add('A', 'Jean Dupont', ['X', 'Y']);
    expect(m.probe('Jean Dupons', ['Y'], 'G2')).toEqual(['B', 'A']);
    expect(m.probe('Jean Dupons', ['X'], 'G2')).toEqual(['A', 'B']);
  });
});

describe('a reference to a common name', () => {
  it('names one contact when one has the name, none when many do, however many', () => {
    const m = new Matcher(docWith(), new IdentityKeys());
    const person = (name: string, org: string) => ({ name, organizations: [{ name: org }], emails: [], phones: [] });
    m.add('solo', keysOf(person('Zoé Seule', 'Atelier')));
    expect(m.resolve({ name: 'Zoé Seule' })).toEqual({ id: 'solo' });
    for (let i = 0; i < MAX_READS + 50; i++) m.add(`jm${i}`, keysOf(person('Jean Martin', i === 7 ? 'Forge' : 'Atelier')));
    expect(m.resolve({ name: 'Jean Martin' })).toEqual({ error: { key: 'refAmbiguous', params: { name: 'Jean Martin', count: MAX_READS + 50 } } });
    // The one at the reference's company is found among them; where many are, none is.
    expect(m.resolve({ name: 'Jean Martin', organization: 'Forge' })).toEqual({ id: 'jm7' });
    expect(m.resolve({ name: 'Jean Martin', organization: 'Atelier' })).toMatchObject({ error: { key: 'refAmbiguous' } });
    expect(m.resolve({ name: 'Jean Martin', organization: 'Ailleurs' })).toMatchObject({ error: { key: 'refAmbiguous' } });
  });
});
