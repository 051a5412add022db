/**
 * Save worker: keeps a replica of the open document, applies the same
 * ChangeSets as the main thread, and does the JSON.stringify + write, so that
 * saving a 30,000-contact document never blocks the main thread (which only
 * posts small ChangeSets here).
 *
 * It also owns what the document file is known to hold (the text Carnet
 * last read or wrote, and the file's identity then), which is how a change
 * made by another program is noticed before a save would overwrite it, and
 * how backups stay versions: one is taken only when the content differs
 * from the newest backup.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { applyChangeSet, type ChangeSet } from '../../shared/document/operations.js';
import type { CarnetDocument } from '../../shared/document/schema.js';
import { parseDocument } from '../../shared/document/validate.js';
import { planParts, type PartPlan } from '../../shared/json/partPlan.js';
import { keepAside } from './asideFiles.js';
import { backupInfos, fingerprint, writeBackup, type Retention } from './backups.js';
import { currentIdentity, sameIdentity, writeDocumentFile } from './documentFile.js';
import { readRegularBytes, withoutBom } from './regularFile.js';
import type { DiskIdentity, FromWorker, Saved, ToWorker } from './saveProtocol.js';

const port = parentPort;
if (!port) throw new Error('saveWorker.ts runs only as a worker thread');

/**
 * Saving is background work: when the cores are busy, the main thread (and
 * the UI it serves) should win. Linux gives each thread its own nice value,
 * reached through its thread id; elsewhere the worker keeps normal priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: saving still works, at normal priority.
  }
}
lowerPriority();

/** What the document file holds, as far as Carnet knows: the text it last read or wrote there. */
type OnDisk = { identity: DiskIdentity; text: string; revision: number; fingerprint: string | null; fromOpen: boolean };

let doc: CarnetDocument | null = null;
let broken: string | null = null;
let file = '';
let disk: OnDisk | null = null;
let retention: Retention = { keep: 10, days: 30 };
let backupIntervalMs = 5 * 60_000;
/** The newest backup of `file`: its fingerprint (null when unknown) and time. */
let newestBackup: { fingerprint: string | null; time: number } | null = null;
/**
 * The text of the replica at `revision`, while the replica is still at that revision; with its part plan
 * (shared/json/partPlan.ts) once made, so that a window parses it in short tasks.
 */
let lastText: { revision: number; text: string; plan?: PartPlan | null; bytes?: Uint8Array } | null = null;
/** Writes run one after the other, so a later save never lands before an earlier one. */
let writes: Promise<void> = Promise.resolve();

const send = (m: FromWorker) => port.postMessage(m);

function enqueue(id: number, work: () => Promise<FromWorker>): void {
  writes = writes.then(async () => {
    try {
      send(await work());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      send({ type: 'failed', id, message: (e as Error).message, ...(code ? { code } : {}) });
    }
  });
}

const diskFingerprint = (d: OnDisk): string => (d.fingerprint ??= fingerprint(d.text));

async function loadNewestBackup(): Promise<void> {
  const [newest] = await backupInfos(file).catch(() => []);
  newestBackup = newest ? { fingerprint: newest.fingerprint, time: newest.time } : null;
}

/** Backs `text` up unless the newest backup holds it already. */
async function backUp(text: string, fp: string, revision: number, nowIso: string): Promise<string | null> {
  if (newestBackup?.fingerprint === fp) return null;
  const path = await writeBackup(file, text, revision, nowIso, retention);
  newestBackup = { fingerprint: fp, time: Date.parse(nowIso) };
  return path;
}

/**
 * Before replacing the file: has another program changed it since Carnet last read or wrote it?
 * Its version is then kept beside the document. (A program writing in the instant between this
 * check and the rename below would still be overwritten: a file system offers no compare-and-swap.)
 */
async function keepOtherVersion(nowIso: string): Promise<{ externalCopy: string | null; recreated: boolean }> {
  if (!disk) return { externalCopy: null, recreated: false };
  const now = await currentIdentity(file);
  if (now === null) return { externalCopy: null, recreated: true };
  if (sameIdentity(now, disk.identity)) return { externalCopy: null, recreated: false };
  const { bytes } = await readRegularBytes(file);
  // Touched, or rewritten with the same content (a sync client): nothing to keep.
  if (withoutBom(bytes.toString('utf8')) === disk.text) return { externalCopy: null, recreated: false };
  return { externalCopy: await keepAside(file, 'external', nowIso, bytes), recreated: false };
}

async function save(nowIso: string, text: string, revision: number): Promise<Saved> {
  const { externalCopy, recreated } = await keepOtherVersion(nowIso);
  let backupPath: string | null = null;
  let backupError: string | null = null;
  const tryBackup = async (t: string, fp: string, rev: number) => {
    try {
      backupPath = (await backUp(t, fp, rev, nowIso)) ?? backupPath;
    } catch (e) {
      backupError = (e as Error).message;
    }
  };
  // The version the session started from is about to be replaced (or was, by another program): keep it if no backup holds it.
  if (disk?.fromOpen) await tryBackup(disk.text, diskFingerprint(disk), disk.revision);
  await writeDocumentFile(file, text);
  const identity = await currentIdentity(file);
  if (!identity) throw new Error(`"${file}" disappeared right after it was saved`);
  disk = { identity, text, revision, fingerprint: fingerprint(text), fromOpen: false };
  const lastTime = newestBackup?.time ?? -Infinity;
  if (Date.parse(nowIso) - lastTime >= backupIntervalMs) await tryBackup(text, disk.fingerprint!, revision);
  return { revision, fingerprint: disk.fingerprint!, backupPath, backupError, externalCopy, recreated };
}

function planOf(last: NonNullable<typeof lastText>): PartPlan | null {
  if (last.plan === undefined) last.plan = planParts(last.text);
  return last.plan;
}

/** The text as UTF-8 on shared memory, made once per revision (the 'bytes' message). */
function bytesOf(last: NonNullable<typeof lastText>): Uint8Array {
  if (last.bytes === undefined) {
    const bytes = new Uint8Array(new SharedArrayBuffer(Buffer.byteLength(last.text, 'utf8')));
    Buffer.from(bytes.buffer, 0, bytes.byteLength).write(last.text, 'utf8');
    last.bytes = bytes;
  }
  return last.bytes;
}

/**
 * A window asks for the text and its plan soon after an open or a save (a reload): the plan is made right
 * after this message's work, rather than while the window waits (about 0.1 s at 30,000 contacts); with
 * `bytes` (after an open in browser mode), its UTF-8 bytes too (0.1–0.15 s).
 */
function planSoon(revision: number, bytes = false): void {
  setImmediate(() => {
    if (lastText?.revision !== revision) return;
    planOf(lastText);
    if (bytes) bytesOf(lastText);
  });
}

function serialize(): NonNullable<typeof lastText> {
  const revision = doc!.meta.revision;
  if (lastText?.revision !== revision) lastText = { revision, text: JSON.stringify(doc) };
  return lastText;
}

port.on('message', (msg: ToWorker) => {
  switch (msg.type) {
    case 'init': {
      const canonical = !msg.validate && msg.expect !== null && msg.expect === fingerprint(msg.text);
      let replica: CarnetDocument;
      if (canonical) replica = JSON.parse(msg.text) as CarnetDocument;
      else {
        // A text Carnet did not write (or a migration): validating gives the replica the defaults the main copy has.
        const parsed = parseDocument(msg.text);
        if (!parsed.ok) {
          send({ type: 'failed', id: msg.id, message: `invalid document at ${parsed.error.path}: ${parsed.error.message}` });
          return;
        }
        replica = parsed.doc;
      }
      doc = replica;
      broken = null;
      file = msg.file;
      retention = msg.retention;
      backupIntervalMs = msg.backupIntervalMs;
      const revision = doc.meta.revision;
      lastText = canonical ? { revision, text: msg.text } : null;
      disk = msg.disk ? { identity: msg.disk, text: msg.text, revision, fingerprint: canonical ? msg.expect : null, fromOpen: true } : null;
      enqueue(msg.id, async () => {
        await loadNewestBackup();
        return { type: 'ready', id: msg.id, revision, canonical };
      });
      planSoon(revision, msg.bytesAhead);
      return;
    }
    case 'apply': {
      if (!doc || broken) return;
      try {
        // Parsed here, off the main thread; its values become the replica's own (nothing else holds them).
        applyChangeSet(doc, (JSON.parse(msg.line) as { set: ChangeSet }).set, { adopt: true });
        doc.meta.revision = msg.revision;
      } catch (e) {
        broken = `revision ${msg.revision} could not be applied to the save copy: ${(e as Error).message}`;
        send({ type: 'broken', message: broken });
      }
      return;
    }
    case 'save':
    case 'saveAs': {
      if (!doc || broken) {
        send({ type: 'failed', id: msg.id, message: broken ?? 'the save worker holds no document' });
        return;
      }
      // Serialized now, at this message's place in the stream, so the file holds exactly `revision`.
      const { text, revision } = serialize();
      const { id, nowIso } = msg;
      if (msg.type === 'save') {
        enqueue(id, async () => ({ type: 'saved', id, ...(await save(nowIso, text, revision)) }));
        planSoon(revision);
        return;
      }
      const target = msg.path;
      enqueue(id, async () => {
        await writeDocumentFile(target, text);
        const identity = await currentIdentity(target);
        if (!identity) throw new Error(`"${target}" disappeared right after it was saved`);
        file = target;
        disk = { identity, text, revision, fingerprint: fingerprint(text), fromOpen: false };
        await loadNewestBackup();
        return { type: 'saved', id, revision, fingerprint: disk.fingerprint!, backupPath: null, backupError: null, externalCopy: null, recreated: false };
      });
      return;
    }
    case 'backup': {
      const { id, nowIso } = msg;
      enqueue(id, async () => {
        const backupPath = disk ? await backUp(disk.text, diskFingerprint(disk), disk.revision, nowIso) : null;
        return { type: 'backedUp', id, backupPath };
      });
      return;
    }
    case 'text': {
      if (!doc || broken) {
        send({ type: 'failed', id: msg.id, message: broken ?? 'the save worker holds no document' });
        return;
      }
      const last = serialize();
      send({ type: 'text', id: msg.id, revision: last.revision, text: last.text, plan: msg.plan ? planOf(last) : null });
      return;
    }
    case 'bytes': {
      if (!doc || broken) {
        send({ type: 'failed', id: msg.id, message: broken ?? 'the save worker holds no document' });
        return;
      }
      const last = serialize();
      send({ type: 'bytes', id: msg.id, revision: last.revision, bytes: bytesOf(last), plan: msg.plan ? planOf(last) : null });
      return;
    }
  }
});
