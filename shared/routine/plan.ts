/**
 * This week's plan: about five actions (3 to 7, the user's setting), made
 * once for the week and then changed only by the user, so it does not
 * reshuffle at every edit. What was not done last week carries over first;
 * the rest is picked round-robin across the kinds of candidates (steps,
 * birthdays, overdue, introducers, dormant, online-only), so a week mixes
 * them instead of filling up with one list.
 *
 * Pure: the same document, analysis and day give the same plan. The app,
 * the CLI (`carnet plan`) and the calendar export all go through
 * `weekPlanFor`, so they show the same actions.
 */
import type { AnalysisResult } from '../analysis/analyze.js';
import { PLAN_ACTION_KINDS, type CarnetDocument, type PlanAction, type WeekPlan } from '../document/schema.js';
import { planCandidates, type Candidate } from './candidates.js';
import { weekEnd, weekOf } from './dates.js';
import type { DayLog } from './dayLog.js';
import { idValues } from '../document/idMap.js';

export const DEFAULT_PLAN_SIZE = 5;
export const MIN_PLAN_SIZE = 3;
export const MAX_PLAN_SIZE = 7;

/** The stored plan of `today`'s week, or the one the app would make now (not stored). */
export function weekPlanFor(doc: CarnetDocument, analysis: AnalysisResult, today: string): { plan: WeekPlan; stored: boolean } {
  const week = weekOf(today);
  if (Object.hasOwn(doc.plans, week)) return { plan: doc.plans[week]!, stored: true };
  return { plan: buildWeekPlan(doc, analysis, today), stored: false };
}

/** The latest plan of a week before `week`, if any. */
export function previousPlan(doc: CarnetDocument, week: string): WeekPlan | null {
  let best: WeekPlan | null = null;
  for (const p of Object.values(doc.plans)) if (p.id < week && (!best || p.id > best.id)) best = p;
  return best;
}

/** Makes the plan of `today`'s week: carried-over actions first, then fresh ones up to the size of the last plan. */
export function buildWeekPlan(doc: CarnetDocument, analysis: AnalysisResult, today: string): WeekPlan {
  const week = weekOf(today);
  const previous = previousPlan(doc, week);
  const size = previous?.size ?? DEFAULT_PLAN_SIZE;
  const carried = carryOver(doc, previous, week).slice(0, size);
  const rested = new Set(previous?.actions.filter((a) => a.status === 'skipped').map((a) => a.key) ?? []);
  const fresh = pickActions(planCandidates(doc, analysis, today), size - carried.length, carried, rested);
  return { id: week, createdAt: today, size, actions: [...carried, ...fresh] };
}

/**
 * Adds or removes actions so the plan has `size` of them. Only open actions
 * the user has not touched (no when / where) are removed, the last first.
 */
export function resizePlan(doc: CarnetDocument, analysis: AnalysisResult, plan: WeekPlan, size: number, today: string): WeekPlan {
  const actions = [...plan.actions];
  for (let i = actions.length - 1; i >= 0 && actions.length > size; i--) {
    const a = actions[i]!;
    if (a.status === 'open' && !a.when && !a.where && !a.carriedFrom) actions.splice(i, 1);
  }
  if (actions.length < size) actions.push(...pickActions(planCandidates(doc, analysis, today), size - actions.length, actions, new Set()));
  return { ...plan, size, actions };
}

/**
 * Round-robin over the kinds, in PLAN_ACTION_KINDS order, each contact once,
 * never an action already in `taken` nor one the user skipped last week.
 */
export function pickActions(candidates: Record<PlanAction['kind'], Candidate[]>, count: number, taken: readonly PlanAction[], rested: ReadonlySet<string>): PlanAction[] {
  const keys = new Set(taken.map((a) => a.key));
  const people = new Set(taken.flatMap((a) => a.contacts));
  const next = Object.fromEntries(PLAN_ACTION_KINDS.map((k) => [k, 0])) as Record<PlanAction['kind'], number>;
  const out: PlanAction[] = [];
  let progressed = true;
  while (out.length < count && progressed) {
    progressed = false;
    for (const kind of PLAN_ACTION_KINDS) {
      if (out.length >= count) break;
      const list = candidates[kind];
      while (next[kind] < list.length) {
        const c = list[next[kind]++]!;
        if (keys.has(c.key) || rested.has(c.key) || c.contacts.some((id) => people.has(id))) continue;
        keys.add(c.key);
        for (const id of c.contacts) people.add(id);
        out.push({ ...c, status: 'open' });
        progressed = true;
        break;
      }
    }
  }
  return out;
}

/**
 * What of `previous` is still to do in `week`: open, snoozed and postponed
 * actions (postponed first), minus those that no longer make sense — a
 * contact gone or archived, an interaction with them logged since, a
 * birthday past, a step done. The "when" was about that week: it is cleared.
 */
export function carryOver(doc: CarnetDocument, previous: WeekPlan | null, week: string): PlanAction[] {
  if (!previous) return [];
  const pending = previous.actions.filter((a) => a.status === 'open' || a.status === 'snoozed' || a.status === 'postponed');
  const ordered = [...pending.filter((a) => a.status === 'postponed'), ...pending.filter((a) => a.status !== 'postponed')];
  const since = lastContactSince(doc, previous.id);
  const out: PlanAction[] = [];
  for (const a of ordered) {
    if (a.contacts.some((id) => !Object.hasOwn(doc.contacts, id) || doc.contacts[id]!.archived || since.has(id))) continue;
    if (a.kind === 'birthday' && birthdayOf(a) < week) continue;
    if (a.kind === 'step' && !stepPending(doc, a)) continue;
    const { when: _when, until: _until, ...rest } = a;
    out.push({ ...rest, status: 'open', carriedFrom: a.carriedFrom ?? previous.id });
  }
  return out;
}

export type ActionState = PlanAction['status'];

/**
 * The status to show: a snooze that ran out is open again, and an open
 * action is done once an interaction with its contact is logged in its week
 * by any means (the panel, an import): a cadence resets on any contact.
 */
export function actionState(doc: CarnetDocument, plan: WeekPlan, action: PlanAction, today: string, recent = lastContactSince(doc, plan.id)): ActionState {
  if (action.status === 'snoozed') return action.until && action.until.slice(0, 10) > today ? 'snoozed' : 'open';
  if (action.status !== 'open') return action.status;
  if (action.contacts.some((id) => (recent.get(id) ?? '') >= plan.id && (recent.get(id) ?? '') <= weekEnd(plan.id))) return 'done';
  if (action.kind === 'step' && !stepPending(doc, action)) return 'done';
  return 'open';
}

/** For each contact, the day of their latest interaction on or after `from` (read from the DayLog when given). */
export function lastContactSince(doc: CarnetDocument, from: string, log?: DayLog): Map<string, string> {
  const out = new Map<string, string>();
  const its = log ? log.between(from, '9999-12-31') : idValues(doc.interactions);
  for (const it of its) {
    const day = it.date.slice(0, 10);
    if (day < from) continue;
    for (const id of it.contacts) if ((out.get(id) ?? '') < day) out.set(id, day);
  }
  return out;
}

function stepPending(doc: CarnetDocument, a: PlanAction): boolean {
  const o = a.objective && Object.hasOwn(doc.objectives, a.objective) ? doc.objectives[a.objective]! : null;
  if (!o || o.status !== 'active') return false;
  const s = o.steps.find((x) => x.id === a.step);
  return Boolean(s && !s.done);
}

/** The birthday the action is for (an action without one reads as long past). */
function birthdayOf(a: PlanAction): string {
  const date = a.why[0]?.params?.date;
  return typeof date === 'string' ? date : '';
}
