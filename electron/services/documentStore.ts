/**
 * The open document and its safety on disk.
 *
 * - `apply()` changes the document in memory, appends the ChangeSet to the
 *   journal (`<file>.journal`) and resolves once that line is on the disk:
 *   an acknowledged edit survives a kill at any moment.
 * - Saving is debounced and done by a worker thread holding a replica of the
 *   document (saveWorker.ts): the main thread only posts small ChangeSets.
 *   The file is replaced atomically; then the journal is compacted.
 * - Rolling backups (backups.ts): one when a valid file is opened, then at
 *   most one per `backupIntervalMs` of saving.
 * - A file that does not parse or validate is moved aside, never
 *   overwritten, and the newest valid backup is opened, with a Notice.
 */
import { readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Notice } from '../../shared/api/contract.js';
import { applyChangeSet, type ChangeSet } from '../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../shared/document/schema.js';
import { parseDocument, validateDocument, type ValidationResult } from '../../shared/document/validate.js';
import { removeStaleTemps, writeFileAtomic } from './atomicWrite.js';
import { fileStamp, listBackups, readBackup, writeBackup } from './backups.js';
import { encodeEntry, journalPathFor, JournalWriter, readJournal, type JournalEntry } from './journal.js';
import { Lane } from './lane.js';
import { lockDocument } from './lock.js';
import { SaveWorker } from './saveWorkerClient.js';

export type StoreOptions = {
  /** Quiet time after an edit before saving (ms). */
  saveDelayMs?: number;
  /** Longest a change waits for its save while edits keep coming (ms). */
  maxSaveDelayMs?: number;
  /** At most one backup per this interval while saving (ms). */
  backupIntervalMs?: number;
  /** Backups kept per document. */
  backupKeep?: number;
  /** The clock (tests). */
  now?: () => Date;
  /** Called for every notice raised after open (a save that failed…). */
  onNotice?: (notice: Notice) => void;
  /**
   * Throw instead of recovering when the file is invalid and Carnet never
   * backed it up: a file the user picked that is not a Carnet document must
   * be refused, not moved aside.
   */
  refuseInvalidWithoutBackup?: boolean;
};

type Resolved = Required<Omit<StoreOptions, 'onNotice' | 'refuseInvalidWithoutBackup'>> &
  Pick<StoreOptions, 'onNotice'>;

const DEFAULTS = {
  saveDelayMs: 300,
  maxSaveDelayMs: 2000,
  backupIntervalMs: 5 * 60_000,
  backupKeep: 10,
};
const SAVE_RETRY_MS = 5000;

/** A document that cannot be opened; `path` is the JSON path of the problem (`$` for the whole file). */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly path: string = '$',
  ) {
    super(message);
  }
}

export type ApplyResult = { applied: ChangeSet; inverse: ChangeSet; revision: number };

type Queued = { entry: JournalEntry; inverse: ChangeSet; resolve: () => void; reject: (e: Error) => void };

type Loaded = { doc: CarnetDocument; text: string; migrations: string[]; backedUp: boolean };

export class DocumentStore {
  /** Absolute path of the document file. */
  path: string;
  /** The live document. Change it only through `apply()`. */
  readonly doc: CarnetDocument;
  /** Revision of the last applied change. */
  revision: number;
  /** What the user must be told about this document (recovery, failed saves…). */
  readonly notices: Notice[];

  private journal: JournalWriter;
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
  private saving: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private dirtySince: number | undefined;
  private lastBackupAt: number;
  private saveFailing = false;
  private closing = false;
  /** Releases the lock of `path` (lock.ts). */
  private unlock: () => Promise<void>;

  private constructor(
    path: string,
    doc: CarnetDocument,
    private readonly worker: SaveWorker,
    unlock: () => Promise<void>,
    journal: JournalWriter,
    entries: JournalEntry[],
    savedRevision: number,
    lastBackupAt: number,
    notices: Notice[],
    private readonly opts: Resolved,
  ) {
    this.path = path;
    this.doc = doc;
    this.revision = doc.meta.revision;
    this.durableRevision = doc.meta.revision;
    this.savedRevision = savedRevision;
    this.journal = journal;
    this.entries = entries;
    this.lastBackupAt = lastBackupAt;
    this.notices = notices;
    this.unlock = unlock;
  }

  /**
   * Opens a document: validates (and migrates) it, recovers from a backup
   * if it is damaged, replays the journal, and takes a backup.
   */
  static async open(path: string, options: StoreOptions = {}): Promise<DocumentStore> {
    const file = resolve(path);
    const opts = settingsOf(options);
    const nowIso = opts.now().toISOString();
    // Locked before reading, so that no other Carnet can save between the read and the lock.
    const unlock = await lock(file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      await unlock();
      const code = (e as NodeJS.ErrnoException).code;
      throw new DocumentError(
        code === 'ENOENT' ? `"${file}" does not exist` : `"${file}" cannot be read: ${(e as Error).message}`,
        file,
      );
    }
    await removeStaleTemps(file);
    await removeStaleTemps(journalPathFor(file));
    // The worker starts and validates its own copy while the main thread validates this one.
    const broken = { store: null as DocumentStore | null };
    const worker = new SaveWorker((m) => broken.store?.raiseSaveStopped(m));
    try {
      const first = worker.init(text);
      const notices: Notice[] = [];
      const loaded = await loadOrRecover(file, text, parseDocument(text), notices, opts, options.refuseInvalidWithoutBackup ?? false);
      if (loaded.text === text) DocumentStore.watchInit(first, broken);
      else {
        first.catch(() => {});
        DocumentStore.watchInit(worker.init(loaded.text), broken);
      }
      if (loaded.migrations.length > 0) {
        notices.push({
          level: 'info',
          code: 'document.migrated',
          message: `"${file}" was written by an earlier Carnet and was updated: ${loaded.migrations.join('; ')}.`,
          params: { file, migrations: loaded.migrations.join('; ') },
        });
      }
      const snapshotRevision = loaded.doc.meta.revision;
      const kept = await replayJournal(file, loaded.doc, notices, nowIso);
      // Messages reach the worker in order: these land after its initial load, whenever that finishes.
      for (const e of kept) worker.apply(e.set, e.revision);
      const journal = await JournalWriter.open(journalPathFor(file));
      const store = new DocumentStore(
        file,
        loaded.doc,
        worker,
        unlock,
        journal,
        kept,
        loaded.migrations.length > 0 ? -1 : snapshotRevision,
        loaded.backedUp ? opts.now().getTime() : -Infinity,
        notices,
        opts,
      );
      broken.store = store;
      if (store.revision > store.savedRevision) store.scheduleSave();
      return store;
    } catch (e) {
      await worker.close();
      await unlock();
      throw e;
    }
  }

  /** Validates `doc`, writes it as a new file at `path` (replacing any file there) and opens it. */
  static async create(path: string, doc: CarnetDocument, options: StoreOptions = {}): Promise<DocumentStore> {
    const file = resolve(path);
    const opts = settingsOf(options);
    // Validating also gives the store its own copy, whatever the caller does with `doc` later.
    const checked = validateDocument(doc);
    if (!checked.ok) {
      throw new DocumentError(`cannot create "${file}": ${checked.error.message} (at ${checked.error.path})`, file, checked.error.path);
    }
    const text = JSON.stringify(checked.doc);
    const unlock = await lock(file);
    let journal: JournalWriter;
    try {
      await writeFileAtomic(file, text);
      // A journal left by an earlier file of that name belongs to that file, not to this one.
      await writeFileAtomic(journalPathFor(file), '');
      journal = await JournalWriter.open(journalPathFor(file));
    } catch (e) {
      await unlock();
      throw e;
    }
    const broken = { store: null as DocumentStore | null };
    const worker = new SaveWorker((m) => broken.store?.raiseSaveStopped(m));
    DocumentStore.watchInit(worker.init(text), broken);
    const store = new DocumentStore(file, checked.doc, worker, unlock, journal, [], checked.doc.meta.revision, -Infinity, [], opts);
    broken.store = store;
    return store;
  }

  /**
   * Applies a ChangeSet. Throws (nothing changed) if it breaks a reference;
   * resolves once the change is durable in the journal.
   */
  async apply(set: ChangeSet): Promise<ApplyResult> {
    if (this.closing) throw new Error(`"${this.path}" is closed`);
    const inverse = applyChangeSet(this.doc, set);
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
   * The document as JSON text, as `JSON.stringify(doc)` gives it. The save worker makes it, off this
   * thread, or hands back the text it last saved: at 30,000 contacts a stringify here would hold the main
   * process for a quarter of a second. Here only when the worker cannot (edits in flight, a broken worker).
   */
  async text(): Promise<string> {
    await this.lane.idle();
    if (this.durableRevision === this.revision) {
      try {
        const r = await this.worker.text();
        // Resumed in the same task as the worker's answer arrived: no edit can have slipped in since this check.
        if (r.revision === this.revision) return r.text;
      } catch {
        // The worker stopped or is behind: the main copy is the truth.
      }
    }
    return JSON.stringify(this.doc);
  }

  /** Saves now (waiting for edits in flight), then compacts the journal. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.lane.idle();
    await this.saveNow();
  }

  /** Writes the document to `path` and continues on that file; the old file is left complete. */
  async saveAs(path: string): Promise<void> {
    const target = resolve(path);
    await this.flush();
    if (target === this.path) return;
    const unlockTarget = await lock(target);
    const run = this.saving.catch(() => {}).then(async () => {
      const { revision } = await this.worker.save(target, null);
      await this.lane.run(async () => {
        const keep = this.entries.filter((e) => e.revision > revision);
        const journalPath = journalPathFor(target);
        await writeFileAtomic(journalPath, keep.map((e) => e.line).join(''));
        const journal = await JournalWriter.open(journalPath);
        await this.journal.close();
        this.journal = journal;
        this.journalNeedsRewrite = false;
        this.entries = keep;
        this.path = target;
        this.savedRevision = revision;
        this.lastBackupAt = -Infinity;
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

  /** Saves, then stops the worker and closes the journal. Further edits are refused. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    try {
      await this.flush();
    } finally {
      clearTimeout(this.timer);
      await this.lane.idle();
      await this.journal.close();
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
          await this.journal.replace(this.entries.map((e) => e.line).join(''));
          this.journalNeedsRewrite = false;
        }
        await this.journal.append(batch.map((q) => q.entry.line).join(''));
      } catch (e) {
        this.rollBack(batch, e as Error);
        continue;
      }
      for (const q of batch) {
        this.entries.push(q.entry);
        this.durableRevision = q.entry.revision;
        this.worker.apply(q.entry.set, q.entry.revision);
        q.resolve();
      }
      this.scheduleSave();
    }
  }

  /** The journal could not be written: undo the batch and everything applied after it, newest first. */
  private rollBack(batch: Queued[], cause: Error): void {
    const undone = [...batch, ...this.queue.splice(0)];
    let error = new Error(`the edit could not be recorded in "${this.journal.path}" and was undone: ${cause.message}`);
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
    if (this.closing) return;
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
    if (this.durableRevision <= this.savedRevision) return;
    this.dirtySince = undefined;
    const now = this.opts.now();
    const backup =
      now.getTime() - this.lastBackupAt >= this.opts.backupIntervalMs
        ? { keep: this.opts.backupKeep, nowIso: now.toISOString() }
        : null;
    const path = this.path;
    let saved: { revision: number; backupPath: string | null };
    try {
      saved = await this.worker.save(path, backup);
    } catch (e) {
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
    if (saved.backupPath) this.lastBackupAt = now.getTime();
    this.savedRevision = saved.revision;
    await this.lane.run(async () => {
      const before = this.entries.length;
      this.entries = this.entries.filter((e) => e.revision > saved.revision);
      if (this.entries.length !== before || this.journalNeedsRewrite) {
        await this.journal.replace(this.entries.map((e) => e.line).join(''));
        this.journalNeedsRewrite = false;
      }
    });
  }

  private raise(notice: Notice): void {
    this.notices.push(notice);
    this.opts.onNotice?.(notice);
  }

  /** The worker loads its replica in the background; if that fails, saving is impossible and the user is told. */
  private static watchInit(init: Promise<number>, owner: { store: DocumentStore | null }): void {
    init.catch((e: Error) => owner.store?.raiseSaveStopped(e.message));
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

/** Takes the document's lock (one writer per file), as a DocumentError naming the file. */
async function lock(file: string): Promise<() => Promise<void>> {
  try {
    return await lockDocument(file);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DocumentError(missing ? `the folder of "${file}" does not exist` : (e as Error).message, file);
  }
}

function settingsOf(o: StoreOptions): Resolved {
  return {
    saveDelayMs: o.saveDelayMs ?? DEFAULTS.saveDelayMs,
    maxSaveDelayMs: o.maxSaveDelayMs ?? DEFAULTS.maxSaveDelayMs,
    backupIntervalMs: o.backupIntervalMs ?? DEFAULTS.backupIntervalMs,
    backupKeep: o.backupKeep ?? DEFAULTS.backupKeep,
    now: o.now ?? (() => new Date()),
    onNotice: o.onNotice,
  };
}

/**
 * Renames a file out of the way, never replacing anything:
 * `carnet.json` → `carnet.corrupt-<timestamp>.json`, `carnet.json.journal` → `carnet.json.journal.unreplayed-<timestamp>`.
 */
async function moveAside(file: string, label: string, nowIso: string): Promise<string> {
  const isJson = extname(file) === '.json';
  const stem = join(dirname(file), `${isJson ? basename(file, '.json') : basename(file)}.${label}-${fileStamp(nowIso)}`);
  const ext = isJson ? '.json' : '';
  let target = `${stem}${ext}`;
  for (let n = 2; await exists(target); n++) target = `${stem}-${n}${ext}`;
  await rename(file, target);
  return target;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The document to open: the file itself when valid (backed up), else the newest valid backup, else an empty one. */
async function loadOrRecover(
  file: string,
  text: string,
  result: ValidationResult,
  notices: Notice[],
  opts: Resolved,
  refuseWithoutBackup: boolean,
): Promise<Loaded> {
  const nowIso = opts.now().toISOString();
  if (result.ok) {
    await writeBackup(file, text, result.doc.meta.revision, nowIso, opts.backupKeep);
    return { doc: result.doc, text, migrations: result.migrations, backedUp: true };
  }
  const { path: where, message: reason } = result.error;
  const backups = await listBackups(file);
  if (refuseWithoutBackup && backups.length === 0) {
    throw new DocumentError(`"${file}" is not a valid Carnet document: ${reason} (at ${where})`, file, where);
  }
  const movedTo = await moveAside(file, 'corrupt', nowIso);
  const params = { file, reason, path: where, movedTo };
  for (const backup of backups) {
    const backupText = await readBackup(backup);
    const parsed = backupText === null ? null : parseDocument(backupText);
    if (!parsed?.ok) continue;
    await writeFileAtomic(file, backupText!);
    notices.push({
      level: 'warning',
      code: 'document.recovered',
      message: `"${file}" could not be opened (${reason}, at ${where}). It was moved to "${movedTo}" and its latest valid backup "${backup}" was opened instead.`,
      params: { ...params, backup },
    });
    return { doc: parsed.doc, text: backupText!, migrations: parsed.migrations, backedUp: false };
  }
  const doc = emptyDocument(nowIso, basename(file, extname(file)) || 'Carnet');
  const emptyText = JSON.stringify(doc);
  await writeFileAtomic(file, emptyText);
  notices.push({
    level: 'error',
    code: 'document.recoveredEmpty',
    message: `"${file}" could not be opened (${reason}, at ${where}) and no valid backup of it exists. It was moved to "${movedTo}"; an empty document was opened in its place.`,
    params,
  });
  return { doc, text: emptyText, migrations: [], backedUp: false };
}

/**
 * Applies the journal entries newer than the snapshot to `doc`. Returns the
 * entries applied (what the journal must keep). A journal that cannot be
 * replayed completely is moved aside, never deleted.
 */
async function replayJournal(file: string, doc: CarnetDocument, notices: Notice[], nowIso: string): Promise<JournalEntry[]> {
  const journalPath = journalPathFor(file);
  let text: string;
  try {
    text = await readFile(journalPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DocumentError(`the journal "${journalPath}" cannot be read: ${(e as Error).message}`, file);
  }
  const contents = readJournal(text);
  const kept: JournalEntry[] = [];
  let problem: string | null = contents.damagedLine ? `line ${contents.damagedLine} is damaged` : null;
  for (const entry of contents.entries) {
    if (entry.revision <= doc.meta.revision) continue;
    if (entry.revision !== doc.meta.revision + 1) {
      problem = `it continues revision ${entry.revision - 1}, but the document is at revision ${doc.meta.revision}`;
      break;
    }
    try {
      applyChangeSet(doc, entry.set);
    } catch (e) {
      problem = `revision ${entry.revision} cannot be applied: ${(e as Error).message}`;
      break;
    }
    doc.meta.revision = entry.revision;
    kept.push(entry);
  }
  const keptText = kept.map((e) => e.line).join('');
  if (problem) {
    const movedTo = await moveAside(journalPath, 'unreplayed', nowIso);
    notices.push({
      level: 'warning',
      code: 'document.journalNotReplayed',
      message: `Some recent edits of "${file}" could not be restored from its journal: ${problem}. ${kept.length} edit(s) were restored; the journal was kept as "${movedTo}".`,
      params: { file, reason: problem, movedTo },
    });
  }
  // Rewrite when anything is to drop (a torn last line, entries already saved), so appends start on a clean line.
  if (problem || keptText !== text) await writeFileAtomic(journalPath, keptText);
  return kept;
}
