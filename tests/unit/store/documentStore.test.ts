import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact, updateContact } from '../../../shared/document/commands.js';
import { ChangeError } from '../../../shared/document/operations.js';
import { parseDocument } from '../../../shared/document/validate.js';
import { writeFileAtomic } from '../../../electron/services/atomicWrite.js';
import { backupDirFor, listBackups } from '../../../electron/services/backups.js';
import { DocumentError, DocumentStore, type StoreOptions } from '../../../electron/services/documentStore.js';
import { encodeEntry, journalPathFor, readJournal } from '../../../electron/services/journal.js';
import { lockPathFor } from '../../../electron/services/lock.js';
import { sampleDocument, tempDir, tickingClock } from './helpers.js';

let dir: string;
let cleanup: () => void;
const open: DocumentStore[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  cleanup();
});

/** Options that never save by themselves: each test decides when to flush. */
const manual = (extra: StoreOptions = {}): StoreOptions => ({ saveDelayMs: 60_000, maxSaveDelayMs: 60_000, now: tickingClock(), ...extra });

async function created(name = 'doc.json', opts = manual()): Promise<DocumentStore> {
  const s = await DocumentStore.create(join(dir, name), sampleDocument(), opts);
  open.push(s);
  return s;
}
async function opened(path: string, opts = manual()): Promise<DocumentStore> {
  const s = await DocumentStore.open(path, opts);
  open.push(s);
  return s;
}
const onDisk = (path: string) => {
  const r = parseDocument(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.error.path}: ${r.error.message}`);
  return r.doc;
};
const journalLines = (path: string) => readJournal(readFileSync(journalPathFor(path), 'utf8')).entries;

describe('DocumentStore: edits, journal, saves', () => {
  it('acknowledges an edit only once it is in the journal, and compacts the journal after a save', async () => {
    const s = await created();
    const r = await s.apply(addContact(s.doc, { id: 'c4', name: 'Denis Roy' }));
    expect(r.revision).toBe(1);
    expect(r.inverse.changes).toEqual([{ op: 'del', coll: 'contacts', id: 'c4' }]);
    expect(journalLines(s.path).map((e) => e.revision)).toEqual([1]);
    expect(onDisk(s.path).contacts.c4).toBeUndefined();

    await s.apply(updateContact(s.doc, 'c4', { city: 'Nantes' }));
    await s.flush();
    const saved = onDisk(s.path);
    expect(saved.meta.revision).toBe(2);
    expect(saved.contacts.c4?.city).toBe('Nantes');
    // Only the mark of the save is left: no edit waits for replay.
    expect(journalLines(s.path)).toEqual([]);
    expect(readJournal(readFileSync(journalPathFor(s.path), 'utf8')).saved?.revision).toBe(2);
  });

  it('groups concurrent edits and keeps them in order', async () => {
    const s = await created();
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => s.apply(addContact(s.doc, { id: `n${i}`, name: `New ${i}` }))));
    expect(results.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(journalLines(s.path).map((e) => e.set.changes[0]!.op === 'put' && e.set.changes[0]!.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('refuses an edit that breaks a reference and changes nothing', async () => {
    const s = await created();
    const before = structuredClone(s.doc);
    const bad = { label: { key: 'Tie' }, changes: [{ op: 'put' as const, coll: 'ties' as const, id: 't1', value: { id: 't1', from: 'c1', to: 'ghost', strength: 0.5 } }] };
    await expect(s.apply(bad)).rejects.toBeInstanceOf(ChangeError);
    expect(s.doc).toEqual(before);
    expect(s.revision).toBe(0);
    expect(journalLines(s.path)).toEqual([]);
  });

  it('saves by itself after the debounce delay', async () => {
    const s = await created('auto.json', { saveDelayMs: 20, now: tickingClock() });
    await s.apply(addContact(s.doc, { id: 'c9', name: 'Auto Save' }));
    for (let i = 0; i < 200 && onDisk(s.path).meta.revision < 1; i++) await new Promise((r) => setTimeout(r, 25));
    expect(onDisk(s.path).contacts.c9?.name).toBe('Auto Save');
  });

  it('saveAs writes the document elsewhere and continues there; the old file stays complete', async () => {
    const s = await created();
    await s.apply(addContact(s.doc, { id: 'c4', name: 'Before Move' }));
    const oldPath = s.path;
    const target = join(dir, 'sub', 'moved.json');
    mkdirSync(join(dir, 'sub'));
    await s.saveAs(target);
    expect(s.path).toBe(target);
    expect(onDisk(target).contacts.c4?.name).toBe('Before Move');
    await s.apply(addContact(s.doc, { id: 'c5', name: 'After Move' }));
    await s.close();
    expect(onDisk(target).contacts.c5?.name).toBe('After Move');
    expect(onDisk(oldPath).contacts.c4?.name).toBe('Before Move');
    expect(onDisk(oldPath).contacts.c5).toBeUndefined();
    const reopened = await opened(oldPath);
    expect(reopened.doc.contacts.c5).toBeUndefined();
  });

  it('close saves, then refuses further edits', async () => {
    const s = await created();
    await s.apply(addContact(s.doc, { id: 'c4', name: 'Last' }));
    await s.close();
    expect(onDisk(s.path).contacts.c4?.name).toBe('Last');
    await expect(s.apply(addContact(s.doc, { id: 'c5', name: 'Late' }))).rejects.toThrow(/closed/);
  });
});

describe('DocumentStore: the document as text', () => {
  it('gives the text of the document as it is now: after edits, after a save, after edits since the save', async () => {
    const s = await created();
    const parsed = async () => JSON.parse(await s.text()) as unknown;
    expect(await s.text()).toBe(JSON.stringify(s.doc));
    await s.apply(addContact(s.doc, { id: 'c4', name: 'Denis Roy' }));
    expect(await parsed()).toEqual(s.doc);
    await s.flush();
    expect(await parsed()).toEqual(s.doc);
    // An edit right after the save: the text of the save no longer holds, the new one does.
    const edited = s.apply(updateContact(s.doc, 'c4', { city: 'Nantes' }));
    const during = s.text();
    await edited;
    expect((JSON.parse(await during) as typeof s.doc).contacts.c4?.city).toBe('Nantes');
    expect(await parsed()).toEqual(s.doc);
  });
});

describe('one writer per document', () => {
  it('refuses a second opening of an open document until it is closed', async () => {
    const s = await created();
    await expect(DocumentStore.open(s.path)).rejects.toThrow(/already open in this Carnet/);
    await s.close();
    expect(existsSync(lockPathFor(s.path))).toBe(false);
    await opened(s.path);
  });

  it('refuses a document another live process holds, and takes over the lock of a dead one', async () => {
    const s = await created();
    await s.close();
    writeFileSync(lockPathFor(s.path), '1');
    const err = await DocumentStore.open(s.path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as Error).message).toMatch(/another Carnet \(process 1\)/);
    writeFileSync(lockPathFor(s.path), '999999999');
    const r = await opened(s.path);
    expect((JSON.parse(readFileSync(lockPathFor(s.path), 'utf8')) as { pid: number }).pid).toBe(process.pid);
    await r.close();
  });

  it('saveAs moves the lock to the new file', async () => {
    const s = await created();
    const target = join(dir, 'other.json');
    await s.saveAs(target);
    expect(existsSync(lockPathFor(join(dir, 'doc.json')))).toBe(false);
    expect(existsSync(lockPathFor(target))).toBe(true);
  });
});

describe('atomic writes', () => {
  it('leaves no partial file: readers only ever see a complete document while saves run', async () => {
    const s = await created();
    let reads = 0;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        onDisk(s.path);
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 30; i++) {
      await s.apply(addContact(s.doc, { id: `r${i}`, name: `Reader ${i}`, notes: 'x'.repeat(5000) }));
      await s.flush();
    }
    reading = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((n) => n.includes('tmp'))).toEqual([]);
  });

  it('keeps the old file and removes its temporary file when the replacement fails', async () => {
    const target = join(dir, 'folder-in-the-way');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, 'new content')).rejects.toThrow();
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('x');
    expect(readdirSync(dir)).toEqual(['folder-in-the-way']);
  });

  it('names the file and the reason in words when it cannot write', async () => {
    const target = join(dir, 'missing', 'x.json');
    await expect(writeFileAtomic(target, '{}')).rejects.toThrow(`cannot write "${target}": its folder does not exist`);
  });

  it('clears temporary files a killed process left behind when the document opens', async () => {
    const s = await created();
    await s.close();
    const stale = join(dir, '.doc.json.abcdef.carnet-tmp');
    writeFileSync(stale, '{"half');
    await opened(s.path);
    expect(existsSync(stale)).toBe(false);
  });
});

describe('backups', () => {
  it('are versions: none at open, one at close when the content is in no backup, none for an unchanged reopen', async () => {
    const s = await created();
    const untouched = readFileSync(s.path, 'utf8');
    await s.close();
    const first = await listBackups(s.path);
    expect(first).toHaveLength(1);
    expect(first[0]!.startsWith(backupDirFor(s.path))).toBe(true);
    expect(readFileSync(first[0]!, 'utf8')).toBe(untouched);
    for (let i = 0; i < 10; i++) {
      const r = await opened(s.path);
      expect(await listBackups(s.path), 'nothing is written just to open').toEqual(first);
      await r.close();
    }
    expect(await listBackups(s.path)).toEqual(first);
  });

  it('rotates: keeps the ten newest', async () => {
    const s = await created('doc.json', manual({ backupIntervalMs: 0 }));
    for (let i = 0; i < 15; i++) {
      await s.apply(addContact(s.doc, { id: `b${i}`, name: `Backup ${i}` }));
      await s.flush();
    }
    const backups = await listBackups(s.path);
    expect(backups).toHaveLength(10);
    expect(onDisk(backups[0]!).meta.revision).toBe(15);
    expect(onDisk(backups[9]!).meta.revision).toBe(6);
  });

  it('takes at most one per interval while saving', async () => {
    const s = await created('doc.json', manual({ backupIntervalMs: 60_000 }));
    for (let i = 0; i < 5; i++) {
      await s.apply(addContact(s.doc, { id: `b${i}`, name: `Backup ${i}` }));
      await s.flush();
    }
    // The clock ticks one second per read: the first save backs up, the next four fall in the same minute.
    expect(await listBackups(s.path)).toHaveLength(1);
  });
});

describe('recovery', () => {
  async function withBackup(): Promise<{ path: string; backedUp: string }> {
    const s = await created('doc.json', manual({ backupIntervalMs: 0 }));
    await s.apply(addContact(s.doc, { id: 'c4', name: 'In Backup' }));
    await s.close();
    return { path: s.path, backedUp: readFileSync(s.path, 'utf8') };
  }
  const asideFiles = () => readdirSync(dir).filter((n) => n.includes('.corrupt-'));

  it('moves a truncated file aside and opens the newest valid backup, with a notice', async () => {
    const { path, backedUp } = await withBackup();
    const truncated = backedUp.slice(0, Math.floor(backedUp.length / 2));
    writeFileSync(path, truncated);
    const s = await opened(path);
    expect(s.doc.contacts.c4?.name).toBe('In Backup');
    const [aside] = asideFiles();
    expect(aside).toMatch(/^doc\.corrupt-.*\.json$/);
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(truncated);
    expect(onDisk(path).contacts.c4?.name).toBe('In Backup');
    const notice = s.notices.find((n) => n.code === 'document.recovered')!;
    expect(notice.level).toBe('warning');
    expect(notice.message).toContain(path);
    expect(notice.message).toContain('not valid JSON');
    expect(notice.params?.movedTo).toBe(join(dir, aside!));
  });

  it('moves a schema-invalid file aside, naming the JSON path of the problem', async () => {
    const { path, backedUp } = await withBackup();
    const raw = JSON.parse(backedUp);
    raw.contacts.c2.name = '';
    writeFileSync(path, JSON.stringify(raw));
    const s = await opened(path);
    expect(s.doc.contacts.c2?.name).toBe('Bruno Petit');
    const notice = s.notices.find((n) => n.code === 'document.recovered')!;
    expect(notice.params?.path).toBe('$.contacts.c2.name');
    expect(notice.message).toContain('$.contacts.c2.name');
    expect(asideFiles()).toHaveLength(1);
  });

  it('skips backups that are damaged themselves', async () => {
    const { path } = await withBackup();
    const s = await opened(path, manual({ backupIntervalMs: 0 }));
    await s.apply(addContact(s.doc, { id: 'c5', name: 'Newest' }));
    await s.close();
    const [newest] = await listBackups(path);
    writeFileSync(newest!, '{');
    writeFileSync(path, 'garbage');
    const r = await opened(path);
    expect(r.notices[0]?.params?.backup).not.toBe(newest);
    expect(r.doc.contacts.c4?.name).toBe('In Backup');
  });

  it('opens an empty document and says so when no valid backup exists; nothing is deleted', async () => {
    const path = join(dir, 'lost.json');
    writeFileSync(path, '{"format":"carnet","version":1,');
    const s = await opened(path);
    expect(Object.keys(s.doc.contacts)).toHaveLength(0);
    const notice = s.notices.find((n) => n.code === 'document.recoveredEmpty')!;
    expect(notice.level).toBe('error');
    expect(notice.message).toContain(path);
    const [aside] = readdirSync(dir).filter((n) => n.includes('.corrupt-'));
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"format":"carnet","version":1,');
  });

  it('refuses, untouched, an invalid file Carnet never backed up when asked to', async () => {
    const path = join(dir, 'not-carnet.json');
    writeFileSync(path, '{"hello":"world"}');
    const err = await DocumentStore.open(path, manual({ refuseInvalidWithoutBackup: true })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).message).toContain(path);
    expect((err as DocumentError).path).toBe('$.format');
    expect(readdirSync(dir)).toEqual(['not-carnet.json']);
  });

  it('reports a missing file by name', async () => {
    await expect(DocumentStore.open(join(dir, 'nope.json'))).rejects.toThrow(/nope\.json" does not exist/);
    await expect(DocumentStore.open(join(dir, 'no-folder', 'doc.json'))).rejects.toThrow(/the folder of ".*no-folder.doc\.json" does not exist/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('journal replay', () => {
  /** What a crash leaves: the files exactly as they are on disk now, opened by a new process. */
  let crashes = 0;
  function crashCopy(path: string): string {
    const copyDir = join(dir, `after-crash-${++crashes}`);
    mkdirSync(copyDir, { recursive: true });
    const copy = join(copyDir, 'doc.json');
    copyFileSync(path, copy);
    copyFileSync(journalPathFor(path), journalPathFor(copy));
    return copy;
  }

  it('restores every acknowledged edit that was not saved yet', async () => {
    const s = await created();
    await s.apply(addContact(s.doc, { id: 'j1', name: 'Saved' }));
    await s.flush();
    for (let i = 2; i <= 6; i++) await s.apply(addContact(s.doc, { id: `j${i}`, name: `Journaled ${i}` }));
    await s.apply(updateContact(s.doc, 'j1', { city: 'Brest' }));
    const copy = crashCopy(s.path);
    expect(onDisk(copy).meta.revision).toBe(1);
    const r = await opened(copy);
    expect(r.revision).toBe(7);
    expect(Object.keys(r.doc.contacts).filter((id) => id.startsWith('j'))).toHaveLength(6);
    expect(r.doc.contacts.j1?.city).toBe('Brest');
    expect(r.doc).toEqual(s.doc);
    expect(r.notices).toEqual([]);
  });

  it('ignores entries the snapshot already holds (a crash between save and compaction)', async () => {
    const s = await created();
    await s.apply(addContact(s.doc, { id: 'j1', name: 'One' }));
    const line = readFileSync(journalPathFor(s.path), 'utf8');
    await s.flush();
    const copy = crashCopy(s.path);
    writeFileSync(journalPathFor(copy), line);
    const r = await opened(copy);
    expect(r.revision).toBe(1);
    expect(Object.keys(r.doc.contacts)).toHaveLength(4);
    expect(r.notices).toEqual([]);
    expect(journalLines(copy)).toEqual([]);
  });

  it('ignores a torn last line, and appends cleanly after it', async () => {
    const s = await created();
    await s.apply(addContact(s.doc, { id: 'j1', name: 'Acknowledged' }));
    const copy = crashCopy(s.path);
    const torn = encodeEntry(2, addContact(s.doc, { id: 'j2', name: 'Never acknowledged' }));
    appendFileSync(journalPathFor(copy), torn.slice(0, torn.length - 10));
    const r = await opened(copy);
    expect(r.revision).toBe(1);
    expect(r.doc.contacts.j1?.name).toBe('Acknowledged');
    expect(r.doc.contacts.j2).toBeUndefined();
    expect(r.notices).toEqual([]);
    await r.apply(addContact(r.doc, { id: 'j3', name: 'After restart' }));
    expect(journalLines(copy).map((e) => e.revision)).toEqual([1, 2]);
    const again = crashCopy(copy);
    expect((await opened(again)).doc.contacts.j3?.name).toBe('After restart');
  });

  /** The journal of `copy` with the line holding `text` altered, its checksum left as it was. */
  function damage(copy: string, text: string): number {
    const lines = readFileSync(journalPathFor(copy), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes(text));
    lines[at] = lines[at]!.replace(text, text.toUpperCase());
    writeFileSync(journalPathFor(copy), lines.join('\n'));
    return at + 1;
  }

  it('reports a damaged line in the middle, replays every edit it can, and keeps the journal aside', async () => {
    const s = await created();
    for (let i = 1; i <= 3; i++) await s.apply(addContact(s.doc, { id: `j${i}`, name: `Edit ${i}` }));
    const copy = crashCopy(s.path);
    const original = readFileSync(journalPathFor(copy), 'utf8');
    const line = damage(copy, 'Edit 2');
    const r = await opened(copy);
    expect(r.doc.contacts.j1?.name).toBe('Edit 1');
    expect(r.doc.contacts.j2).toBeUndefined();
    expect(r.doc.contacts.j3?.name).toBe('Edit 3');
    expect(r.revision).toBe(2);
    const notice = r.notices.find((n) => n.code === 'document.journalDamaged')!;
    expect(notice.level).toBe('warning');
    expect(notice.params?.lines).toBe(String(line));
    expect(notice.params?.restored).toBe('2');
    expect(notice.message).toContain(`line ${line}`);
    // The whole journal as it was is kept, the damaged line included.
    expect(readFileSync(notice.params!.movedTo!, 'utf8')).toBe(original.replace('Edit 2', 'EDIT 2'));
    // What was replayed is in the new journal, numbered on from the snapshot, and survives another crash.
    expect(journalLines(copy).map((e) => e.revision)).toEqual([1, 2]);
    const again = crashCopy(copy);
    const r2 = await opened(again);
    expect(r2.doc.contacts.j3?.name).toBe('Edit 3');
    expect(r2.notices).toEqual([]);
  });

  it('reports a damaged last line: a complete line is an acknowledged edit, never dropped silently', async () => {
    const s = await created();
    for (let i = 1; i <= 2; i++) await s.apply(addContact(s.doc, { id: `j${i}`, name: `Edit ${i}` }));
    const copy = crashCopy(s.path);
    const line = damage(copy, 'Edit 2');
    const r = await opened(copy);
    expect(r.doc.contacts.j1?.name).toBe('Edit 1');
    const notice = r.notices.find((n) => n.code === 'document.journalDamaged');
    expect(notice?.params?.lines).toBe(String(line));
    expect(existsSync(notice!.params!.movedTo!)).toBe(true);
  });

  it('tells a torn last line (no newline: never acknowledged) from a damaged complete one', () => {
    const line = encodeEntry(4, { label: { key: 'x' }, changes: [] });
    expect(readJournal(line).entries).toHaveLength(1);
    const altered = line.replace('"key":"x"', '"key":"y"');
    expect(readJournal(altered)).toMatchObject({ entries: [], torn: false, damaged: [1] });
    expect(readJournal(line + altered.slice(0, -1))).toMatchObject({ torn: true, damaged: [] });
    expect(readJournal(line).entries[0]?.revision).toBe(4);
  });
});
