import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { RoutineFacts } from '../../../shared/routine/facts.js';
import { today } from '../analysis/analysisClient.js';
import { weekOf } from '../../../shared/routine/dates.js';
import { actionState } from '../../../shared/routine/plan.js';

/**
 * How many actions of this week's plan are still to do: the count on the tab. Null before the plan is
 * made, and until the routine's facts say who was contacted this week.
 */
export function openActions(doc: CarnetDocument, facts: RoutineFacts | null): number | null {
  const day = today();
  const week = weekOf(day);
  const plan = Object.hasOwn(doc.plans, week) ? doc.plans[week]! : null;
  if (!plan || !facts || facts.week !== week) return null;
  return plan.actions.filter((a) => actionState(doc, plan, a, day, facts.recent) === 'open').length;
}
