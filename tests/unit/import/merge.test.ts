import { describe, expect, it } from 'vitest';
import { applyChangeSet, parseChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { buildImportPreview, parseImportFile } from '../../../shared/import/index.js';
import { docWith, NOW, parseFixture, sequentialIds } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

const contactPuts = (p: ReturnType<typeof buildImportPreview>) =>
  p.changeSet.changes.flatMap((c) => (c.op === 'put' && c.coll === 'contacts' ? [c.value as CarnetDocument['contacts'][string]] : []));

describe('matching and merging', () => {
  it('a file imported again every month keeps one source per contact, dated by its last import', () => {
    const doc = emptyDocument('2024-01-01');
    const csv = enc('Name,Email,Company\nJeanne Moreau,jeanne@atelier.example,Atelier\nPaul Martin,paul@globex.example,Globex\n');
    for (const now of ['2025-01-01T09:00:00.000Z', '2025-02-01T09:00:00.000Z', '2025-03-01T09:00:00.000Z']) {
      applyChangeSet(doc, buildImportPreview(doc, [parseImportFile(csv, 'contacts.csv'), parseImportFile(enc('BEGIN:VCARD\nVERSION:3.0\nFN:Paul Martin\nEMAIL:paul@globex.example\nEND:VCARD\n'), 'phone.vcf')], { now }).changeSet);
    }
    const sources = Object.values(doc.contacts).map((c) => [c.name, c.sources.map((s) => `${s.file} ${s.importedAt.slice(0, 7)}`)]);
    expect(sources.sort()).toEqual([
      ['Jeanne Moreau', ['contacts.csv 2025-03']],
      ['Paul Martin', ['contacts.csv 2025-03', 'phone.vcf 2025-03']],
    ]);
  });

  it('matches on e-mail, phone, profile URL and exact name + organization, and says on what', () => {
    const doc = docWith(
      { name: 'Jeanne Moreau', emails: [{ value: 'JEANNE@atelier.fr', source: 'old.vcf' }], sources: [{ file: 'old.vcf', format: 'vcard', importedAt: '2024-01-01' }] },
      { name: 'P. Martin', profileUrl: 'http://linkedin.com/in/PaulMartin/' },
      { name: 'Amélie Durand', organizations: [{ name: 'Globex SA', current: true }] },
      { name: 'Phone Match', phones: [{ value: '+33 6 12 34 56 78' }] },
    );
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      'Jeanne,Moreau,https://www.linkedin.com/in/jeanne-moreau,jeanne@atelier.fr,Atelier,Directrice,15 Mar 2024\n' +
      'Paul,Martin,https://www.linkedin.com/in/paulmartin,,Globex,Engineer,02 Jan 2019\n' +
      'Amélie,Durand,,,Globex,Designer,28 Feb 2021\n' +
      'New,Person,,,Initech,CEO,1 Jan 2020\n';
    const vcf = 'BEGIN:VCARD\nVERSION:3.0\nFN:Phone Match\nTEL:06 12 34 56 78\nEND:VCARD\n';
    const files = [parseImportFile(enc(csv), 'Connections.csv'), parseImportFile(enc(vcf), 'phone.vcf')];
    const p = buildImportPreview(doc, files, { now: NOW, newId: sequentialIds() });
    expect(p.files.map((f) => [f.file, f.read, f.new, f.merged, f.matchedOn])).toEqual([
      ['Connections.csv', 4, 1, 3, { id: 0, email: 1, profileUrl: 1, phone: 0, 'name+organization': 1, choice: 0 }],
      ['phone.vcf', 1, 0, 1, { id: 0, email: 0, profileUrl: 0, phone: 1, 'name+organization': 0, choice: 0 }],
    ]);
    // Four contacts changed, one created, and its position.
    expect(p.changeSet.changes).toHaveLength(6);
  });

  it('never merges people whose names only look alike: they are possible duplicates, kept apart', () => {
    const csv = 'Name,Company\nAnna Li,Globex\nAnne Li,Globex\nMarc Dupont,Globex\nMarc Dupond,Globex\n';
    const p = buildImportPreview(emptyDocument('2024-01-01'), [parseImportFile(enc(csv), 'g.csv')], { now: NOW });
    expect(p.files[0]).toMatchObject({ read: 4, new: 4, merged: 0, duplicates: 0, possible: 1 });
    expect(p.duplicates.map((d) => [d.incoming.name, d.existing.name, d.reason, d.organization])).toEqual([['Marc Dupond', 'Marc Dupont', 'typo', 'Globex']]);
  });

  it('never loses a value: e-mails, phones, organizations and sources are united, each value with its file', () => {
    const doc = docWith({
      name: 'Jeanne Moreau',
      emails: [{ value: 'jeanne@old.example', source: 'old.vcf' }],
      organizations: [{ name: 'Old Corp', current: false }],
      birthday: '1970-01-01',
      sources: [{ file: 'old.vcf', format: 'vcard', importedAt: '2024-01-01' }],
    });
    const vcf = 'BEGIN:VCARD\nVERSION:3.0\nFN:Jeanne Moreau\nEMAIL:jeanne@old.example\nEMAIL:jeanne@new.example\nTEL:01 02 03 04 05\nORG:Atelier\nBDAY:1971-02-02\nCATEGORIES:Mentors\nEND:VCARD\n';
    const p = buildImportPreview(doc, [parseImportFile(enc(vcf), 'new.vcf')], { now: NOW, newId: sequentialIds() });
    const c = contactPuts(p)[0]!;
    expect(c.emails).toEqual([{ value: 'jeanne@old.example', source: 'old.vcf' }, { value: 'jeanne@new.example', source: 'new.vcf' }]);
    expect(c.phones).toEqual([{ value: '01 02 03 04 05', source: 'new.vcf' }]);
    expect(c.organizations.map((o) => o.name)).toEqual(['Old Corp', 'Atelier']);
    expect(c.sources.map((s) => [s.file, s.ref])).toEqual([['old.vcf', undefined], ['new.vcf', 'card 1']]);
    expect(c.birthday).toBe('1970-01-01');
    expect(c.notes).toContain('new.vcf: birthday 1971-02-02');
    expect(p.files[0]!.conflicts).toEqual([expect.objectContaining({ field: 'birthday', existing: '1970-01-01', incoming: '1971-02-02', ref: 'card 1' })]);
    const cat = p.changeSet.changes.find((x) => x.op === 'put' && x.coll === 'categories') as { value: { id: string; name: string } };
    expect(cat.value.name).toBe('Mentors');
    expect(c.categories).toEqual([cat.value.id]);
  });

  it('counts the copies of a record inside one file: read = new + merged + duplicates + skipped', () => {
    const card = 'BEGIN:VCARD\nVERSION:3.0\nFN:Line Triple\nEMAIL:line@triple.example\nEND:VCARD\n';
    const nameless = 'BEGIN:VCARD\nVERSION:3.0\nNOTE:nothing to name\nEND:VCARD\n';
    const p = buildImportPreview(emptyDocument('2024-01-01'), [parseImportFile(enc(card + card + card + nameless), 'triple.vcf')], { now: NOW });
    expect(p.files[0]).toMatchObject({ read: 4, new: 1, merged: 0, duplicates: 2, skipped: 1 });
    expect(p.totals).toMatchObject({ read: 4, new: 1, duplicates: 2, skipped: 1 });
    expect(contactPuts(p)).toHaveLength(1);
    // Three copies are one source, not three.
    expect(contactPuts(p)[0]!.sources).toHaveLength(1);
  });

  it('merges duplicates inside one import and reuses existing categories by name', () => {
    const doc = emptyDocument('2024-01-01');
    doc.categories.k = { id: 'k', name: 'Clients', color: '#000000' };
    const csv = 'Name,Email,Categories\nA One,a@x.example,clients\nA One,A@X.example,Friends\n';
    const p = buildImportPreview(doc, [parseImportFile(enc(csv), 'a.csv')], { now: NOW, newId: sequentialIds() });
    expect(p.totals).toEqual({ read: 2, new: 1, merged: 0, duplicates: 1, skipped: 0, possible: 0, interactions: 0, ties: 0, categories: 1 });
    const contact = contactPuts(p);
    expect(contact).toHaveLength(1);
    const created = p.changeSet.changes.find((c) => c.op === 'put' && c.coll === 'categories') as { id: string; value: { name: string } };
    expect(created.value.name).toBe('Friends');
    expect(contact[0]!.categories).toEqual(['k', created.id]);
  });

  it('is ONE ChangeSet: valid, applied all at once, undone by its inverse', () => {
    const doc = emptyDocument('2024-01-01');
    const files = ['linkedin-connections.csv', 'google-legacy.csv', 'v30-apple-grouped.vcf', 'outlook-desktop.csv'].map((f) => parseFixture(f));
    const p = buildImportPreview(doc, files, { now: NOW, newId: sequentialIds() });
    expect(p.changeSet.label).toEqual({ key: 'import.undoFiles', params: { count: 4 } });
    const before = structuredClone(doc);
    const inverse = applyChangeSet(doc, parseChangeSet(p.changeSet));
    expect(Object.keys(doc.contacts)).toHaveLength(6);
    expect(Object.keys(doc.positions)).toHaveLength(6);
    applyChangeSet(doc, inverse);
    expect(doc).toEqual(before);
  });

  it('changes nothing until applied', () => {
    const doc = emptyDocument('2024-01-01');
    const before = structuredClone(doc);
    buildImportPreview(doc, [parseFixture('google-current.csv')], { now: NOW });
    expect(doc).toEqual(before);
  });

  it('imports ties after contacts, matched by name, e-mail and profile URL, and reports the others', () => {
    const contacts = parseFixture('linkedin-connections.csv');
    const extra = parseImportFile(enc('Name,Email\nPaul Martin,paul@globex.example\n'), 'extra.csv');
    const ties = parseFixture('ties.csv');
    const p = buildImportPreview(emptyDocument('2024-01-01'), [ties, contacts, extra], { now: NOW, newId: sequentialIds() });
    expect(p.files.map((f) => f.file)).toEqual(['linkedin-connections.csv', 'extra.csv', 'ties.csv']);
    const tieFile = p.files[2]!;
    expect(tieFile.ties).toBe(1);
    expect(tieFile.warnings.map((w) => [w.line, w.key, w.message])).toEqual([
      [3, 'import.msg.tieSkipped.refNoMatch', 'tie skipped: no contact matches “Nobody Known”'],
      [4, 'import.msg.tieSameContact', 'tie skipped: both ends are the same contact'],
    ]);
    const tie = p.changeSet.changes.find((c) => c.op === 'put' && c.coll === 'ties') as { value: { strength: number; type: string } };
    expect(tie.value).toMatchObject({ strength: 0.8, type: 'colleague' });
  });

  it('reports a record the schema refuses without dropping the rest, and counts it as skipped', () => {
    const long = 'x'.repeat(2100);
    const csv = `Name,Email\nGood One,good@x.example\nBad One,${long}@x.example\n`;
    const p = buildImportPreview(emptyDocument('2024-01-01'), [parseImportFile(enc(csv), 'bad.csv')], { now: NOW });
    expect(p.files[0]).toMatchObject({ read: 2, new: 1, skipped: 1 });
    expect(p.files[0]!.errors).toEqual([
      {
        file: 'bad.csv',
        line: 3,
        key: 'import.msg.recordInvalidTooLong',
        params: { name: 'Bad One', field: 'emails.0.value', max: 2000 },
        message: '“Bad One” was not imported: emails.0.value is longer than 2000 characters',
      },
    ]);
  });

  it('keeps the earliest connection date any source gives: the first known contact', () => {
    const doc = docWith({ name: 'Ana Date', profileUrl: 'https://www.linkedin.com/in/ana-date', connectedOn: '2022-05-01' });
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Date,https://www.linkedin.com/in/ana-date,,,,03 Feb 2019\n';
    const p = buildImportPreview(doc, [parseImportFile(enc(csv), 'Connections.csv')], { now: NOW });
    expect(contactPuts(p)[0]!.connectedOn).toBe('2019-02-03');
    expect(p.files[0]!.conflicts).toEqual([]);
  });
});
