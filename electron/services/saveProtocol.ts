/** Messages between the document store (main thread) and its save worker (saveWorker.ts). */
import type { ChangeSet } from '../../shared/document/operations.js';

export type ToWorker =
  /** Loads the replica from document text (validated again in the worker, off the main thread). */
  | { type: 'init'; id: number; text: string }
  /** A ChangeSet already applied on the main thread and durable in the journal. */
  | { type: 'apply'; set: ChangeSet; revision: number }
  /** Serializes the replica and writes it atomically to `path`, plus a backup when asked. */
  | { type: 'save'; id: number; path: string; backup: { keep: number; nowIso: string } | null }
  /** The replica as JSON text: the text of the last save when nothing changed since, else serialized now. */
  | { type: 'text'; id: number };

export type FromWorker =
  | { type: 'done'; id: number; revision: number; backupPath: string | null }
  | { type: 'failed'; id: number; message: string }
  | { type: 'text'; id: number; revision: number; text: string }
  /** The replica no longer matches the main document: no save can be trusted any more. */
  | { type: 'broken'; message: string };
