/**
 * Ties past their cadence (not yet dormant), the latest first: each card
 * says "N days late", so the list reads in that order. Equally late, the
 * tighter cadence comes first (a weekly tie 3 weeks late before a yearly one).
 */
import { cadenceOf, overdueTie, type OverdueTie } from './cadence.js';
import { hiddenIds, type Context } from './context.js';
import { message, type Message } from './messages.js';
import { byString } from './text.js';

export type Overdue = OverdueTie & { reason: string; reasonMessage: Message };

/** Key of an overdue reminder in `doc.suggestions` (`hiddenIds(ctx, 'overdue')` reads the same keys). */
export function overdueSuggestionKey(contactId: string): string {
  return `overdue:${contactId}`;
}

/** Every overdue tie (flagged by node index, for the other lists to leave out) and the first `limit`, explained. */
export function overdueTies(ctx: Context, limit: number): { list: Overdue[]; total: number; flags: Uint8Array } {
  const found: OverdueTie[] = [];
  const flags = new Uint8Array(ctx.ag.ids.length);
  const hidden = hiddenIds(ctx, 'overdue');
  ctx.ag.contacts.forEach((contact, i) => {
    const o = ctx.memoTie('overdue', i, () => overdueTie(contact, ctx.histories[i]!, cadenceOf(contact, ctx.strengths[i]!, ctx.doc), ctx.nowMs));
    if (!o || hidden.has(contact.id)) return;
    found.push(o);
    flags[i] = 1;
  });
  found.sort((a, b) => b.overdueDays - a.overdueDays || a.cadenceDays - b.cadenceDays || byString(a.id, b.id));
  const list = found.slice(0, limit).map((o): Overdue => {
    const m = message(ctx.lang, o.lastInteraction ? 'overdue.reason' : 'overdue.never', { days: o.daysSince, cadence: o.cadenceDays });
    return { ...o, reason: m.text, reasonMessage: m };
  });
  return { list, total: found.length, flags };
}
