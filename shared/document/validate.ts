/**
 * Turns untrusted JSON into a CarnetDocument: migrate, check the schema, then
 * check that every reference points at something that exists. The first
 * problem is reported with its JSON path ($.contacts.c12.emails[0].value).
 */
import type { z } from 'zod';
import { hasOwnId } from './idMap.js';
import { CarnetDocument } from './schema.js';
import { migrate, MigrationError } from './migrations.js';

export type ValidationError = { path: string; message: string };
export type ValidationResult =
  | { ok: true; doc: CarnetDocument; migrations: string[] }
  | { ok: false; error: ValidationError };

/** `$.a.b[0]` from a zod issue path. Keys that are not identifiers are quoted. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function firstZodError(error: z.ZodError): ValidationError {
  const issue = error.issues[0]!;
  return { path: jsonPath(issue.path), message: issue.message };
}

/** Dangling references make the map and the analysis lie; refuse them like schema errors. Only own ids count: "constructor" names no contact. */
export function checkReferences(doc: CarnetDocument): ValidationError | null {
  const { contacts, categories } = doc;
  for (const key of Object.keys(contacts)) {
    const c = contacts[key]!;
    if (c.id !== key) return { path: `$.contacts${keyPath(key)}.id`, message: `id "${c.id}" differs from its key "${key}"` };
    for (let i = 0; i < c.categories.length; i++) {
      if (!hasOwnId(categories, c.categories[i]!)) {
        return { path: `$.contacts${keyPath(key)}.categories[${i}]`, message: `unknown category "${c.categories[i]}"` };
      }
    }
  }
  for (const key of Object.keys(doc.ties)) {
    const t = doc.ties[key]!;
    if (t.id !== key) return { path: `$.ties${keyPath(key)}.id`, message: `id "${t.id}" differs from its key "${key}"` };
    if (!hasOwnId(contacts, t.from)) return { path: `$.ties${keyPath(key)}.from`, message: `unknown contact "${t.from}"` };
    if (!hasOwnId(contacts, t.to)) return { path: `$.ties${keyPath(key)}.to`, message: `unknown contact "${t.to}"` };
    if (t.from === t.to) return { path: `$.ties${keyPath(key)}.to`, message: 'a tie must join two different contacts' };
  }
  for (const key of Object.keys(doc.interactions)) {
    const it = doc.interactions[key]!;
    if (it.id !== key) return { path: `$.interactions${keyPath(key)}.id`, message: `id "${it.id}" differs from its key "${key}"` };
    for (let i = 0; i < it.contacts.length; i++) {
      if (!hasOwnId(contacts, it.contacts[i]!)) {
        return { path: `$.interactions${keyPath(key)}.contacts[${i}]`, message: `unknown contact "${it.contacts[i]}"` };
      }
    }
  }
  for (const key of Object.keys(doc.positions)) {
    if (!hasOwnId(contacts, key)) return { path: `$.positions${keyPath(key)}`, message: `position of unknown contact "${key}"` };
  }
  for (const coll of ['categories', 'personas', 'suggestions', 'clusters', 'objectives', 'goals', 'plans', 'reviews', 'reviewMarks', 'views'] as const) {
    for (const [key, v] of Object.entries(doc[coll])) {
      if (v.id !== key) return { path: `$.${coll}${keyPath(key)}.id`, message: `id "${v.id}" differs from its key "${key}"` };
    }
  }
  return null;
}

function keyPath(key: string): string {
  return jsonPath([key]).slice(1);
}

/** Validates (and migrates) parsed JSON. Never throws. */
export function validateDocument(raw: unknown): ValidationResult {
  let migrated: { doc: Record<string, unknown>; applied: string[] };
  try {
    migrated = migrate(raw);
  } catch (e) {
    if (e instanceof MigrationError) {
      const path = e.message.includes('"format"') ? '$.format' : e.message.includes('version') ? '$.version' : '$';
      return { ok: false, error: { path, message: e.message } };
    }
    throw e;
  }
  const parsed = CarnetDocument.safeParse(migrated.doc);
  if (!parsed.success) return { ok: false, error: firstZodError(parsed.error) };
  const ref = checkReferences(parsed.data);
  if (ref) return { ok: false, error: ref };
  return { ok: true, doc: parsed.data, migrations: migrated.applied };
}

/** Parses document text. A JSON syntax error is reported at `$` with the parser's message. */
export function parseDocument(text: string): ValidationResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { path: '$', message: `not valid JSON: ${(e as Error).message}` } };
  }
  return validateDocument(raw);
}
