// The document Carnet opens at start is missing (deleted, moved, on a disk
// not connected): nothing is written over its journal or its backups. Its
// newest backup, with the journal replayed, is shown read-only with the offer
// to restore it or open another file; the notice says what happened.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentState, NoticeAction } from '../../../shared/api/contract.js';
import { addContact } from '../../../shared/document/commands.js';
import { createBackend, type Backend } from '../../../electron/services/backend.js';
import { backupDirFor, listBackups } from '../../../electron/services/backups.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { journalPathFor } from '../../../electron/services/journal.js';
import { Settings } from '../../../electron/services/settings.js';
import { sampleDocument, tempDir } from '../store/helpers.js';

let dir: string;
let cleanup: () => void;
let backends: Backend[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-missing-')));
afterEach(async () => {
  for (const b of backends) await b.close().catch(() => {});
  backends = [];
  cleanup();
});

function memorySettings(initial: Record<string, unknown> = {}): Settings {
  const map = new Map(Object.entries(initial));
  return new Settings({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) });
}
async function start(dataDir: string, lastDocument: string | null): Promise<Backend> {
  const b = await createBackend({ dataDir, settings: memorySettings({ lastDocument }), transport: 'web', systemLanguage: 'fr', storeOptions: { saveDelayMs: 60_000 } });
  backends.push(b);
  return b;
}

/** A document with backups, then an edit only its journal holds (the session was killed), then the file itself gone. */
async function documentThatVanished(path: string): Promise<void> {
  const s = await DocumentStore.create(path, sampleDocument());
  await s.apply(addContact(s.doc, { id: 'c10', name: 'Saved Before' }));
  await s.close();
  const backups = await listBackups(path);
  expect(backups).not.toEqual([]);
  const r = await DocumentStore.open(path, { saveDelayMs: 60_000 });
  await r.apply(addContact(r.doc, { id: 'c11', name: 'Only In The Journal' }));
  const journal = readFileSync(journalPathFor(path), 'utf8');
  await r.close();
  // What a killed session leaves: its edit in the journal only (no save, no backup at close); then the file went.
  for (const b of await listBackups(path)) if (!backups.includes(b)) rmSync(b);
  rmSync(path);
  writeFileSync(journalPathFor(path), journal);
}

const action = (state: DocumentState, code: string, label: string): NoticeAction =>
  state.notices.find((n) => n.code === code)!.actions!.find((a) => a.label === label)!;

describe('the default document is missing at start', () => {
  it('shows its newest backup with the journal replayed, read-only, and writes nothing over its journal or backups', async () => {
    const path = join(dir, 'carnet.json');
    await documentThatVanished(path);
    const journal = readFileSync(journalPathFor(path), 'utf8');
    const backups = readdirSync(backupDirFor(path)).sort();
    const b = await start(dir, path);
    const state = await b.handlers.getState();
    expect(state.readOnly).toBe(true);
    expect(state.doc.contacts.c10?.name).toBe('Saved Before');
    expect(state.doc.contacts.c11?.name).toBe('Only In The Journal');
    const notice = state.notices.find((n) => n.code === 'document.missing')!;
    expect(notice.level).toBe('warning');
    expect(notice.message).toContain(path);
    expect(notice.params?.count).toBe('1');
    expect(notice.actions?.map((a) => a.label)).toEqual(['restore', 'open', 'new']);
    await expect(b.handlers.apply(addContact(state.doc, { id: 'c12', name: 'Refused' }))).rejects.toThrow(/read-only/);
    await b.close();
    expect(existsSync(path)).toBe(false);
    expect(readFileSync(journalPathFor(path), 'utf8')).toBe(journal);
    expect(readdirSync(backupDirFor(path)).sort()).toEqual(backups);
  });

  it('restores it on request, with the journal replayed, and the restored document can be edited', async () => {
    const path = join(dir, 'carnet.json');
    await documentThatVanished(path);
    const b = await start(dir, path);
    const restored = (await b.call('runNoticeAction', [action(await b.handlers.getState(), 'document.missing', 'restore').id])) as DocumentState;
    expect(restored.readOnly).toBe(false);
    expect(restored.path).toBe(path);
    expect(restored.doc.contacts.c11?.name).toBe('Only In The Journal');
    expect(restored.notices.find((n) => n.code === 'document.missing')).toBeUndefined();
    await b.handlers.apply(addContact(restored.doc, { id: 'c12', name: 'After Restoring' }));
    await b.close();
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk.contacts.c11.name).toBe('Only In The Journal');
    expect(onDisk.contacts.c12.name).toBe('After Restoring');
  });

  it('restoring opens the file as it is when it came back meanwhile (a disk connected), never overwriting it', async () => {
    const path = join(dir, 'carnet.json');
    const s = await DocumentStore.create(path, sampleDocument());
    await s.close();
    renameSync(path, join(dir, 'away.json'));
    const b = await start(dir, path);
    const restore = action(await b.handlers.getState(), 'document.missing', 'restore');
    renameSync(join(dir, 'away.json'), path);
    const text = readFileSync(path, 'utf8');
    const state = (await b.call('runNoticeAction', [restore.id])) as DocumentState;
    expect(state.readOnly).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('with a journal but no backup, shows an empty read-only document and leaves the journal as it is', async () => {
    const path = join(dir, 'carnet.json');
    await documentThatVanished(path);
    rmSync(join(dir, '.carnet-backups'), { recursive: true });
    const journal = readFileSync(journalPathFor(path), 'utf8');
    const b = await start(dir, path);
    const state = await b.handlers.getState();
    expect(state.readOnly).toBe(true);
    expect(Object.keys(state.doc.contacts)).toEqual([]);
    expect(state.notices.map((n) => n.code)).toContain('document.missingNoBackup');
    await b.close();
    expect(existsSync(path)).toBe(false);
    expect(readFileSync(journalPathFor(path), 'utf8')).toBe(journal);
  });

  it('when its folder is gone (a disk not connected), creates nothing there', async () => {
    const data = join(dir, 'usb', 'carnet');
    const b = await start(data, join(data, 'carnet.json'));
    const state = await b.handlers.getState();
    expect(state.readOnly).toBe(true);
    expect(state.notices.map((n) => n.code)).toContain('document.folderMissing');
    expect(existsSync(join(dir, 'usb'))).toBe(false);
  });

  it('a new document never takes the name of a missing one whose journal survives', async () => {
    const taken = join(dir, 'Carnet 2.json');
    await documentThatVanished(taken);
    const journal = readFileSync(journalPathFor(taken), 'utf8');
    await (await DocumentStore.create(join(dir, 'carnet.json'), sampleDocument())).close();
    const b = await start(dir, null);
    const fresh = await b.handlers.newDocument();
    expect(fresh.path).toBe(join(dir, 'Carnet 3.json'));
    expect(readFileSync(journalPathFor(taken), 'utf8')).toBe(journal);
  });
});

describe('the last document is missing at start', () => {
  it('shows its newest backup rather than another document', async () => {
    mkdirSync(join(dir, 'docs'));
    const path = join(dir, 'docs', 'réseau.json');
    await documentThatVanished(path);
    const b = await start(dir, path);
    const state = await b.handlers.getState();
    expect(state.path).toBe(path);
    expect(state.readOnly).toBe(true);
    expect(state.doc.contacts.c11?.name).toBe('Only In The Journal');
    expect(existsSync(join(dir, 'carnet.json'))).toBe(false);
  });

  it('without any backup of it, opens the default document and says so, creating nothing where it was', async () => {
    const gone = join(dir, 'gone', 'réseau.json');
    const b = await start(dir, gone);
    const state = await b.handlers.getState();
    expect(state.path).toBe(join(dir, 'carnet.json'));
    expect(state.notices.find((n) => n.code === 'document.lastMissing')?.actions?.map((a) => a.kind)).toEqual(['open', 'new']);
    expect(existsSync(join(dir, 'gone'))).toBe(false);
    expect(statSync(join(dir, 'carnet.json')).isFile()).toBe(true);
  });
});

describe('the last document is locked by a Carnet that cannot be verified', () => {
  it('opens the default one, and offers to take the lock over with a warning; taking over opens it', async () => {
    const { spawn } = await import('node:child_process');
    const { lockPathFor } = await import('../../../electron/services/lock.js');
    mkdirSync(join(dir, 'docs'));
    const path = join(dir, 'docs', 'shared.json');
    await (await DocumentStore.create(path, sampleDocument())).close();
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      // An earlier Carnet's lock: a bare process id, alive, that nothing can tie to a Carnet.
      writeFileSync(lockPathFor(path), String(other.pid));
      const b = await start(dir, path);
      const state = await b.handlers.getState();
      expect(state.path).toBe(join(dir, 'carnet.json'));
      const notice = state.notices.find((n) => n.code === 'document.lockedUnverified')!;
      expect(notice.level).toBe('warning');
      expect(notice.message).toMatch(/may be open in another Carnet.*Open it anyway only if/);
      const opened = (await b.call('runNoticeAction', [action(state, 'document.lockedUnverified', 'takeOver').id])) as DocumentState;
      expect(opened.path).toBe(path);
      expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8')).pid).toBe(process.pid);
      await expect(b.call('runNoticeAction', [action(state, 'document.lockedUnverified', 'takeOver').id])).rejects.toThrow(/no longer available/);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
