import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument, type Interaction } from '../../../shared/document/schema.js';
import { expandArchive, ImportBatch, parseImportFile, selectExportFiles, type ImportPreview } from '../../../shared/import/index.js';
import { FIXTURES, NOW, sequentialIds } from './helpers.js';

const folder = join(FIXTURES, 'linkedin-export');
const files = readdirSync(folder).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(folder, name))) }));
const USED = [
  'Connections.csv',
  'Education.csv',
  'Endorsement_Given_Info.csv',
  'Endorsement_Received_Info.csv',
  'Invitations.csv',
  'Positions.csv',
  'Profile.csv',
  'Recommendations_Given.csv',
  'Recommendations_Received.csv',
  'Skills.csv',
  'messages.csv',
];
const IGNORED = ['Ad_Targeting.csv', 'Company Follows.csv', 'Email Addresses.csv', 'Registration.csv', 'Rich_Media.csv'];

function importExport(doc = emptyDocument('2024-01-01'), lang: 'en' | 'fr' = 'en'): ImportPreview {
  const { selected, skipped } = selectExportFiles(files);
  return new ImportBatch(selected, { lang }, skipped.map((f) => f.name)).preview(doc, { now: NOW, newId: sequentialIds() });
}

function applied(p: ImportPreview, doc = emptyDocument('2024-01-01')): CarnetDocument {
  applyChangeSet(doc, p.changeSet);
  return doc;
}

const byName = (doc: CarnetDocument, name: string) => Object.values(doc.contacts).filter((c) => c.name === name);
const interactionsOf = (doc: CarnetDocument, id: string): Interaction[] => Object.values(doc.interactions).filter((i) => i.contacts.includes(id));

describe('LinkedIn data export', () => {
  it('reads the files about the network and about the user, and names the others as ignored', () => {
    const { selected, skipped } = selectExportFiles(files);
    expect(selected.map((f) => f.name).sort()).toEqual([...USED].sort());
    expect(skipped.map((f) => f.name).sort()).toEqual(IGNORED);
    expect(importExport().ignored.sort()).toEqual(IGNORED);
  });

  it('expands a .zip of the export, with the same selection', () => {
    const zip = zipSync(Object.fromEntries(files.map((f) => [`Basic_LinkedInDataExport/${f.name}`, f.bytes])));
    const { files: inner, ignored, error } = expandArchive(zip, 'export.zip');
    expect(error).toBeUndefined();
    expect(inner.map((f) => f.name.replace('export.zip/Basic_LinkedInDataExport/', '')).sort()).toEqual([...USED].sort());
    expect(ignored.map((f) => f.replace('export.zip/Basic_LinkedInDataExport/', '')).sort()).toEqual(IGNORED);
    const p = new ImportBatch([{ name: 'export.zip', bytes: zip }]).preview(emptyDocument('2024-01-01'), { now: NOW });
    expect(p.totals.new).toBe(5);
    expect(p.ignored).toHaveLength(IGNORED.length);
  });

  it('reports a broken archive', () => {
    expect(expandArchive(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'bad.zip').error).toContain('bad.zip: not a readable ZIP archive');
  });

  it('fills the user\'s profile from Profile, Positions, Education and Skills; none of it becomes a contact', () => {
    const p = importExport();
    expect(p.me?.changes.map((c) => c.field)).toEqual(['name', 'headline', 'city', 'sector', 'profileUrl', 'organizations', 'schools', 'tags']);
    const doc = applied(p);
    expect(doc.me).toEqual({
      name: 'Camille Owner',
      headline: 'Consultante en stratégie produit',
      city: 'Paris',
      sector: 'Financial Services',
      // The one participant of every conversation: the user.
      profileUrl: 'https://www.linkedin.com/in/camille-owner',
      organizations: [
        { name: 'Banque Lumière', title: 'Head of Product', current: true, start: '2021-03-01' },
        { name: 'Télécom Ouest', title: 'Chef de produit', current: false, start: '2016-09-01', end: '2021-02-01' },
        { name: 'Atelier', title: 'Stagiaire produit', current: false, start: '2015-01-01', end: '2015-06-01' },
      ],
      schools: [
        { name: 'HEC Paris', degree: 'Master', year: 2014 },
        { name: 'Université de Rennes', degree: 'Licence', year: 2012 },
      ],
      tags: ['Stratégie produit', 'Fintech', 'UX', 'Gestion de projet, agile'],
    });
    expect(Object.values(doc.contacts).map((c) => c.name).sort()).toEqual(['Jean Dupont', 'Jean Dupont', 'Jeanne Moreau', 'Paul Martin', 'Sofia Rossi']);
    expect(p.files.filter((f) => f.profile).map((f) => f.file).sort()).toEqual(['Education.csv', 'Positions.csv', 'Profile.csv', 'Skills.csv']);
  });

  it('changes in the profile only what differs, and completes what it already had', () => {
    const doc = emptyDocument('2024-01-01');
    doc.me = { name: 'Camille Owner', organizations: [{ name: 'Banque Lumière', current: true }], schools: [], tags: ['UX'] };
    const p = importExport(doc);
    const fields = p.me!.changes.map((c) => c.field);
    expect(fields).not.toContain('name');
    const orgs = p.me!.changes.find((c) => c.field === 'organizations') as { added: { name: string }[]; completed: { name: string; start?: string }[] };
    expect(orgs.added.map((o) => o.name)).toEqual(['Télécom Ouest', 'Atelier']);
    expect(orgs.completed).toEqual([expect.objectContaining({ name: 'Banque Lumière', title: 'Head of Product', start: '2021-03-01' })]);
    const tags = p.me!.changes.find((c) => c.field === 'tags') as { added: string[] };
    expect(tags.added).toEqual(['Stratégie produit', 'Fintech', 'Gestion de projet, agile']);
  });

  it('turns endorsements and recommendations into interactions, given and received, matched by URL then by name', () => {
    const p = importExport();
    const doc = applied(p);
    const [jeanne] = byName(doc, 'Jeanne Moreau');
    const [sofia] = byName(doc, 'Sofia Rossi');
    const [paul] = byName(doc, 'Paul Martin');
    const dupont = byName(doc, 'Jean Dupont');
    const endorsed = interactionsOf(doc, jeanne!.id).filter((i) => i.source === 'Endorsement_Received_Info.csv');
    // Two skills endorsed the same day are one gesture.
    expect(endorsed.map((i) => [i.date, i.direction, i.channel, i.note])).toEqual([['2023-06-05', 'received', 'other', 'LinkedIn: endorsed you for Stratégie produit, Fintech']]);
    expect(interactionsOf(doc, sofia!.id).map((i) => [i.source, i.direction]).sort()).toEqual([
      ['Endorsement_Given_Info.csv', 'gave'],
      ['Invitations.csv', 'gave'],
      ['Recommendations_Given.csv', 'gave'],
    ]);
    expect(interactionsOf(doc, paul!.id).filter((i) => i.source === 'Recommendations_Received.csv').map((i) => [i.date, i.direction])).toEqual([['2022-05-14', 'received']]);
    // Two connections are named Jean Dupont: the company says which one wrote; an unknown company leaves it unsure.
    const atInitech = dupont.find((c) => c.organizations[0]!.name === 'Initech')!;
    expect(interactionsOf(doc, atInitech.id).map((i) => [i.source, i.direction])).toEqual([['Recommendations_Received.csv', 'received']]);
    for (const c of dupont) expect(interactionsOf(doc, c.id).filter((i) => i.source === 'Recommendations_Given.csv')).toEqual([]);
    const given = p.files.find((f) => f.file === 'Recommendations_Given.csv')!;
    expect(given.warnings).toEqual([expect.objectContaining({ line: 3, key: 'import.msg.interactionSkipped.refAmbiguous', params: { name: 'Jean Dupont', count: 2 } })]);
    const received = p.files.find((f) => f.file === 'Endorsement_Received_Info.csv')!;
    expect(received.warnings).toEqual([expect.objectContaining({ line: 4, key: 'import.msg.interactionSkipped.refNoMatch' })]);
  });

  it('gives every connection its connection date: the first known contact', () => {
    const doc = applied(importExport());
    expect(Object.values(doc.contacts).map((c) => [c.name, c.connectedOn]).sort()).toEqual([
      ['Jean Dupont', '2020-09-30'],
      ['Jean Dupont', '2022-04-12'],
      ['Jeanne Moreau', '2024-03-15'],
      ['Paul Martin', '2019-01-02'],
      ['Sofia Rossi', '2023-10-10'],
    ]);
  });

  it('never merges two rows of Connections.csv, even with the same name and a shared e-mail', () => {
    const doc = applied(importExport());
    const dupont = byName(doc, 'Jean Dupont');
    expect(dupont).toHaveLength(2);
    expect(dupont.map((c) => c.emails.map((e) => e.value))).toEqual([['contact@globex.example'], ['contact@globex.example']]);
  });

  it('turns messages and invitations into interactions with the user, who is not a contact', () => {
    const p = importExport();
    expect(p.files.filter((f) => f.interactions > 0 || f.new > 0).map((f) => [f.file, f.new, f.interactions])).toEqual([
      ['Connections.csv', 5, 0],
      ['Endorsement_Given_Info.csv', 0, 1],
      ['Endorsement_Received_Info.csv', 0, 1],
      ['Invitations.csv', 0, 1],
      ['Recommendations_Given.csv', 0, 1],
      ['Recommendations_Received.csv', 0, 2],
      ['messages.csv', 0, 2],
    ]);
    const doc = applied(p);
    expect(byName(doc, 'Camille Owner')).toEqual([]);
    const messages = Object.values(doc.interactions).filter((i) => i.source === 'messages.csv');
    expect(messages.map((i) => [i.date, i.direction, i.channel])).toEqual([
      ['2024-03-16', 'mutual', 'message'],
      ['2021-05-02', 'received', 'message'],
    ]);
    expect(p.files.find((f) => f.file === 'messages.csv')!.warnings).toEqual([expect.objectContaining({ line: 6, message: 'interaction skipped: no contact matches “Unknown Person”' })]);
  });

  it('writes its notes in the language of the import', () => {
    const doc = applied(importExport(emptyDocument('2024-01-01'), 'fr'));
    const notes = Object.values(doc.interactions).map((i) => i.note);
    expect(notes).toContain('LinkedIn : a validé vos compétences Stratégie produit, Fintech');
    expect(notes).toContain('LinkedIn : 2 messages');
  });

  it('does not duplicate anything when the same export is imported twice, even in another language', () => {
    const doc = applied(importExport(emptyDocument('2024-01-01'), 'fr'));
    const again = importExport(doc, 'en');
    expect(again.totals).toMatchObject({ new: 0, merged: 5, interactions: 0 });
    expect(again.me).toBeNull();
  });

  it('reads a messages file with the user known from Profile.csv, even when one conversation cannot tell', () => {
    const one = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n' +
      'c1,,Camille Owner,,Paul Martin,,2024-01-02 10:00:00 UTC,,Bonjour,INBOX\n';
    const profile = readFileSync(join(folder, 'Profile.csv'));
    const connections = readFileSync(join(folder, 'Connections.csv'));
    const enc = new TextEncoder();
    const batch = new ImportBatch([
      { name: 'messages.csv', bytes: enc.encode(one) },
      { name: 'Profile.csv', bytes: new Uint8Array(profile) },
      { name: 'Connections.csv', bytes: new Uint8Array(connections) },
    ]);
    const p = batch.preview(emptyDocument('2024-01-01'), { now: NOW });
    const m = p.files.find((f) => f.file === 'messages.csv')!;
    expect(m.warnings).toEqual([]);
    expect(m.interactions).toBe(1);
    const doc = applied(p);
    const paul = byName(doc, 'Paul Martin')[0]!;
    expect(interactionsOf(doc, paul.id).map((i) => i.direction)).toEqual(['gave']);
  });

  it('tells Skills.csv from a list of people by its name, and recommendations given from received', () => {
    const enc = new TextEncoder();
    expect(parseImportFile(enc.encode('Name\nUX\nData\n'), 'Skills.csv')).toMatchObject({ format: 'linkedin-skills', contacts: [] });
    expect(parseImportFile(enc.encode('Name\nAda Lovelace\nAlan Turing\n'), 'people.csv').contacts).toHaveLength(2);
    const rec = 'First Name,Last Name,Company,Job Title,Text,Creation Date,Status\nAda,L,X,Y,Bravo,"01/19/13, 12:10 AM",VISIBLE\n';
    expect(parseImportFile(enc.encode(rec), 'Recommendations Given.csv').format).toBe('linkedin-recommendations-given');
    expect(parseImportFile(enc.encode(rec), 'Recommendations_Received.csv').interactions[0]).toMatchObject({ date: '2013-01-19', direction: 'received' });
    const unsure = parseImportFile(enc.encode(rec), 'recs.csv');
    expect(unsure.warnings.map((w) => w.key)).toEqual(['import.msg.recommendationSide']);
  });
});

describe('files picked or dropped together', () => {
  const named = (...names: string[]) => names.map((name) => ({ name }));
  it('reads every loose file the user chose, unless they are a whole export picked at once', async () => {
    const { selectDropped } = await import('../../../shared/import/index.js');
    expect(selectDropped(named('Connections.csv', 'contacts.vcf', 'Ad_Targeting.csv')).selected.map((f) => f.name)).toEqual(['Connections.csv', 'contacts.vcf', 'Ad_Targeting.csv']);
    const whole = selectDropped(named('Connections.csv', 'messages.csv', 'Profile.csv', 'Positions.csv', 'Ad_Targeting.csv', 'contacts.vcf'));
    expect(whole.selected.map((f) => f.name)).toEqual(['Connections.csv', 'messages.csv', 'Profile.csv', 'Positions.csv', 'contacts.vcf']);
    expect(whole.skipped.map((f) => f.name)).toEqual(['Ad_Targeting.csv']);
    const folder = selectDropped(named('export/Connections.csv', 'export/Ad_Targeting.csv', 'other/friends.vcf', 'other/photo.jpg'));
    expect(folder.selected.map((f) => f.name)).toEqual(['export/Connections.csv', 'other/friends.vcf']);
    expect(folder.skipped.map((f) => f.name)).toEqual(['export/Ad_Targeting.csv', 'other/photo.jpg']);
  });
});
