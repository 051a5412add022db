/**
 * What to remind the user of, in the app first: what is due now, and what
 * was missed since the last time the app was opened. Each reminder has a
 * stable key (so a notification is never sent twice for it) and names the
 * objective it serves when there is one.
 */
import type { CarnetDocument, Contact, Phrase, WeekPlan } from '../document/schema.js';
import { birthdaysBetween, upcomingBirthdays } from './birthdays.js';
import { weekEnd, weekOf } from './dates.js';
import { DayLog } from './dayLog.js';
import { activeGoals, goalProgress, periodAt, periodCounts, periodIndex } from './goals.js';
import { dueSteps, reviewsDue } from './objectives.js';
import { actionState, lastContactSince } from './plan.js';
import { idValues } from '../document/idMap.js';

/** A goal is flagged when its period ends within this many days and is not met yet. */
export const GOAL_WARNING_DAYS = 2;
/** An import of at least this many new contacts deserves a review of its own. */
export const IMPORT_REVIEW_MIN = 10;
/** Missed periods listed per goal (the most recent). */
const MISSED_PERIODS_SHOWN = 3;

export type ReminderKind = 'plan' | 'review' | 'step' | 'goal' | 'birthday' | 'imported';

export type Reminder = {
  key: string;
  kind: ReminderKind;
  /** Due now, or missed since the last open. */
  when: 'due' | 'missed';
  phrase: Phrase;
  /** The objective it serves. */
  objective?: string;
  /** The thing to open: an objective, a goal, a contact, the plan, an import date. */
  ref?: string;
};

export type ReminderOptions = {
  today: string;
  /** The day the app was last opened before this one (null the first time). */
  lastSeen: string | null;
  /** This week's plan (stored or about to be). */
  plan: WeekPlan | null;
  /** The document's interactions by day (made here when not given). */
  log?: DayLog;
};

export function reminders(doc: CarnetDocument, opts: ReminderOptions): Reminder[] {
  const { today, plan } = opts;
  const log = opts.log ?? DayLog.of(doc);
  const lastSeen = opts.lastSeen && opts.lastSeen < today ? opts.lastSeen : null;
  const objectiveTitle = (id: string | undefined) => (id && Object.hasOwn(doc.objectives, id) ? doc.objectives[id]!.title : undefined);
  const out: Reminder[] = [];

  if (plan) {
    const recent = lastContactSince(doc, plan.id, log);
    const open = plan.actions.filter((a) => actionState(doc, plan, a, today, recent) === 'open');
    if (open.length > 0) {
      const first = open[0]!;
      const who = first.contacts.find((id) => Object.hasOwn(doc.contacts, id));
      out.push({
        key: `plan:${plan.id}`,
        kind: 'plan',
        when: 'due',
        phrase: { key: 'routine.remind.plan', params: { count: open.length, ...(who ? { name: doc.contacts[who]!.name } : {}) } },
        ref: plan.id,
        ...(first.objective ? { objective: first.objective } : {}),
      });
    }
  }

  for (const o of reviewsDue(doc, today)) {
    out.push({ key: `review:${o.id}:${o.reviewDate!.slice(0, 10)}`, kind: 'review', when: 'due', objective: o.id, ref: o.id, phrase: { key: 'routine.remind.review', params: { objective: o.title, date: o.reviewDate!.slice(0, 10) } } });
  }

  for (const { objective, step } of dueSteps(doc, today)) {
    const due = step.due.slice(0, 10);
    out.push({
      key: `step:${objective.id}:${step.id}:${due}`,
      kind: 'step',
      when: lastSeen !== null && due > lastSeen && due < today ? 'missed' : 'due',
      objective: objective.id,
      ref: objective.id,
      phrase: { key: due < today ? 'routine.remind.stepLate' : 'routine.remind.step', params: { step: step.text, objective: objective.title, date: due } },
    });
  }

  for (const goal of activeGoals(doc)) {
    const p = goalProgress(doc, goal, today, 0, log);
    const objective = objectiveTitle(goal.objective);
    const served = goal.objective && objective ? { objective: goal.objective } : {};
    if (!p.current.met && p.current.daysLeft <= GOAL_WARNING_DAYS && p.current.start <= today) {
      out.push({
        key: `goal:${goal.id}:${p.current.start}`,
        kind: 'goal',
        when: 'due',
        ref: goal.id,
        ...served,
        phrase: { key: 'routine.remind.goal', params: { ...p.label.params, remaining: p.current.remaining, date: p.current.end } },
      });
    }
    if (lastSeen !== null) {
      // Periods that ended after the last open, and before today.
      const from = Math.max(0, periodIndex(goal, lastSeen));
      const to = p.current.index - 1;
      const counts = periodCounts(log, goal, from, to, today);
      const missed: string[] = [];
      for (let i = to; i >= from && missed.length < MISSED_PERIODS_SHOWN; i--) {
        if ((counts.get(i) ?? 0) < goal.count) missed.push(periodAt(goal, i).start);
      }
      for (const start of missed.reverse()) {
        out.push({ key: `missedGoal:${goal.id}:${start}`, kind: 'goal', when: 'missed', ref: goal.id, ...served, phrase: { key: 'routine.remind.missedGoal', params: { ...p.label.params, date: start } } });
      }
    }
  }

  const contacts = idValues(doc.contacts);
  for (const { contact, date } of upcomingBirthdays(contacts, today, 0)) {
    out.push({ key: `birthday:${contact.id}:${date}`, kind: 'birthday', when: 'due', ref: contact.id, phrase: { key: 'routine.remind.birthday', params: { name: contact.name } } });
  }

  if (lastSeen !== null) {
    for (const { contact, date } of birthdaysBetween(contacts, lastSeen, today)) {
      out.push({ key: `birthday:${contact.id}:${date}`, kind: 'birthday', when: 'missed', ref: contact.id, phrase: { key: 'routine.remind.missedBirthday', params: { name: contact.name, date } } });
    }
    for (const p of Object.values(doc.plans)) {
      const end = weekEnd(p.id);
      if (end < lastSeen || end >= today || p.id === weekOf(today)) continue;
      const recent = lastContactSince(doc, p.id, log);
      const left = p.actions.filter((a) => {
        const s = actionState(doc, p, a, end, recent);
        return s === 'open' || s === 'snoozed' || s === 'postponed';
      }).length;
      if (left > 0) out.push({ key: `missedPlan:${p.id}`, kind: 'plan', when: 'missed', ref: p.id, phrase: { key: 'routine.remind.missedPlan', params: { count: left, date: p.id } } });
    }
  }

  const imported = lastImport(doc, contacts);
  if (imported && imported.count >= IMPORT_REVIEW_MIN && !reviewedSince(doc, imported.at)) {
    out.push({ key: `imported:${imported.at}`, kind: 'imported', when: 'due', ref: imported.at, phrase: { key: 'routine.remind.imported', params: { count: imported.count, date: imported.at.slice(0, 10) } } });
  }
  return out;
}

/** The newest import batch: when, and how many contacts it created or enriched. */
export function lastImport(doc: CarnetDocument, contacts: readonly Contact[] = idValues(doc.contacts)): { at: string; count: number } | null {
  let at = '';
  let count = 0;
  for (const c of contacts) {
    if (c.archived) continue;
    let newest = '';
    for (const s of c.sources) if (s.importedAt > newest) newest = s.importedAt;
    if (!newest) continue;
    if (newest > at) {
      at = newest;
      count = 1;
    } else if (newest === at) count++;
  }
  return at ? { at, count } : null;
}

/** Whether a review of the contacts imported at `at` was started after that import. */
function reviewedSince(doc: CarnetDocument, at: string): boolean {
  return Object.values(doc.reviews).some((r) => r.set.kind === 'imported' && r.startedAt >= at);
}

/** Reminders the in-app list shows first: due before missed, then by kind. */
export function sortReminders(list: readonly Reminder[]): Reminder[] {
  const order: ReminderKind[] = ['review', 'goal', 'step', 'plan', 'birthday', 'imported'];
  return [...list].sort((a, b) => (a.when === b.when ? order.indexOf(a.kind) - order.indexOf(b.kind) : a.when === 'due' ? -1 : 1));
}

