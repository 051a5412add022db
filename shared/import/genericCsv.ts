/**
 * Any contact CSV: find the header row (whatever precedes it), guess what
 * each column holds (the known exports first, then common names in English,
 * French and German), and read the rows through that mapping. A UI can show
 * the guessed mapping, let the user change it, and call `parseCsvContacts`
 * again with it.
 */
import type { Language } from '../i18n/index.js';
import { parseCsv, type CsvRow, type CsvTable } from './csv.js';
import { decodeText } from './decode.js';
import { commonColumn } from './columns.js';
import { googleColumn, isGoogleHeader } from './google.js';
import { isConnectionsHeader, isInvitationsHeader, isMessagesHeader, linkedinColumn, parseInvitations, parseMessages, type OwnerHint } from './linkedin.js';
import { endorsementSide, isRecommendationsHeader, parseEndorsements, parseRecommendations, recommendationSide } from './linkedinGestures.js';
import { isEducationHeader, isPositionsHeader, isProfileHeader, isSkillsFile, parseEducation, parsePositions, parseProfile, parseSkills } from './linkedinProfile.js';
import { hasNameColumn, normalizeHeader, rowToContact, type ColumnTarget, type CsvMapping } from './mapping.js';
import { isOutlookHeader, outlookColumn } from './outlook.js';
import { isThunderbirdHeader, thunderbirdColumn } from './thunderbird.js';
import { isTiesHeader, parseTies } from './ties.js';
import { IssueLog, type ImportFormat, type ParsedFile } from './types.js';

export type CsvFormat = Extract<ImportFormat, `${string}-csv` | `linkedin-${string}`>;

/** The format a header belongs to; the file name only tells apart files LinkedIn gives the same header. */
export function formatOfHeader(header: readonly string[], file = ''): CsvFormat {
  const norms = header.map(normalizeHeader);
  if (norms.includes('carnet id')) return 'carnet-csv';
  if (isMessagesHeader(norms)) return 'linkedin-messages';
  if (isInvitationsHeader(norms)) return 'linkedin-invitations';
  const endorsements = endorsementSide(norms);
  if (endorsements) return `linkedin-endorsements-${endorsements}`;
  if (isRecommendationsHeader(norms)) return recommendationSide(file) === 'given' ? 'linkedin-recommendations-given' : 'linkedin-recommendations-received';
  if (isProfileHeader(norms)) return 'linkedin-profile';
  if (isPositionsHeader(norms)) return 'linkedin-positions';
  if (isEducationHeader(norms)) return 'linkedin-education';
  if (isSkillsFile(norms, file)) return 'linkedin-skills';
  if (isConnectionsHeader(norms)) return 'linkedin-connections';
  if (isOutlookHeader(norms)) return 'outlook-csv';
  if (isGoogleHeader(norms)) return 'google-csv';
  if (isThunderbirdHeader(norms)) return 'thunderbird-csv';
  if (isTiesHeader(norms) && !norms.some((n) => ['name', 'first name', 'last name', 'e mail', 'email'].includes(n))) return 'ties-csv';
  return 'generic-csv';
}

function columnFor(format: CsvFormat, norm: string): ColumnTarget | null {
  const specific =
    format === 'google-csv' ? googleColumn(norm)
    : format === 'outlook-csv' ? outlookColumn(norm)
    : format === 'thunderbird-csv' ? thunderbirdColumn(norm)
    : format === 'linkedin-connections' ? linkedinColumn(norm)
    : format === 'carnet-csv' ? carnetColumn(norm)
    : undefined;
  return specific === undefined ? commonColumn(norm) : specific;
}

/** Carnet's own CSV (export/csv.ts) writes lists as `label: value ::: …` and structured fields as JSON. */
function carnetColumn(norm: string): ColumnTarget | null | undefined {
  switch (norm) {
    case 'e mails': return { field: 'emailList' };
    case 'phones': return { field: 'phoneList' };
    case 'urls': return { field: 'urlList' };
    case 'organizations json': return { field: 'json', of: 'organizations' };
    case 'schools json': return { field: 'json', of: 'schools' };
    case 'addresses json': return { field: 'json', of: 'addresses' };
    case 'cadence days': return { field: 'cadenceDays' };
    case 'archived': return { field: 'archived' };
    case 'photo': return { field: 'photo' };
    case 'connected on': return { field: 'connectedOn' };
    case 'categories': return { field: 'categoryList' };
    case 'tags': return { field: 'tagList' };
    default: return undefined;
  }
}

/**
 * Guesses the mapping of a header: the format it comes from and what each
 * column holds (null for a column that is not imported).
 */
export function guessMapping(header: readonly string[], file = ''): { format: CsvFormat; columns: (ColumnTarget | null)[]; dayFirst: boolean } {
  const format = formatOfHeader(header, file);
  const columns = header.map((h) => columnFor(format, normalizeHeader(h)));
  // In a generic sheet "Title" next to "Job Title" is the courtesy title.
  const norms = header.map(normalizeHeader);
  if (norms.includes('job title')) norms.forEach((n, i) => n === 'title' && (columns[i] = { field: 'prefix' }));
  return { format, columns, dayFirst: format !== 'outlook-csv' };
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+$/;
const PHONE = /^\+?[\d\s().-]{6,}$/;
const URL = /^(https?:\/\/|www\.)\S+$/i;

/** Files that hold no contacts but interactions, ties or the user's own profile. */
const NON_CONTACT: readonly CsvFormat[] = [
  'linkedin-messages',
  'linkedin-invitations',
  'linkedin-profile',
  'linkedin-positions',
  'linkedin-education',
  'linkedin-skills',
  'linkedin-endorsements-given',
  'linkedin-endorsements-received',
  'linkedin-recommendations-given',
  'linkedin-recommendations-received',
  'ties-csv',
];

function recognised(header: readonly string[], file: string): number {
  const { format, columns } = guessMapping(header, file);
  return NON_CONTACT.includes(format) ? header.length + 1 : columns.filter(Boolean).length;
}

/** Index of the header row: the first of the leading rows whose cells are recognised column names. */
export function findHeaderRow(rows: readonly CsvRow[], file = ''): number | null {
  const limit = Math.min(rows.length, 30);
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < limit; i++) {
    const cells = rows[i]!.cells;
    if ((cells.length < 2 && !isSkillsFile(cells.map(normalizeHeader), file)) || cells.some((c) => EMAIL.test(c.trim()))) continue;
    const score = recognised(cells, file);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
    if (score >= 2) break;
  }
  return best >= 0 && bestScore >= 1 ? best : null;
}

/** A mapping for a file without a header, from what the first rows hold. */
export function guessMappingFromData(rows: readonly CsvRow[]): (ColumnTarget | null)[] {
  const sample = rows.slice(0, 20);
  const width = Math.max(...sample.map((r) => r.cells.length));
  const kinds: ('email' | 'phone' | 'url' | 'text' | 'empty')[] = [];
  for (let i = 0; i < width; i++) {
    const values = sample.map((r) => (r.cells[i] ?? '').trim()).filter(Boolean);
    if (values.length === 0) kinds.push('empty');
    else if (values.every((v) => EMAIL.test(v))) kinds.push('email');
    else if (values.every((v) => URL.test(v))) kinds.push('url');
    else if (values.every((v) => PHONE.test(v) && v.replace(/\D/g, '').length >= 6)) kinds.push('phone');
    else kinds.push('text');
  }
  const columns: (ColumnTarget | null)[] = kinds.map((k) => (k === 'email' || k === 'phone' || k === 'url' ? { field: k } : null));
  const text = kinds.flatMap((k, i) => (k === 'text' ? [i] : []));
  if (text.length > 0) columns[text[0]!] = { field: 'name' };
  const first = sample[0]?.cells;
  if (first && text.length >= 3) {
    const [a, b, c] = text.map((i) => (first[i] ?? '').trim());
    if (a === `${b} ${c}`) {
      columns[text[1]!] = { field: 'givenName' };
      columns[text[2]!] = { field: 'familyName' };
    }
  }
  return columns;
}

export type CsvParseOptions = {
  /** A mapping chosen by the user; otherwise guessed. */
  mapping?: CsvMapping;
  /** Who the user is, for LinkedIn messages. */
  owner?: OwnerHint;
  /** Already decoded text (the caller detected the encoding). */
  table?: CsvTable;
  /** Language of the notes an import writes (LinkedIn messages, endorsements…). */
  lang?: Language;
};

/** Reads the CSV table of a file (decoding its bytes). */
export function readCsvTable(bytes: Uint8Array): { table: CsvTable; encoding: string } {
  const { text, encoding } = decodeText(bytes);
  return { table: parseCsv(text), encoding };
}

/** The mapping Carnet would use for this table (what a UI shows to confirm). */
export function guessTableMapping(table: CsvTable, file = ''): { format: CsvFormat; mapping: CsvMapping } {
  const found = findHeaderRow(table.rows, file);
  const first = table.rows[0]?.cells ?? [];
  // Without a recognised header, the first row is data only if it holds an e-mail or a phone number;
  // otherwise it is an unknown header, and the file is reported as having no usable column.
  const looksLikeData = first.some((c) => EMAIL.test(c.trim()) || (PHONE.test(c.trim()) && c.replace(/\D/g, '').length >= 6));
  if (found === null && looksLikeData) {
    return { format: 'generic-csv', mapping: { headerRow: null, columns: guessMappingFromData(table.rows), dayFirst: true } };
  }
  const headerRow = found ?? 0;
  const g = guessMapping(table.rows[headerRow]!.cells, file);
  return { format: g.format, mapping: { headerRow, columns: g.columns, dayFirst: g.dayFirst } };
}

/** Parses a CSV file of contacts, interactions (LinkedIn messages, invitations, endorsements…), ties, or the user's own profile. */
export function parseCsvFile(bytes: Uint8Array, file: string, options: CsvParseOptions = {}): ParsedFile {
  const log = new IssueLog(file);
  const lang = options.lang ?? 'en';
  let table = options.table;
  let encoding: string | undefined;
  if (!table) ({ table, encoding } = readCsvTable(bytes));
  for (const p of table.problems) log.warn(p.key, p.params, { line: p.line });
  const result = (format: ImportFormat, parts: Partial<ParsedFile>): ParsedFile => ({
    file, format, contacts: [], interactions: [], ties: [], ...parts, ...log.finish(), ...(encoding ? { encoding } : {}),
  });
  if (table.rows.length === 0) {
    log.error('emptyFile');
    return result('generic-csv', {});
  }
  const guessed = options.mapping ? { format: formatOfHeaderOrGeneric(table, options.mapping, file), mapping: options.mapping } : guessTableMapping(table, file);
  const { mapping } = guessed;
  const format = guessed.format;
  const header = mapping.headerRow === null ? null : table.rows[mapping.headerRow]!.cells;
  const dataRows = table.rows.slice(mapping.headerRow === null ? 0 : mapping.headerRow + 1);
  if (mapping.headerRow === null) log.warn('noHeader', {}, { line: table.rows[0]!.line });

  if (header && !options.mapping) {
    switch (format) {
      case 'linkedin-messages': {
        const { interactions, owner } = parseMessages(header, dataRows, log, options.owner, lang);
        return result(format, { interactions, ...(owner ? { profile: { ...owner, weak: true } } : {}) });
      }
      case 'linkedin-invitations':
        return result(format, { interactions: parseInvitations(header, dataRows, log, lang) });
      case 'linkedin-endorsements-given':
      case 'linkedin-endorsements-received':
        return result(format, { interactions: parseEndorsements(header, dataRows, format.endsWith('given') ? 'given' : 'received', log, lang) });
      case 'linkedin-recommendations-given':
      case 'linkedin-recommendations-received':
        if (recommendationSide(file) === null) log.warn('recommendationSide', { file });
        return result(format, { interactions: parseRecommendations(header, dataRows, format.endsWith('given') ? 'given' : 'received', log, lang) });
      case 'linkedin-profile':
        return result(format, { profile: parseProfile(header, dataRows) });
      case 'linkedin-positions':
        return result(format, { profile: parsePositions(header, dataRows, log) });
      case 'linkedin-education':
        return result(format, { profile: parseEducation(header, dataRows) });
      case 'linkedin-skills':
        return result(format, { profile: parseSkills(dataRows) });
      case 'ties-csv':
        return result(format, { ties: parseTies(header, dataRows, log) });
      default:
        break;
    }
  }
  if (!hasNameColumn(mapping)) {
    const where = header ? { line: table.rows[mapping.headerRow!]!.line } : {};
    if (header) {
      const shown = header.filter(Boolean).slice(0, 12).join(', ');
      log.error('noNameColumn', { columns: header.length > 12 ? `${shown}, …` : shown }, where);
    } else log.error('notContacts', {}, where);
    return result(format, {});
  }
  if (header) {
    const unused = new Set<number>();
    header.forEach((h, i) => {
      if (h.trim() && mapping.columns[i] == null) unused.add(i);
    });
    // One pass over the rows, not one per column: a file may have a thousand columns and 30,000 rows.
    const filled = new Set<number>();
    for (const r of dataRows) {
      for (const i of unused) if (!filled.has(i) && (r.cells[i] ?? '').trim()) filled.add(i);
      if (filled.size === unused.size) break;
    }
    const meaningful = [...filled]
      .sort((a, b) => a - b)
      .map((i) => header[i]!)
      .filter((h) => !/^(e-?mail( \d)? (type|display name)|gender|priority|private|sensitivity|anniversary|initials)$/i.test(h.trim()));
    if (meaningful.length > 0) log.warn('columnsNotImported', { columns: meaningful.slice(0, 30).join(', ') }, { line: table.rows[mapping.headerRow!]!.line });
  }
  const contacts = [];
  let skipped = 0;
  for (const r of dataRows) {
    if (header && r.cells.length > header.length + 1 && r.cells.slice(header.length).some((c) => c.trim())) {
      log.warn('extraFields', { fields: r.cells.length, header: header.length }, { line: r.line });
    }
    const c = rowToContact(r.cells, r.line, mapping, file, log);
    if (c) contacts.push(c);
    else skipped++;
  }
  return result(format, { contacts, skipped });
}

function formatOfHeaderOrGeneric(table: CsvTable, mapping: CsvMapping, file: string): ImportFormat {
  return mapping.headerRow === null ? 'generic-csv' : formatOfHeader(table.rows[mapping.headerRow]!.cells, file);
}
