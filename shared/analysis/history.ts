/**
 * What the log says about each tie with the user: when, how often, and who
 * gave. Computed once per run and shared by cadences, dormant ties, first
 * steps, stage and reciprocity.
 *
 * The date a connection was made (`connectedOn`, LinkedIn's "Connected On")
 * counts as the first known contact with that person, so a network imported
 * without any message still says which ties are new and which have been
 * silent for years.
 */
import type { CarnetDocument, Interaction } from '../document/schema.js';
import { dateMsOrNaN } from './text.js';
import { idValues } from '../document/idMap.js';

const ONLINE_CHANNELS = new Set(['message', 'email']);

export type TieHistory = {
  /** Interaction dates (ms), oldest first. */
  dates: number[];
  /** The most recent interaction (the one with the greatest id on a same-day tie). */
  last: Interaction | null;
  lastMs: number | null;
  /** When the connection was made, if known and not in the future. */
  connectedMs: number | null;
  /** The latest known contact: the last interaction or the connection, whichever is later. */
  lastContactMs: number | null;
  gave: number;
  received: number;
  mutual: number;
  /** Interactions by other channels than message and e-mail (met, called, saw at an event). */
  live: number;
};

/** Parsed dates of entities the caller keeps (a session reuses them from one run to the next). */
export type DateCache = WeakMap<object, number>;

/** The date of an interaction in ms (NaN for a date the calendar does not have), remembered by object. */
export function interactionMs(it: Interaction, cache?: DateCache): number {
  let t = cache?.get(it);
  if (t === undefined) {
    t = dateMsOrNaN(it.date);
    cache?.set(it, t);
  }
  return t;
}

/** The history of one tie from its interactions (each listed once); those after `nowMs` are ignored (planned, not done). */
export function historyOf(interactions: readonly Interaction[], connectedOn: string | undefined, nowMs: number, cache?: DateCache): TieHistory {
  const connected = connectedOn ? dateMsOrNaN(connectedOn) : Number.NaN;
  const h: TieHistory = { dates: [], last: null, lastMs: null, connectedMs: connected <= nowMs ? connected : null, lastContactMs: null, gave: 0, received: 0, mutual: 0, live: 0 };
  for (const it of interactions) {
    const t = interactionMs(it, cache);
    // Not after now, and a real date.
    if (!(t <= nowMs)) continue;
    h.dates.push(t);
    h[it.direction]++;
    if (!ONLINE_CHANNELS.has(it.channel)) h.live++;
    if (h.lastMs === null || t > h.lastMs || (t === h.lastMs && it.id > h.last!.id)) {
      h.lastMs = t;
      h.last = it;
    }
  }
  if (h.dates.length > 1) h.dates.sort((a, b) => a - b);
  h.lastContactMs = h.lastMs === null ? h.connectedMs : h.connectedMs === null ? h.lastMs : Math.max(h.lastMs, h.connectedMs);
  return h;
}

/** The distinct contact ids of an interaction (a contact listed twice took part once). */
export function participants(it: Interaction): readonly string[] {
  const c = it.contacts;
  if (c.length < 2 || (c.length === 2 && c[0] !== c[1])) return c;
  return [...new Set(c)];
}

/** Each contact's interactions, in one pass over the log. */
export function interactionsByContact(interactions: Iterable<Interaction>): Map<string, Interaction[]> {
  const out = new Map<string, Interaction[]>();
  for (const it of interactions) {
    for (const id of participants(it)) {
      const list = out.get(id);
      if (list) list.push(it);
      else out.set(id, [it]);
    }
  }
  return out;
}

/** One history per contact node index (the order of the log does not matter). */
export function tieHistories(doc: CarnetDocument, contacts: readonly { id: string; connectedOn?: string }[], nowMs: number, cache?: DateCache): TieHistory[] {
  const byContact = interactionsByContact(idValues(doc.interactions));
  return contacts.map((c) => historyOf(byContact.get(c.id) ?? [], c.connectedOn, nowMs, cache));
}
