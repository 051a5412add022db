import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
