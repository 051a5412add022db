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

export function overdueTies(ctx: Context): Overdue[] {
  const out: Overdue[] = [];
  ctx.ag.contacts.forEach((contact, i) => {
    const cadence = cadenceOf(contact, ctx.strengths[i]!, ctx.doc);
    const o = overdueTie(contact, ctx.histories[i]!, cadence, ctx.nowMs);
    if (!o || isHidden(ctx, overdueSuggestionKey(contact.id))) return;
    const m = message(ctx.lang, o.lastInteraction ? 'overdue.reason' : 'overdue.never', { days: o.daysSince, cadence: o.cadenceDays });
    out.push({ ...o, reason: m.text, reasonMessage: m });
  });
  return out.sort((a, b) => b.daysSince / b.cadenceDays - a.daysSince / a.cadenceDays || byString(a.id, b.id));
}
