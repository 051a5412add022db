/**
 * Files as people bring them — a LinkedIn data export (Connections.csv with
 * its preamble, messages.csv), a Google Contacts CSV, Apple vCards — written
 * from a seed, and the network Carnet builds from them through the real
 * importers (shared/import), as a new user who never saw the demo would get.
 */
import { FRENCH_FAMILY, FRENCH_GIVEN } from '../../shared/demo/demoCatalog.js';
import { createRandom, type Random } from '../../shared/demo/random.js';
import { applyChangeSet } from '../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../shared/document/schema.js';
import { buildImportPreview, parseImportFile } from '../../shared/import/index.js';

export type NamedFile = { name: string; bytes: Uint8Array };

const COMPANIES = ['Alan', 'Doctolib', 'BlaBlaCar', 'Qonto', 'Back Market', 'Mirakl', 'Contentsquare', 'Ledger', 'Swile', 'Payfit', 'Malt', 'Lydia', 'Ornikar', 'Spendesk', 'Aircall', 'Pennylane', 'Deezer', 'Criteo', 'Dataiku', 'Shift Technology'];
const TITLES = ['Product Manager', 'Software Engineer', 'Data Scientist', 'UX Designer', 'Sales Manager', 'Head of Marketing', 'Talent Acquisition Partner', 'Customer Success Manager', 'Directrice financière', 'Chef de projet', 'Développeur full stack', 'Office Manager', 'Account Executive', 'Responsable RH', 'CTO'];
const CITIES = ['Paris', 'Lyon', 'Nantes', 'Bordeaux', 'Lille', 'Toulouse'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const OWNER = { name: 'Camille Laurent', url: 'https://www.linkedin.com/in/camille-laurent' };

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (cells: string[]): string => cells.map(csvCell).join(',');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Companies drawn with Zipf's law: a few employers hold many connections, as in a real network. */
function company(r: Random): string {
  const weights = COMPANIES.map((name, k) => [name, 1 / (k + 1)] as const);
  return r.weighted(weights);
}

function daysBefore(now: string, days: number): Date {
  return new Date(Date.parse(`${now}T12:00:00Z`) - days * 86_400_000);
}

export type LinkedInExportOptions = {
  connections: number;
  /** Share of connections with a conversation. */
  messaged?: number;
  seed?: number;
  now: string;
  /** Connections made in the last 30 days (the others are at least 4 months old). */
  recent?: number;
};

/** A LinkedIn export: connections over ten years, some recent, a conversation with some of them. */
export function linkedinExport(opts: LinkedInExportOptions): { files: NamedFile[]; recent: string[]; oldSilent: string[] } {
  const r = createRandom(opts.seed ?? 1);
  const rows: string[][] = [];
  const messages: string[] = [csvLine(['CONVERSATION ID', 'CONVERSATION TITLE', 'FROM', 'SENDER PROFILE URL', 'TO', 'RECIPIENT PROFILE URLS', 'DATE', 'SUBJECT', 'CONTENT', 'FOLDER'])];
  const recent: string[] = [];
  const oldSilent: string[] = [];
  for (let i = 0; i < opts.connections; i++) {
    const given = r.pick(FRENCH_GIVEN);
    const family = `${r.pick(FRENCH_FAMILY)}-${i}`;
    const name = `${given} ${family}`;
    const url = `https://www.linkedin.com/in/${given.toLowerCase()}-${family.toLowerCase()}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const isRecent = i < (opts.recent ?? 0);
    const age = isRecent ? r.int(2, 30) : r.int(120, 3650);
    const on = daysBefore(opts.now, age);
    const connectedOn = `${String(on.getUTCDate()).padStart(2, '0')} ${MONTHS[on.getUTCMonth()]} ${on.getUTCFullYear()}`;
    rows.push([given, family, url, r.chance(0.2) ? `${given.toLowerCase()}.${i}@mail.example` : '', company(r), r.pick(TITLES), connectedOn]);
    const talked = !isRecent && r.chance(opts.messaged ?? 0.2);
    if (isRecent) recent.push(name);
    else if (!talked && age >= 3 * 365 + 5) oldSilent.push(name);
    if (talked) {
      const when = daysBefore(opts.now, r.int(1, Math.max(1, age - 1)));
      const stamp = `${when.toISOString().slice(0, 10)} 10:00:00 UTC`;
      const fromMe = r.chance(0.5);
      messages.push(
        csvLine([`conv-${i}`, '', fromMe ? OWNER.name : name, fromMe ? OWNER.url : url, fromMe ? name : OWNER.name, fromMe ? url : OWNER.url, stamp, '', 'Merci pour ton retour !', 'INBOX']),
      );
    }
  }
  const connections = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of your connections don\'t have an email address."',
    '',
    csvLine(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']),
    ...rows.map(csvLine),
  ].join('\n');
  return { files: [{ name: 'Connections.csv', bytes: utf8(connections) }, { name: 'messages.csv', bytes: utf8(messages.join('\n')) }], recent, oldSilent };
}

/** A Google Contacts export: names, employers, job titles, cities, labels — no date, no interaction. */
export function googleContacts(opts: { contacts: number; seed?: number }): NamedFile {
  const r = createRandom(opts.seed ?? 2);
  const header = ['First Name', 'Last Name', 'Labels', 'E-mail 1 - Value', 'Address 1 - City', 'Organization Name', 'Organization Title'];
  const lines = [csvLine(header)];
  for (let i = 0; i < opts.contacts; i++) {
    lines.push(csvLine([r.pick(FRENCH_GIVEN), `${r.pick(FRENCH_FAMILY)}-${i}`, r.chance(0.3) ? '* myContacts ::: Friends' : '* myContacts', '', r.pick(CITIES), company(r), r.pick(TITLES)]));
  }
  return { name: 'contacts.csv', bytes: utf8(lines.join('\n')) };
}

/** Apple Contacts vCards (3.0): organizations, titles and cities, nothing else. */
export function appleVcards(opts: { contacts: number; seed?: number }): NamedFile {
  const r = createRandom(opts.seed ?? 3);
  const cards: string[] = [];
  for (let i = 0; i < opts.contacts; i++) {
    const given = r.pick(FRENCH_GIVEN);
    const family = `${r.pick(FRENCH_FAMILY)}-${i}`;
    cards.push(['BEGIN:VCARD', 'VERSION:3.0', `N:${family};${given};;;`, `FN:${given} ${family}`, `ORG:${company(r)}`, `TITLE:${r.pick(TITLES)}`, `item1.ADR;type=WORK:;;;${r.pick(CITIES)};;;France`, 'END:VCARD'].join('\r\n'));
  }
  return { name: 'Contacts.vcf', bytes: utf8(`${cards.join('\r\n')}\r\n`) };
}

/** The document a new user gets by importing these files into an empty Carnet: one import, applied as the app applies it. */
export function importedNetwork(files: NamedFile[], now: string): CarnetDocument {
  const doc = emptyDocument(`${now}T08:00:00.000Z`);
  const parsed = files.map((f) => parseImportFile(f.bytes, f.name));
  for (const p of parsed) if (p.errors.length) throw new Error(`${p.file}: ${p.errors.map((e) => e.message).join('; ')}`);
  let n = 0;
  const preview = buildImportPreview(doc, parsed, { now: `${now}T08:00:00.000Z`, newId: (prefix) => `${prefix}_${++n}` });
  applyChangeSet(doc, preview.changeSet);
  return doc;
}
