/**
 * Ties past their cadence (not yet dormant), most overdue first relative to
 * their cadence: a weekly tie 3 weeks late comes before a yearly one 3 weeks late.
 */
import { cadenceOf, overdueTie, type OverdueTie } from './cadence.js';
import { isHidden, type Context } from './context.js';
import { message, type Message } from './messages.js';
import { byString } from './text.js';

export type Overdue = OverdueTie & { reason: string; reasonMessage: Message };

/** Key of an overdue reminder in `doc.suggestions`. */
export function overdueSuggestionKey(contactId: string): string {
  return `overdue:${contactId}`;
}

/** Every overdue tie (ids, for the other lists to leave out) and the first `limit`, explained. */
export function overdueTies(ctx: Context, limit: number): { list: Overdue[]; total: number; ids: Set<string> } {
  const found: OverdueTie[] = [];
  ctx.ag.contacts.forEach((contact, i) => {
    const cadence = cadenceOf(contact, ctx.strengths[i]!, ctx.doc);
    const o = overdueTie(contact, ctx.histories[i]!, cadence, ctx.nowMs);
    if (o && !isHidden(ctx, overdueSuggestionKey(contact.id))) found.push(o);
  });
  found.sort((a, b) => b.daysSince / b.cadenceDays - a.daysSince / a.cadenceDays || byString(a.id, b.id));
  const list = found.slice(0, limit).map((o): Overdue => {
    const m = message(ctx.lang, o.lastInteraction ? 'overdue.reason' : 'overdue.never', { days: o.daysSince, cadence: o.cadenceDays });
    return { ...o, reason: m.text, reasonMessage: m };
  });
  return { list, total: found.length, ids: new Set(found.map((o) => o.id)) };
}
