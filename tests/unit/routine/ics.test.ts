// The calendar export, read back by two iCalendar parsers that did not write it:
// node-ical (its own RFC 5545 parser) and ical.js's strict parser.
import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { makePlan, planWhenWhere, skipAction } from '../../../shared/document/weekPlans.js';
import { addDays } from '../../../shared/routine/dates.js';
import { planIcs } from '../../../shared/routine/ics.js';
import { buildWeekPlan } from '../../../shared/routine/plan.js';
import { contact, daysBefore, doc, goal, interaction, objective, TODAY } from './helpers.js';

function setup() {
  const d = doc();
  contact(d, { id: 'ana', name: 'Ana; Martin, "the" \\ tester', cadenceDays: 30 });
  interaction(d, ['ana'], daysBefore(TODAY, 50));
  contact(d, { id: 'bob', name: 'Bob Smith', birthday: `--${addDays(TODAY, 2).slice(5)}` });
  interaction(d, ['bob'], daysBefore(TODAY, 3));
  contact(d, { id: 'zoé', name: 'Zoé Ancienne' });
  for (let y = 4; y <= 6; y++) interaction(d, ['zoé'], daysBefore(TODAY, y * 365));
  objective(d, { id: 'o1', title: 'Move into UX research', reviewDate: '2026-07-01', steps: [{ id: 's1', text: 'Coffee with two UX researchers', due: '2026-06-20' }] });
  goal(d, { id: 'g1', kinds: ['lunch'], count: 1, every: 1, unit: 'week', since: '2026-05-01', objective: 'o1' });
  goal(d, { id: 'g2', channels: ['event'], count: 1, every: 15, unit: 'day', since: '2026-05-10' });
  const plan = buildWeekPlan(d, analyzeNetwork(d, { now: TODAY }), TODAY);
  applyChangeSet(d, makePlan(plan));
  applyChangeSet(d, planWhenWhere(d, plan.id, 'overdue:ana', 'jeudi midi', 'Le Café; rue de la Paix, 3'));
  return { d, plan: d.plans[plan.id]! };
}

describe('iCalendar export of the week', () => {
  it('is read back by node-ical: one all-day event per action to do, reviews, steps, goals as recurring events, each with an alarm', () => {
    const { d, plan } = setup();
    const text = planIcs(d, plan, { lang: 'en', today: TODAY, now: '2026-06-03T08:15:00.000Z' });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // RFC 5545 §3.1: content lines end in CRLF and are folded at 75 octets.
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n/);

    const parsed = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
    const summaries = events.map((e) => String(e.summary)).sort();
    expect(summaries).toEqual(
      [
        'Get back in touch with Ana; Martin, "the" \\ tester',
        'Bob Smith’s birthday',
        'Revive your tie with Zoé Ancienne',
        'Review your objective “Move into UX research”',
        'Coffee with two UX researchers',
        'Goal: a lunch a week',
        'Goal: a networking event every 15 days',
      ].sort(),
    );
    const ana = events.find((e) => String(e.summary).startsWith('Get back'))!;
    expect(ana.location).toBe('Le Café; rue de la Paix, 3');
    expect(ana.datetype).toBe('date');
    expect(ana.start.dateOnly).toBe(true);
    expect(String(ana.description)).toContain('If it is jeudi midi, at Le Café; rue de la Paix, 3, then I take the first step.');
    const bob = events.find((e) => String(e.summary).startsWith('Bob'))!;
    // The birthday event sits on the birthday, within the week.
    expect(bob.uid).toBe(`plan-2026-06-01-birthday:bob:2026@carnet.local`);
    const lunch = events.find((e) => String(e.summary) === 'Goal: a lunch a week')!;
    expect(lunch.rrule?.toString()).toMatch(/FREQ=WEEKLY/);
    expect(String(lunch.description)).toContain('For your objective: Move into UX research');
    const event15 = events.find((e) => String(e.summary).includes('15 days'))!;
    expect(event15.rrule?.toString()).toMatch(/FREQ=DAILY;INTERVAL=15/);
    expect(text.match(/^BEGIN:VALARM\r$/gm)).toHaveLength(events.length);
  });

  it('is valid for ical.js’s parser, with dates, alarms and the calendar name, in French too', () => {
    const { d, plan } = setup();
    const text = planIcs(d, plan, { lang: 'fr', today: TODAY, now: '2026-06-03T08:15:00.000Z' });
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Carnet — semaine du 1er juin 2026');
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(7);
    for (const e of events) {
      const ev = new ICAL.Event(e);
      expect(ev.startDate.isDate).toBe(true);
      expect(e.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString()).toBe('PT9H');
      expect(e.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-06-03T08:15:00Z');
    }
    const bob = events.map((e) => new ICAL.Event(e)).find((e) => e.summary === 'Anniversaire de Bob Smith')!;
    expect(bob.startDate.toString()).toBe(addDays(TODAY, 2));
    const ana = events.map((e) => new ICAL.Event(e)).find((e) => e.summary.startsWith('Reprendre contact'))!;
    expect(ana.description).toContain('Premier pas, en donnant d’abord :');
  });

  it('leaves out what is skipped or done, and is the same for the same document and day', () => {
    const { d, plan } = setup();
    applyChangeSet(d, skipAction(d, plan.id, 'dormant:zoé'));
    const opts = { lang: 'en' as const, today: TODAY, now: '2026-06-03T08:15:00.000Z' };
    const text = planIcs(d, d.plans[plan.id]!, opts);
    expect(text).not.toContain('Zoé');
    expect(planIcs(d, d.plans[plan.id]!, opts)).toBe(text);
  });
});
