/**
 * Give and take (seed articles 002, 003: give to receive, thank those who
 * help): interactions where the user gave, received, or both, per contact
 * and overall.
 */
import type { Interaction } from '../document/schema.js';
import type { Context } from './context.js';
import { message, type Message } from './messages.js';
import { interactionMs, type DateCache } from './history.js';
import { byString, round } from './text.js';

/** Contacts listed (most owed first); the overall balance counts everyone. */
export const RECIPROCITY_LIMIT = 50;
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
  const owing: { i: number; balance: number }[] = [];
  let owedCount = 0;
  ctx.histories.forEach((h, i) => {
    if (h.gave + h.received === 0) return;
    const balance = h.gave - h.received;
    if (-balance >= OWE_THRESHOLD) owedCount++;
    owing.push({ i, balance });
  });
  owing.sort((a, b) => a.balance - b.balance || byString(ctx.ag.ids[a.i]!, ctx.ag.ids[b.i]!));
  // Sentences only for the contacts listed.
  const entries = owing.slice(0, RECIPROCITY_LIMIT).map(({ i, balance }): ReciprocityEntry => {
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
