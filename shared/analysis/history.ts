/**
 * What the interaction log says about each tie with the user: when, how
 * often, and who gave. Computed once and shared by cadences, dormant ties,
 * stage and reciprocity.
 */
import type { CarnetDocument, Interaction } from '../document/schema.js';
import { byString, dateMs } from './text.js';

const ONLINE_CHANNELS = new Set(['message', 'email']);

export type TieHistory = {
  /** Interaction dates (ms), oldest first. */
  dates: number[];
  /** The most recent interaction (the one with the greatest id on a same-day tie). */
  last: Interaction | null;
  lastMs: number | null;
  gave: number;
  received: number;
  mutual: number;
  /** Interactions by other channels than message and e-mail (met, called, saw at an event). */
  live: number;
};

/** One history per contact node index; interactions dated after `nowMs` are ignored (planned, not done). */
export function tieHistories(doc: CarnetDocument, index: Map<string, number>, nowMs: number): TieHistory[] {
  const out: TieHistory[] = Array.from({ length: index.size }, () => ({ dates: [], last: null, lastMs: null, gave: 0, received: 0, mutual: 0, live: 0 }));
  const interactions = Object.values(doc.interactions).sort((a, b) => byString(a.id, b.id));
  for (const it of interactions) {
    const t = dateMs(it.date);
    if (t > nowMs) continue;
    for (const cid of new Set(it.contacts)) {
      const i = index.get(cid);
      if (i === undefined) continue;
      const h = out[i]!;
      h.dates.push(t);
      h[it.direction]++;
      if (!ONLINE_CHANNELS.has(it.channel)) h.live++;
      if (h.lastMs === null || t >= h.lastMs) {
        h.lastMs = t;
        h.last = it;
      }
    }
  }
  for (const h of out) h.dates.sort((a, b) => a - b);
  return out;
}
