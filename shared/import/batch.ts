/**
 * One import, from files to preview, as the CLI and the app's backend both
 * run it: archives expanded, each file read once, CSVs that are no known
 * export offered for column mapping (and read again with the user's
 * mapping), LinkedIn messages read once the user's name is known (from the
 * document or the export's Profile.csv), then matched and previewed as many
 * times as the user changes a choice.
 */
import type { CarnetDocument } from '../document/schema.js';
import type { Language } from '../i18n/index.js';
import type { CsvTable } from './csv.js';
import { MAX_IMPORT_BYTES } from './decode.js';
import { detectFile, type FormatOverride } from './detect.js';
import { guessTableMapping, parseCsvFile, readCsvTable } from './genericCsv.js';
import { expandArchive, isZip, parseImportFile, tooBigIssue, type NamedBytes } from './parseFile.js';
import type { OwnerHint } from './linkedin.js';
import type { CsvMapping } from './mapping.js';
import { buildImportPreview, type Decisions, type ImportPreview } from './preview.js';
import type { ImportIssue, ParsedFile } from './types.js';

/** A CSV Carnet did not recognise as a known export: what the column-mapping step shows. */
export type ColumnsInfo = {
  file: string;
  /** The header cells as written in the file (empty strings for a file without a header). */
  header: string[];
  /** What the first rows hold, column by column, to help choose. */
  samples: string[][];
  guessed: CsvMapping;
};

export type BatchOptions = {
  /** Who the user is (the document's `me`): settles LinkedIn messages with a single conversation. */
  owner?: OwnerHint;
  format?: FormatOverride;
  /** Language of the notes the import writes. */
  lang?: Language;
};

type Entry = { name: string; parsed: ParsedFile; table?: CsvTable; encoding?: string; bytes?: Uint8Array };

const SAMPLE_ROWS = 3;
const LATE = new Set(['linkedin-messages', 'linkedin-invitations']);

export class ImportBatch {
  /** Files found in archives or folders that Carnet does not read. */
  readonly ignored: string[] = [];
  /** Files that could not be read at all (too big, a broken archive). */
  readonly unread: ImportIssue[] = [];
  readonly columns: ColumnsInfo[] = [];
  private readonly entries: Entry[] = [];

  /** Reads every file (archives expanded); `ignored` lists files of a folder the caller left out. */
  constructor(files: readonly NamedBytes[], options: BatchOptions = {}, ignored: readonly string[] = []) {
    this.ignored.push(...ignored);
    const lang = options.lang ?? 'en';
    const named: NamedBytes[] = [];
    for (const f of files) {
      if (f.bytes.length > MAX_IMPORT_BYTES) {
        this.unread.push(tooBigIssue(f.name, f.bytes.length));
        continue;
      }
      if (!isZip(f.bytes)) {
        named.push(f);
        continue;
      }
      const expanded = expandArchive(f.bytes, f.name);
      if (expanded.issue) this.unread.push(expanded.issue);
      this.ignored.push(...expanded.ignored);
      named.push(...expanded.files);
    }
    const early = named.map((f) => this.read(f, options, lang));
    // The user's name from Profile.csv tells which participant of the messages is them.
    const profileName = early.find((e) => e.parsed?.format === 'linkedin-profile')?.parsed?.profile?.name;
    const owner: OwnerHint = { ...options.owner, ...(profileName && !options.owner?.name ? { name: profileName } : {}) };
    early.forEach((e, i) => {
      const f = named[i]!;
      if (e.parsed) this.entries.push({ ...e, parsed: e.parsed });
      else if (e.table) this.entries.push({ name: f.name, parsed: { ...parseCsvFile(f.bytes, f.name, { table: e.table, owner, lang }), ...(e.encoding ? { encoding: e.encoding } : {}) } });
      else this.entries.push({ name: f.name, parsed: parseImportFile(f.bytes, f.name, { format: options.format, owner, lang }) });
    });
  }

  /**
   * Reads a file now; LinkedIn messages and invitations are only decoded (`parsed` left out), to be read
   * once the owner is known.
   */
  private read(f: NamedBytes, options: BatchOptions, lang: Language): Omit<Entry, 'parsed'> & { parsed?: ParsedFile } {
    if (options.format || detectFile(f.bytes, f.name).kind !== 'csv') {
      return { name: f.name, parsed: parseImportFile(f.bytes, f.name, { format: options.format, owner: options.owner, lang }) };
    }
    const { table, encoding } = readCsvTable(f.bytes);
    const { format, mapping } = guessTableMapping(table, f.name);
    if (LATE.has(format)) return { name: f.name, table, encoding };
    const parsed = { ...parseCsvFile(f.bytes, f.name, { table, owner: options.owner, lang }), encoding };
    const entry: Entry = { name: f.name, parsed, encoding };
    if (format === 'generic-csv' && table.rows.length > 0) {
      entry.table = table;
      entry.bytes = f.bytes;
      const width = Math.max(0, ...table.rows.slice(0, 20).map((r) => r.cells.length));
      const header = mapping.headerRow === null ? [] : table.rows[mapping.headerRow]!.cells;
      const start = mapping.headerRow === null ? 0 : mapping.headerRow + 1;
      this.columns.push({
        file: f.name,
        header: Array.from({ length: Math.max(width, header.length) }, (_, i) => (header[i] ?? '').slice(0, 200)),
        samples: table.rows.slice(start, start + SAMPLE_ROWS).map((r) => r.cells.slice(0, 200).map((c) => c.slice(0, 200))),
        guessed: mapping,
      });
    }
    return entry;
  }

  /** The names of the files read, in the order given. */
  get files(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** True when `file` is a file of this batch that could not be recognised at all (binary, empty). */
  recognised(file: string): boolean {
    const e = this.entries.find((x) => x.name === file);
    return e !== undefined && !(e.parsed.contacts.length === 0 && e.parsed.errors.some((i) => /\.(binaryFile|emptyFile|notContactFile|jsonNotCarnet)$/.test(i.key)));
  }

  /** The parsed files, generic CSVs read with the user's mapping when one is given, without the skipped files. */
  parsed(mappings: ReadonlyMap<string, CsvMapping> = new Map(), skip: ReadonlySet<string> = new Set()): ParsedFile[] {
    const out: ParsedFile[] = [];
    for (const e of this.entries) {
      if (skip.has(e.name)) continue;
      const mapping = mappings.get(e.name);
      if (mapping && e.table && e.bytes) out.push({ ...parseCsvFile(e.bytes, e.name, { mapping, table: e.table }), ...(e.encoding ? { encoding: e.encoding } : {}) });
      else out.push(e.parsed);
    }
    return out;
  }

  preview(
    doc: CarnetDocument,
    choices: { mappings?: ReadonlyMap<string, CsvMapping>; skip?: ReadonlySet<string>; decisions?: Decisions; now?: string; newId?: (prefix: string) => string } = {},
  ): ImportPreview {
    return buildImportPreview(doc, this.parsed(choices.mappings, choices.skip), {
      now: choices.now,
      newId: choices.newId,
      decisions: choices.decisions,
      ignored: this.ignored,
    });
  }
}
