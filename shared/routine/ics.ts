/**
 * The week as an iCalendar file (RFC 5545), written with ical.js, so the
 * user's own calendar reminds them while Carnet is closed: one all-day event
 * per action of the plan still to do, the objectives' review dates and due
 * steps, and each activity goal as a recurring event. Every event carries a
 * display alarm at 9:00 on its day.
 */
import ICAL from 'ical.js';
import type { CarnetDocument, PlanAction, WeekPlan } from '../document/schema.js';
import { fold as foldOctets } from '../export/vcard.js';
import type { Language } from '../i18n/index.js';
import { addDays, weekEnd } from './dates.js';
import { DayLog } from './dayLog.js';
import { activeGoals, goalProgress } from './goals.js';
import { activeObjectives } from './objectives.js';
import { ifThen, sayPhrase } from './phrases.js';
import { actionState, lastContactSince } from './plan.js';

export type IcsOptions = { lang: Language; today: string; /** DTSTAMP, ISO timestamp. */ now: string };

const PRODID = '-//Carnet//Routine//EN';
const ALARM_AT = 'PT9H';

export function planIcs(doc: CarnetDocument, plan: WeekPlan, opts: IcsOptions): string {
  const { lang, today } = opts;
  const say = (key: string, params: Record<string, string | number> = {}) => sayPhrase(lang, { key, params });
  const stamp = ICAL.Time.fromDateTimeString(new Date(opts.now).toISOString().replace(/\.\d+Z$/, 'Z'));
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', PRODID);
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'PUBLISH');
  cal.updatePropertyWithValue('x-wr-calname', say('routine.ics.calendar', { date: plan.id }));

  const event = (uid: string, day: string, summary: string, description: string, extra?: (e: ICAL.Component) => void) => {
    const e = new ICAL.Component('vevent');
    e.addPropertyWithValue('uid', `${uid}@carnet.local`);
    e.addPropertyWithValue('dtstamp', stamp);
    e.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(day));
    e.addPropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(day, 1)));
    e.addPropertyWithValue('summary', summary);
    e.addPropertyWithValue('description', description);
    e.addPropertyWithValue('transp', 'TRANSPARENT');
    e.addPropertyWithValue('categories', 'Carnet');
    extra?.(e);
    const alarm = new ICAL.Component('valarm');
    alarm.addPropertyWithValue('action', 'DISPLAY');
    alarm.addPropertyWithValue('trigger', ICAL.Duration.fromString(ALARM_AT));
    alarm.addPropertyWithValue('description', summary);
    e.addSubcomponent(alarm);
    cal.addSubcomponent(e);
  };

  const name = (id: string) => (Object.hasOwn(doc.contacts, id) ? doc.contacts[id]!.name : id);
  const objectiveTitle = (id: string | undefined) => (id && Object.hasOwn(doc.objectives, id) ? doc.objectives[id]!.title : null);
  const log = DayLog.of(doc);
  const recent = lastContactSince(doc, plan.id, log);
  const inPlan = new Set<string>();
  for (const a of plan.actions) {
    const state = actionState(doc, plan, a, today, recent);
    if (state !== 'open' && state !== 'snoozed') continue;
    if (a.step) inPlan.add(`${a.objective}:${a.step}`);
    const who = a.contacts.map(name).join(', ');
    const lines = [...a.why.map((p) => sayPhrase(lang, p)), `${say('routine.firstStep')} ${sayPhrase(lang, a.firstStep)}`];
    if (a.when || a.where) lines.push(ifThen(lang, a));
    const objective = objectiveTitle(a.objective);
    if (objective) lines.push(say('routine.ics.serves', { objective }));
    event(`plan-${plan.id}-${a.key}`, actionDay(plan, a, today, state), say(`routine.ics.summary.${a.kind}`, { who, ...(a.firstStep.params ?? {}) }), lines.join('\n'), (e) => {
      if (a.where) e.addPropertyWithValue('location', a.where);
    });
  }

  for (const o of activeObjectives(doc)) {
    if (o.reviewDate && o.reviewDate.slice(0, 10) >= today) {
      event(`review-${o.id}-${o.reviewDate.slice(0, 10)}`, o.reviewDate.slice(0, 10), say('routine.ics.review', { objective: o.title }), o.why ?? '');
    }
    for (const s of o.steps) {
      const due = s.due.slice(0, 10);
      if (s.done || due < today || inPlan.has(`${o.id}:${s.id}`)) continue;
      event(`step-${o.id}-${s.id}`, due, s.text, say('routine.ics.serves', { objective: o.title }));
    }
  }

  for (const g of activeGoals(doc)) {
    const p = goalProgress(doc, g, today, 0, log);
    const label = sayPhrase(lang, p.label);
    const objective = objectiveTitle(g.objective);
    const description = [say('routine.ics.goalProgress', { count: p.current.count, target: g.count }), ...(objective ? [say('routine.ics.serves', { objective })] : [])].join('\n');
    event(`goal-${g.id}`, p.current.start, say('routine.ics.goal', { goal: label }), description, (e) => {
      e.addPropertyWithValue('rrule', new ICAL.Recur({ freq: g.unit === 'day' ? 'DAILY' : g.unit === 'week' ? 'WEEKLY' : 'MONTHLY', interval: g.every }));
    });
  }
  // ical.js folds lines by characters; RFC 5545 §3.1 counts octets, so the lines are folded again the way vCards are.
  const lines = cal.toString().replace(/\r\n[ \t]/g, '').split('\r\n');
  return `${lines.map(foldOctets).join('\r\n')}\r\n`;
}

/** The day an action goes in the calendar: its birthday or due step day within the week, the end of a snooze, else today. */
function actionDay(plan: WeekPlan, a: PlanAction, today: string, state: string): string {
  const start = today > plan.id ? today : plan.id;
  const last = weekEnd(plan.id);
  const wanted = a.kind === 'birthday' || a.kind === 'step' ? a.why[0]?.params?.date : state === 'snoozed' ? a.until : undefined;
  return typeof wanted === 'string' && wanted.slice(0, 10) >= start && wanted.slice(0, 10) <= last ? wanted.slice(0, 10) : start;
}
