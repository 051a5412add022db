/**
 * Any contact CSV: find the header row (whatever precedes it), guess what
 * each column holds (the known exports first, then common names in English,
 * French and German), and read the rows through that mapping. A UI can show
 * the guessed mapping, let the user change it, and call `parseCsvContacts`
 * again with it.
 */
import { parseCsv, type CsvRow, type CsvTable } from './csv.js';
import { decodeText } from './decode.js';
import { commonColumn } from './columns.js';
import { googleColumn, isGoogleHeader } from './google.js';
import { isConnectionsHeader, isInvitationsHeader, isMessagesHeader, linkedinColumn, parseInvitations, parseMessages, type OwnerHint } from './linkedin.js';
import { hasNameColumn, normalizeHeader, rowToContact, type ColumnTarget, type CsvMapping } from './mapping.js';
import { isOutlookHeader, outlookColumn } from './outlook.js';
import { isThunderbirdHeader, thunderbirdColumn } from './thunderbird.js';
import { isTiesHeader, parseTies } from './ties.js';
import { IssueLog, type ImportFormat, type ParsedFile } from './types.js';

export type CsvFormat = Extract<ImportFormat, `${string}-csv` | `linkedin-${string}`>;

/** The format a header belongs to. */
export function formatOfHeader(header: readonly string[]): CsvFormat {
  const norms = header.map(normalizeHeader);
  if (norms.includes('carnet id')) return 'carnet-csv';
  if (isMessagesHeader(norms)) return 'linkedin-messages';
  if (isInvitationsHeader(norms)) return 'linkedin-invitations';
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
export function guessMapping(header: readonly string[]): { format: CsvFormat; columns: (ColumnTarget | null)[]; dayFirst: boolean } {
  const format = formatOfHeader(header);
  const columns = header.map((h) => columnFor(format, normalizeHeader(h)));
  // In a generic sheet "Title" next to "Job Title" is the courtesy title.
  const norms = header.map(normalizeHeader);
  if (norms.includes('job title')) norms.forEach((n, i) => n === 'title' && (columns[i] = { field: 'prefix' }));
  return { format, columns, dayFirst: format !== 'outlook-csv' };
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+$/;
const PHONE = /^\+?[\d\s().-]{6,}$/;
const URL = /^(https?:\/\/|www\.)\S+$/i;

const NON_CONTACT: readonly CsvFormat[] = ['linkedin-messages', 'linkedin-invitations', 'ties-csv'];

function recognised(header: readonly string[]): number {
  const { format, columns } = guessMapping(header);
  return NON_CONTACT.includes(format) ? header.length : columns.filter(Boolean).length;
}

/** Index of the header row: the first of the leading rows whose cells are recognised column names. */
export function findHeaderRow(rows: readonly CsvRow[]): number | null {
  const limit = Math.min(rows.length, 30);
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < limit; i++) {
    const cells = rows[i]!.cells;
    if (cells.length < 2 || cells.some((c) => EMAIL.test(c.trim()))) continue;
    const score = recognised(cells);
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
};

/** Reads the CSV table of a file (decoding its bytes). */
export function readCsvTable(bytes: Uint8Array): { table: CsvTable; encoding: string } {
  const { text, encoding } = decodeText(bytes);
  return { table: parseCsv(text), encoding };
}

/** The mapping Carnet would use for this table (what a UI shows to confirm). */
export function guessTableMapping(table: CsvTable): { format: CsvFormat; mapping: CsvMapping } {
  const found = findHeaderRow(table.rows);
  const first = table.rows[0]?.cells ?? [];
  // Without a recognised header, the first row is data only if it holds an e-mail or a phone number;
  // otherwise it is an unknown header, and the file is reported as having no usable column.
  const looksLikeData = first.some((c) => EMAIL.test(c.trim()) || (PHONE.test(c.trim()) && c.replace(/\D/g, '').length >= 6));
  if (found === null && looksLikeData) {
    return { format: 'generic-csv', mapping: { headerRow: null, columns: guessMappingFromData(table.rows), dayFirst: true } };
  }
  const headerRow = found ?? 0;
  const g = guessMapping(table.rows[headerRow]!.cells);
  return { format: g.format, mapping: { headerRow, columns: g.columns, dayFirst: g.dayFirst } };
}

/** Parses a CSV file of contacts, interactions (LinkedIn messages, invitations) or ties. */
export function parseCsvFile(bytes: Uint8Array, file: string, options: CsvParseOptions = {}): ParsedFile {
  const log = new IssueLog(file);
  let table = options.table;
  let encoding: string | undefined;
  if (!table) ({ table, encoding } = readCsvTable(bytes));
  for (const p of table.problems) log.warn(p.message, { line: p.line });
  const result = (format: ImportFormat, parts: Partial<ParsedFile>): ParsedFile => ({
    file, format, contacts: [], interactions: [], ties: [], ...log.finish(), encoding, ...parts,
  });
  if (table.rows.length === 0) {
    log.error('the file is empty');
    return result('generic-csv', {});
  }
  const guessed = options.mapping ? { format: formatOfHeaderOrGeneric(table, options.mapping), mapping: options.mapping } : guessTableMapping(table);
  const { mapping } = guessed;
  const format = guessed.format;
  const header = mapping.headerRow === null ? null : table.rows[mapping.headerRow]!.cells;
  const dataRows = table.rows.slice(mapping.headerRow === null ? 0 : mapping.headerRow + 1);
  if (mapping.headerRow === null) log.warn('no header row was recognised; columns were guessed from their content', { line: table.rows[0]!.line });

  if (header && !options.mapping) {
    if (format === 'linkedin-messages') return result(format, { interactions: parseMessages(header, dataRows, log, options.owner), ...log.finish() });
    if (format === 'linkedin-invitations') return result(format, { interactions: parseInvitations(header, dataRows, log), ...log.finish() });
    if (format === 'ties-csv') return result(format, { ties: parseTies(header, dataRows, log), ...log.finish() });
  }
  if (!hasNameColumn(mapping)) {
    const where = header ? { line: table.rows[mapping.headerRow!]!.line } : {};
    log.error(
      header
        ? `no column holds a name, e-mail or organization (columns: ${header.filter(Boolean).slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''})`
        : 'not a contact file: no column holds names or e-mail addresses',
      where,
    );
    return result(format, {});
  }
  if (header) {
    const unused = header.filter((h, i) => h.trim() && mapping.columns[i] == null && dataRows.some((r) => (r.cells[i] ?? '').trim()));
    const meaningful = unused.filter((h) => !/^(e-?mail( \d)? (type|display name)|gender|priority|private|sensitivity|anniversary|initials)$/i.test(h.trim()));
    if (meaningful.length > 0) log.warn(`columns not imported: ${meaningful.join(', ')}`, { line: table.rows[mapping.headerRow!]!.line });
  }
  const contacts = [];
  for (const r of dataRows) {
    if (header && r.cells.length > header.length + 1 && r.cells.slice(header.length).some((c) => c.trim())) {
      log.warn(`this row has ${r.cells.length} fields but the header has ${header.length}; extra fields ignored`, { line: r.line });
    }
    const c = rowToContact(r.cells, r.line, mapping, file, log);
    if (c) contacts.push(c);
  }
  return result(format, { contacts, ...log.finish() });
}

function formatOfHeaderOrGeneric(table: CsvTable, mapping: CsvMapping): ImportFormat {
  return mapping.headerRow === null ? 'generic-csv' : formatOfHeader(table.rows[mapping.headerRow]!.cells);
}
