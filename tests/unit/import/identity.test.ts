import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { isRoleAddress } from '../../../shared/import/identity.js';
import { buildImportPreview, ImportBatch, parseImportFile } from '../../../shared/import/index.js';
import { generateLinkedInExport } from '../../helpers/linkedinExport.js';
import { docWith, NOW } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
const names = (doc: CarnetDocument) => Object.values(doc.contacts).map((c) => c.name).sort();

function run(doc: CarnetDocument, ...files: [string, string][]) {
  const p = buildImportPreview(doc, files.map(([name, text]) => parseImportFile(enc(text), name)), { now: NOW });
  applyChangeSet(doc, p.changeSet);
  return p;
}

describe('who is who: an e-mail or a phone several people share names no one', () => {
  it('knows role addresses in English and French', () => {
    for (const a of ['contact@acme.example', 'INFO@acme.example', 'no-reply@x.example', 'accueil@mairie.example', 'bonjour@studio.example', 'sales+eu@x.example']) {
      expect(isRoleAddress(a), a).toBe(true);
    }
    for (const a of ['jeanne.moreau@acme.example', 'contactless@x.example', 'j.info@x.example']) expect(isRoleAddress(a), a).toBe(false);
  });

  it('does not merge different people who give the same contact@ address', () => {
    const doc = emptyDocument('2024-01-01');
    run(doc, ['team.csv', 'Name,Email,Company\nAlice Bernard,contact@studio.example,Studio\nBruno Carré,contact@studio.example,Studio\n']);
    expect(names(doc)).toEqual(['Alice Bernard', 'Bruno Carré']);
  });

  it('does not merge different people who share a personal-looking address or a switchboard', () => {
    const doc = docWith({ name: 'Paul Martin', emails: [{ value: 'famille.martin@courriel.example' }], phones: [{ value: '01 44 55 66 77' }] });
    const p = run(doc, ['family.vcf', 'BEGIN:VCARD\nVERSION:3.0\nFN:Anne Martin\nEMAIL:famille.martin@courriel.example\nTEL:+33 1 44 55 66 77\nEND:VCARD\n']);
    expect(p.files[0]).toMatchObject({ new: 1, merged: 0 });
    expect(names(doc)).toEqual(['Anne Martin', 'Paul Martin']);
  });

  it('still merges one person found by their own e-mail, even written with an initial', () => {
    const doc = docWith({ name: 'Jean Dupont', emails: [{ value: 'jean.dupont@acme.example' }] });
    const p = run(doc, ['outlook.csv', 'Name,E-mail Address\nJ. Dupont,Jean.Dupont@acme.example\n']);
    expect(p.files[0]).toMatchObject({ new: 0, merged: 1, matchedOn: expect.objectContaining({ email: 1 }) });
  });

  it('an address two contacts of the document already share identifies neither', () => {
    const doc = docWith(
      { id: 'a', name: 'Alice Noir', emails: [{ value: 'shared@home.example' }] },
      { id: 'b', name: 'Alice Noir', emails: [{ value: 'shared@home.example' }] },
    );
    const p = run(doc, ['x.vcf', 'BEGIN:VCARD\nVERSION:3.0\nFN:Alice Noir\nEMAIL:shared@home.example\nEND:VCARD\n']);
    expect(p.files[0]!.merged).toBe(0);
  });

  it('never merges two records with different LinkedIn profile URLs, whatever their names and e-mails', () => {
    const doc = docWith({ name: 'Marie Curie', profileUrl: 'https://www.linkedin.com/in/marie-curie-1', emails: [{ value: 'marie@labo.example' }], organizations: [{ name: 'Labo', current: true }] });
    const p = run(doc, ['Connections.csv', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nMarie,Curie,https://www.linkedin.com/in/marie-curie-2,marie@labo.example,Labo,Chercheuse,01 Jan 2020\n']);
    expect(p.files[0]).toMatchObject({ new: 1, merged: 0, possible: 0 });
    expect(names(doc)).toEqual(['Marie Curie', 'Marie Curie']);
  });

  it('merges a row repeated in a Connections.csv (same profile URL), and nothing else of that file', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    const row = 'Léo Double,Martin,https://www.linkedin.com/in/leo-double,,Acme,CTO,01 Jan 2020\n';
    const p = run(emptyDocument('2024-01-01'), ['Connections.csv', header + row + row + 'Léo Double,Martin,https://www.linkedin.com/in/leo-double-2,,Acme,CTO,01 Jan 2021\n']);
    expect(p.files[0]).toMatchObject({ read: 3, new: 2, duplicates: 1 });
  });
});

describe('a LinkedIn export where many people share first and last names', () => {
  const exported = generateLinkedInExport({ connections: 3000, messages: 4000, ties: 2000, givenNames: 12, familyNames: 10 });
  const files = exported.files.map((f) => ({ name: f.name, bytes: enc(f.text) }));

  it('imports exactly one contact per row, with every message and tie on the right person', () => {
    expect(exported.homonyms).toBeGreaterThan(2900);
    const doc = emptyDocument('2026-06-01');
    const p = new ImportBatch(files).preview(doc, { now: NOW });
    expect(p.totals).toMatchObject({ read: 3000, new: 3000, merged: 0, duplicates: 0, possible: 0 });
    applyChangeSet(doc, p.changeSet);
    expect(Object.keys(doc.contacts)).toHaveLength(3000);
    const urlOf = (id: string) => doc.contacts[id]!.profileUrl;
    expect(new Set(Object.values(doc.contacts).map((c) => c.profileUrl))).toEqual(new Set(exported.urls));
    // Who had a conversation each day: a message's contact must be one of them (homonyms never are, unless the same day).
    const talked = new Map<string, Set<string>>();
    for (const [key, url] of exported.conversations) {
      const day = key.slice(key.indexOf('|') + 1);
      talked.set(day, (talked.get(day) ?? new Set()).add(url));
    }
    const messages = Object.values(doc.interactions).filter((i) => i.source === 'messages.csv');
    expect(messages.length).toBeGreaterThan(exported.conversations.size * 0.95);
    for (const i of messages) {
      expect(i.contacts).toHaveLength(1);
      expect(talked.get(i.date)).toContain(urlOf(i.contacts[0]!));
    }
    const expected = new Set(exported.ties.map(([a, b]) => [a, b].sort().join(' ')));
    const got = Object.values(doc.ties).map((t) => [urlOf(t.from), urlOf(t.to)].sort().join(' '));
    expect(new Set(got)).toEqual(expected);
    expect(p.files.find((f) => f.file === 'ties.csv')!.warnings).toEqual([]);
  });

  it('matches every row again by its profile URL when imported a second time', () => {
    const doc = emptyDocument('2026-06-01');
    applyChangeSet(doc, new ImportBatch(files).preview(doc, { now: NOW }).changeSet);
    const again = new ImportBatch(files).preview(doc, { now: NOW });
    expect(again.totals).toMatchObject({ new: 0, merged: 3000, interactions: 0, ties: 0, possible: 0 });
  });
});
