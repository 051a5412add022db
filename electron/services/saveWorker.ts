/**
 * Save worker: keeps a replica of the open document, applies the same
 * ChangeSets as the main thread, and does the JSON.stringify + atomic write,
 * so that saving a 30,000-contact document never blocks the main thread
 * (which only posts small ChangeSets here).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { applyChangeSet } from '../../shared/document/operations.js';
import type { CarnetDocument } from '../../shared/document/schema.js';
import { parseDocument } from '../../shared/document/validate.js';
import { writeFileAtomic } from './atomicWrite.js';
import { writeBackup } from './backups.js';
import type { FromWorker, ToWorker } from './saveProtocol.js';

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

let doc: CarnetDocument | null = null;
let broken: string | null = null;
/** The text of the last save, while the replica is still at that revision. */
let lastText: { revision: number; text: string } | null = null;
/** Writes run one after the other, so a later save never lands before an earlier one. */
let writes: Promise<void> = Promise.resolve();

const send = (m: FromWorker) => port.postMessage(m);

function enqueue(id: number, write: () => Promise<{ revision: number; backupPath: string | null }>): void {
  writes = writes.then(async () => {
    try {
      send({ type: 'done', id, ...(await write()) });
    } catch (e) {
      send({ type: 'failed', id, message: (e as Error).message });
    }
  });
}

port.on('message', (msg: ToWorker) => {
  switch (msg.type) {
    case 'init': {
      const parsed = parseDocument(msg.text);
      if (!parsed.ok) {
        send({ type: 'failed', id: msg.id, message: `invalid document at ${parsed.error.path}: ${parsed.error.message}` });
        return;
      }
      doc = parsed.doc;
      broken = null;
      lastText = null;
      const revision = doc.meta.revision;
      enqueue(msg.id, async () => ({ revision, backupPath: null }));
      return;
    }
    case 'apply': {
      if (!doc || broken) return;
      try {
        applyChangeSet(doc, msg.set);
        doc.meta.revision = msg.revision;
      } catch (e) {
        broken = `revision ${msg.revision} could not be applied to the save copy: ${(e as Error).message}`;
        send({ type: 'broken', message: broken });
      }
      return;
    }
    case 'save': {
      if (!doc || broken) {
        send({ type: 'failed', id: msg.id, message: broken ?? 'the save worker holds no document' });
        return;
      }
      // Serialized now, at this message's place in the stream, so the file holds exactly `revision`.
      const text = JSON.stringify(doc);
      const revision = doc.meta.revision;
      lastText = { revision, text };
      const { path, backup } = msg;
      enqueue(msg.id, async () => {
        await writeFileAtomic(path, text);
        const backupPath = backup ? await writeBackup(path, text, revision, backup.nowIso, backup.keep) : null;
        return { revision, backupPath };
      });
      return;
    }
    case 'text': {
      if (!doc || broken) {
        send({ type: 'failed', id: msg.id, message: broken ?? 'the save worker holds no document' });
        return;
      }
      const revision = doc.meta.revision;
      if (lastText?.revision !== revision) lastText = { revision, text: JSON.stringify(doc) };
      send({ type: 'text', id: msg.id, revision, text: lastText.text });
      return;
    }
  }
});
