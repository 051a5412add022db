/**
 * Give and take (seed articles 002, 003: give to receive, thank those who
 * help): interactions where the user gave, received, or both, per contact
 * and overall.
 */
import type { Interaction } from '../document/schema.js';
import type { Context } from './context.js';
import { message, type Message } from './messages.js';
import { interactionMs, type DateCache } from './history.js';
import { round } from './text.js';

/** Contacts listed (most owed first); the overall balance counts everyone. */
export const RECIPROCITY_LIMIT = 50;
/** Balances are shifted by this to sort as positive numbers (a tie would need a million one-way interactions to leave the range). */
const BALANCE_OFFSET = 1_000_000;
/** Received this many more times than given: the user owes a gesture. */
export const OWE_THRESHOLD = 2;

export type ReciprocityEntry = { id: string; name: string; gave: number; received: number; mutual: number; balance: number; message: Message };

export type Reciprocity = {
  /** Interactions counted once each, whatever the number of contacts in them. */
  overall: { gave: number; received: number; mutual: number; balance: number; giveRatio: number | null; message: Message };
  /** Contacts with at least one one-way interaction, the most owed first (balance = gave − received). */
  contacts: ReciprocityEntry[];
  owedCount: number;
};

export type DirectionCounts = { gave: number; received: number; mutual: number };

/** Interactions up to `nowMs` by direction, each counted once. */
export function directionCounts(interactions: Iterable<Interaction>, nowMs: number, dates?: DateCache): DirectionCounts {
  const overall = { gave: 0, received: 0, mutual: 0 };
  for (const it of interactions) if (interactionMs(it, dates) <= nowMs) overall[it.direction]++;
  return overall;
}

export function reciprocity(ctx: Context, counts: DirectionCounts): Reciprocity {
  const overall = { ...counts };
  // Most owed first, then by id (node order is id order): one numeric sort, balance in the high part.
  const keys: number[] = [];
  let owedCount = 0;
  const n = ctx.histories.length;
  ctx.histories.forEach((h, i) => {
    if (h.gave + h.received === 0) return;
    const balance = h.gave - h.received;
    if (-balance >= OWE_THRESHOLD) owedCount++;
    keys.push((balance + BALANCE_OFFSET) * n + i);
  });
  const sorted = Float64Array.from(keys).sort();
  // Sentences only for the contacts listed.
  const entries = Array.from(sorted.subarray(0, RECIPROCITY_LIMIT), (key): ReciprocityEntry => {
    const i = key % n;
    const balance = Math.floor(key / n) - BALANCE_OFFSET;
    const c = ctx.ag.contacts[i]!;
    const h = ctx.histories[i]!;
    return {
      id: c.id,
      name: c.name,
      gave: h.gave,
      received: h.received,
      mutual: h.mutual,
      balance,
      message: message(ctx.lang, -balance >= OWE_THRESHOLD ? 'reciprocity.owe' : 'reciprocity.gave', { name: c.name, gave: h.gave, received: h.received }),
    };
  });
  const oneWay = overall.gave + overall.received;
  return {
    overall: {
      ...overall,
      balance: overall.gave - overall.received,
      giveRatio: oneWay ? round(overall.gave / oneWay) : null,
      message: message(ctx.lang, 'reciprocity.overall', overall),
    },
    contacts: entries,
    owedCount,
  };
}
