/**
 * The personas file the CLI (and an import in the app) reads:
 * `[{"name", "match": {"title": [...], "organization": [...], "location": [...],
 * "tags": [...], "sector": [...], "school": [...]}, "target": N}]`.
 * Validated strictly, so a misspelt field ("titles") is an error, not a
 * persona that silently matches everyone.
 */
import { z } from 'zod';
import type { ChangeSet } from '../document/operations.js';
import { firstZodError } from '../document/validate.js';
import type { CarnetDocument, Persona } from '../document/schema.js';
import { fold } from './text.js';

const keywords = z.array(z.string().trim().min(1, 'a keyword cannot be empty').max(200)).optional();

const PersonaEntry = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  name: z.string().trim().min(1, 'a persona needs a name').max(200),
  match: z
    .strictObject({ title: keywords, organization: keywords, location: keywords, tags: keywords, sector: keywords, school: keywords })
    .refine((m) => Object.values(m).some((k) => k && k.length > 0), 'give at least one keyword (title, organization, location, tags, sector or school)'),
  target: z.number().int('target must be a whole number').min(0).max(100_000),
  reviewDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date YYYY-MM-DD').optional(),
  notes: z.string().max(10_000).optional(),
});

export const PersonaFile = z.array(PersonaEntry);

export class PersonaFileError extends Error {
  constructor(
    message: string,
    /** JSON path of the problem, `$` for the whole file. */
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** Parses and validates a personas file; ids are kept, or derived from names so re-running the same file changes nothing. */
export function parsePersonaFile(text: string): Persona[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new PersonaFileError(`not valid JSON (${(e as Error).message})`, '$');
  }
  const r = PersonaFile.safeParse(raw);
  if (!r.success) {
    const e = firstZodError(r.error);
    throw new PersonaFileError(e.message, e.path);
  }
  const used = new Set<string>();
  return r.data.map((p, i): Persona => {
    let id = p.id ?? `p_${fold(p.name).replace(/ /g, '-').slice(0, 60) || 'persona'}`;
    if (used.has(id)) {
      if (p.id) throw new PersonaFileError(`id "${id}" is used twice`, `$[${i}].id`);
      let k = 2;
      while (used.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    used.add(id);
    const m = p.match;
    return {
      id,
      name: p.name,
      match: { title: m.title ?? [], organization: m.organization ?? [], location: m.location ?? [], tags: m.tags ?? [], sector: m.sector ?? [], school: m.school ?? [] },
      target: p.target,
      ...(p.reviewDate ? { reviewDate: p.reviewDate } : {}),
      ...(p.notes ? { notes: p.notes } : {}),
    };
  });
}

/** One undoable change replacing every persona of `doc` by `personas` (unchanged ones are left alone). */
export function replacePersonas(doc: CarnetDocument, personas: readonly Persona[]): ChangeSet {
  const next = new Map(personas.map((p) => [p.id, p]));
  const changes: ChangeSet['changes'] = [];
  for (const id of Object.keys(doc.personas).sort()) if (!next.has(id)) changes.push({ op: 'del', coll: 'personas', id });
  for (const p of personas) {
    if (JSON.stringify(doc.personas[p.id]) === JSON.stringify(p)) continue;
    changes.push({ op: 'put', coll: 'personas', id: p.id, value: p });
  }
  return { label: { key: 'labels.setPersonas' }, changes };
}
