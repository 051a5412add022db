/**
 * A generated LinkedIn data export, as LinkedIn writes it (column names and
 * date formats of each file), in which many people share first and last
 * names, some even at the same company, and some share an e-mail address
 * (`contact@…`): the case where a careless importer merges different
 * people. The generator returns what a correct import must give: the
 * profile URL each message, endorsement and tie belongs to.
 */
import { ENGLISH_FAMILY, ENGLISH_GIVEN, FRENCH_FAMILY, FRENCH_GIVEN } from '../../shared/demo/demoCatalog.js';
import { createRandom } from '../../shared/demo/random.js';
import { writeCsv } from '../../shared/import/csv.js';

export type ExportOptions = {
  connections: number;
  /** Messages in messages.csv (about four per conversation). */
  messages?: number;
  /** Rows of a Kumu-style ties CSV naming both ends by profile URL. */
  ties?: number;
  seed?: number;
  /** Distinct first names and last names: fewer gives more homonyms. */
  givenNames?: number;
  familyNames?: number;
};

export type GeneratedExport = {
  files: { name: string; text: string }[];
  /** The profile URL of every connection, by row (0-based). */
  urls: string[];
  /** For each conversation day: the other participant's profile URL. */
  conversations: Map<string, string>;
  /** Each tie's two profile URLs, in file order. */
  ties: [string, string][];
  /** Names carried by more than one connection. */
  homonyms: number;
};

const OWNER = { first: 'Camille', last: 'Laurent', url: 'https://www.linkedin.com/in/camille-laurent-4a1b2c' };
const COMPANIES = ['Banque Lumière', 'Télécom Ouest', 'Atelier Nord', 'Vega Logiciels', 'Clinique Saint-Roch', 'Énergies Marines', 'Studio Onze', 'Northwind', 'Contoso', 'Fabrikam'];
const TITLES = ['Product Manager', 'Directrice financière', 'Consultant', 'Ingénieure logiciel', 'Responsable marketing', 'Data Scientist', 'UX Designer', 'Chef de projet', 'Partner', 'Sales Manager'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
/** "15 Mar 2024", as Connections.csv writes it. */
const connectedOn = (t: number) => {
  const d = new Date(t);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};
/** "2024-03-16 09:12:00 UTC", as messages.csv writes it. */
const messageDate = (t: number) => new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The export's files (Connections.csv, messages.csv, and ties.csv when asked). */
export function generateLinkedInExport(opts: ExportOptions): GeneratedExport {
  const r = createRandom(opts.seed ?? 11);
  const given = [...FRENCH_GIVEN, ...ENGLISH_GIVEN].slice(0, opts.givenNames ?? 40);
  const family = [...FRENCH_FAMILY, ...ENGLISH_FAMILY].slice(0, opts.familyNames ?? 50);
  const people: { first: string; last: string; url: string; company: string; email: string }[] = [];
  const nameCount = new Map<string, number>();
  for (let i = 0; i < opts.connections; i++) {
    const first = r.pick(given);
    const last = r.pick(family);
    const company = r.pick(COMPANIES);
    // LinkedIn gives most connections no e-mail; some share a company's generic address.
    const email = r.chance(0.2) ? `${slug(first)}.${slug(last)}.${i}@courriel.example` : r.chance(0.05) ? `contact@${slug(company)}.example` : '';
    people.push({ first, last, url: `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${i.toString(36)}`, company, email });
    const key = `${first} ${last}`;
    nameCount.set(key, (nameCount.get(key) ?? 0) + 1);
  }
  const connections =
    'Notes:\n"When exporting your connection data, you may notice that some of your connections don\'t have an email address."\n\n' +
    writeCsv([
      ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'],
      ...people.map((p) => [p.first, p.last, p.url, p.email, p.company, r.pick(TITLES), connectedOn(NOW - r.int(1, 3650) * DAY)]),
    ]);
  const files = [{ name: 'Connections.csv', text: connections }];

  const conversations = new Map<string, string>();
  const messageCount = opts.messages ?? 0;
  if (messageCount > 0) {
    const rows: string[][] = [['CONVERSATION ID', 'CONVERSATION TITLE', 'FROM', 'SENDER PROFILE URL', 'TO', 'RECIPIENT PROFILE URLS', 'DATE', 'SUBJECT', 'CONTENT', 'FOLDER']];
    const owner = `${OWNER.first} ${OWNER.last}`;
    for (let c = 0; rows.length <= messageCount; c++) {
      const p = people[r.int(0, people.length - 1)]!;
      const name = `${p.first} ${p.last}`;
      const day = NOW - r.int(1, 2000) * DAY;
      const id = `2-${c.toString(36)}`;
      conversations.set(`${id}|${new Date(day).toISOString().slice(0, 10)}`, p.url);
      for (let m = 0, n = r.int(1, 6); m < n && rows.length <= messageCount; m++) {
        const mine = r.chance(0.5);
        rows.push([
          id,
          '',
          mine ? owner : name,
          mine ? OWNER.url : p.url,
          mine ? name : owner,
          mine ? p.url : OWNER.url,
          messageDate(day + m * 60_000),
          '',
          mine ? 'Bonjour, comment vas-tu ?' : 'Très bien, merci !',
          'INBOX',
        ]);
      }
    }
    files.push({ name: 'messages.csv', text: writeCsv(rows) });
  }

  const ties: [string, string][] = [];
  if ((opts.ties ?? 0) > 0) {
    const rows = [['From', 'To', 'Type']];
    while (ties.length < opts.ties!) {
      const a = people[r.int(0, people.length - 1)]!;
      const b = people[r.int(0, people.length - 1)]!;
      if (a === b) continue;
      ties.push([a.url, b.url]);
      rows.push([a.url, b.url, 'collègues']);
    }
    files.push({ name: 'ties.csv', text: writeCsv(rows) });
  }
  const homonyms = [...nameCount.values()].filter((n) => n > 1).reduce((s, n) => s + n, 0);
  return { files, urls: people.map((p) => p.url), conversations, ties, homonyms };
}

export const EXPORT_OWNER = OWNER;
