/**
 * Import entry points: bytes and a file name in, parsed contacts out
 * (`parseImportFile`), archives and LinkedIn export folders expanded
 * (`expandArchive`, `selectExportFiles`), and several files put in the order
 * they must be applied (contacts before the interactions and ties that name them).
 */
import { unzipSync } from 'fflate';
import { parseCarnetJson } from './carnetJson.js';
import { MAX_IMPORT_BYTES } from './decode.js';
import { detectFile, kindOfOverride, type FormatOverride } from './detect.js';
import { parseCsvFile, type CsvParseOptions } from './genericCsv.js';
import type { ParsedFile } from './types.js';
import { parseVcard } from './vcard.js';

export * from './types.js';
export { MAX_IMPORT_BYTES, decodeText } from './decode.js';
export { detectFile, FORMAT_OVERRIDES, type FormatOverride } from './detect.js';
export { guessMapping, guessTableMapping, parseCsvFile, readCsvTable, type CsvParseOptions } from './genericCsv.js';
export type { ColumnTarget, CsvMapping } from './mapping.js';
export { parseVcard } from './vcard.js';
export { inApplyOrderOf } from './order.js';
export type { Conflict, MatchKind } from './merge.js';
export { buildImportPreview, type ImportOptions, type ImportPreview, type FilePreview } from './preview.js';

export type ParseOptions = CsvParseOptions & { format?: FormatOverride };

function failed(file: string, message: string): ParsedFile {
  return { file, format: 'generic-csv', contacts: [], interactions: [], ties: [], warnings: [], errors: [{ file, message }] };
}

/** Parses one file (not an archive: see `expandArchive`). Never throws: problems are in `errors`. */
export function parseImportFile(bytes: Uint8Array, file: string, options: ParseOptions = {}): ParsedFile {
  if (bytes.length > MAX_IMPORT_BYTES) {
    return failed(file, `the file is ${Math.round(bytes.length / 1048576)} MB; files over ${MAX_IMPORT_BYTES / 1048576} MB are not imported`);
  }
  const detected = options.format ? { kind: kindOfOverride(options.format) } : detectFile(bytes, file);
  try {
    switch (detected.kind) {
      case 'vcard':
        return parseVcard(bytes, file);
      case 'csv':
        return parseCsvFile(bytes, file, options);
      case 'carnet-json':
        return parseCarnetJson(bytes, file);
      case 'zip':
        return failed(file, 'this is a ZIP archive: expand it first (expandArchive)');
      default:
        return failed(file, 'reason' in detected && detected.reason ? detected.reason : 'not a contact file');
    }
  } catch (e) {
    return failed(file, `could not be read: ${(e as Error).message}`);
  }
}

export type NamedBytes = { name: string; bytes: Uint8Array };

const CONTACT_EXTENSIONS = /\.(csv|tsv|txt|vcf|vcard|json)$/i;
const LINKEDIN_FILES = /(^|\/)(connections|messages|invitations)\.csv$/i;

/**
 * Keeps the files of a folder or archive worth importing. A LinkedIn export
 * (it has `Connections.csv`) holds dozens of CSVs about the user's own account;
 * only connections, messages and invitations describe the network.
 */
export function selectExportFiles<T extends { name: string }>(files: readonly T[]): { selected: T[]; skipped: T[] } {
  const linkedin = files.some((f) => /(^|\/)connections\.csv$/i.test(f.name));
  const keep = (f: T) => !/(^|\/)(__MACOSX|\.)/.test(f.name) && (linkedin ? LINKEDIN_FILES.test(f.name) : CONTACT_EXTENSIONS.test(f.name));
  return { selected: files.filter(keep), skipped: files.filter((f) => !keep(f)) };
}

/** The files inside a ZIP archive, refusing archives that would expand beyond the size limit. */
export function expandArchive(bytes: Uint8Array, archive: string): { files: NamedBytes[]; error?: string } {
  let total = 0;
  let tooBig = false;
  try {
    const entries = unzipSync(bytes, {
      filter(f) {
        if (f.name.endsWith('/')) return false;
        total += f.originalSize;
        if (total > MAX_IMPORT_BYTES) tooBig = true;
        return !tooBig;
      },
    });
    if (tooBig) return { files: [], error: `${archive}: the archive expands to more than ${MAX_IMPORT_BYTES / 1048576} MB; not imported` };
    const files = Object.entries(entries).map(([name, data]) => ({ name: `${archive}/${name}`, bytes: data }));
    return { files: selectExportFiles(files).selected };
  } catch (e) {
    return { files: [], error: `${archive}: not a readable ZIP archive (${(e as Error).message})` };
  }
}

