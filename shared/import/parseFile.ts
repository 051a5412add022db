/**
 * One file in, parsed records out (`parseImportFile`), and ZIP archives
 * opened (`expandArchive`). Never throws: problems are issues of the file.
 */
import { unzipSync } from 'fflate';
import { parseCarnetJson } from './carnetJson.js';
import { MAX_IMPORT_BYTES } from './decode.js';
import { detectFile, kindOfOverride, type FormatOverride } from './detect.js';
import { selectExportFiles } from './exportFiles.js';
import { parseCsvFile, type CsvParseOptions } from './genericCsv.js';
import { makeIssue, type ImportIssue, type ParsedFile } from './types.js';
import { parseVcard } from './vcard.js';

export type ParseOptions = CsvParseOptions & { format?: FormatOverride };

function failed(file: string, key: string, params: Record<string, string | number> = {}): ParsedFile {
  return { file, format: 'generic-csv', contacts: [], interactions: [], ties: [], warnings: [], errors: [makeIssue(file, key, params)] };
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** The issue of a file refused for its size, before it is read. */
export function tooBigIssue(file: string, bytes: number): ImportIssue {
  return makeIssue(file, 'tooBig', { size: mb(bytes), max: mb(MAX_IMPORT_BYTES) });
}

/** Parses one file (not an archive: see `expandArchive`). Never throws: problems are in `errors`. */
export function parseImportFile(bytes: Uint8Array, file: string, options: ParseOptions = {}): ParsedFile {
  if (bytes.length > MAX_IMPORT_BYTES) return { ...failed(file, 'tooBig'), errors: [tooBigIssue(file, bytes.length)] };
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
        return failed(file, 'zipNotExpanded');
      default:
        return failed(file, 'reason' in detected && detected.reason ? detected.reason : 'notContactFile');
    }
  } catch (e) {
    return failed(file, 'unreadable', { reason: (e as Error).message.slice(0, 300) });
  }
}

export type NamedBytes = { name: string; bytes: Uint8Array };

/** True for the bytes of a ZIP archive. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The files inside a ZIP archive worth importing (`ignored`: the others, by name), refusing archives
 * that would expand beyond the size limit.
 */
export function expandArchive(bytes: Uint8Array, archive: string): { files: NamedBytes[]; ignored: string[]; error?: string; issue?: ImportIssue } {
  let total = 0;
  let tooBig = false;
  const fail = (key: string, params: Record<string, string | number>) => {
    const issue = makeIssue(archive, key, params);
    return { files: [], ignored: [], error: `${archive}: ${issue.message}`, issue };
  };
  try {
    const entries = unzipSync(bytes, {
      filter(f) {
        if (f.name.endsWith('/')) return false;
        total += f.originalSize;
        if (total > MAX_IMPORT_BYTES) tooBig = true;
        return !tooBig;
      },
    });
    if (tooBig) return fail('archiveTooBig', { max: mb(MAX_IMPORT_BYTES) });
    // Entries are own properties named by the archive: `__proto__` is a file name like any other.
    const files = Object.keys(entries).map((name) => ({ name: `${archive}/${name}`, bytes: entries[name]! }));
    const { selected, skipped } = selectExportFiles(files);
    return { files: selected, ignored: skipped.map((f) => f.name) };
  } catch (e) {
    return fail('archiveUnreadable', { reason: (e as Error).message.slice(0, 300) });
  }
}
