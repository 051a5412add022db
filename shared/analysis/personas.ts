/**
 * Personas (target profiles) against the contacts that match them, and for
 * each persona under target, who could introduce the user to one.
 *
 * Matching: case- and accent-insensitive; a keyword matches a field when it
 * starts a word of it ("invest" matches "Angel investor", "ux" does not match
 * "luxury"); any keyword of a field may match, and every non-empty field must.
 */
import type { Contact, Persona, PersonaMatch } from '../document/schema.js';
import { cityOf } from './features.js';
import type { Context } from './context.js';
import { message, type Message } from './messages.js';
import { byString, daysBetween, dateMsOrNaN, fold } from './text.js';

export const PERSONA_FIELDS = ['title', 'organization', 'location', 'tags', 'sector', 'school'] as const;
export type PersonaField = (typeof PERSONA_FIELDS)[number];
/** Fields an introducer may share with the persona (a colleague, alumnus, neighbour or peer of the target). */
export const INTRODUCER_FIELDS: readonly PersonaField[] = ['organization', 'school', 'location', 'sector'];
/** Matching contact ids listed per persona (the count is exact). */
export const MATCH_LIMIT = 200;
export const INTRODUCER_LIMIT = 5;
/** A tie known for less than this is fresh: never asked for an introduction. */
export const FRESH_DAYS = 90;
/** Asking for an introduction is a favour: only asked of ties at least this strong (of 5). */
export const ASK_MIN_STRENGTH = 3;

export type PersonaResult = {
  persona: { id: string; name: string };
  /** Matching contact ids (at most MATCH_LIMIT). */
  matches: string[];
  matchCount: number;
  target: number;
  missing: number;
  introducers: Introducer[];
  /** People who share the persona's world but are not close enough to ask yet: give first. */
  toWarmUp: Introducer[];
  message: Message;
};

export type Introducer = { id: string; name: string; shared: { field: PersonaField; value: string }[]; strength: number; message: Message };

/** A field's values as written, and folded with a leading space so a keyword can be found at a word start. */
type Values = { value: string; text: string }[];
export type Fields = Record<PersonaField, Values>;

const values = (list: (string | undefined)[]): Values =>
  list.filter((v): v is string => !!v?.trim()).map((value) => ({ value, text: ` ${fold(value)}` }));

/** The searchable values of a contact, field by field (current jobs only unless `withPast`). */
export function personaFields(c: Contact, categoryNames: (id: string) => string | undefined, withPast = false): Fields {
  const orgs = c.organizations.filter((o) => o.current || withPast);
  return {
    title: values(orgs.filter((o) => o.current).map((o) => o.title)),
    organization: values(orgs.map((o) => o.name)),
    location: values([cityOf(c), ...c.addresses.flatMap((a) => [a.city, a.region, a.country])]),
    tags: values([...c.tags, ...c.categories.map(categoryNames)]),
    sector: values(orgs.map((o) => o.sector)),
    school: values(c.schools.map((s) => s.name)),
  };
}

function keywordsOf(match: PersonaMatch, field: PersonaField): string[] {
  return match[field].map((k) => ` ${fold(k)}`).filter((k) => k.length > 1);
}

/** The first value a keyword matches (at a word start), or null. */
function matchedValue(vals: Values, keywords: string[]): string | null {
  for (const v of vals) if (keywords.some((k) => v.text.includes(k))) return v.value;
  return null;
}

/** A persona's keywords, folded once, field by field (only the fields that have some). */
export type CompiledMatch = [PersonaField, string[]][];

export function compileMatch(match: PersonaMatch): CompiledMatch {
  return PERSONA_FIELDS.map((f) => [f, keywordsOf(match, f)] as [PersonaField, string[]]).filter(([, k]) => k.length > 0);
}

/** Whether a contact matches compiled keywords; no keyword at all matches nobody. */
export function matchesCompiled(compiled: CompiledMatch, fields: Fields): boolean {
  if (!compiled.length) return false;
  for (const [f, kws] of compiled) if (matchedValue(fields[f], kws) === null) return false;
  return true;
}

/** Whether a contact matches a persona; a persona with no keyword at all matches nobody. */
export function matchesPersona(match: PersonaMatch, fields: Fields): boolean {
  return matchesCompiled(compileMatch(match), fields);
}

export function missingProfiles(ctx: Context): PersonaResult[] {
  const { ag, doc, lang } = ctx;
  const personas = Object.values(doc.personas).sort((a, b) => byString(a.id, b.id));
  const n = ag.ids.length;
  const results = personas.map((p): PersonaResult => {
    const matched: number[] = [];
    const compiled = compileMatch(p.match);
    if (compiled.length) for (let i = 0; i < n; i++) if (matchesCompiled(compiled, ctx.fieldsOf(i))) matched.push(i);
    const missing = Math.max(0, p.target - matched.length);
    const { introducers, toWarmUp } = missing > 0 ? findIntroducers(ctx, p, new Set(matched)) : { introducers: [], toWarmUp: [] };
    const params = { name: p.name, count: matched.length, target: p.target, missing };
    return {
      persona: { id: p.id, name: p.name },
      matches: matched.slice(0, MATCH_LIMIT).map((i) => ag.ids[i]!),
      matchCount: matched.length,
      target: p.target,
      missing,
      introducers,
      toWarmUp,
      message: message(lang, missing > 0 ? 'persona.missing' : 'persona.met', params),
    };
  });
  return results.sort((a, b) => b.missing - a.missing || byString(a.persona.id, b.persona.id));
}

function findIntroducers(ctx: Context, p: Persona, matched: Set<number>): { introducers: Introducer[]; toWarmUp: Introducer[] } {
  const { ag, lang } = ctx;
  const wanted = INTRODUCER_FIELDS.map((f) => [f, keywordsOf(p.match, f)] as const).filter(([, k]) => k.length);
  const found: { i: number; shared: Introducer['shared']; canAsk: boolean }[] = [];
  if (!wanted.length) return { introducers: [], toWarmUp: [] };
  for (let i = 0; i < ag.ids.length; i++) {
    if (matched.has(i)) continue;
    const f = ctx.fieldsOf(i, true);
    const shared: Introducer['shared'] = [];
    for (const [field, kws] of wanted) {
      const value = matchedValue(f[field], kws);
      if (value !== null) shared.push({ field, value });
    }
    if (shared.length) found.push({ i, shared, canAsk: canAskFavour(ctx, i) });
  }
  const last = (i: number): number => ctx.histories[i]!.lastMs ?? -Infinity;
  found.sort(
    (a, b) =>
      b.shared.length - a.shared.length ||
      ctx.strengths[b.i]!.value - ctx.strengths[a.i]!.value ||
      last(b.i) - last(a.i) ||
      a.i - b.i,
  );
  const toResult = (x: (typeof found)[number]): Introducer => {
    const c = ag.contacts[x.i]!;
    const shared = x.shared.map((s) => s.value).join(', ');
    return {
      id: c.id,
      name: c.name,
      shared: x.shared,
      strength: ctx.strengths[x.i]!.value,
      message: message(lang, x.canAsk ? 'persona.introducer' : 'persona.warmUp', { name: c.name, shared }),
    };
  };
  return {
    introducers: found.filter((x) => x.canAsk).slice(0, INTRODUCER_LIMIT).map(toResult),
    toWarmUp: found.filter((x) => !x.canAsk).slice(0, INTRODUCER_LIMIT).map(toResult),
  };
}

/**
 * Whether asking this tie a favour is reasonable: strong enough (set by the
 * user or shown by the log) and not fresh (known for FRESH_DAYS or more).
 */
export function canAskFavour(ctx: Context, i: number): boolean {
  if (ctx.strengths[i]!.value < ASK_MIN_STRENGTH) return false;
  const c = ctx.ag.contacts[i]!;
  const h = ctx.histories[i]!;
  const knownSince = Math.min(h.connectedMs ?? dateMsOrNaN(c.createdAt), h.dates[0] ?? Infinity);
  // An unknown start (a date the calendar does not have) is not "known for long".
  return !Number.isNaN(knownSince) && daysBetween(knownSince, ctx.nowMs) >= FRESH_DAYS;
}
