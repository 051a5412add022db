// A document that cannot be written (read-only file, read-only folder or
// disk, full disk) still opens, read-only, with a notice: nothing needs to be
// written just to view it. Edits are refused with a clear message, Save As
// elsewhere works, and saving never resets the file's permissions.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/api/contract.js';
import { addContact } from '../../../shared/document/commands.js';
import { listBackups } from '../../../electron/services/backups.js';
import { DocumentReadOnlyError, DocumentStore, type ReadOnly } from '../../../electron/services/documentStore.js';
import { journalPathFor, readJournal } from '../../../electron/services/journal.js';
import { lockPathFor } from '../../../electron/services/lock.js';
import { canMakeImmutable, canMount, makeImmutable, mountTmpfs } from '../../helpers/fileSystems.js';
import { sampleDocument, tempDir, tickingClock } from './helpers.js';

let dir: string;
let cleanup: () => void;
const open: DocumentStore[] = [];
const undo: (() => void)[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-readonly-')));
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  for (const u of undo.splice(0).reverse()) u();
  cleanup();
});

const opts = () => ({ saveDelayMs: 60_000, maxSaveDelayMs: 60_000, now: tickingClock() });
async function closedDocument(folder = dir): Promise<string> {
  const s = await DocumentStore.create(join(folder, 'doc.json'), sampleDocument(), opts());
  await s.apply(addContact(s.doc, { id: 'c9', name: 'Already There' }));
  await s.close();
  return s.path;
}
async function opened(path: string, extra = {}): Promise<DocumentStore> {
  const s = await DocumentStore.open(path, { ...opts(), ...extra });
  open.push(s);
  return s;
}
const mode = (path: string) => statSync(path).mode & 0o777;

/** What every read-only opening must show: the document, a notice with its reason, and edits refused with nothing changed. */
async function expectViewOnly(s: DocumentStore, reason: string): Promise<void> {
  expect(s.doc.contacts.c9?.name).toBe('Already There');
  expect(s.readOnly?.code).toBe(reason);
  const notice = s.notices.find((n) => n.code === 'document.readOnly')!;
  expect(notice.params).toMatchObject({ file: s.path, context: reason });
  expect(notice.message).toMatch(/read-only.*Save As/);
  const before = structuredClone(s.doc);
  const err = await s.apply(addContact(s.doc, { id: 'c_refused', name: 'Refused' })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DocumentReadOnlyError);
  expect((err as Error).message).toMatch(/read-only.*Save As/);
  expect(s.doc).toEqual(before);
}

describe('a read-only file', () => {
  it('opens read-only: no backup, no change on disk, edits refused; Save As elsewhere gives an editable copy', async () => {
    const path = await closedDocument();
    const text = readFileSync(path, 'utf8');
    chmodSync(path, 0o444);
    const backups = await listBackups(path);
    const s = await opened(path);
    await expectViewOnly(s, 'file');
    await s.close();
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(mode(path)).toBe(0o444);
    expect(await listBackups(path)).toEqual(backups);

    const again = await opened(path);
    const copy = join(dir, 'copy.json');
    await again.saveAs(copy);
    expect(again.readOnly).toBeNull();
    await again.apply(addContact(again.doc, { id: 'c10', name: 'In The Copy' }));
    await again.flush();
    expect(JSON.parse(readFileSync(copy, 'utf8')).contacts.c10.name).toBe('In The Copy');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('made read-only while open: the save is refused, the file left as it is, edits stop with a notice and the journal keeps them', async () => {
    const path = await closedDocument();
    const raised: Notice[] = [];
    const changes: ReadOnly[] = [];
    const s = await opened(path, { onNotice: (n: Notice) => raised.push(n), onReadOnly: (r: ReadOnly) => changes.push(r) });
    await s.apply(addContact(s.doc, { id: 'c10', name: 'Journaled' }));
    const text = readFileSync(path, 'utf8');
    chmodSync(path, 0o444);
    await s.flush();
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(changes.map((c) => c.code)).toEqual(['file']);
    expect(raised.map((n) => n.code)).toEqual(['document.readOnly']);
    await expect(s.apply(addContact(s.doc, { id: 'c11', name: 'Late' }))).rejects.toBeInstanceOf(DocumentReadOnlyError);
    expect(readJournal(readFileSync(journalPathFor(path), 'utf8')).entries.map((e) => e.set.changes[0]!.op === 'put' && e.set.changes[0]!.id)).toEqual(['c10']);
  });
});

describe('permissions', () => {
  it('a save keeps the mode the file had (no reset to 0600)', async () => {
    const path = await closedDocument();
    chmodSync(path, 0o644);
    const s = await opened(path);
    await s.apply(addContact(s.doc, { id: 'c10', name: 'Shared' }));
    await s.flush();
    expect(JSON.parse(readFileSync(path, 'utf8')).contacts.c10.name).toBe('Shared');
    expect(mode(path)).toBe(0o644);
    chmodSync(path, 0o640);
    await s.apply(addContact(s.doc, { id: 'c11', name: 'Group' }));
    await s.flush();
    expect(mode(path)).toBe(0o640);
  });

  it('a new file is private to its owner', async () => {
    const path = await closedDocument();
    expect(mode(path)).toBe(0o600);
  });
});

describe.skipIf(!canMakeImmutable)('a folder nothing can be written in (chattr +i; needs root)', () => {
  it('opens read-only without a lock file, a backup or a journal write', async () => {
    mkdirSync(join(dir, 'locked'));
    const path = await closedDocument(join(dir, 'locked'));
    const listing = readdirSync(join(dir, 'locked')).sort();
    undo.push(makeImmutable(join(dir, 'locked')));
    const s = await opened(path);
    await expectViewOnly(s, 'folder');
    expect(existsSync(lockPathFor(path))).toBe(false);
    expect(readdirSync(join(dir, 'locked')).sort()).toEqual(listing);
  });
});

describe.skipIf(!canMount)('read-only and full disks (tmpfs; needs root)', () => {
  it('a read-only file system: opens read-only, and replays the journal in memory without touching it', async () => {
    const fs = mountTmpfs(4096)!;
    undo.push(() => fs.unmount());
    const path = await closedDocument(fs.dir);
    // A crash left an edit in the journal.
    const s0 = await opened(path);
    await s0.apply(addContact(s0.doc, { id: 'c10', name: 'From The Journal' }));
    const journal = readFileSync(journalPathFor(path), 'utf8');
    const copy = readFileSync(path);
    await s0.close();
    writeFileSync(path, copy);
    writeFileSync(journalPathFor(path), journal);
    fs.remountReadOnly();
    const s = await opened(path);
    await expectViewOnly(s, 'filesystem');
    expect(s.doc.contacts.c10?.name).toBe('From The Journal');
    expect(readFileSync(journalPathFor(path), 'utf8')).toBe(journal);
  });

  it('a full disk: opens read-only', async () => {
    const fs = mountTmpfs(512)!;
    undo.push(() => fs.unmount());
    const path = await closedDocument(fs.dir);
    // Fill the disk to the last page: big files first, then ever smaller ones.
    let n = 0;
    for (const size of [64 * 1024, 4096, 1]) {
      try {
        for (;;) writeFileSync(join(fs.dir, `filler-${n++}`), Buffer.alloc(size));
      } catch {
        // ENOSPC at this size: try a smaller one.
      }
    }
    const s = await opened(path);
    await expectViewOnly(s, 'diskFull');
  });
});
