/**
 * What the main side sends the import dialog: the preview without its
 * ChangeSet (which stays where the document lives), with bounded lists, so
 * that the answer to a 30,000-row preview is a few kilobytes.
 */
import type { CsvMapping } from './mapping.js';
import type { ColumnsInfo } from './batch.js';
import type { FilePreview, ImportPreview, ImportTotals, PossibleDuplicate } from './preview.js';
import type { MeChange } from './profile.js';
import type { ImportIssue } from './types.js';

/** Possible duplicates sent per preview; the dialog says how many more there are. */
export const SUMMARY_DUPLICATES = 500;

/** A CSV whose columns the user confirms: what Carnet guessed, or what the user chose last time for the same header. */
export type ColumnsStep = ColumnsInfo & {
  /** The mapping in use: remembered for this exact header, else guessed. */
  mapping: CsvMapping;
  remembered: boolean;
  /** The key the confirmed mapping is remembered under; null when the file has no header row. */
  headerKey: string | null;
};

export type ImportSummary = {
  importId: string;
  /** The document revision the preview was built against. */
  revision: number;
  files: FilePreview[];
  totals: ImportTotals;
  duplicates: PossibleDuplicate[];
  /** All possible duplicates, of which `duplicates` lists the first SUMMARY_DUPLICATES. */
  duplicatesTotal: number;
  me: { changes: MeChange[] } | null;
  ignored: string[];
  /** Files that could not be read at all (too big, a broken archive). */
  unread: ImportIssue[];
  columns: ColumnsStep[];
  /** Files that are no contact file at all (binary, empty): the dialog shows no format for them. */
  unrecognised: string[];
  /** True when there is something to apply. */
  changes: boolean;
};

export function summarize(
  importId: string,
  revision: number,
  preview: ImportPreview,
  extra: { unread: ImportIssue[]; columns: ColumnsStep[]; unrecognised: string[] },
): ImportSummary {
  return {
    importId,
    revision,
    files: preview.files,
    totals: preview.totals,
    duplicates: preview.duplicates.slice(0, SUMMARY_DUPLICATES),
    duplicatesTotal: preview.duplicates.length,
    me: preview.me ? { changes: preview.me.changes } : null,
    ignored: preview.ignored,
    unread: extra.unread,
    columns: extra.columns,
    unrecognised: extra.unrecognised,
    changes: preview.changeSet.changes.length > 0,
  };
}
