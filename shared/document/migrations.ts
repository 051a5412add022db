/**
 * Migrations bring a document written by an earlier version of Carnet up to
 * CURRENT_VERSION, one step at a time. Version 1 is the first published
 * format, so the chain is empty today; every later format change adds one
 * entry here (and a test in tests/unit/document/migrations.test.ts).
 */
import { CURRENT_VERSION, FORMAT } from './schema.js';

export type Migration = {
  /** The version this migration reads; it returns a document of version `from + 1`. */
  from: number;
  describe: string;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
};

export const MIGRATIONS: readonly Migration[] = [];

export class MigrationError extends Error {}

/**
 * Returns the document at CURRENT_VERSION. Throws MigrationError for a file
 * that is not a Carnet document, or one written by a newer Carnet (which
 * must never be downgraded silently: data would be lost).
 */
export function migrate(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_VERSION,
): { doc: Record<string, unknown>; applied: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MigrationError('not a Carnet document: the file does not hold a JSON object');
  }
  let doc = raw as Record<string, unknown>;
  if (doc.format !== FORMAT) {
    throw new MigrationError(`not a Carnet document: "format" is ${JSON.stringify(doc.format)}, expected "${FORMAT}"`);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new MigrationError(`"version" must be a whole number from 1, found ${JSON.stringify(version)}`);
  }
  if (version > target) {
    throw new MigrationError(
      `this document was written by a newer Carnet (format version ${version}; this one reads up to ${target}). Update Carnet to open it.`,
    );
  }
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new MigrationError(`no migration from format version ${v}`);
    doc = { ...step.up(doc), version: v + 1 };
    applied.push(step.describe);
  }
  return { doc, applied };
}
