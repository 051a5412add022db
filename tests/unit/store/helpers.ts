// Small helpers shared by the store, backend and crash tests.
import { mkdtempSync, rmSync } from 'node:fs';
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
