/**
 * An existing document opened to be changed in memory and written back whole, once: what `carnet import`
 * does into a DOC that exists. The CLI holds the document's lock for the few seconds it runs, makes one
 * big change and offers no undo, so it needs neither a journal of its edit nor a save worker.
 *
 * Why not a DocumentStore: the store journals every edit and saves through a worker holding a replica.
 * A 30,000-row import is one change set as big as the document: its journal line is a second copy of it
 * (tens of MB of text, kept in the store's journal entries), the worker receives that text and parses it
 * into a third, and stringifies its replica into a fourth. That path peaked at 840–950 MB where the same
 * import into a new document, written whole by `DocumentStore.write`, peaked at 580–610 MB. Here the
 * document lives once, in this thread (580–590 MB, as into a new document).
 *
 * It is as safe as the store:
 * - opened like `DocumentStore.open`: locked before it is read (a document open in the app is refused,
 *   with the same message), leftovers of a killed Carnet tidied, a damaged file recovered from its
 *   backups, the journal's unsaved edits replayed (and a damaged journal moved aside, never lost);
 * - the version it started from is kept in the backups (unless the newest one holds it), as the save
 *   worker does before its first save;
 * - `write()` validates the document, then replaces the file atomically (in place, crash-safe, when it
 *   has hard links, as the store does), then empties the journal under the mark of that text, then
 *   backs the new version up, as a store's close does. A crash at any point leaves the old document
 *   (and its journal) or the new one; the journal's old lines are older than the new document, so a
 *   reopen skips them, and its old mark no longer matches, so the text is validated.
 * - a file another program changed since it was read is kept beside the document before it is replaced.
 * - a document that cannot be written (read-only disk, full disk, read-only file) opens all the same,
 *   and `write()` refuses with the store's message: nothing is written.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Notice } from '../../shared/api/contract.js';
import type { CarnetDocument } from '../../shared/document/schema.js';
import { validateDocument } from '../../shared/document/validate.js';
import { keepAside } from './asideFiles.js';
import { writeFileAtomic } from './atomicWrite.js';
import { backupInfos, DEFAULT_RETENTION, fingerprint, writeBackup, type Retention } from './backups.js';
import { currentIdentity, identityOf, sameIdentity, writeDocumentFile } from './documentFile.js';
import {
  DocumentError,
  DocumentReadOnlyError,
  lockAndRead,
  settleJournal,
  type ReadOnly,
} from './documentStore.js';
import { journalPathFor, journalText } from './journal.js';
import { loadOrRecover, replayEntries } from './recovery.js';
import { readRegularBytes, withoutBom } from './regularFile.js';
import type { DiskIdentity } from './saveProtocol.js';

export type HeldOptions = {
  /** Throw instead of recovering when the file is invalid and Carnet never backed it up (see StoreOptions). */
  refuseInvalidWithoutBackup?: boolean;
  /** Which backups are kept. */
  retention?: Retention;
  /** The clock (tests). */
  now?: () => Date;
};

/** What the document file held when it was read: how to notice that another program replaced it since. */
type OnDisk = { identity: DiskIdentity; fingerprint: string };

export class HeldDocument {
  /** Closed (the lock released): nothing more may be written. */
  private closed = false;

  private constructor(
    /** Absolute path of the document, as the user named it. */
    readonly path: string,
    /** The real file behind `path`: what is locked, written, journaled and backed up. */
    private readonly file: string,
    /** The document, to change in place (applyChangeSet, each change counted in `meta.revision`). */
    readonly doc: CarnetDocument,
    /** Set when nothing can be written: `write()` refuses. */
    readonly readOnly: ReadOnly | null,
    private disk: OnDisk | null,
    private readonly unlock: () => Promise<void>,
    private readonly opts: { now: () => Date; retention: Retention },
  ) {}

  /** Opens the existing document at `path`, locked until `close()`. */
  static async open(path: string, options: HeldOptions = {}): Promise<HeldDocument> {
    const asked = resolve(path);
    const opts = { now: options.now ?? (() => new Date()), retention: options.retention ?? DEFAULT_RETENTION };
    const nowIso = opts.now().toISOString();
    const { file, readOnly, unlock, read, journalFile, journal } = await lockAndRead(asked, false);
    try {
      // What a store would tell the app (a recovery, a damaged journal moved aside): the CLI has never printed it.
      const notices: Notice[] = [];
      const loaded = await loadOrRecover(read.text, { asked, file, nowIso, readOnly: readOnly !== null, refuseWithoutBackup: options.refuseInvalidWithoutBackup ?? false }, notices);
      const snapshot = { text: loaded.text, revision: loaded.doc.meta.revision };
      const replayed = journal ? replayEntries(loaded.doc, journal) : null;
      let disk: OnDisk | null = null;
      if (!readOnly) {
        const marked = loaded.source === 'file' && loaded.migrations.length === 0 ? (journal?.saved ?? null) : null;
        if (replayed) await settleJournal(file, asked, journalFile!, marked, replayed, nowIso, notices);
        const identity = loaded.source === 'file' ? identityOf(read.stat) : identityOf(await stat(file, { bigint: true }));
        disk = { identity, fingerprint: fingerprint(snapshot.text) };
        // Kept now rather than at the write: the text need not stay in memory meanwhile. A backup that
        // fails does not stop the import (the store's saves carry on too, with a notice).
        await backUpUnlessNewest(file, snapshot.text, disk.fingerprint, snapshot.revision, nowIso, opts.retention).catch(() => {});
      }
      return new HeldDocument(asked, file, loaded.doc, readOnly, disk, unlock, opts);
    } catch (e) {
      await unlock();
      throw e;
    }
  }

  /** Validates the document as it now is and writes it in place of the file. Nothing is written when it is invalid. */
  async write(): Promise<void> {
    if (this.closed) throw new Error(`"${this.path}" is closed`);
    if (this.readOnly || !this.disk) {
      throw new DocumentReadOnlyError(`"${this.path}" is open read-only (${this.readOnly?.detail ?? 'it cannot be saved'}): the edit was not made. Use Save As to keep working on a copy.`);
    }
    // The copy validation makes is dropped at once: the document written is this one, which the next open validates again.
    const checked = validateDocument(this.doc);
    if (!checked.ok) {
      throw new DocumentError(`cannot save "${this.path}": ${checked.error.message} (at ${checked.error.path})`, this.path, checked.error.path, 'invalid');
    }
    const nowIso = this.opts.now().toISOString();
    const text = JSON.stringify(this.doc);
    const mark = { revision: this.doc.meta.revision, fingerprint: fingerprint(text) };
    await this.keepOtherVersion(nowIso);
    // The document first, then its journal: until the journal is rewritten, its lines are older than the new file.
    await writeDocumentFile(this.file, text);
    const identity = await currentIdentity(this.file);
    if (!identity) throw new Error(`"${this.path}" disappeared right after it was saved`);
    this.disk = { identity, fingerprint: mark.fingerprint };
    await writeFileAtomic(journalPathFor(this.file), journalText(mark, []));
    await backUpUnlessNewest(this.file, text, mark.fingerprint, mark.revision, nowIso, this.opts.retention).catch(() => {});
  }

  /** Releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.unlock();
  }

  /** Another program replaced the file since it was read: its version is kept beside the document (as the save worker does). */
  private async keepOtherVersion(nowIso: string): Promise<void> {
    const now = await currentIdentity(this.file);
    if (!now || sameIdentity(now, this.disk!.identity)) return;
    const { bytes } = await readRegularBytes(this.file);
    // Touched, or rewritten with the same content (a sync client): nothing to keep.
    if (fingerprint(withoutBom(bytes.toString('utf8'))) === this.disk!.fingerprint) return;
    await keepAside(this.file, 'external', nowIso, bytes);
  }
}

/** Backs `text` up unless the newest backup of `file` holds it already. */
async function backUpUnlessNewest(file: string, text: string, fp: string, revision: number, nowIso: string, retention: Retention): Promise<void> {
  const [newest] = await backupInfos(file);
  if (newest?.fingerprint === fp) return;
  await writeBackup(file, text, revision, nowIso, retention);
}
