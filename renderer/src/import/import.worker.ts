/// <reference lib="webworker" />
// Reads, expands and parses the files of an import, and matches them against
// the document, off the UI thread: a 30,000-row LinkedIn export or a big
// vCard would otherwise freeze the window. The dialog terminates this worker
// to cancel, so nothing here needs to check for cancellation.
import {
  buildImportPreview,
  detectFile,
  expandArchive,
  guessTableMapping,
  parseCsvFile,
  parseImportFile,
  readCsvTable,
  selectExportFiles,
  type NamedBytes,
  type ParsedFile,
} from '../../../shared/import/index.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { CsvTable } from '../../../shared/import/csv.js';
import { withPositions } from '../../../shared/document/placement.js';
import type { CsvColumns, FromWorker, ReadFile, SourceFile, ToWorker } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

type Entry = { bytes: Uint8Array; parsed: ParsedFile; table?: CsvTable; encoding?: string };

const SAMPLE_ROWS = 3;
let entries = new Map<string, Entry>();
let owner: { name?: string; profileUrl?: string } = {};

const post = (msg: FromWorker) => self.postMessage(msg);

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Files of a dropped folder are filtered as the CLI filters a folder: a LinkedIn export keeps only what describes the network. */
function selectFromFolders(files: SourceFile[]): SourceFile[] {
  const loose = files.filter((f) => !f.path.includes('/'));
  const folders = new Map<string, SourceFile[]>();
  for (const f of files) {
    if (!f.path.includes('/')) continue;
    const top = f.path.slice(0, f.path.indexOf('/'));
    folders.set(top, [...(folders.get(top) ?? []), f]);
  }
  const kept = [...folders.values()].flatMap((group) => selectExportFiles(group.map((f) => ({ ...f, name: f.path }))).selected);
  return [...loose, ...kept];
}

function columnsOf(table: CsvTable): CsvColumns | undefined {
  const { format, mapping } = guessTableMapping(table);
  if (format !== 'generic-csv') return undefined;
  const width = Math.max(0, ...table.rows.slice(0, 20).map((r) => r.cells.length));
  const header = mapping.headerRow === null ? [] : table.rows[mapping.headerRow]!.cells;
  const data = table.rows.slice(mapping.headerRow === null ? 0 : mapping.headerRow + 1, (mapping.headerRow ?? -1) + 1 + SAMPLE_ROWS);
  return {
    header: Array.from({ length: Math.max(width, header.length) }, (_, i) => header[i] ?? ''),
    samples: data.map((r) => r.cells),
    guessed: mapping,
  };
}

async function read(files: SourceFile[]): Promise<void> {
  entries = new Map();
  const problems: { file: string; message: string }[] = [];
  const out: ReadFile[] = [];
  const selected = selectFromFolders(files);
  for (let i = 0; i < selected.length; i++) {
    const { file, path } = selected[i]!;
    post({ type: 'progress', done: i, total: selected.length, file: path });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      problems.push({ file: path, message: (e as Error).message });
      continue;
    }
    let named: NamedBytes[] = [{ name: path, bytes }];
    if (isZip(bytes)) {
      const expanded = expandArchive(bytes, path);
      if (expanded.error) problems.push({ file: path, message: expanded.error });
      named = expanded.files;
    }
    for (const { name, bytes: b } of named) {
      const entry: Entry = { bytes: b, parsed: parseImportFile(b, name, { owner }) };
      let columns: CsvColumns | undefined;
      const kind = detectFile(b, name).kind;
      if (kind === 'csv') {
        const { table, encoding } = readCsvTable(b);
        if (table.rows.length > 0) {
          entry.table = table;
          entry.encoding = encoding;
          columns = columnsOf(table);
        }
      }
      entries.set(name, entry);
      out.push({ name, format: entry.parsed.format, recognised: kind !== 'unknown', ...(columns ? { columns } : {}) });
    }
  }
  post({ type: 'progress', done: selected.length, total: selected.length, file: '' });
  post({ type: 'read', files: out, problems });
}

/** The document of the last preview (the dialog sends it again only when it changed). */
let doc: CarnetDocument | null = null;

function preview(msg: Extract<ToWorker, { type: 'preview' }>): void {
  if (msg.doc) doc = msg.doc;
  if (!doc) throw new Error('no document to preview the import against');
  const skip = new Set(msg.skip);
  const parsed: ParsedFile[] = [];
  for (const [name, entry] of entries) {
    if (skip.has(name)) continue;
    const mapping = msg.mappings[name];
    if (mapping && entry.table) {
      parsed.push({ ...parseCsvFile(entry.bytes, name, { mapping, owner, table: entry.table }), encoding: entry.encoding });
    } else parsed.push(entry.parsed);
  }
  const result = buildImportPreview(doc, parsed, { now: msg.now });
  post({ type: 'preview', id: msg.id, preview: { ...result, changeSet: withPositions(doc, result.changeSet) } });
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  try {
    if (msg.type === 'read') {
      owner = msg.owner;
      read(msg.files).catch((err: unknown) => post({ type: 'error', message: (err as Error).message }));
    } else preview(msg);
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};
