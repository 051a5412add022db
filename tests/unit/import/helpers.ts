import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { parseImportFile, type ParseOptions } from '../../../shared/import/index.js';

export const FIXTURES = resolve(__dirname, '../../fixtures/import');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(FIXTURES, name)));
}

export function parseFixture(name: string, options?: ParseOptions) {
  return parseImportFile(fixture(name), name, options);
}

/** Ids c_1, c_2… so that ChangeSets are comparable. */
export function sequentialIds(): (prefix: string) => string {
  let n = 0;
  return (prefix) => `${prefix}_${++n}`;
}

export const NOW = '2025-01-15T10:00:00.000Z';

/** The fields a user sees, without the bookkeeping an import adds (ids, sources, timestamps). */
export function visible(c: Record<string, unknown>, categoryName: (id: string) => string = (id) => id): Record<string, unknown> {
  const { id, sources, createdAt, updatedAt, categories, ...rest } = c as Record<string, unknown> & { categories: string[] };
  void id; void sources; void createdAt; void updatedAt;
  const stripSource = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(stripSource) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'source').map(([k, x]) => [k, stripSource(x)])) : v;
  return { ...(stripSource(rest) as object), categories: categories.map(categoryName).sort() };
}

/** A document holding these contacts (ids `old_1`… unless given), with every list field defaulted. */
export function docWith(...contacts: Partial<CarnetDocument['contacts'][string]>[]): CarnetDocument {
  const doc = emptyDocument('2024-01-01T00:00:00.000Z');
  contacts.forEach((c, i) => {
    const id = c.id ?? `old_${i + 1}`;
    doc.contacts[id] = { id, name: 'X', emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [], sources: [], createdAt: '2024-01-01', updatedAt: '2024-01-01', ...c };
  });
  return doc;
}

