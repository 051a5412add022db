// HeldDocument: an existing document changed in memory and written back whole, once (what `carnet
// import` does into an existing DOC). It must be as safe as a store session: what the document held
// (its unsaved journal edits included) survives, the result opens as Carnet's own text and can be
// edited, both versions are in the backups, and a document open elsewhere is refused.
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../../shared/document/commands.js';
import { backupInfos } from '../../../electron/services/backups.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { HeldDocument } from '../../../electron/services/heldDocument.js';
import { journalPathFor, readJournal } from '../../../electron/services/journal.js';
import { existingDocument, importInto, NOW, sampleDocument, tempDir, tickingClock } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-held-')));
afterEach(() => cleanup());

describe('HeldDocument', () => {
  it('keeps what the document held, its unsaved journal edit included, and writes the change whole', async () => {
    const { path, revision } = await existingDocument(dir);
    const held = await HeldDocument.open(path, { now: tickingClock() });
    expect(Object.keys(held.doc.contacts).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    importInto(held.doc, 200);
    await held.write();
    await held.close();
    // The journal holds no edit any more (its one edit is in the file), only the mark of the text written.
    const journal = readJournal(readFileSync(journalPathFor(path), 'utf8'));
    expect(journal.entries).toEqual([]);
    expect(journal.saved?.revision).toBe(revision + 3);
    // The new version is backed up; the one it started from (the file, before its journal edit) already was.
    expect((await backupInfos(path)).map((b) => b.revision).slice(0, 2)).toEqual([revision + 3, revision]);

    const store = await DocumentStore.open(path, { now: tickingClock() });
    try {
      expect(await store.textTrusted).toBe(true);
      expect(store.notices).toEqual([]);
      expect(Object.keys(store.doc.contacts)).toHaveLength(205);
      expect(store.doc.contacts.c4!.name).toBe('Diane Roux');
      expect(store.doc.contacts.c5!.name).toBe('Émile Journal');
      expect(store.doc.contacts.i199!.name).toBe('Imported 199');
      await store.apply(addContact(store.doc, { id: 'after', name: 'Après Import' }, NOW));
    } finally {
      await store.close();
    }
    const again = await DocumentStore.open(path);
    try {
      expect(again.doc.contacts.after!.name).toBe('Après Import');
      expect(again.revision).toBe(revision + 4);
    } finally {
      await again.close();
    }
  });

  it('backs up the version it started from when no backup holds it (a file another tool wrote)', async () => {
    const path = join(dir, 'plain.json');
    writeFileSync(path, JSON.stringify(sampleDocument()));
    const held = await HeldDocument.open(path, { now: tickingClock() });
    try {
      importInto(held.doc, 2);
      await held.write();
    } finally {
      await held.close();
    }
    const backups = await backupInfos(path);
    expect(backups.map((b) => b.revision)).toEqual([sampleDocument().meta.revision + 2, sampleDocument().meta.revision]);
    expect(Object.keys(JSON.parse(readFileSync(backups[1]!.path, 'utf8')).contacts)).toEqual(['c1', 'c2', 'c3']);
  });

  it('refuses a document the app has open, and changes nothing', async () => {
    const { path } = await existingDocument(dir);
    const text = readFileSync(path, 'utf8');
    const journal = readFileSync(journalPathFor(path), 'utf8');
    // The app would save its replay of the journal soon: not before this test has looked.
    const store = await DocumentStore.open(path, { saveDelayMs: 60_000, maxSaveDelayMs: 60_000 });
    try {
      await expect(HeldDocument.open(path)).rejects.toMatchObject({ kind: 'locked', message: expect.stringMatching(/already open in this Carnet/) });
      expect(readFileSync(path, 'utf8')).toBe(text);
      expect(readFileSync(journalPathFor(path), 'utf8')).toBe(journal);
    } finally {
      await store.close();
    }
  });

  it('keeps the document locked while it holds it: the app cannot open it meanwhile', async () => {
    const { path } = await existingDocument(dir);
    const held = await HeldDocument.open(path);
    try {
      await expect(DocumentStore.open(path)).rejects.toMatchObject({ kind: 'locked' });
    } finally {
      await held.close();
    }
    const store = await DocumentStore.open(path);
    await store.close();
  });

  it('refuses to write a document the change left invalid, and writes nothing', async () => {
    const { path } = await existingDocument(dir);
    const text = readFileSync(path, 'utf8');
    const held = await HeldDocument.open(path);
    try {
      (held.doc.contacts.c1 as { name: unknown }).name = 42;
      await expect(held.write()).rejects.toThrow(/cannot save .*doc\.json.*contacts/);
    } finally {
      await held.close();
    }
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(readFileSync(journalPathFor(path), 'utf8')).toMatch(/Émile Journal/);
  });

  it('keeps a version another program wrote meanwhile beside the document', async () => {
    const { path } = await existingDocument(dir);
    const held = await HeldDocument.open(path);
    appendFileSync(path, ' ');
    try {
      importInto(held.doc, 3);
      await held.write();
    } finally {
      await held.close();
    }
    const aside = readdirSync(dir).filter((n) => n.includes('external'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8').endsWith('} ')).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).contacts)).toHaveLength(8);
  });
});
