/** The week's plan as readable text: what `carnet plan` prints. */
import type { CarnetDocument, WeekPlan } from '../document/schema.js';
import { translator, type Language } from '../i18n/index.js';
import { formatDay, ifThen, sayPhrase } from './phrases.js';
import { actionState, lastContactSince } from './plan.js';
import type { Reminder } from './reminders.js';

export function formatPlan(doc: CarnetDocument, plan: WeekPlan, opts: { lang: Language; today: string; stored: boolean; reminders: readonly Reminder[] }): string {
  const { lang, today } = opts;
  const t = translator(lang);
  const recent = lastContactSince(doc, plan.id);
  const name = (id: string) => (Object.hasOwn(doc.contacts, id) ? doc.contacts[id]!.name : t('routine.week.deleted'));
  const out: string[] = [];
  const title = t('routine.week.title', { date: formatDay(lang, plan.id) });
  out.push(title, '='.repeat(title.length));
  out.push(t(opts.stored ? 'routine.cli.stored' : 'routine.cli.fresh', { count: plan.actions.length }), '');
  plan.actions.forEach((a, i) => {
    const state = actionState(doc, plan, a, today, recent);
    const who = a.contacts.length ? a.contacts.map(name).join(', ') : sayPhrase(lang, a.firstStep);
    out.push(`${i + 1}. ${who} — ${t(`routine.week.kind.${a.kind}`)}${state === 'open' ? '' : ` [${t(`routine.week.state.${state}`)}]`}`);
    const objective = a.objective && Object.hasOwn(doc.objectives, a.objective) ? doc.objectives[a.objective]!.title : null;
    if (objective) out.push(`   ${t('routine.week.serves', { objective })}`);
    if (a.carriedFrom) out.push(`   ${t('routine.week.carried', { date: formatDay(lang, a.carriedFrom) })}`);
    for (const p of a.why) out.push(`   ${sayPhrase(lang, p)}`);
    if (a.contacts.length) out.push(`   ${t('routine.firstStep')} ${sayPhrase(lang, a.firstStep)}`);
    if (a.when || a.where) out.push(`   ${ifThen(lang, a)}`);
  });
  if (plan.actions.length === 0) out.push(t('routine.week.empty'));
  const due = opts.reminders.filter((r) => r.kind !== 'plan');
  if (due.length) {
    out.push('', t('routine.reminders.title'), '-'.repeat(t('routine.reminders.title').length));
    for (const r of due) out.push(`• ${sayPhrase(lang, r.phrase)}`);
  }
  return `${out.join('\n')}\n`;
}
