// Symlinks and hard links: a document opened through a symlink saves to the
// real file and the link stays a link; a file with several names keeps them
// all; the lock belongs to the real file, so a second opening through any
// alias is refused.
import { existsSync, linkSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../../shared/document/commands.js';
import { DocumentError, DocumentStore } from '../../../electron/services/documentStore.js';
import { journalPathFor, readJournal } from '../../../electron/services/journal.js';
import { lockPathFor } from '../../../electron/services/lock.js';
import { sampleDocument, tempDir, tickingClock } from './helpers.js';

let dir: string;
let cleanup: () => void;
const open: DocumentStore[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-alias-')));
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  cleanup();
});

const opts = () => ({ saveDelayMs: 60_000, maxSaveDelayMs: 60_000, now: tickingClock() });
async function realDocument(): Promise<string> {
  mkdirSync(join(dir, 'real'));
  const s = await DocumentStore.create(join(dir, 'real', 'doc.json'), sampleDocument(), opts());
  await s.close();
  return s.path;
}
async function opened(path: string): Promise<DocumentStore> {
  const s = await DocumentStore.open(path, opts());
  open.push(s);
  return s;
}
const refusal = (path: string) => DocumentStore.open(path, opts()).then(
  (s) => {
    open.push(s);
    return null;
  },
  (e: unknown) => e as DocumentError,
);

describe('symlinks', () => {
  it('saves to the real file: the link stays a link, and the journal and lock sit beside the real file', async () => {
    const real = await realDocument();
    const link = join(dir, 'link.json');
    symlinkSync(real, link);
    const s = await opened(link);
    expect(s.path).toBe(link);
    expect(existsSync(lockPathFor(real))).toBe(true);
    await s.apply(addContact(s.doc, { id: 'c9', name: 'Through The Link' }));
    expect(readJournal(readFileSync(journalPathFor(real), 'utf8')).entries).toHaveLength(1);
    await s.flush();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(JSON.parse(readFileSync(real, 'utf8')).contacts.c9.name).toBe('Through The Link');
    expect(existsSync(journalPathFor(link))).toBe(false);
    expect(existsSync(lockPathFor(link))).toBe(false);
  });

  it('refuses a second opening through the link, the real path, or another link to the folder', async () => {
    const real = await realDocument();
    symlinkSync(real, join(dir, 'link.json'));
    symlinkSync(join(dir, 'real'), join(dir, 'folder-link'));
    await opened(join(dir, 'link.json'));
    for (const alias of [real, join(dir, 'folder-link', 'doc.json'), join(dir, 'real', '..', 'link.json')]) {
      const err = await refusal(alias);
      expect(err, alias).toBeInstanceOf(DocumentError);
      expect(err!.kind, alias).toBe('locked');
    }
  });

  it('Save As onto a link writes the file it points to and keeps the link', async () => {
    const real = await realDocument();
    const target = join(dir, 'real', 'copy.json');
    writeFileSync(target, '{}');
    const link = join(dir, 'copy-link.json');
    symlinkSync(target, link);
    const s = await opened(real);
    await s.saveAs(link, { replace: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8')).format).toBe('carnet');
    expect(s.file).toBe(target);
  });
});

describe('hard links', () => {
  it('refuses a second opening through another name of the same file', async () => {
    const real = await realDocument();
    const other = join(dir, 'other-name.json');
    linkSync(real, other);
    await opened(real);
    const err = await refusal(other);
    expect(err).toBeInstanceOf(DocumentError);
    expect(err!.kind).toBe('locked');
  });

  it('saves in place: every name shows the saved version and the file keeps its inode', async () => {
    const real = await realDocument();
    const other = join(dir, 'other-name.json');
    linkSync(real, other);
    const inode = statSync(real).ino;
    const s = await opened(real);
    await s.apply(addContact(s.doc, { id: 'c9', name: 'Both Names' }));
    await s.flush();
    expect(statSync(real).ino).toBe(inode);
    expect(statSync(real).nlink).toBe(2);
    expect(JSON.parse(readFileSync(other, 'utf8')).contacts.c9.name).toBe('Both Names');
  });

  it('finishes an in-place save that a crash interrupted, from its complete copy', async () => {
    const real = await realDocument();
    linkSync(real, join(dir, 'other-name.json'));
    const s = await opened(real);
    await s.apply(addContact(s.doc, { id: 'c9', name: 'Interrupted' }));
    const next = JSON.stringify(s.doc);
    await s.close();
    // What a kill during step 2 leaves: the complete copy, and the file half overwritten.
    writeFileSync(join(dir, 'real', '.doc.json.0123456789ab.carnet-inplace'), next);
    const half = readFileSync(real, 'utf8');
    writeFileSync(real, next.slice(0, 100) + half.slice(100));
    const r = await opened(real);
    expect(r.notices).toEqual([]);
    expect(r.doc.contacts.c9?.name).toBe('Interrupted');
    expect(readFileSync(join(dir, 'other-name.json'), 'utf8')).toBe(next);
    expect(existsSync(join(dir, 'real', '.doc.json.0123456789ab.carnet-inplace'))).toBe(false);
  });
});
