// HeldDocument when a write fails half way: the disk fills up while the document is written (nothing
// of the new version may show), or once it is written but before its journal is (the moment a crash
// leaves the new file beside the old journal). Either way the document reopens, whole: the old one
// with its unsaved journal edit, or the new one, with nothing lost and nothing reported as damaged.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importInto, existingDocument, tempDir, tickingClock } from './helpers.js';

/** The file whose atomic write fails (after its temporary file was partly written), once. */
const failing = vi.hoisted(() => ({ path: null as string | null }));
vi.mock('../../../electron/services/atomicWrite.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/services/atomicWrite.js')>();
  const { writeFile, unlink } = await import('node:fs/promises');
  const { dirname, join, basename: base } = await import('node:path');
  return {
    ...actual,
    writeFileAtomic: async (path: string, data: string | Uint8Array) => {
      if (path !== failing.path) return actual.writeFileAtomic(path, data);
      failing.path = null;
      // Half of the new text reaches a temporary file, then the disk is full: the real function removes it.
      const temp = join(dirname(path), `.${base(path)}.half.carnet-tmp`);
      await writeFile(temp, String(data).slice(0, String(data).length >> 1));
      await unlink(temp);
      throw Object.assign(new Error(`cannot write "${path}": the disk is full`), { code: 'ENOSPC' });
    },
  };
});
const { DocumentStore } = await import('../../../electron/services/documentStore.js');
const { HeldDocument } = await import('../../../electron/services/heldDocument.js');
const { journalPathFor } = await import('../../../electron/services/journal.js');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-held-fail-')));
afterEach(() => {
  failing.path = null;
  cleanup();
});

async function reopen(path: string) {
  const store = await DocumentStore.open(path);
  try {
    return { contacts: Object.keys(store.doc.contacts).sort(), notices: store.notices.map((n) => n.code), title: store.doc.meta.title };
  } finally {
    await store.close();
  }
}

describe('a HeldDocument write that fails', () => {
  it('while the document is written leaves the old document and its journal as they were', async () => {
    const { path } = await existingDocument(dir);
    const text = readFileSync(path, 'utf8');
    const journal = readFileSync(journalPathFor(path), 'utf8');
    const held = await HeldDocument.open(path, { now: tickingClock() });
    try {
      importInto(held.doc, 50);
      failing.path = path;
      await expect(held.write()).rejects.toThrow(/disk is full/);
    } finally {
      await held.close();
    }
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(readFileSync(journalPathFor(path), 'utf8')).toBe(journal);
    expect(readdirSync(dir).filter((n) => n !== basename(path) && n !== basename(journalPathFor(path)) && n !== '.carnet-backups')).toEqual([]);
    expect(await reopen(path)).toEqual({ contacts: ['c1', 'c2', 'c3', 'c4', 'c5'], notices: [], title: 'Sample' });
  });

  it('once the document is written but not its journal leaves the new document, which reopens whole', async () => {
    const { path } = await existingDocument(dir);
    const held = await HeldDocument.open(path, { now: tickingClock() });
    try {
      importInto(held.doc, 50);
      failing.path = journalPathFor(path);
      await expect(held.write()).rejects.toThrow(/disk is full/);
    } finally {
      await held.close();
    }
    // The journal's old edit (c5) is older than the new file, which holds it: skipped, not reported as damage.
    expect(readFileSync(journalPathFor(path), 'utf8')).toMatch(/Émile Journal/);
    const after = await reopen(path);
    expect(after.notices).toEqual([]);
    expect(after.title).toBe('Imported');
    expect(after.contacts).toHaveLength(55);
    expect(after.contacts).toEqual(expect.arrayContaining(['c1', 'c4', 'c5', 'i0', 'i49']));
  });
});
