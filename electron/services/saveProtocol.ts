/** Messages between the document store (main thread) and its save worker (saveWorker.ts). */
import type { PartPlan } from '../../shared/json/partPlan.js';
import type { Retention } from './backups.js';

/** What identifies one version of a file on disk: a save by anyone else changes at least one of these. */
export type DiskIdentity = { dev: string; ino: string; size: string; mtimeNs: string };

export type ToWorker =
  /**
   * Loads the replica from the document text the main thread read (and validated). `expect` is the
   * fingerprint the journal recorded for Carnet's last save: when the text still has it, the text is
   * exactly what Carnet wrote and is only parsed; otherwise (a file written by another tool, a
   * migration, a recovery) the worker validates its copy itself, to get the same defaults.
   * `disk` describes the document file when `text` is what it holds (null for a view of a backup).
   */
  | {
      type: 'init';
      id: number;
      text: string;
      expect: string | null;
      validate: boolean;
      file: string;
      disk: DiskIdentity | null;
      retention: Retention;
      backupIntervalMs: number;
      /** Make the text's bytes ('bytes') right after the open, before they are asked for. */
      bytesAhead: boolean;
    }
  /**
   * A ChangeSet already applied on the main thread and durable in the journal, as its journal line
   * (journal.ts `encodeEntry`): a string crosses to the worker as one copy of its bytes, where the
   * set's objects would be cloned one by one on the main thread (a quarter of a second, and the
   * worker's heap twice over, for a 30,000-contact import).
   */
  | { type: 'apply'; line: string; revision: number }
  /**
   * Serializes the replica and writes it over the document file, after checking that nobody else
   * changed the file since Carnet last read or wrote it; takes a backup when one is due.
   */
  | { type: 'save'; id: number; nowIso: string }
  /** Writes the replica to another file and makes it the document file (Save As). */
  | { type: 'saveAs'; id: number; path: string; nowIso: string }
  /** Backs up what the document file holds unless the newest backup already holds it (at close). */
  | { type: 'backup'; id: number; nowIso: string }
  /**
   * The replica as JSON text: the text of the last read or save when nothing changed since, else serialized
   * now; with `plan`, its part plan too (shared/json/partPlan.ts), made once per revision.
   */
  | { type: 'text'; id: number; plan?: boolean }
  /**
   * The same text as UTF-8 bytes (with `plan`, its part plan, whose offsets count the text's characters), on a
   * SharedArrayBuffer the worker never writes again: made once per revision here, they reach the main thread
   * without a copy, and an HTTP response writes them as they are (the web server's state).
   */
  | { type: 'bytes'; id: number; plan?: boolean };

export type Saved = {
  revision: number;
  /** Fingerprint of the text written (journal mark). */
  fingerprint: string;
  backupPath: string | null;
  /** A backup was due but could not be written (the save itself succeeded). */
  backupError: string | null;
  /** Another program had changed the file: its version was kept in this file before Carnet's was written. */
  externalCopy: string | null;
  /** The file had been deleted or moved away by another program; Carnet's version was written again. */
  recreated: boolean;
};

export type FromWorker =
  | { type: 'ready'; id: number; revision: number; canonical: boolean }
  | ({ type: 'saved'; id: number } & Saved)
  | { type: 'backedUp'; id: number; backupPath: string | null }
  | { type: 'failed'; id: number; message: string; code?: string }
  | { type: 'text'; id: number; revision: number; text: string; plan: PartPlan | null }
  | { type: 'bytes'; id: number; revision: number; bytes: Uint8Array; plan: PartPlan | null }
  /** The replica no longer matches the main document: no save can be trusted any more. */
  | { type: 'broken'; message: string };
