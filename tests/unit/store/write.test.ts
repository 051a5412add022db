// DocumentStore.write: a new document written whole, without opening it (what `carnet import` does
// into a new DOC). It must be as safe as create + close: validated, locked, with one backup version.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../../shared/document/commands.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { parseDocument } from '../../../shared/document/validate.js';
import { backupDirFor } from '../../../electron/services/backups.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { NOW, sampleDocument, tempDir, tickingClock } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('DocumentStore.write', () => {
  it('writes a document that opens as it was given, edits included, and leaves one backup of it', async () => {
    const path = join(dir, 'new.json');
    const doc = sampleDocument();
    await DocumentStore.write(path, doc, { now: tickingClock() });
    const read = parseDocument(readFileSync(path, 'utf8'));
    expect(read.ok && read.doc).toEqual(doc);
    expect(readdirSync(backupDirFor(path)).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    // It is not left locked: the app can open it and edit it at once.
    const store = await DocumentStore.open(path, { now: tickingClock() });
    try {
      await store.apply(addContact(store.doc, { id: 'c4', name: 'Diane Roux' }, NOW));
      expect(Object.keys(store.doc.contacts).sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
    } finally {
      await store.close();
    }
  });

  it('refuses an invalid document, naming where it is wrong, and writes nothing', async () => {
    const path = join(dir, 'bad.json');
    const doc = sampleDocument();
    (doc.contacts.c1 as { name: unknown }).name = 42;
    await expect(DocumentStore.write(path, doc)).rejects.toThrow(/cannot create .*bad\.json.*contacts/);
    expect(existsSync(path)).toBe(false);
  });

  it('does not write over a document another store has open', async () => {
    const path = join(dir, 'busy.json');
    const store = await DocumentStore.create(path, sampleDocument(), { now: tickingClock() });
    try {
      const before = readFileSync(path, 'utf8');
      const other = sampleDocument();
      applyChangeSet(other, addContact(other, { id: 'c9', name: 'Intrus' }, NOW));
      await expect(DocumentStore.write(path, other)).rejects.toMatchObject({ kind: 'locked' });
      expect(readFileSync(path, 'utf8')).toBe(before);
    } finally {
      await store.close();
    }
  });
});
