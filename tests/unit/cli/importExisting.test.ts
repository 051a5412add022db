// `carnet import` into a document that exists: the document is opened, changed and written whole
// (HeldDocument) rather than through a journal and a save worker. What the user notices must not change:
// their contacts survive, the import lands with its clusters (the second edit), the output reads the same
// as into a new document, the result opens in the app and can be edited, and a document open in the app
// is refused with the same message.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../../electron/cli/commands/import.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { journalPathFor, readJournal } from '../../../electron/services/journal.js';
import { addContact } from '../../../shared/document/commands.js';
import { CLUSTER_CACHE_ABOVE } from '../../../shared/document/clusterCache.js';
import { generateLinkedInExport } from '../../helpers/linkedinExport.js';
import { existingDocument, NOW, tempDir } from '../store/helpers.js';

/** Above the size from which an import stores its clusters. */
const CONNECTIONS = CLUSTER_CACHE_ABOVE + 300;

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('carnet-import-existing-'));
  const exported = generateLinkedInExport({ connections: CONNECTIONS, messages: 400, seed: 7 });
  mkdirSync(join(dir, 'export'));
  for (const f of exported.files) writeFileSync(join(dir, 'export', f.name), f.text);
});
afterEach(() => cleanup());

async function carnetImport(into: string): Promise<{ out: string[]; code: number | Error }> {
  const out: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), cwd: dir, env: {} };
  const code = await importCommand.run({ positionals: ['export'], values: { into, lang: 'en' } }, io).catch((e: Error) => e);
  return { out, code };
}

describe('carnet import into an existing document', () => {
  it("keeps the document's contacts, adds the import and its clusters, and prints what an import into a new document prints", async () => {
    const { path, revision } = await existingDocument(dir);
    const fresh = await carnetImport('new.json');
    const existing = await carnetImport(path);
    expect(existing.code).toBe(0);
    // The same report, but for the document's name and the contacts it now holds, and one more line: the
    // import was matched against the document's own contacts, one of whom shares a name with a connection.
    const duplicate = (line: string) => line.startsWith('possible duplicate: “Chloé Durand”');
    expect(existing.out.filter(duplicate)).toHaveLength(1);
    expect(existing.out.slice(0, -1).filter((l) => !duplicate(l))).toEqual(fresh.out.slice(0, -1));
    expect(fresh.out.at(-1)).toBe(`${join(dir, 'new.json')}: ${CONNECTIONS.toLocaleString('en')} contacts.\n`);
    expect(existing.out.at(-1)).toBe(`${path}: ${(CONNECTIONS + 5).toLocaleString('en')} contacts.\n`);

    const doc = JSON.parse(readFileSync(path, 'utf8'));
    // The unsaved journal edit (c5) and the saved contacts are all there, untouched.
    expect(doc.contacts.c1.name).toBe('Alice Martin');
    expect(doc.contacts.c4.name).toBe('Diane Roux');
    expect(doc.contacts.c5.name).toBe('Émile Journal');
    expect(Object.keys(doc.contacts)).toHaveLength(CONNECTIONS + 5);
    // The import, then the clusters: two revisions after the journal's.
    expect(doc.meta.revision).toBe(revision + 3);
    expect(Object.keys(doc.clusterCache).length).toBeGreaterThan(1);
    // Every imported contact placed (the document's own had no position, and are given none).
    const imported = Object.keys(doc.contacts).filter((id) => !/^c\d$/.test(id));
    expect(Object.keys(doc.positions).sort()).toEqual(imported.sort());
    expect(readJournal(readFileSync(journalPathFor(path), 'utf8')).entries).toEqual([]);

    const store = await DocumentStore.open(path);
    try {
      expect(await store.textTrusted).toBe(true);
      await store.apply(addContact(store.doc, { id: 'after', name: 'Après Import' }, NOW));
    } finally {
      await store.close();
    }
    const again = await DocumentStore.open(path);
    try {
      expect(again.doc.contacts.after?.name).toBe('Après Import');
      expect(Object.keys(again.doc.contacts)).toHaveLength(CONNECTIONS + 6);
    } finally {
      await again.close();
    }
  });

  it('refuses a document open in the app, in one line, and changes nothing', async () => {
    const { path } = await existingDocument(dir);
    const store = await DocumentStore.open(path, { saveDelayMs: 60_000, maxSaveDelayMs: 60_000 });
    try {
      const text = readFileSync(path, 'utf8');
      const { code, out } = await carnetImport(path);
      expect(code).toBeInstanceOf(Error);
      expect((code as Error).message).toMatch(/^".*doc\.json" is already open in this Carnet/);
      expect((code as Error).message).not.toMatch(/\n/);
      expect(out).toEqual([]);
      expect(readFileSync(path, 'utf8')).toBe(text);
    } finally {
      await store.close();
    }
  });
});
