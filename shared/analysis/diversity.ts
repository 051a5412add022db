/**
 * Diversity of the user's active ties by organization, sector and place:
 * Herfindahl index (Σ share²: 1 = everyone in one place, 1/k = evenly over
 * k), its inverse (the "effective number" of organizations…) and a sentence.
 */
import type { Contact } from '../document/schema.js';
import { cityOf } from './features.js';
import type { Context } from './context.js';
import { message, type Message } from './messages.js';
import { byString, fold, round } from './text.js';

/** A top share at or above this is stated as a concentration. */
export const CONCENTRATION_SHARE = 0.4;
/** Below this many people with a known value, no judgement is made. */
export const DIVERSITY_MIN_KNOWN = 3;
const TOP = 5;

export const DIMENSIONS = ['org', 'sector', 'city'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type DiversityEntry = {
  dimension: Dimension;
  /** Whose diversity: the active ties, or every contact when none is active. */
  basis: 'active' | 'all';
  /** People with a known value / people considered. */
  known: number;
  total: number;
  /** Herfindahl index over known values, null when fewer than DIVERSITY_MIN_KNOWN are known. */
  herfindahl: number | null;
  effectiveNumber: number | null;
  top: { value: string; count: number; share: number }[];
  message: Message;
};

function valuesOf(c: Contact, d: Dimension): string[] {
  const now = c.organizations.filter((o) => o.current);
  if (d === 'org') return now.map((o) => o.name);
  if (d === 'sector') return now.map((o) => o.sector ?? '').filter(Boolean);
  const city = cityOf(c);
  return city ? [city] : [];
}

/** A contact's values on every dimension, folded key → value as written. */
function keysOf(c: Contact): Map<string, string>[] {
  return DIMENSIONS.map((d) => {
    const keys = new Map<string, string>();
    for (const v of valuesOf(c, d)) if (fold(v)) keys.set(fold(v), v.trim());
    return keys;
  });
}

export function diversity(ctx: Context): DiversityEntry[] {
  const { ag, lang } = ctx;
  let people: number[] = [];
  for (let i = 0; i < ag.ids.length; i++) if (ctx.active[i]) people.push(i);
  const basis = people.length ? 'active' : 'all';
  if (!people.length) people = ag.ids.map((_, i) => i);
  // Someone with two current employers counts half at each: every person weighs 1.
  const weights = DIMENSIONS.map(() => new Map<string, { label: string; w: number; count: number }>());
  const knownBy = DIMENSIONS.map(() => 0);
  for (const i of people) {
    const all = ctx.memo('diversity', i, keysOf);
    for (let d = 0; d < all.length; d++) {
      const keys = all[d]!;
      if (!keys.size) continue;
      knownBy[d]!++;
      const weight = weights[d]!;
      for (const [k, label] of keys) {
        const e = weight.get(k);
        if (e) {
          e.w += 1 / keys.size;
          e.count++;
        } else weight.set(k, { label, w: 1 / keys.size, count: 1 });
      }
    }
  }
  return DIMENSIONS.map((dimension, d): DiversityEntry => {
    const weight = weights[d]!;
    const known = knownBy[d]!;
    const ranked = [...weight.entries()].sort((a, b) => b[1].w - a[1].w || byString(a[0], b[0]));
    const top = ranked.slice(0, TOP).map(([, e]) => ({ value: e.label, count: e.count, share: round(e.w / known) }));
    const who = message(lang, `who.${basis}`).text;
    if (known < DIVERSITY_MIN_KNOWN) {
      return {
        dimension, basis, known, total: people.length, herfindahl: null, effectiveNumber: null, top,
        message: message(lang, 'diversity.unknown', { dimension: message(lang, `dimension.${dimension}`).text, who }),
      };
    }
    const hhi = ranked.reduce((s, [, e]) => s + (e.w / known) ** 2, 0);
    const first = ranked[0]![1];
    const share = Math.round((100 * first.w) / known);
    const concentrated = first.w / known >= CONCENTRATION_SHARE;
    return {
      dimension,
      basis,
      known,
      total: people.length,
      herfindahl: round(hhi),
      effectiveNumber: round(1 / hhi, 1),
      top,
      message: message(lang, `diversity.${dimension}.${concentrated ? 'concentrated' : 'spread'}`, {
        share,
        value: first.label,
        count: ranked.length,
        who,
      }),
    };
  });
}
