import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { DayLog } from '../../../shared/routine/dayLog.js';
import { today } from '../analysis/analysisClient.js';
import { weekOf } from '../../../shared/routine/dates.js';
import { actionState, lastContactSince } from '../../../shared/routine/plan.js';

/** How many actions of this week's plan are still to do (null before the plan is made): the count on the tab. */
export function openActions(doc: CarnetDocument, log: DayLog | undefined): number | null {
  const day = today();
  const week = weekOf(day);
  const plan = Object.hasOwn(doc.plans, week) ? doc.plans[week]! : null;
  if (!plan) return null;
  const recent = lastContactSince(doc, plan.id, log);
  return plan.actions.filter((a) => actionState(doc, plan, a, day, recent) === 'open').length;
}
