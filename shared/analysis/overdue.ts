/**
 * Ties past their cadence (not yet dormant), the latest first: each card
 * says "N days late", so the list reads in that order. Equally late, the
 * tighter cadence comes first (a weekly tie 3 weeks late before a yearly one).
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
  return out.sort((a, b) => b.overdueDays - a.overdueDays || a.cadenceDays - b.cadenceDays || byString(a.id, b.id));
}
