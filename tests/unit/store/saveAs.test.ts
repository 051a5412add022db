// Save As never replaces an existing file without the user's confirmation;
// a Carnet document it replaces is backed up first (its own backups), a
// read-only file is never replaced, and a journal left at the target is kept.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../../shared/document/commands.js';
import { listBackups } from '../../../electron/services/backups.js';
import { DocumentError, DocumentStore, TargetExistsError } from '../../../electron/services/documentStore.js';
import { encodeEntry, journalPathFor } from '../../../electron/services/journal.js';
import { sampleDocument, tempDir, tickingClock } from './helpers.js';

let dir: string;
let cleanup: () => void;
const open: DocumentStore[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-saveas-')));
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  cleanup();
});

async function source(): Promise<DocumentStore> {
  const s = await DocumentStore.create(join(dir, 'mine.json'), sampleDocument(), { saveDelayMs: 60_000, now: tickingClock() });
  open.push(s);
  await s.apply(addContact(s.doc, { id: 'c9', name: 'Mine' }));
  return s;
}

describe('Save As onto an existing file', () => {
  it('is refused without confirmation, whatever the file, and nothing changes', async () => {
    const s = await source();
    const other = join(dir, 'photo.json');
    writeFileSync(other, '{"not":"carnet"}');
    const err = await s.saveAs(other).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetExistsError);
    expect(err).toMatchObject({ target: other, carnet: false });
    expect(readFileSync(other, 'utf8')).toBe('{"not":"carnet"}');
    expect(s.path).toBe(join(dir, 'mine.json'));

    const carnet = await DocumentStore.create(join(dir, 'theirs.json'), sampleDocument());
    await carnet.close();
    const text = readFileSync(carnet.path, 'utf8');
    await expect(s.saveAs(carnet.path)).rejects.toMatchObject({ carnet: true });
    expect(readFileSync(carnet.path, 'utf8')).toBe(text);
  });

  it('with confirmation, keeps a backup of the Carnet document it replaces, and the journal left beside it', async () => {
    const s = await source();
    const theirs = await DocumentStore.create(join(dir, 'theirs.json'), sampleDocument());
    await theirs.apply(addContact(theirs.doc, { id: 't1', name: 'Theirs Saved' }));
    await theirs.flush();
    await theirs.apply(addContact(theirs.doc, { id: 't2', name: 'Theirs Journaled' }));
    // Closed by a crash: the last edit is only in its journal.
    const journal = readFileSync(journalPathFor(theirs.path), 'utf8');
    const text = readFileSync(theirs.path, 'utf8');
    await theirs.close();
    writeFileSync(theirs.path, text);
    writeFileSync(journalPathFor(theirs.path), journal);
    const before = await listBackups(theirs.path);

    await s.saveAs(theirs.path, { replace: true });
    expect(JSON.parse(readFileSync(theirs.path, 'utf8')).contacts.c9.name).toBe('Mine');
    const backups = await listBackups(theirs.path);
    const added = backups.filter((b) => !before.includes(b));
    expect(added).toHaveLength(1);
    expect(readFileSync(added[0]!, 'utf8')).toBe(text);
    const aside = readdirSync(dir).filter((n) => n.startsWith('theirs.json.journal.unreplayed-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(journal);
  });

  it('with confirmation, replaces a file that is not a Carnet document', async () => {
    const s = await source();
    const other = join(dir, 'other.json');
    writeFileSync(other, 'whatever');
    await s.saveAs(other, { replace: true });
    expect(JSON.parse(readFileSync(other, 'utf8')).contacts.c9.name).toBe('Mine');
  });

  it('never replaces a read-only file, even confirmed', async () => {
    const s = await source();
    const other = join(dir, 'locked.json');
    writeFileSync(other, 'keep me');
    chmodSync(other, 0o444);
    const err = await s.saveAs(other, { replace: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as Error).message).toMatch(/read-only/);
    expect(readFileSync(other, 'utf8')).toBe('keep me');
    expect(s.path).toBe(join(dir, 'mine.json'));
    await s.apply(addContact(s.doc, { id: 'c10', name: 'Still Mine' }));
  });

  it('refuses a folder, and keeps aside a journal found where a new file is written', async () => {
    const s = await source();
    mkdirSync(join(dir, 'folder.json'));
    await expect(s.saveAs(join(dir, 'folder.json'), { replace: true })).rejects.toThrow(/is not a file/);
    const orphan = join(dir, 'gone.json');
    writeFileSync(journalPathFor(orphan), encodeEntry(1, { label: { key: 'x' }, changes: [] }));
    await s.saveAs(orphan);
    expect(readdirSync(dir).some((n) => n.startsWith('gone.json.journal.unreplayed-'))).toBe(true);
    expect(existsSync(orphan)).toBe(true);
  });
});
