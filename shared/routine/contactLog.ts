/**
 * What the interaction log says about each contact, in one pass: how many
 * interactions, the last one, and whether they were all online (never met,
 * called, seen on video or at an event: messages, e-mails and gestures such as
 * a LinkedIn endorsement or recommendation — seeds 002 and 004 ask to turn
 * those into real meetings).
 */
import type { CarnetDocument, Interaction } from '../document/schema.js';
import { idValues } from '../document/idMap.js';

/** Channels on which the two people met, heard or saw each other; any other keeps a tie online-only. */
const MET: ReadonlySet<Interaction['channel']> = new Set(['in-person', 'call', 'video', 'event']);

export type ContactLog = { count: number; last: string; lastChannel: Interaction['channel']; online: boolean };

/** Per contact id, from interactions dated up to `today` (later ones are plans). Contacts never logged are absent. */
export function contactLogs(doc: CarnetDocument, today: string): Map<string, ContactLog> {
  const out = new Map<string, ContactLog>();
  const last = today.slice(0, 10);
  for (const it of idValues(doc.interactions)) {
    // Days as YYYY-MM-DD compare as strings.
    const day = it.date.slice(0, 10);
    if (day > last) continue;
    for (const id of new Set(it.contacts)) {
      const log = out.get(id);
      if (!log) {
        out.set(id, { count: 1, last: day, lastChannel: it.channel, online: !MET.has(it.channel) });
        continue;
      }
      log.count++;
      if (MET.has(it.channel)) log.online = false;
      if (day > log.last || (day === log.last && it.channel < log.lastChannel)) {
        log.last = day;
        log.lastChannel = it.channel;
      }
    }
  }
  return out;
}
