import { describe, expect, it } from 'vitest';
import { guessMapping, parseCsvFile, readCsvTable, guessTableMapping } from '../../../shared/import/index.js';
import { fixture, parseFixture } from './helpers.js';

describe('LinkedIn Connections.csv', () => {
  it('finds the header after a BOM and a quoted Notes preamble, and ignores trailing empty rows', () => {
    const r = parseFixture('linkedin-connections.csv');
    expect(r.format).toBe('linkedin-connections');
    expect(r.errors).toEqual([]);
    expect(r.contacts.map((c) => c.name)).toEqual(['Jeanne Moreau', 'Paul Martin', 'Amélie Durand']);
    const [jeanne, paul] = r.contacts;
    expect(jeanne!.profileUrl).toBe('https://www.linkedin.com/in/jeanne-moreau');
    expect(jeanne!.emails.map((e) => e.value)).toEqual(['jeanne@atelier.fr']);
    expect(jeanne!.organizations).toEqual([{ name: 'Atelier, SARL', title: 'Directrice', current: true, source: 'linkedin-connections.csv' }]);
    expect(jeanne!.connectedOn).toBe('2024-03-15');
    expect(jeanne!.ref).toBe('line 5');
    expect(paul!.emails).toEqual([]);
    expect(paul!.organizations[0]!.title).toBe('Engineer, Data');
  });

  it("reads Excel's Notes:,,,, preamble and a header without URL and e-mail", () => {
    const r = parseFixture('linkedin-excel-notes.csv');
    expect(r.format).toBe('linkedin-connections');
    expect(r.contacts.map((c) => [c.name, c.connectedOn, c.organizations[0]?.name])).toEqual([
      ['Karim Benali', '2022-06-07', 'Initech'],
      ['Li Wei', '2020-11-30', 'Umbrella'],
    ]);
  });

  it('reads French and German headers and month names', () => {
    const fr = parseFixture('linkedin-fr.csv');
    expect(fr.format).toBe('linkedin-connections');
    expect(fr.contacts.map((c) => [c.givenName, c.familyName, c.emails[0]?.value, c.connectedOn])).toEqual([
      ['Élodie', 'Lefèvre', 'elodie@exemple.fr', '2024-03-15'],
      ['Hugo', 'Petit', undefined, '2020-02-03'],
    ]);
    const de = parseFixture('linkedin-de.csv');
    expect(de.contacts[0]).toMatchObject({ name: 'Jürgen Schäfer', connectedOn: '2024-03-15', profileUrl: 'https://www.linkedin.com/in/juergen-schaefer' });
    expect(de.contacts[0]!.organizations[0]).toMatchObject({ name: 'Siemens AG', title: 'Ingenieur' });
  });

  it('parses a 30,000-row export in one pass', () => {
    const rows = ['Notes:', '"When exporting…"', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    for (let i = 0; i < 30_000; i++) rows.push(`First${i},Last${i},https://www.linkedin.com/in/p${i},p${i}@x.example,"Org ${i % 300}, Inc",Role ${i % 40},${(i % 28) + 1} Mar 2020`);
    const r = parseCsvFile(new TextEncoder().encode(rows.join('\n')), 'Connections.csv');
    expect(r.contacts).toHaveLength(30_000);
    expect(r.contacts[29_999]!.ref).toBe('line 30004');
  });
});

describe('Google Contacts CSV', () => {
  it('reads the legacy header: typed pairs, ::: multi-values, Group Membership without * My Contacts', () => {
    const r = parseFixture('google-legacy.csv');
    expect(r.format).toBe('google-csv');
    const c = r.contacts[0]!;
    expect(c.name).toBe('Marc Dubois');
    expect(c.emails.map((e) => [e.value, e.label])).toEqual([
      ['marc@dubois.fr', 'work'],
      ['marc.dubois@gmail.com', 'work'],
      ['marc.perso@free.fr', 'home'],
    ]);
    expect(c.phones.map((p) => p.value)).toEqual(['+33 6 12 34 56 78', '+33 1 23 45 67 89']);
    expect(c.categories).toEqual(['Clients', 'Paris']);
    expect(c.notes).toBe('Rencontré au salon "VivaTech"');
    expect(c.profileUrl).toBe('https://www.linkedin.com/in/marcdubois');
    expect(c.birthday).toBe('1980-04-12');
  });

  it('reads the current header: Labels, E-mail 1 - Label, Organization Name, address parts', () => {
    const r = parseFixture('google-current.csv');
    expect(r.format).toBe('google-csv');
    const [nadia, tom] = r.contacts;
    expect(nadia!.categories).toEqual(['Mentors']);
    expect(nadia!.emails[0]).toMatchObject({ value: 'nadia@lab.org', label: 'work' });
    expect(nadia!.organizations[0]).toMatchObject({ name: 'Lab Inc', title: 'Chercheuse', department: 'R&D' });
    expect(nadia!.addresses[0]).toMatchObject({ street: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'France', label: 'work' });
    expect(nadia!.birthday).toBe('--06-21');
    expect(tom!.categories).toEqual([]);
  });
});

describe('Outlook and Thunderbird CSV', () => {
  it('reads the 92-column Outlook desktop export, ignoring E-mail Type and placeholder dates', () => {
    const r = parseFixture('outlook-desktop.csv');
    expect(r.format).toBe('outlook-csv');
    const c = r.contacts[0]!;
    expect(c.name).toBe('Dr. Claire Fontaine');
    expect(c.emails.map((e) => e.value)).toEqual(['claire.fontaine@hopital-nord.fr']);
    expect(c.phones.map((p) => [p.value, p.label])).toEqual([
      ['+33 4 72 00 00 00', 'work'],
      ['06 11 22 33 44', 'mobile'],
    ]);
    expect(c.categories).toEqual(['Santé', 'Anciens collègues']);
    expect(c.birthday).toBe('1975-03-14');
    expect(c.addresses[0]).toMatchObject({ street: '12 avenue des Lilas', city: 'Lyon', label: 'work' });
  });

  it('reads the Outlook.com header', () => {
    const c = parseFixture('outlook-com.csv').contacts[0]!;
    expect(c).toMatchObject({ name: 'Ines Garcia' });
    expect(c.emails.map((e) => e.value)).toEqual(['ines.garcia@outlook.com', 'ines@work.es']);
    expect(c.organizations[0]).toMatchObject({ name: 'Telefónica', title: 'Product Manager' });
  });

  it('reads Thunderbird, with the birthday split in three columns', () => {
    const r = parseFixture('thunderbird.csv');
    expect(r.format).toBe('thunderbird-csv');
    const c = r.contacts[0]!;
    expect(c).toMatchObject({ name: 'Olivier Roux', birthday: '1988-07-09' });
    expect(c.emails.map((e) => e.value)).toEqual(['olivier@roux.net', 'o.roux@mozilla.example']);
    expect(c.organizations[0]).toMatchObject({ name: 'Mozilla', title: 'Développeur', department: 'Web' });
    expect(c.notes).toContain('Aime le vélo');
  });
});

describe('any CSV', () => {
  it('reads a French Excel file: semicolons, Windows-1252, French column names', () => {
    const r = parseFixture('excel-fr-cp1252.csv');
    expect(r.encoding).toBe('windows-1252');
    expect(r.contacts.map((c) => [c.name, c.organizations[0]?.name, c.city, c.categories])).toEqual([
      ['François Lévêque', 'Crédit Agricole', 'Rennes', ['Banque']],
      ['Anaïs Noël', 'Île de France Mobilités', 'Paris', ['Transport']],
    ]);
  });

  it('reads UTF-16 with and without a BOM', () => {
    expect(parseFixture('utf16le-bom.csv').contacts[0]!.name).toBe('Zoë Ćwik');
    const be = parseFixture('utf16be-nobom.csv');
    expect(be.encoding).toBe('utf-16be');
    expect(be.contacts[0]!.name).toBe('Øyvind Ås');
  });

  it('reads tab-separated quoted fields holding tabs, CR/LF, quotes and separators', () => {
    const c = parseFixture('tabs-quoted.tsv').contacts[0]!;
    expect(c.name).toBe('Rosa "Ro" Parks');
    expect(c.notes).toBe('line one\r\nline two\twith tab');
    expect(c.organizations[0]!.name).toBe('Acme, Inc; Ltd');
  });

  it('refuses a CSV with no usable name column, naming the columns', () => {
    const r = parseFixture('no-name-column.csv');
    expect(r.contacts).toEqual([]);
    expect(r.errors).toEqual([
      { file: 'no-name-column.csv', line: 1, key: 'import.msg.noNameColumn', params: { columns: 'Date, Amount, Reference' }, message: 'no column holds a name, e-mail or organization (columns: Date, Amount, Reference)' },
    ]);
  });

  it('exposes the guessed mapping and parses again with a changed one', () => {
    const { table } = readCsvTable(fixture('tabs-quoted.tsv'));
    const { format, mapping } = guessTableMapping(table);
    expect(format).toBe('generic-csv');
    expect(mapping.columns).toEqual([{ field: 'name' }, { field: 'email', label: undefined }, { field: 'notes' }, { field: 'organization' }]);
    const changed = { ...mapping, columns: [{ field: 'name' as const }, { field: 'email' as const, label: 'work' }, null, { field: 'tags' as const }] };
    const c = parseCsvFile(fixture('tabs-quoted.tsv'), 'tabs-quoted.tsv', { mapping: changed }).contacts[0]!;
    expect(c.emails[0]!.label).toBe('work');
    expect(c.notes).toBeUndefined();
    expect(c.tags).toEqual(['Acme', 'Inc', 'Ltd']);
  });

  it('guesses columns in English, French and German', () => {
    expect(guessMapping(['Prénom', 'Nom', 'Société', 'Courriel', 'Portable']).columns).toEqual([
      { field: 'givenName' },
      { field: 'familyName' },
      { field: 'organization' },
      { field: 'email', label: undefined },
      { field: 'phone', label: 'mobile' },
    ]);
    expect(guessMapping(['Vorname', 'Nachname', 'Firma', 'E-Mail', 'Telefon geschäftlich']).columns.map((c) => c?.field)).toEqual([
      'givenName', 'familyName', 'organization', 'email', 'phone',
    ]);
  });

  it('reads a file without a header from what its columns hold', () => {
    const r = parseCsvFile(new TextEncoder().encode('Ada Lovelace,ada@example.org,+44 20 7946 0000\nAlan Turing,alan@example.org,\n'), 'x.csv');
    expect(r.contacts.map((c) => [c.name, c.emails[0]?.value])).toEqual([
      ['Ada Lovelace', 'ada@example.org'],
      ['Alan Turing', 'alan@example.org'],
    ]);
    expect(r.contacts[0]!.phones[0]!.value).toBe('+44 20 7946 0000');
  });
});
