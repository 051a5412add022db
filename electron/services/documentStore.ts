/**
 * The open document and its safety on disk.
 *
 * - `open()` reads the file once: the text is parsed and validated once,
 *   here, and the same text goes to the save worker (which only parses it
 *   when the journal's mark says Carnet wrote it) and to the renderer.
 *   Nothing is written just to view a document: no backup, and when the
 *   lock, the journal or the file cannot be written (read-only file or
 *   disk, full disk) the document opens read-only, with a notice.
 * - `apply()` changes the document in memory, appends the ChangeSet to the
 *   journal (`<file>.journal`) and resolves once that line is on the disk:
 *   an acknowledged edit survives a kill at any moment.
 * - Saving is debounced and done by a worker thread holding a replica of the
 *   document (saveWorker.ts), which also notices a change another program
 *   made to the file and keeps backups as versions (backups.ts).
 * - The document's real file is what is locked, saved, journaled and backed
 *   up: opened through a symlink, it saves to the file the link points to.
 * - A file that does not parse or validate is moved aside, never
 *   overwritten, and the newest valid backup is opened, with a Notice.
 */
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Notice } from '../../shared/api/contract.js';
import { applyChangeSet, type ChangeSet } from '../../shared/document/operations.js';
import type { CarnetDocument } from '../../shared/document/schema.js';
import { validateDocument } from '../../shared/document/validate.js';
import type { PartPlan } from '../../shared/json/partPlan.js';
import { moveAside } from './asideFiles.js';
import { isReadOnlyFile, removeStaleTemps, writeFileAtomic } from './atomicWrite.js';
import { backupInfos, fingerprint, removeStaleBackupTemps, writeBackup, type Retention } from './backups.js';
import { identityOf } from './documentFile.js';
import { readRegularFile, readRegularText } from './regularFile.js';
import { finishInPlaceWrites } from './inPlaceWrite.js';
import { encodeEntry, journalPathFor, journalText, JournalWriter, readJournal, type JournalEntry, type SavedMark } from './journal.js';
import { Lane } from './lane.js';
import { DocumentLockedError, lockDocument, lockPathFor, LockUnavailableError, type LockOptions } from './lock.js';
import { DocumentError, loadOrRecover, newestValidBackup, replayEntries, type Replayed } from './recovery.js';
import type { DiskIdentity } from './saveProtocol.js';
import { SaveWorker, SaveWorkerError } from './saveWorkerClient.js';

export { DocumentError, type DocumentErrorKind } from './recovery.js';

export type StoreOptions = {
  /** Quiet time after an edit before saving (ms). */
  saveDelayMs?: number;
  /** Longest a change waits for its save while edits keep coming (ms). */
  maxSaveDelayMs?: number;
  /** While editing, a backup at least this often (ms): the first save after this much time since the newest backup takes one. */
  backupIntervalMs?: number;
  /** The newest versions kept in the backups. */
  backupKeep?: number;
  /** Besides those, the newest version of each of the last this many days. */
  backupDays?: number;
  /** The clock (tests). */
  now?: () => Date;
  /** Called for every notice raised after open (a save that failed…). */
  onNotice?: (notice: Notice) => void;
  /** Called when the document becomes read-only while open (its file was made read-only…). */
  onReadOnly?: (readOnly: ReadOnly) => void;
  /**
   * Throw instead of recovering when the file is invalid and Carnet never
   * backed it up: a file the user picked that is not a Carnet document must
   * be refused, not moved aside.
   */
  refuseInvalidWithoutBackup?: boolean;
  /** Take over a lock whose owner could not be verified (the user was warned). */
  takeOverLock?: boolean;
  /**
   * The document is served over HTTP (browser mode): the save worker makes its UTF-8 bytes (bytesParts)
   * right after it opens, before the window asks for them.
   */
  bytesAhead?: boolean;
};

/**
 * Why a document is open read-only: its file is read-only; its folder or disk cannot be written
 * (read-only file system, full disk…); it is a backup shown in place of a missing document; or
 * nothing could be opened at all.
 */
export type ReadOnlyCode = 'file' | 'folder' | 'filesystem' | 'diskFull' | 'backupView' | 'unavailable';
export type ReadOnly = { code: ReadOnlyCode; detail: string };

type Resolved = Required<Omit<StoreOptions, 'onNotice' | 'onReadOnly' | 'refuseInvalidWithoutBackup' | 'takeOverLock'>> &
  Pick<StoreOptions, 'onNotice' | 'onReadOnly'>;

const DEFAULTS = {
  saveDelayMs: 300,
  maxSaveDelayMs: 2000,
  backupIntervalMs: 5 * 60_000,
  backupKeep: 10,
  backupDays: 30,
};
const SAVE_RETRY_MS = 5000;
/** Errors that mean "nothing can be written here", where a document still opens for viewing. */
const WRITE_REFUSED = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/** An edit refused because the document is open read-only. Nothing changed. */
export class DocumentReadOnlyError extends Error {}

/** Save As was asked to replace an existing file without the user's confirmation. */
export class TargetExistsError extends Error {
  constructor(
    readonly target: string,
    /** Whether that file is a Carnet document (it would be backed up before being replaced). */
    readonly carnet: boolean,
  ) {
    super(`"${target}" already exists; confirm to replace it`);
  }
}

export type ApplyResult = { applied: ChangeSet; inverse: ChangeSet; revision: number };

type Queued = { entry: JournalEntry; inverse: ChangeSet; resolve: () => void; reject: (e: Error) => void };

type Parts = {
  path: string;
  file: string;
  doc: CarnetDocument;
  worker: SaveWorker;
  unlock: () => Promise<void>;
  journal: JournalWriter | null;
  entries: JournalEntry[];
  savedRevision: number;
  savedMark: SavedMark | null;
  notices: Notice[];
  readOnly: ReadOnly | null;
  opts: Resolved;
  ready: Promise<{ canonical: boolean }>;
};

export class DocumentStore {
  /** Absolute path of the document, as the user named it (a symlink stays the name shown). */
  path: string;
  /** The real file behind `path` (symlinks resolved): what is locked, saved, journaled and backed up. */
  file: string;
  /** The live document. Change it only through `apply()`. */
  readonly doc: CarnetDocument;
  /** Revision of the last applied change. */
  revision: number;
  /** What the user must be told about this document (recovery, failed saves…). */
  readonly notices: Notice[];
  /** Set when edits cannot be saved: they are refused, and Save As is the way on. */
  readOnly: ReadOnly | null;
  /**
   * Whether the save worker took the text read as Carnet last wrote it (the journal's mark matched),
   * so that it only parsed its copy: the document was validated once. False when the worker had to
   * validate too (a file written by another tool, a migration, a recovery).
   */
  readonly textTrusted: Promise<boolean>;

  private journal: JournalWriter | null;
  /** The lines in the journal file, oldest first. */
  private entries: JournalEntry[];
  /** Applied in memory, not yet durable. */
  private queue: Queued[] = [];
  private writing = false;
  private journalNeedsRewrite = false;
  /** Journal I/O and path switches, one at a time. */
  private readonly lane = new Lane();
  private durableRevision: number;
  private savedRevision: number;
  /** The journal's mark of the last save: lets the next open trust the file's text without validating it twice. */
  private savedMark: SavedMark | null;
  private saving: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private dirtySince: number | undefined;
  private saveFailing = false;
  private backupFailing = false;
  private closing = false;
  private readonly worker: SaveWorker;
  private readonly opts: Resolved;
  /** Releases the lock of `file` (lock.ts); does nothing when no lock could be taken. */
  private unlock: () => Promise<void>;

  private constructor(p: Parts) {
    this.path = p.path;
    this.file = p.file;
    this.doc = p.doc;
    this.revision = p.doc.meta.revision;
    this.durableRevision = p.doc.meta.revision;
    this.savedRevision = p.savedRevision;
    this.savedMark = p.savedMark;
    this.journal = p.journal;
    this.entries = p.entries;
    this.notices = p.notices;
    this.readOnly = p.readOnly;
    this.worker = p.worker;
    this.unlock = p.unlock;
    this.opts = p.opts;
    this.textTrusted = p.ready.then(
      (r) => r.canonical,
      () => false,
    );
  }

  /**
   * Opens a document: reads it once, validates (and migrates) it, recovers
   * from a backup if it is damaged, and replays the journal. Opens read-only
   * when nothing can be written there.
   */
  static async open(path: string, options: StoreOptions = {}): Promise<DocumentStore> {
    const asked = resolve(path);
    const opts = settingsOf(options);
    const nowIso = opts.now().toISOString();
    const opened = await lockAndRead(asked, options.takeOverLock ?? false);
    const { file, unlock, read, journalFile, journal } = opened;
    let readOnly = opened.readOnly;
    let worker: SaveWorker | null = null;
    try {
      const owner = { store: null as DocumentStore | null };
      worker = new SaveWorker((m) => owner.store?.raiseSaveStopped(m));
      const initWorker = (text: string, expect: string | null, disk: DiskIdentity | null) =>
        worker!.init({ text, expect, validate: expect === null, file, disk, retention: retentionOf(opts), backupIntervalMs: opts.backupIntervalMs, bytesAhead: opts.bytesAhead });
      // The worker parses its copy while this thread validates this one.
      const first = initWorker(read.text, journal?.saved?.fingerprint ?? null, identityOf(read.stat));
      // Handled below when it matters; a file that turns out invalid makes it fail meanwhile.
      first.catch(() => {});
      const notices: Notice[] = [];
      const loaded = await loadOrRecover(read.text, { asked, file, nowIso, readOnly: readOnly !== null, refuseWithoutBackup: options.refuseInvalidWithoutBackup ?? false }, notices);
      let started = first;
      if (loaded.source !== 'file' || loaded.migrations.length > 0) {
        // The worker's copy is not this document (recovered, or migrated in memory): it starts again, validating.
        const disk = loaded.source === 'file' ? identityOf(read.stat) : readOnly ? null : identityOf(await stat(file, { bigint: true }));
        started = initWorker(loaded.text, null, disk);
      }
      started.catch((e: Error) => owner.store?.raiseSaveStopped(e.message));
      if (loaded.migrations.length > 0) {
        notices.push({
          level: 'info',
          code: 'document.migrated',
          message: `"${asked}" was written by an earlier Carnet and was updated: ${loaded.migrations.join('; ')}.`,
          params: { file: asked, migrations: loaded.migrations.join('; ') },
        });
      }
      const snapshotRevision = loaded.doc.meta.revision;
      const replayed = journal ? replayEntries(loaded.doc, journal) : null;
      const kept = replayed?.kept ?? [];
      // Messages reach the worker in order: these land after its initial load, whenever that finishes.
      for (const e of kept) worker.apply(e.line, e.revision);
      const marked = loaded.source === 'file' && loaded.migrations.length === 0 ? journal?.saved ?? null : null;
      let journalWriter: JournalWriter | null = null;
      if (!readOnly) {
        if (replayed) await settleJournal(file, asked, journalFile!, marked, replayed, nowIso, notices);
        try {
          journalWriter = await JournalWriter.open(journalPathFor(file));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code ?? '';
          if (!WRITE_REFUSED.has(code)) throw e;
          readOnly = readOnlyOf(code, (e as Error).message);
        }
      } else if (replayed) reportReplay(asked, replayed, null, notices);
      if (readOnly) notices.unshift(readOnlyNotice(asked, readOnly));
      const store = new DocumentStore({
        path: asked,
        file,
        doc: loaded.doc,
        worker,
        unlock,
        journal: journalWriter,
        entries: kept,
        savedRevision: loaded.migrations.length > 0 ? -1 : snapshotRevision,
        savedMark: marked,
        notices,
        readOnly,
        opts,
        ready: started,
      });
      owner.store = store;
      if (store.revision > store.savedRevision) store.scheduleSave();
      return store;
    } catch (e) {
      await worker?.close();
      await unlock();
      throw e;
    }
  }

  /** Validates `doc`, writes it as a new file at `path` (replacing any file there) and opens it. */
  static async create(path: string, doc: CarnetDocument, options: StoreOptions = {}): Promise<DocumentStore> {
    const asked = resolve(path);
    const opts = settingsOf(options);
    const { checked, file, text, mark, unlock, journal, disk } = await writeNew(asked, doc);
    const owner = { store: null as DocumentStore | null };
    const worker = new SaveWorker((m) => owner.store?.raiseSaveStopped(m));
    const ready = worker.init({ text, expect: mark.fingerprint, validate: false, file, disk, retention: retentionOf(opts), backupIntervalMs: opts.backupIntervalMs, bytesAhead: opts.bytesAhead });
    ready.catch((e: Error) => owner.store?.raiseSaveStopped(e.message));
    const store = new DocumentStore({
      path: asked,
      file,
      doc: checked.doc,
      worker,
      unlock,
      journal,
      entries: [],
      savedRevision: checked.doc.meta.revision,
      savedMark: mark,
      notices: [],
      readOnly: null,
      opts,
      ready,
    });
    owner.store = store;
    return store;
  }

  /**
   * Validates `doc` and writes it as a new file at `path` (replacing any file there), locked meanwhile,
   * without opening it: no save worker, so no second copy of the document in memory. For `carnet import`
   * into a new DOC, which has nothing more to do with it (the peak memory of a 30,000-contact import).
   * Like a store's close, it leaves one backup version; a backup that fails does not fail the write.
   */
  static async write(path: string, doc: CarnetDocument, options: StoreOptions = {}): Promise<void> {
    const opts = settingsOf(options);
    const { file, text, mark, journal, unlock } = await writeNew(resolve(path), doc);
    try {
      await journal.close();
      await writeBackup(file, text, mark.revision, opts.now().toISOString(), retentionOf(opts)).catch(() => {});
    } finally {
      await unlock();
    }
  }

  /**
   * A read-only view of a document that is not on disk: `doc` (already
   * validated) is shown under `path` with `notices` (which say why), and can
   * be saved elsewhere with Save As. Nothing is written, nothing is locked.
   */
  static async view(path: string, doc: CarnetDocument, readOnly: ReadOnly, notices: Notice[], options: StoreOptions = {}): Promise<DocumentStore> {
    const asked = resolve(path);
    const file = await targetFile(asked).catch(() => asked);
    const opts = settingsOf(options);
    const text = JSON.stringify(doc);
    const owner = { store: null as DocumentStore | null };
    const worker = new SaveWorker((m) => owner.store?.raiseSaveStopped(m));
    const ready = worker.init({ text, expect: fingerprint(text), validate: false, file, disk: null, retention: retentionOf(opts), backupIntervalMs: opts.backupIntervalMs, bytesAhead: opts.bytesAhead });
    ready.catch((e: Error) => owner.store?.raiseSaveStopped(e.message));
    const store = new DocumentStore({
      path: asked,
      file,
      doc,
      worker,
      unlock: async () => {},
      journal: null,
      entries: [],
      savedRevision: doc.meta.revision,
      savedMark: null,
      // The caller's notices say why (a missing document, a file that could not be opened).
      notices,
      readOnly,
      opts,
      ready,
    });
    owner.store = store;
    return store;
  }

  /**
   * For a document that is missing (deleted, moved, on a disk not mounted):
   * its newest valid backup with its journal replayed, as a read-only view,
   * with a notice saying what happened. Null when no backup of it exists.
   * Nothing on disk is touched: the journal and backups stay as they are.
   */
  static async missingView(path: string, options: StoreOptions = {}): Promise<DocumentStore | null> {
    const asked = resolve(path);
    const file = await targetFile(asked).catch(() => asked);
    const infos = await backupInfos(file).catch(() => []);
    const found = await newestValidBackup(infos.map((b) => b.path));
    if (!found) return null;
    const journalFile = await readJournalFile(file, asked).catch(() => null);
    const replayed = journalFile === null ? null : replayEntries(found.doc, readJournal(journalFile));
    const time = infos.find((b) => b.path === found.path)?.time ?? 0;
    const notices: Notice[] = [
      {
        level: 'warning',
        code: 'document.missing',
        message: `"${asked}" is missing: it was deleted or moved, or it is on a disk that is not connected. Carnet shows its latest backup (${new Date(time).toISOString()}${replayed?.kept.length ? `, with ${replayed.kept.length} later edit(s) from its journal` : ''}), read-only. Restore it to keep working on it, or open another file.`,
        // `time` in milliseconds: the renderer formats it in the user's language.
        params: { file: asked, backup: found.path, time: String(time), count: String(replayed?.kept.length ?? 0) },
      },
    ];
    if (replayed && (replayed.damaged.length || replayed.skipped.length || replayed.stopped)) reportReplay(asked, replayed, null, notices);
    return DocumentStore.view(asked, found.doc, { code: 'backupView', detail: found.path }, notices, options);
  }

  /**
   * Puts `backup` back in place of the missing document at `path`, then opens
   * it (which replays its journal). A file that has reappeared meanwhile (the
   * disk was connected) is opened as it is, never overwritten.
   */
  static async restore(path: string, backup: string, options: StoreOptions = {}): Promise<DocumentStore> {
    const asked = resolve(path);
    const file = await targetFile(asked);
    const unlock = await lock(file, asked, {});
    try {
      if (!(await exists(file))) await writeFileAtomic(file, await readRegularText(backup));
    } finally {
      await unlock();
    }
    return DocumentStore.open(asked, options);
  }

  /**
   * Applies a ChangeSet. Throws (nothing changed) if it breaks a reference
   * or the document is read-only; resolves once the change is durable in the journal.
   * `adopt`: the document takes the set's values themselves, not copies (operations.ts), for a caller
   * that never touches the set again (`carnet import`).
   */
  async apply(set: ChangeSet, opts: { adopt?: boolean } = {}): Promise<ApplyResult> {
    if (this.closing) throw new Error(`"${this.path}" is closed`);
    if (this.readOnly || !this.journal) {
      throw new DocumentReadOnlyError(`"${this.path}" is open read-only (${this.readOnly?.detail ?? 'it cannot be saved'}): the edit was not made. Use Save As to keep working on a copy.`);
    }
    const inverse = applyChangeSet(this.doc, set, opts);
    const revision = ++this.revision;
    this.doc.meta.revision = revision;
    const entry = { revision, set, line: encodeEntry(revision, set) };
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, inverse, resolve, reject });
      this.kick();
    });
    return { applied: set, inverse, revision };
  }

  /**
   * The document as JSON text. The save worker hands back the text it read or
   * last saved, or makes it, off this thread: at 30,000 contacts a stringify
   * here would hold the main process for a quarter of a second. Here only when
   * the worker cannot (edits in flight, a broken worker).
   */
  async text(): Promise<string> {
    return (await this.textParts(false)).text;
  }

  /**
   * `text()` with its part plan (shared/json/partPlan.ts), made in the save worker, so that a window parses
   * the text in short tasks. The plan is null when the text was made here (the window then parses it whole).
   */
  async textParts(plan = true): Promise<{ text: string; plan: PartPlan | null }> {
    const r = await this.fromWorker(() => this.worker.text(plan));
    return r ? { text: r.text, plan: r.plan } : { text: JSON.stringify(this.doc), plan: null };
  }

  /**
   * The worker's answer once the edits in flight are done, if it describes the document as it is here (every
   * edit durable, the same revision); null when it cannot: the main copy is then the truth.
   */
  private async fromWorker<T extends { revision: number }>(ask: () => Promise<T>): Promise<T | null> {
    await this.lane.idle();
    if (this.durableRevision !== this.revision) return null;
    try {
      const r = await ask();
      // Resumed in the same task as the worker's answer arrived: no edit can have slipped in since this check.
      return r.revision === this.revision ? r : null;
    } catch {
      // The worker stopped or is behind.
      return null;
    }
  }

  /**
   * `textParts` as UTF-8 bytes (the plan's offsets count the text's characters), for an HTTP response: the
   * worker encodes them once per revision and shares them, where encoding the 45 MB text of 30,000 contacts
   * here held the main process for 0.2 s at each window's open. Made here when the worker cannot.
   */
  async bytesParts(plan = true): Promise<{ bytes: Uint8Array; plan: PartPlan | null }> {
    const r = await this.fromWorker(() => this.worker.bytes(plan));
    return r ? { bytes: r.bytes, plan: r.plan } : { bytes: Buffer.from(JSON.stringify(this.doc), 'utf8'), plan: null };
  }

  /** Saves now (waiting for edits in flight), then compacts the journal. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.lane.idle();
    await this.saveNow();
  }

  /**
   * Writes the document to `path` and continues on that file; the old file is
   * left complete. An existing file is replaced only with `replace` (the user
   * confirmed), a read-only one never; a Carnet document replaced is backed up
   * first, in its own backups.
   */
  async saveAs(path: string, options: { replace?: boolean } = {}): Promise<void> {
    const asked = resolve(path);
    const target = await targetFile(asked);
    // The backup shown for a missing document may be saved in its place: that restores it.
    if (target === this.file && this.readOnly?.code !== 'backupView') {
      if (this.readOnly) throw new DocumentError(`"${asked}" is open read-only: save it under another name`, asked, '$', 'readOnly');
      await this.flush();
      return;
    }
    const existing = await inspectTarget(target, asked);
    if (existing && !options.replace) throw new TargetExistsError(asked, existing.carnet);
    if (!this.readOnly) await this.flush();
    const unlockTarget = await lock(target, asked, {});
    const nowIso = this.opts.now().toISOString();
    const run = this.saving.catch(() => {}).then(async () => {
      if (existing) {
        const st = await stat(target);
        if (await isReadOnlyFile(target, st.mode)) throw new DocumentError(`"${asked}" is read-only: it was not replaced`, asked, '$', 'readOnly');
        if (existing.carnet) await writeBackup(target, existing.text, existing.revision, nowIso, retentionOf(this.opts));
      }
      // A journal left beside the target holds edits of the file that was there: kept aside, never overwritten.
      await keepOrphanJournal(target, nowIso);
      await removeStaleTemps(target);
      const saved = await this.worker.saveAs(target, nowIso);
      await this.lane.run(async () => {
        const keep = this.entries.filter((e) => e.revision > saved.revision);
        const journalPath = journalPathFor(target);
        const mark = { revision: saved.revision, fingerprint: saved.fingerprint };
        await writeFileAtomic(journalPath, journalText(mark, keep));
        const journal = await JournalWriter.open(journalPath);
        await this.journal?.close();
        this.journal = journal;
        this.journalNeedsRewrite = false;
        this.entries = keep;
        this.path = asked;
        this.file = target;
        this.savedRevision = saved.revision;
        this.savedMark = mark;
        this.readOnly = null;
        const unlockPrevious = this.unlock;
        this.unlock = unlockTarget;
        await unlockPrevious();
      });
    });
    this.saving = run;
    try {
      await run;
    } catch (e) {
      if (this.unlock !== unlockTarget) await unlockTarget();
      throw e;
    }
  }

  /** Saves, backs up what changed, then stops the worker and closes the journal. Further edits are refused. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    try {
      if (!this.readOnly) {
        await this.flush();
        // One version at close, unless the newest backup already holds it. A backup that fails does not fail the close.
        await this.worker.backup(this.opts.now().toISOString()).catch(() => {});
      }
    } finally {
      clearTimeout(this.timer);
      await this.lane.idle();
      await this.journal?.close();
      await this.worker.close();
      await this.unlock();
    }
  }

  /** Starts writing queued journal lines unless a write is already running (which will pick them up). */
  private kick(): void {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    void this.lane
      .run(() => this.writeQueued())
      .finally(() => {
        this.writing = false;
        this.kick();
      });
  }

  /** Group commit: every edit queued meanwhile goes in one write and one disk flush. */
  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        if (this.journalNeedsRewrite) {
          await this.journal!.replace(journalText(this.savedMark, this.entries));
          this.journalNeedsRewrite = false;
        }
        await this.journal!.append(batch.map((q) => q.entry.line).join(''));
      } catch (e) {
        this.rollBack(batch, e as Error);
        continue;
      }
      for (const q of batch) {
        this.entries.push(q.entry);
        this.durableRevision = q.entry.revision;
        this.worker.apply(q.entry.line, q.entry.revision);
        q.resolve();
      }
      this.scheduleSave();
    }
  }

  /** The journal could not be written: undo the batch and everything applied after it, newest first. */
  private rollBack(batch: Queued[], cause: Error): void {
    const undone = [...batch, ...this.queue.splice(0)];
    let error = new Error(`the edit could not be recorded in "${journalPathFor(this.path)}" and was undone: ${cause.message}`);
    try {
      for (let i = undone.length - 1; i >= 0; i--) applyChangeSet(this.doc, undone[i]!.inverse);
      this.revision = batch[0]!.entry.revision - 1;
      this.doc.meta.revision = this.revision;
    } catch (e) {
      error = e as Error;
    } finally {
      // The failed append may have left part of a line behind.
      this.journalNeedsRewrite = true;
      for (const q of undone) q.reject(error);
    }
  }

  private scheduleSave(delay?: number): void {
    if (this.closing || this.readOnly) return;
    const now = Date.now();
    this.dirtySince ??= now;
    clearTimeout(this.timer);
    const wait = delay ?? Math.min(this.opts.saveDelayMs, Math.max(0, this.dirtySince + this.opts.maxSaveDelayMs - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow().catch(() => this.scheduleSave(SAVE_RETRY_MS));
    }, wait);
    this.timer.unref();
  }

  /** One save at a time; a save finding nothing new to write does nothing. */
  private saveNow(): Promise<void> {
    const run = this.saving.catch(() => {}).then(() => this.saveOnce());
    this.saving = run;
    return run;
  }

  private async saveOnce(): Promise<void> {
    if (this.readOnly || this.durableRevision <= this.savedRevision) return;
    this.dirtySince = undefined;
    const path = this.path;
    let saved;
    try {
      saved = await this.worker.save(this.opts.now().toISOString());
    } catch (e) {
      if (e instanceof SaveWorkerError && e.code === 'READONLY') {
        this.becomeReadOnly({ code: 'file', detail: `"${path}" was made read-only` });
        return;
      }
      if (!this.saveFailing) {
        this.saveFailing = true;
        this.raise({
          level: 'error',
          code: 'document.saveFailed',
          message: `"${path}" could not be saved: ${(e as Error).message}. Your edits are kept in "${journalPathFor(path)}" and will be saved again.`,
          params: { file: path, reason: (e as Error).message },
        });
      }
      throw e;
    }
    this.saveFailing = false;
    if (saved.externalCopy) {
      this.raise({
        level: 'warning',
        code: 'document.changedElsewhere',
        message: `"${path}" was changed by another program while Carnet had it open. That version was kept as "${saved.externalCopy}"; Carnet saved yours in "${path}".`,
        params: { file: path, copy: saved.externalCopy },
      });
    }
    if (saved.recreated) {
      this.raise({
        level: 'warning',
        code: 'document.recreated',
        message: `"${path}" was deleted or moved by another program while Carnet had it open. Carnet saved your document there again.`,
        params: { file: path },
      });
    }
    if (saved.backupError && !this.backupFailing) {
      this.raise({
        level: 'warning',
        code: 'document.backupFailed',
        message: `A backup of "${path}" could not be written: ${saved.backupError}. The document itself was saved.`,
        params: { file: path, reason: saved.backupError },
      });
    }
    this.backupFailing = saved.backupError !== null;
    this.savedRevision = saved.revision;
    this.savedMark = { revision: saved.revision, fingerprint: saved.fingerprint };
    await this.lane.run(async () => {
      this.entries = this.entries.filter((e) => e.revision > saved.revision);
      await this.journal!.replace(journalText(this.savedMark, this.entries));
      this.journalNeedsRewrite = false;
    });
  }

  /** The file can no longer be written: edits stop here (those made are in the journal), the user is told. */
  private becomeReadOnly(readOnly: ReadOnly): void {
    this.readOnly = readOnly;
    clearTimeout(this.timer);
    this.raise(readOnlyNotice(this.path, readOnly));
    this.opts.onReadOnly?.(readOnly);
  }

  private raise(notice: Notice): void {
    this.notices.push(notice);
    this.opts.onNotice?.(notice);
  }

  private raiseSaveStopped(message: string): void {
    if (this.closing) return;
    this.raise({
      level: 'error',
      code: 'document.saveStopped',
      message: `"${this.path}" can no longer be saved (${message}). Your edits are kept in "${journalPathFor(this.path)}": reopen the document to save them.`,
      params: { file: this.path, reason: message },
    });
  }
}

/** Takes the lock of the real file, as a DocumentError naming the file the user knows. */
export async function lock(file: string, asked: string, options: LockOptions): Promise<() => Promise<void>> {
  try {
    return await lockDocument(file, options);
  } catch (e) {
    if (e instanceof LockUnavailableError) throw e;
    if (e instanceof DocumentLockedError) throw new DocumentError(e.message.replaceAll(file, asked), asked, '$', e.verified ? 'locked' : 'lockedUnverified');
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DocumentError(missing ? `the folder of "${asked}" does not exist` : (e as Error).message, asked, '$', missing ? 'folderMissing' : 'unreadable');
  }
}

export function readOnlyOf(code: string, message: string): ReadOnly {
  if (code === 'EROFS') return { code: 'filesystem', detail: message };
  if (code === 'ENOSPC' || code === 'EDQUOT') return { code: 'diskFull', detail: message };
  return { code: 'folder', detail: message };
}

function readOnlyNotice(file: string, readOnly: ReadOnly): Notice {
  const why: Record<ReadOnlyCode, string> = {
    file: 'the file is read-only',
    folder: 'its folder cannot be written',
    filesystem: 'its disk is read-only',
    diskFull: 'the disk is full',
    backupView: 'this is a backup of a missing document',
    unavailable: 'it could not be opened',
  };
  return {
    level: 'warning',
    code: 'document.readOnly',
    message: `"${file}" is open read-only because ${why[readOnly.code]}. You can look at it, but edits are refused; Save As writes a copy you can edit.`,
    params: { file, context: readOnly.code },
  };
}

function settingsOf(o: StoreOptions): Resolved {
  return {
    saveDelayMs: o.saveDelayMs ?? DEFAULTS.saveDelayMs,
    maxSaveDelayMs: o.maxSaveDelayMs ?? DEFAULTS.maxSaveDelayMs,
    backupIntervalMs: o.backupIntervalMs ?? DEFAULTS.backupIntervalMs,
    backupKeep: o.backupKeep ?? DEFAULTS.backupKeep,
    backupDays: o.backupDays ?? DEFAULTS.backupDays,
    now: o.now ?? (() => new Date()),
    onNotice: o.onNotice,
    onReadOnly: o.onReadOnly,
    bytesAhead: o.bytesAhead ?? false,
  };
}

function retentionOf(o: Resolved): Retention {
  return { keep: o.backupKeep, days: o.backupDays };
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** The real file behind an existing document path (symlinks resolved); a DocumentError when there is none. */
/**
 * The start of every open (the store's, and the CLI's HeldDocument): the file locked before it is read, so
 * that no other Carnet can save between the read and the lock (or, when it cannot be locked or written, why
 * it is read-only), a killed Carnet's leftovers tidied, the document and its journal read. On failure the
 * lock is let go before the error goes on.
 */
export async function lockAndRead(asked: string, takeOver: boolean) {
  const file = await existingFile(asked);
  const before = await stat(file, { bigint: true });
  let readOnly: ReadOnly | null = null;
  let unlock = async () => {};
  try {
    unlock = await lock(file, asked, { identity: { dev: before.dev, ino: before.ino, nlink: Number(before.nlink) }, takeOver });
  } catch (e) {
    if (!(e instanceof LockUnavailableError)) throw e;
    readOnly = readOnlyOf(e.code, e.message);
  }
  try {
    if (!readOnly && (await isReadOnlyFile(file, Number(before.mode)))) readOnly = { code: 'file', detail: `"${asked}" is read-only` };
    // Leftovers of a killed Carnet: only with the lock held, so they cannot be another live process's.
    if (!readOnly) await tidy(file);
    const read = await readDocument(file, asked);
    const journalFile = await readJournalFile(file, asked);
    const journal = journalFile === null ? null : readJournal(journalFile);
    return { file, readOnly, unlock, read, journalFile, journal };
  } catch (e) {
    await unlock();
    throw e;
  }
}

export async function existingFile(asked: string): Promise<string> {
  try {
    return await realpath(asked);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new DocumentError(`"${asked}" cannot be read: ${(e as Error).message}`, asked);
    const folder = await stat(dirname(asked)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!folder) throw new DocumentError(`the folder of "${asked}" does not exist`, asked, '$', 'folderMissing');
    const link = await lstat(asked).catch(() => null);
    if (link?.isSymbolicLink()) throw new DocumentError(`"${asked}" is a link to a file that does not exist`, asked, '$', 'missing');
    throw new DocumentError(`"${asked}" does not exist`, asked, '$', 'missing');
  }
}

/**
 * Validates `doc` (which also gives the caller its own copy, whatever is done with `doc` later) and writes
 * it as a new file at `asked`, with an empty journal, under the document's lock (held on return).
 */
async function writeNew(asked: string, doc: CarnetDocument) {
  const checked = validateDocument(doc);
  if (!checked.ok) {
    throw new DocumentError(`cannot create "${asked}": ${checked.error.message} (at ${checked.error.path})`, asked, checked.error.path, 'invalid');
  }
  const file = await targetFile(asked);
  const text = JSON.stringify(checked.doc);
  const mark = { revision: checked.doc.meta.revision, fingerprint: fingerprint(text) };
  const unlock = await lock(file, asked, {});
  try {
    await writeFileAtomic(file, text);
    const disk: DiskIdentity = identityOf(await stat(file, { bigint: true }));
    // A journal left by an earlier file of that name belongs to that file, not to this one.
    await writeFileAtomic(journalPathFor(file), journalText(mark, []));
    const journal = await JournalWriter.open(journalPathFor(file));
    return { checked: checked as typeof checked & { ok: true }, file, text, mark, unlock, journal, disk };
  } catch (e) {
    await unlock();
    throw e;
  }
}

/**
 * Where writing `asked` must land: the file it names, its symlinks resolved
 * (a link stays a link; its target is written), or for a new file, the name
 * in its folder's real path.
 */
export async function targetFile(asked: string): Promise<string> {
  try {
    return await realpath(asked);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  let name = asked;
  const link = await lstat(asked).catch(() => null);
  if (link?.isSymbolicLink()) name = resolve(dirname(asked), await readlink(asked));
  try {
    return join(await realpath(dirname(name)), basename(name));
  } catch {
    throw new DocumentError(`the folder of "${asked}" does not exist`, asked, '$', 'folderMissing');
  }
}

/** Finishes an interrupted in-place save and removes what killed Carnets left behind (with the lock held). */
export async function tidy(file: string): Promise<void> {
  await finishInPlaceWrites(file);
  await removeStaleTemps(file);
  await removeStaleTemps(journalPathFor(file));
  await removeStaleTemps(lockPathFor(file));
  await removeStaleBackupTemps(file);
}

export async function readDocument(file: string, asked: string) {
  try {
    return await readRegularFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTFILE' || code === 'EISDIR') throw new DocumentError(`"${asked}" is not a file`, asked, '$', 'notAFile');
    throw new DocumentError(`"${asked}" cannot be read: ${(e as Error).message}`, asked);
  }
}

export async function readJournalFile(file: string, asked: string): Promise<string | null> {
  try {
    return await readRegularText(journalPathFor(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DocumentError(`the journal "${journalPathFor(asked)}" cannot be read: ${(e as Error).message}`, asked);
  }
}

/**
 * After a replay: a journal with problems is moved aside whole (never
 * deleted) and the user told; the journal then holds exactly the entries
 * kept, so appends start on a clean line.
 */
export async function settleJournal(file: string, asked: string, before: string, mark: SavedMark | null, replayed: Replayed, nowIso: string, notices: Notice[]): Promise<void> {
  const problem = replayed.damaged.length > 0 || replayed.skipped.length > 0 || replayed.stopped !== null;
  const journalPath = journalPathFor(file);
  const movedTo = problem ? await moveAside(journalPath, 'unreplayed', nowIso) : null;
  if (problem) reportReplay(asked, replayed, movedTo, notices);
  const after = journalText(mark, replayed.kept);
  if (problem || after !== before) await writeFileAtomic(journalPath, after);
}

function reportReplay(file: string, r: Replayed, movedTo: string | null, notices: Notice[]): void {
  const kept = movedTo ? `the journal was kept as "${movedTo}"` : 'the journal was left as it is';
  // `context` picks the translation: the journal moved aside, or left in place (read-only).
  const where: Record<string, string> = movedTo ? { movedTo } : { context: 'kept' };
  if (r.stopped) {
    notices.push({
      level: 'warning',
      code: 'document.journalNotReplayed',
      message: `Some recent edits of "${file}" could not be restored from its journal: it continues revision ${r.stopped.journalRevision - 1}, but the document is at revision ${r.stopped.documentRevision}. ${r.kept.length} edit(s) were restored; ${kept}.`,
      params: { file, journalRevision: String(r.stopped.journalRevision - 1), documentRevision: String(r.stopped.documentRevision), restored: String(r.kept.length), ...where },
    });
  }
  if (r.damaged.length > 0 || r.skipped.length > 0) {
    const lines = r.damaged.join(', ');
    notices.push({
      level: 'warning',
      code: 'document.journalDamaged',
      message: `The journal of "${file}" is damaged${lines ? ` (line ${lines} does not match its checksum)` : ''}${r.skipped.length ? `; ${r.skipped.length} edit(s) could not be applied` : ''}. Those edits are lost from the document; ${r.kept.length} other edit(s) were restored, and ${kept}.`,
      params: { file, lines, problems: String(r.damaged.length + r.skipped.length), restored: String(r.kept.length), ...where },
    });
  }
}

/** What is at a Save As target: null when nothing; refused when it is not a file. */
async function inspectTarget(target: string, asked: string): Promise<{ carnet: boolean; text: string; revision: number } | null> {
  const st = await stat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw new DocumentError(`"${asked}" cannot be checked: ${e.message}`, asked);
  });
  if (!st) return null;
  if (!st.isFile()) throw new DocumentError(`"${asked}" is not a file: choose another name`, asked, '$', 'notAFile');
  // Carnet documents stay far below this; a bigger file is not one, and is not read into memory to find out.
  if (st.size > 256 * 1024 ** 2) return { carnet: false, text: '', revision: 0 };
  const { text } = await readRegularFile(target);
  try {
    const raw = JSON.parse(text) as { format?: unknown; meta?: { revision?: unknown } };
    const revision = typeof raw?.meta?.revision === 'number' && Number.isSafeInteger(raw.meta.revision) ? raw.meta.revision : 0;
    return raw?.format === 'carnet' ? { carnet: true, text, revision } : { carnet: false, text: '', revision: 0 };
  } catch {
    return { carnet: false, text: '', revision: 0 };
  }
}

/** A non-empty journal beside `target` belongs to the file that was (or is) there: moved aside before a new one is written. */
async function keepOrphanJournal(target: string, nowIso: string): Promise<void> {
  const path = journalPathFor(target);
  const st = await stat(path).catch(() => null);
  if (!st?.isFile() || st.size === 0) return;
  const contents = readJournal(await readRegularText(path));
  if (contents.entries.length === 0 && contents.damaged.length === 0) return;
  await moveAside(path, 'unreplayed', nowIso);
}
