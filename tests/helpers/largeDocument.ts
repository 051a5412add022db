/**
 * Writes a big synthetic document (shared/demo/largeNetwork.ts) to a file
 * that `carnet web --doc FILE` opens, for scale tests and the map benchmark.
 */
import { writeFile } from 'node:fs/promises';
import { generateLargeNetwork } from '../../shared/demo/largeNetwork.js';
import type { CarnetDocument } from '../../shared/document/schema.js';

export type LargeDocumentOptions = { contacts: number; ties: number; interactions: number; seed?: number };

/** The document, with no stored positions (the map lays it out on first open). */
export function largeDocument(opts: LargeDocumentOptions): CarnetDocument {
  return generateLargeNetwork({ ...opts, seed: opts.seed ?? 7, now: '2026-06-01T09:00:00.000Z' });
}

export async function writeLargeDocument(path: string, opts: LargeDocumentOptions): Promise<CarnetDocument> {
  const doc = largeDocument(opts);
  await writeFile(path, JSON.stringify(doc));
  return doc;
}
