/** Messages between the import dialog (importClient.ts) and its worker (import.worker.ts). */
import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { CsvMapping, ImportFormat, ImportPreview } from '../../../shared/import/index.js';

/** A file to read, with the path it had in a dropped folder ("export/Connections.csv") or its plain name. */
export type SourceFile = { file: File; path: string };

/** A CSV whose columns Carnet could not recognise as a known export: the user confirms or changes the mapping. */
export type CsvColumns = {
  /** The header cells as written in the file. */
  header: string[];
  /** What the first rows hold, column by column, to help choose. */
  samples: string[][];
  guessed: CsvMapping;
};

/** One file the worker read (a ZIP archive or a folder gives several). */
export type ReadFile = {
  name: string;
  format: ImportFormat;
  /** False when the content is not a contact file at all (binary, empty): no format is shown for it. */
  recognised: boolean;
  columns?: CsvColumns;
};

export type ToWorker =
  | { type: 'read'; files: SourceFile[]; owner: { name?: string; profileUrl?: string } }
  | {
      type: 'preview';
      id: number;
      /** The document to match against; absent: the one of the previous preview, unchanged since. */
      doc?: CarnetDocument;
      /** Mappings chosen by the user, by file name. */
      mappings: Record<string, CsvMapping>;
      /** Files the user chose not to import. */
      skip: string[];
      now: string;
    };

export type FromWorker =
  | { type: 'progress'; done: number; total: number; file: string }
  | { type: 'read'; files: ReadFile[]; problems: { file: string; message: string }[] }
  | { type: 'preview'; id: number; preview: ImportPreview }
  | { type: 'error'; message: string };
