/**
 * Everything the routine's views read from the interaction log, in one
 * answer: the reminders, who was contacted this week (the states of the
 * week's actions and the count on its tab), and the progress of each goal.
 * At 30,000 contacts sorting the log by day and scanning the contacts for
 * birthdays and imports take hundreds of milliseconds, so this runs where a
 * replica of the document and its DayLog live (the analysis worker), and the
 * UI thread receives only this small summary.
 */
import type { CarnetDocument } from '../document/schema.js';
import { weekOf } from './dates.js';
import { DayLog } from './dayLog.js';
import { goalProgress, type GoalProgress } from './goals.js';
import { lastContactSince } from './plan.js';
import { reminders, sortReminders, type Reminder } from './reminders.js';

export type RoutineInputs = {
  today: string;
  /** The day the app was opened before this session (null the first time). */
  lastSeen: string | null;
};

export type RoutineFacts = RoutineInputs & {
  /** The reminders of `today`, in the order the app lists them. */
  reminders: Reminder[];
  /** The Monday of `today`'s week: `recent` counts from it. */
  week: string;
  /** For each contact, the day of their latest interaction on or after `week`: what marks an action of the plan done. */
  recent: Map<string, string>;
  /** Every goal (paused ones too), by id, with its current and past periods. */
  goals: GoalProgress[];
};

/** The facts as of `inputs`; `log` is the document's DayLog when the caller keeps one. */
export function routineFacts(doc: CarnetDocument, inputs: RoutineInputs, log: DayLog = DayLog.of(doc)): RoutineFacts {
  const { today, lastSeen } = inputs;
  const week = weekOf(today);
  const plan = Object.hasOwn(doc.plans, week) ? doc.plans[week]! : null;
  return {
    today,
    lastSeen,
    reminders: sortReminders(reminders(doc, { today, lastSeen, plan, log })),
    week,
    recent: lastContactSince(doc, week, log),
    goals: Object.values(doc.goals)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((g) => goalProgress(doc, g, today, undefined, log)),
  };
}
