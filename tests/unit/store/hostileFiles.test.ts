// Whatever sits where Carnet expects its files is read as untrusted: a FIFO
// (or a folder) in place of the document, its journal, its lock or a backup
// is refused at once with a message naming it, never waited on.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../../electron/services/backups.js';
import { DocumentError, DocumentStore } from '../../../electron/services/documentStore.js';
import { journalPathFor } from '../../../electron/services/journal.js';
import { lockPathFor } from '../../../electron/services/lock.js';
import { sampleDocument, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-hostile-')));
afterEach(() => cleanup());

const fifo = (path: string) => execFileSync('mkfifo', [path]);
/** Fails the test rather than hanging it when an open waits on something. */
const soon = <T>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still waiting after 10 s')), 10_000))]);

describe('files that are not what they should be', () => {
  it('a FIFO or a folder named like the document is refused as "not a file"', async () => {
    fifo(join(dir, 'pipe.json'));
    const err = await soon(DocumentStore.open(join(dir, 'pipe.json')).catch((e: unknown) => e));
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).kind).toBe('notAFile');
    expect((err as Error).message).toContain('pipe.json" is not a file');
    mkdirSync(join(dir, 'folder.json'));
    await expect(soon(DocumentStore.open(join(dir, 'folder.json')))).rejects.toThrow(/folder\.json" is not a file/);
  });

  it('a FIFO in place of the journal is refused, naming the journal', async () => {
    const s = await DocumentStore.create(join(dir, 'doc.json'), sampleDocument());
    await s.close();
    const { rmSync } = await import('node:fs');
    rmSync(journalPathFor(s.path));
    fifo(journalPathFor(s.path));
    await expect(soon(DocumentStore.open(s.path))).rejects.toThrow(/the journal ".*doc\.json\.journal" cannot be read: not a regular file/);
  });

  it('a FIFO in place of the lock, or of a backup, does not hold the open', async () => {
    const s = await DocumentStore.create(join(dir, 'doc.json'), sampleDocument());
    await s.close();
    mkdirSync(backupDirFor(s.path), { recursive: true });
    fifo(join(backupDirFor(s.path), '2030-01-01T00-00-00-000Z-r9.json'));
    const r = await soon(DocumentStore.open(s.path));
    await r.close();
    fifo(lockPathFor(s.path));
    const err = await soon(DocumentStore.open(s.path).catch((e: unknown) => e));
    expect((err as DocumentError).kind).toBe('lockedUnverified');
  });
});
