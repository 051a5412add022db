// Small helpers shared by the store, backend and crash tests.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCategory, addContact, compose } from '../../../shared/document/commands.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';

export const NOW = '2025-03-01T10:00:00.000Z';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'carnet-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small valid document: two categories, three contacts (ids c1..c3). */
export function sampleDocument(): CarnetDocument {
  const doc = emptyDocument(NOW, 'Sample');
  applyChangeSet(
    doc,
    compose(
      { key: 'setup' },
      addCategory(doc, { id: 'cat1', name: 'Clients', color: '#336699', cadenceDays: 30 }),
      addCategory(doc, { id: 'cat2', name: 'Anciens collègues', color: '#993366' }),
    ),
  );
  for (const [id, name] of [['c1', 'Alice Martin'], ['c2', 'Bruno Petit'], ['c3', 'Chloé Durand']] as const) {
    applyChangeSet(doc, addContact(doc, { id, name, city: 'Rennes', categories: id === 'c1' ? ['cat1'] : [] }, NOW));
  }
  return doc;
}

/** A ticking clock starting at NOW, one second per call, so backups get distinct names. */
export function tickingClock(start = NOW): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

/**
 * An existing document at `dir`/doc.json, as a session left it: sampleDocument plus c4 (saved), then c5
 * in the journal only (its session was killed before saving it). `revision`: the file's.
 */
export async function existingDocument(dir: string, name = 'doc.json'): Promise<{ path: string; revision: number }> {
  const { DocumentStore } = await import('../../../electron/services/documentStore.js');
  const { encodeEntry, journalPathFor } = await import('../../../electron/services/journal.js');
  const path = join(dir, name);
  const store = await DocumentStore.create(path, sampleDocument(), { now: tickingClock() });
  await store.apply(addContact(store.doc, { id: 'c4', name: 'Diane Roux' }, NOW));
  await store.close();
  const revision = store.revision;
  appendFileSync(journalPathFor(path), encodeEntry(revision + 1, addContact(store.doc, { id: 'c5', name: 'Émile Journal' }, NOW)));
  return { path, revision };
}

/**
 * `doc` changed as `carnet import` changes it: one set adding `count` contacts (i0…), then a second,
 * small one (in place of the clusters), each one revision.
 */
export function importInto(doc: CarnetDocument, count: number): void {
  const sets = Array.from({ length: count }, (_, i) => addContact(doc, { id: `i${i}`, name: `Imported ${i}`, city: 'Brest' }, NOW));
  applyChangeSet(doc, compose({ key: 'labels.layout' }, ...sets), { adopt: true });
  doc.meta.revision++;
  applyChangeSet(doc, { label: { key: 'labels.layout' }, changes: [{ op: 'title', value: 'Imported' }] }, { adopt: true });
  doc.meta.revision++;
}
