/**
 * The user's own profile (`me`): what common points, "Me in the middle" and
 * the suggestions compare contacts with. One builder for every way it is
 * edited (the profile panel, `carnet me --set`), and the strict reader of a
 * profile file.
 */
import { z } from 'zod';
import { isCalendarDay } from './interactions.js';
import type { ChangeSet } from './operations.js';
import { isoDate, Me } from './schema.js';
import { firstZodError, jsonPath } from './validate.js';

/** Replaces the whole profile: one undoable step. */
export function setMe(me: z.input<typeof Me>): ChangeSet {
  return { label: { key: 'profile.labels.edit' }, changes: [{ op: 'me', value: Me.parse(me) }] };
}

const text = (max: number) => z.string().trim().max(max).optional();
/** A date that exists: the document's format (`2020-02-30` has the right shape but is no day). */
const day = isoDate.refine((d) => isCalendarDay(d.slice(0, 10)), 'expected a real date YYYY-MM-DD');

/**
 * A profile file as `carnet me --set` reads it: the fields of `me`, strictly,
 * so that a misspelt field ("organisations") is an error instead of a
 * profile silently left without employers.
 */
const MeFile = z.strictObject({
  name: text(500),
  headline: text(500),
  organizations: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, 'an organization needs a name').max(500),
        title: text(500),
        department: text(500),
        sector: text(200),
        current: z.boolean().default(true),
        start: day.optional(),
        end: day.optional(),
      }),
    )
    .default([]),
  schools: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, 'a school needs a name').max(500),
        degree: text(500),
        year: z.number().int('year must be a whole number').min(1900).max(2200).optional(),
      }),
    )
    .default([]),
  city: text(200),
  sector: text(200),
  tags: z.array(z.string().trim().min(1, 'a tag cannot be empty').max(200)).default([]),
  profileUrl: text(2000),
});

export class MeFileError extends Error {
  constructor(
    message: string,
    /** JSON path of the problem, `$` for the whole file. */
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** Drops the texts left empty after trimming, so `"city": ""` means no city rather than an empty one. */
function withoutEmpty<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

/** Parses and validates a profile file; the first problem is reported with its JSON path. */
export function parseMeFile(source: string): Me {
  let raw: unknown;
  try {
    raw = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch (e) {
    throw new MeFileError(`not valid JSON (${(e as Error).message})`, '$');
  }
  const r = MeFile.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    // A misspelt field is reported where it is, not at the object that holds it.
    if (issue.code === 'unrecognized_keys') throw new MeFileError(`unknown field "${issue.keys[0]}"`, jsonPath([...issue.path, issue.keys[0]!]));
    const e = firstZodError(r.error);
    throw new MeFileError(e.message, e.path);
  }
  for (const [i, o] of r.data.organizations.entries()) {
    if (o.start && o.end && o.end.slice(0, 10) < o.start.slice(0, 10)) throw new MeFileError('end is before start', `$.organizations[${i}].end`);
  }
  // Tags are compared ignoring case, as the tag field of the panel does.
  const seen = new Set<string>();
  const tags = r.data.tags.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  return Me.parse({
    ...withoutEmpty(r.data),
    organizations: r.data.organizations.map(withoutEmpty),
    schools: r.data.schools.map(withoutEmpty),
    tags,
  });
}
