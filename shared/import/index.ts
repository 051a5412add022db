/**
 * Import entry points: bytes and a file name in, parsed contacts out
 * (`parseImportFile`), archives and LinkedIn export folders expanded
 * (`expandArchive`, `selectExportFiles`), several files put in the order
 * they must be applied (contacts before the interactions and ties that name
 * them), and the whole of an import, from files to preview, in `ImportBatch`.
 */
export * from './types.js';
export { MAX_IMPORT_BYTES, decodeText } from './decode.js';
export { detectFile, FORMAT_OVERRIDES, type FormatOverride } from './detect.js';
export { guessMapping, guessTableMapping, parseCsvFile, readCsvTable, type CsvParseOptions } from './genericCsv.js';
export type { ColumnTarget, CsvMapping } from './mapping.js';
export { parseVcard } from './vcard.js';
export { inApplyOrderOf } from './order.js';
export { isLinkedInExport, selectDropped, selectExportFiles } from './exportFiles.js';
export { expandArchive, isZip, parseImportFile, tooBigIssue, type NamedBytes, type ParseOptions } from './parseFile.js';
export type { Conflict, MatchKind } from './merge.js';
export type { LookAlikeReason } from './lookAlike.js';
export type { MeChange } from './profile.js';
export {
  buildImportPreview,
  MATCH_KINDS,
  type Decision,
  type Decisions,
  type FileKind,
  type FilePreview,
  type ImportOptions,
  type ImportPreview,
  type ImportTotals,
  type PersonCard,
  type PossibleDuplicate,
} from './preview.js';
export { ImportBatch, type ColumnsInfo, type BatchOptions } from './batch.js';
export { summarize, SUMMARY_DUPLICATES, type ColumnsStep, type ImportSummary } from './summary.js';
