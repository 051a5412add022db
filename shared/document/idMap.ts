/**
 * Collections keyed by id (contacts, ties, categories…) are plain JSON
 * objects, and an id is whatever text a file or a caller gave: "constructor",
 * "toString" and "__proto__" are ids like any other. Three things go wrong
 * with ordinary objects, and this module is the one place that avoids them:
 * - a lookup of a missing id can find Object.prototype's member of that name
 *   (`contacts.constructor` is a function), so every read checks own keys;
 * - `coll["__proto__"] = x` replaces the prototype instead of adding an entry,
 *   and zod's `z.record` skips that key: writes define an own property, and
 *   `idRecord` parses every own key;
 * - parsed collections have no prototype at all, so even code outside this
 *   module that indexes them directly cannot alias a built-in.
 */
import { z } from 'zod';

/** A collection keyed by id. */
export type IdMap<T> = Record<string, T>;

/** An empty collection with no prototype. */
export function emptyIdMap<T>(): IdMap<T> {
  return Object.create(null) as IdMap<T>;
}

/** The entry `id` of `map`, never an inherited property. */
export function getOwn<T>(map: Readonly<IdMap<T>>, id: string): T | undefined {
  return Object.hasOwn(map, id) ? map[id] : undefined;
}

/** True when `map` holds an entry `id` of its own. */
export function hasOwnId(map: Readonly<IdMap<unknown>>, id: string): boolean {
  return Object.hasOwn(map, id);
}

/** Sets the entry `id`, as an own property even when `id` is "__proto__". */
export function putOwn<T>(map: IdMap<T>, id: string, value: T): void {
  // "__proto__" is the one accessor Object.prototype has: any other name, assigned, lands on `map`
  // itself. Assignment is kept for them because defineProperty grows worse than linearly with the
  // size of the object (measured: 3.6 ms for 10,000 entries, 377 ms for 160,000; assignment 0.6 and 50).
  if (id === '__proto__') Object.defineProperty(map, id, { value, writable: true, enumerable: true, configurable: true });
  else map[id] = value;
}

/** Records whose JSON Schema is described by a `z.record` (see `describeIdRecords`). */
const described = new WeakMap<z.ZodType, z.ZodType>();

/**
 * A zod schema for a collection keyed by `key`-valid ids with `entity`
 * values. Unlike `z.record`, it keeps an own "__proto__" key, and what it
 * returns has no prototype. Errors carry the entry's path (`[id, ...]`).
 */
export function idRecord<K extends z.ZodType<string>, T extends z.ZodType>(
  key: K,
  entity: T,
): z.ZodType<IdMap<z.output<T>>, IdMap<z.input<T>>> {
  const schema = z
    .transform((input: unknown, ctx) => {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        ctx.issues.push({ code: 'invalid_type', expected: 'record', input, message: 'expected an object keyed by id' });
        return z.NEVER;
      }
      const out = emptyIdMap<z.output<T>>();
      for (const id of Object.keys(input)) {
        const k = key.safeParse(id);
        if (!k.success) {
          for (const issue of k.error.issues) ctx.issues.push({ ...issue, input: id, path: [id, ...issue.path] } as z.core.$ZodRawIssue);
          continue;
        }
        const r = entity.safeParse((input as Record<string, unknown>)[id]);
        if (!r.success) {
          for (const issue of r.error.issues) ctx.issues.push({ ...issue, path: [id, ...issue.path] } as z.core.$ZodRawIssue);
          continue;
        }
        putOwn(out, id, r.data);
      }
      return out;
    })
    .pipe(z.any());
  described.set(schema, z.record(key, entity));
  return schema as unknown as z.ZodType<IdMap<z.output<T>>, IdMap<z.input<T>>>;
}

/**
 * A `z.toJSONSchema` override that describes each `idRecord` as the
 * `z.record` it validates like (a transform has no JSON Schema of its own).
 */
export function describeIdRecords(params: z.core.ToJSONSchemaParams): NonNullable<z.core.ToJSONSchemaParams['override']> {
  return (ctx) => {
    const record = described.get(ctx.zodSchema as unknown as z.ZodType);
    if (!record) return;
    const { $schema: _ignored, ...json } = z.toJSONSchema(record, { ...params, override: describeIdRecords(params) });
    for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[k];
    Object.assign(ctx.jsonSchema, json);
  };
}

/**
 * The entries of `map`, as `Object.values` gives them (its own enumerable keys, in their order).
 * `Object.values` is 2-3 times slower on the big dictionary-mode objects a document's collections are.
 * Measured on a quiet machine, Node 24: 30,000 contacts 9.2 ms against 4.4, 150,000 ties 89 against 33,
 * 100,000 interactions 61 against 25; Chromium 156: 30,000 contacts 6.5 against 3.2, 150,000 ties 55
 * against 20 (a UI-thread task of its own).
 */
export function idValues<T>(map: Readonly<IdMap<T>>): T[] {
  const keys = Object.keys(map);
  const out = new Array<T>(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = map[keys[i]!]!;
  return out;
}
