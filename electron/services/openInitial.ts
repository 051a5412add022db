/**
 * Which document opens when Carnet starts: the one named on the command
 * line, else the last one, else the default `carnet.json` of the data folder
 * (created with the demo network on the very first run).
 *
 * A document that went missing (deleted, moved, on a disk not connected) is
 * never replaced by a new file at its path: its journal and backups belong to
 * it. Its newest backup, with its journal replayed, is shown read-only with
 * the offer to restore it or open another file; without a backup, an empty
 * read-only view says what happened. Nothing is written anywhere until the
 * user chooses.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Notice } from '../../shared/api/contract.js';
import { generateDemoDocument } from '../../shared/demo/demoNetwork.js';
import { emptyDocument } from '../../shared/document/schema.js';
import { backupDirFor } from './backups.js';
import { DocumentError, DocumentStore, type StoreOptions } from './documentStore.js';
import { journalPathFor } from './journal.js';

/** Name of the document opened when no other is: created with the demo network on first run. */
export const DEFAULT_DOCUMENT = 'carnet.json';

export type InitialOptions = {
  dataDir: string;
  /** Named on the command line (`carnet web --doc FILE`): refused when invalid rather than set aside. */
  docPath?: string;
  lastDocument: string | null;
  storeOptions: StoreOptions;
  now: () => Date;
};

/** Whether something of a document that is not there survives beside its path: a journal with content, or backups. */
export function hasTraces(path: string): boolean {
  const journal = journalPathFor(path);
  const journalSize = existsSync(journal) ? statSync(journal).size : 0;
  return journalSize > 0 || existsSync(backupDirFor(path));
}

export async function openInitial(o: InitialOptions): Promise<{ store: DocumentStore; notices: Notice[] }> {
  if (o.docPath) return { store: await DocumentStore.open(o.docPath, { ...o.storeOptions, refuseInvalidWithoutBackup: true }), notices: [] };
  const notices: Notice[] = [];
  const fallback = join(resolve(o.dataDir), DEFAULT_DOCUMENT);
  const last = o.lastDocument ? resolve(o.lastDocument) : null;
  if (last && last !== fallback) {
    try {
      return { store: await DocumentStore.open(last, o.storeOptions), notices };
    } catch (e) {
      if (!(e instanceof DocumentError)) throw e;
      if (e.kind === 'missing' || e.kind === 'folderMissing') {
        const view = await DocumentStore.missingView(last, o.storeOptions);
        if (view) return { store: view, notices };
      }
      notices.push(e.kind === 'lockedUnverified' ? lockedNotice(last, e) : lastMissingNotice(last, e, fallback));
    }
  }
  try {
    return { store: await DocumentStore.open(fallback, o.storeOptions), notices };
  } catch (e) {
    if (!(e instanceof DocumentError)) throw e;
    if (e.kind === 'missing' || e.kind === 'folderMissing') return openMissingDefault(o, fallback, last, notices, e);
    if (e.kind === 'newerVersion') return placeholder(fallback, o, notices, { level: 'error', code: 'document.newerVersion', message: e.message, params: { file: fallback } });
    if (e.kind === 'lockedUnverified') return placeholder(fallback, o, notices, lockedNotice(fallback, e));
    throw e;
  }
}

async function openMissingDefault(o: InitialOptions, fallback: string, last: string | null, notices: Notice[], e: DocumentError) {
  const view = await DocumentStore.missingView(fallback, o.storeOptions);
  if (view) return { store: view, notices };
  if (hasTraces(fallback)) {
    return placeholder(fallback, o, notices, {
      level: 'error',
      code: 'document.missingNoBackup',
      message: `"${fallback}" is missing and no backup of it was found. Its journal "${journalPathFor(fallback)}" was left as it is. Open another file, or start a new document.`,
      params: { file: fallback, journal: journalPathFor(fallback) },
    });
  }
  // The data folder itself is gone while a document was used before: a disk not connected, most likely. Nothing is created in its place.
  if (e.kind === 'folderMissing' && last !== null) {
    return placeholder(fallback, o, notices, {
      level: 'error',
      code: 'document.folderMissing',
      message: `The folder of "${fallback}" does not exist (is its disk connected?). Nothing was created there. Open another file, or start a new document.`,
      params: { file: fallback },
    });
  }
  await mkdir(resolve(o.dataDir), { recursive: true });
  const nowIso = o.now().toISOString();
  // First run gets the demo network to explore; a user whose document vanished gets an empty one, not fictional people.
  const doc = last ? emptyDocument(nowIso) : generateDemoDocument({ now: nowIso });
  if (last === fallback) {
    notices.push({
      level: 'warning',
      code: 'document.missingCreated',
      message: `"${fallback}" was not found, and nothing of it was left (no journal, no backup): a new empty document was started there.`,
      params: { file: fallback },
    });
  }
  return { store: await DocumentStore.create(fallback, doc, o.storeOptions), notices };
}

/** An empty read-only view at `path`: nothing could be opened; `reason` says why and offers the way on. */
async function placeholder(path: string, o: InitialOptions, notices: Notice[], reason: Notice) {
  const store = await DocumentStore.view(path, emptyDocument(o.now().toISOString()), { code: 'unavailable', detail: reason.message }, [...notices, reason], o.storeOptions);
  return { store, notices: [] };
}

function lastMissingNotice(last: string, e: DocumentError, opened: string): Notice {
  return {
    level: 'warning',
    code: 'document.lastMissing',
    message: `The last document could not be opened: ${e.message}. "${opened}" was opened instead.`,
    params: { file: last, reason: e.message, opened },
  };
}

/** A lock whose owner could not be verified: the notice offers to take it over. */
export function lockedNotice(file: string, e: DocumentError): Notice {
  return { level: 'warning', code: 'document.lockedUnverified', message: e.message, params: { file } };
}
