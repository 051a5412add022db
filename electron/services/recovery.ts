/**
 * What opens when a document file is damaged, and what a journal gives back.
 * Nothing here deletes or overwrites a version: a damaged file or journal is
 * moved aside under a dated name, and when the folder cannot be written
 * (read-only) nothing on disk changes at all.
 */
import { basename, extname } from 'node:path';
import type { Notice } from '../../shared/api/contract.js';
import { applyChangeSet, parseChangeSet } from '../../shared/document/operations.js';
import { CURRENT_VERSION, FORMAT, emptyDocument, type CarnetDocument } from '../../shared/document/schema.js';
import { validateDocument, type ValidationResult } from '../../shared/document/validate.js';
import { moveAside } from './asideFiles.js';
import { writeFileAtomic } from './atomicWrite.js';
import { listBackups, readBackup } from './backups.js';
import { encodeEntry, type JournalContents, type JournalEntry } from './journal.js';

/** A document that cannot be opened; `path` is the JSON path of the problem (`$` for the whole file). */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly path: string = '$',
    /** What went wrong, for the caller to choose what to offer. */
    readonly kind: DocumentErrorKind = 'unreadable',
  ) {
    super(message);
  }
}

export type DocumentErrorKind =
  | 'missing'
  | 'folderMissing'
  | 'notAFile'
  | 'unreadable'
  | 'locked'
  | 'lockedUnverified'
  | 'newerVersion'
  | 'invalid'
  | 'readOnly';

export type Loaded = {
  doc: CarnetDocument;
  /** The text `doc` was read from. */
  text: string;
  migrations: string[];
  /** Where it came from: the file as it is, or a backup / an empty document written in place of a damaged file. */
  source: 'file' | 'backup' | 'empty';
};

/** The format version a parsed file claims, when it is a Carnet document newer than this Carnet reads. */
export function newerVersion(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { format, version } = raw as Record<string, unknown>;
  return format === FORMAT && typeof version === 'number' && Number.isInteger(version) && version > CURRENT_VERSION ? version : null;
}

/** Parses and validates document text once. A file of a newer format is refused as such, untouched. */
export function parseOnce(file: string, text: string): ValidationResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { path: '$', message: `not valid JSON: ${(e as Error).message}` } };
  }
  const newer = newerVersion(raw);
  if (newer !== null) {
    throw new DocumentError(
      `"${file}" was written by a newer version of Carnet (format version ${newer}; this one reads up to ${CURRENT_VERSION}). Update Carnet to open it; the file was left as it is.`,
      file,
      '$.version',
      'newerVersion',
    );
  }
  return validateDocument(raw);
}

export type RecoverOptions = {
  /** The path the user named (for messages) and the real file (for I/O). */
  asked: string;
  file: string;
  nowIso: string;
  /** Nothing may be written: recover from a backup in memory only. */
  readOnly: boolean;
  /** Throw instead of recovering when no backup exists: a file the user picked that is not a Carnet document is refused, not moved aside. */
  refuseWithoutBackup: boolean;
};

/** The document to open: the file itself when valid, else the newest valid backup, else an empty one. */
export async function loadOrRecover(text: string, o: RecoverOptions, notices: Notice[]): Promise<Loaded> {
  const result = parseOnce(o.asked, text);
  if (result.ok) return { doc: result.doc, text, migrations: result.migrations, source: 'file' };
  const { path: where, message: reason } = result.error;
  const backups = await listBackups(o.file);
  if (o.refuseWithoutBackup && backups.length === 0) {
    throw new DocumentError(`"${o.asked}" is not a valid Carnet document: ${reason} (at ${where})`, o.asked, where, 'invalid');
  }
  const found = await newestValidBackup(backups);
  if (o.readOnly) {
    if (!found) throw new DocumentError(`"${o.asked}" is not a valid Carnet document: ${reason} (at ${where})`, o.asked, where, 'invalid');
    notices.push({
      level: 'warning',
      code: 'document.recoveredReadOnly',
      message: `"${o.asked}" could not be opened (${reason}, at ${where}) and cannot be repaired here, where nothing can be written. Its latest valid backup "${found.path}" is shown instead.`,
      params: { file: o.asked, reason, path: where, backup: found.path },
    });
    return { doc: found.doc, text: found.text, migrations: found.migrations, source: 'backup' };
  }
  const movedTo = await moveAside(o.file, 'corrupt', o.nowIso);
  const params = { file: o.asked, reason, path: where, movedTo };
  if (found) {
    await writeFileAtomic(o.file, found.text);
    notices.push({
      level: 'warning',
      code: 'document.recovered',
      message: `"${o.asked}" could not be opened (${reason}, at ${where}). It was moved to "${movedTo}" and its latest valid backup "${found.path}" was opened instead.`,
      params: { ...params, backup: found.path },
    });
    return { doc: found.doc, text: found.text, migrations: found.migrations, source: 'backup' };
  }
  const doc = emptyDocument(o.nowIso, basename(o.asked, extname(o.asked)) || 'Carnet');
  const emptyText = JSON.stringify(doc);
  await writeFileAtomic(o.file, emptyText);
  notices.push({
    level: 'error',
    code: 'document.recoveredEmpty',
    message: `"${o.asked}" could not be opened (${reason}, at ${where}) and no valid backup of it exists. It was moved to "${movedTo}"; an empty document was opened in its place.`,
    params,
  });
  return { doc, text: emptyText, migrations: [], source: 'empty' };
}

/** The newest backup (paths newest first) that parses and validates. */
export async function newestValidBackup(backups: readonly string[]): Promise<{ path: string; doc: CarnetDocument; text: string; migrations: string[] } | null> {
  for (const path of backups) {
    const text = await readBackup(path);
    if (text === null) continue;
    let parsed: ValidationResult;
    try {
      parsed = parseOnce(path, text);
    } catch {
      continue;
    }
    if (parsed.ok) return { path, doc: parsed.doc, text, migrations: parsed.migrations };
  }
  return null;
}

export type Replayed = {
  /** The entries applied, numbered from the snapshot's revision on: what the journal must keep. */
  kept: JournalEntry[];
  /** Lines that did not read back (checksum), from 1. */
  damaged: number[];
  /** Entries that read back but could not be applied. */
  skipped: number[];
  /** Why replay stopped early: the journal does not continue this version of the document. */
  stopped: { journalRevision: number; documentRevision: number } | null;
};

/**
 * Applies the journal entries newer than the snapshot to `doc`, in order. What
 * can be replayed is: a damaged line or an entry that no longer applies is
 * skipped and reported, and the entries after it are still applied (each puts
 * whole entities, so they stand on their own). Replay stops only where the
 * journal does not continue this document at all (it belongs to another
 * version of the file).
 */
export function replayEntries(doc: CarnetDocument, journal: JournalContents): Replayed {
  const kept: JournalEntry[] = [];
  const skipped: number[] = [];
  const damaged = [...journal.damaged];
  let previous = doc.meta.revision;
  let previousLine = 0;
  let stopped: Replayed['stopped'] = null;
  for (const entry of journal.entries) {
    const line = entry.lineNo ?? 0;
    if (entry.revision <= previous) {
      previousLine = line;
      if (kept.length === 0 && skipped.length === 0) continue;
      stopped = { journalRevision: entry.revision, documentRevision: previous };
      break;
    }
    const missing = entry.revision - previous - 1;
    const damagedBetween = damaged.filter((n) => n > previousLine && n < line).length;
    if (missing > damagedBetween) {
      stopped = { journalRevision: entry.revision, documentRevision: previous };
      break;
    }
    previous = entry.revision;
    previousLine = line;
    try {
      const set = parseChangeSet(entry.set);
      applyChangeSet(doc, set);
      const revision = doc.meta.revision + 1;
      doc.meta.revision = revision;
      kept.push({ revision, set, line: revision === entry.revision ? entry.line : encodeEntry(revision, set) });
    } catch {
      skipped.push(entry.revision);
    }
  }
  return { kept, damaged, skipped, stopped };
}
