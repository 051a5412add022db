/**
 * Activity goals ("a lunch a week", "a networking event every 15 days",
 * "two in-person meetings a month") counted from the interaction log.
 *
 * Progress is a row of periods, each met or missed on its own: a missed week
 * is shown as missed, and the next week starts fresh. Carnet never counts a
 * streak, so one bad week never wipes out what came before (seed 001: a
 * routine built step by step, without the guilt of seed 000).
 */
import type { ActivityGoal, CarnetDocument, Interaction, Phrase } from '../document/schema.js';
import { addDays, dayNumber, daysFrom, monthNumber, monthStart, weekOf } from './dates.js';
import { DayLog } from './dayLog.js';

/** Past periods shown beside the current one. */
export const PAST_PERIODS = 8;

export type Period = { index: number; start: string; end: string };
export type PeriodProgress = Period & { count: number; met: boolean };

export type GoalProgress = {
  goal: ActivityGoal;
  label: Phrase;
  /** The period holding `today`, counted so far. */
  current: PeriodProgress & { remaining: number; daysLeft: number };
  /** The periods before it, oldest first (at most PAST_PERIODS; none before the goal was set). */
  past: PeriodProgress[];
  /** How many of `past` were met. */
  pastMet: number;
};

/** The number of the period holding `day` (0 for the first one, negative before the goal started). */
export function periodIndex(goal: ActivityGoal, day: string): number {
  return periodIndexer(goal)(day);
}

/**
 * `periodIndex` for one goal, with what depends only on the goal computed
 * once: the loops over the whole log call it once per interaction.
 */
function periodIndexer(goal: ActivityGoal): (day: string) => number {
  const since = goal.since.slice(0, 10);
  const every = goal.every;
  switch (goal.unit) {
    case 'day': {
      const start = dayNumber(since);
      return (day) => Math.floor((dayNumber(day) - start) / every);
    }
    case 'week': {
      // Counted from the Monday of the first week: whole weeks fall on Mondays.
      const monday = dayNumber(weekOf(since));
      return (day) => Math.floor((dayNumber(day) - monday) / (7 * every));
    }
    case 'month': {
      const start = monthNumber(since);
      return (day) => Math.floor((monthNumber(day) - start) / every);
    }
  }
}

/** The first and last day of period `index`. */
export function periodAt(goal: ActivityGoal, index: number): Period {
  const since = goal.since.slice(0, 10);
  switch (goal.unit) {
    case 'day': {
      const start = addDays(since, index * goal.every);
      return { index, start, end: addDays(start, goal.every - 1) };
    }
    case 'week': {
      const start = addDays(weekOf(since), index * 7 * goal.every);
      return { index, start, end: addDays(start, 7 * goal.every - 1) };
    }
    case 'month': {
      const start = monthStart(since, index * goal.every);
      return { index, start, end: addDays(monthStart(since, (index + 1) * goal.every), -1) };
    }
  }
}

/** Whether an interaction counts toward the goal: one of its channels (if any) and one of its kinds (if any). */
export function countsFor(goal: ActivityGoal, it: Interaction): boolean {
  if (goal.channels.length > 0 && !goal.channels.includes(it.channel)) return false;
  if (goal.kinds.length > 0 && !(it.kind && goal.kinds.includes(it.kind))) return false;
  return true;
}

/** "A lunch a week", "2 in-person meetings a month", as a phrase of the catalog's `routine.goal` section. */
export function goalLabel(goal: ActivityGoal): Phrase {
  const thing =
    goal.kinds.length === 1 ? `kind.${goal.kinds[0]}` : goal.kinds.length === 0 && goal.channels.length === 1 ? `channel.${goal.channels[0]}` : 'any';
  return { key: 'routine.goal.label', params: { thing, count: goal.count, unit: goal.unit, every: goal.every } };
}

/**
 * Matching interactions per period index, for periods `first` to `last`,
 * from interactions dated up to `today`: only those days of the log are read.
 */
export function periodCounts(log: DayLog, goal: ActivityGoal, first: number, last: number, today: string): Map<number, number> {
  const counts = new Map<number, number>();
  if (last < first) return counts;
  const index = periodIndexer(goal);
  const end = periodAt(goal, last).end;
  for (const it of log.between(periodAt(goal, first).start, end < today ? end : today.slice(0, 10))) {
    if (!countsFor(goal, it)) continue;
    const i = index(it.date.slice(0, 10));
    if (i >= first && i <= last) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  return counts;
}

/**
 * Progress of a goal as of `today`: interactions dated after today are
 * plans, not done, and are left out. Pass the document's DayLog when there
 * is one; otherwise one is made.
 */
export function goalProgress(doc: CarnetDocument, goal: ActivityGoal, today: string, pastPeriods = PAST_PERIODS, log: DayLog = DayLog.of(doc)): GoalProgress {
  const currentIndex = Math.max(0, periodIndex(goal, today));
  const first = Math.max(0, currentIndex - pastPeriods);
  const counts = periodCounts(log, goal, first, currentIndex, today);
  const progress = (p: Period): PeriodProgress => {
    const count = counts.get(p.index) ?? 0;
    return { ...p, count, met: count >= goal.count };
  };
  const past: PeriodProgress[] = [];
  for (let i = first; i < currentIndex; i++) past.push(progress(periodAt(goal, i)));
  const current = progress(periodAt(goal, currentIndex));
  return {
    goal,
    label: goalLabel(goal),
    current: { ...current, remaining: Math.max(0, goal.count - current.count), daysLeft: daysFrom(today, current.end) },
    past,
    pastMet: past.filter((p) => p.met).length,
  };
}

/** The goals of the document that are not paused, in a stable order (by id). */
export function activeGoals(doc: CarnetDocument): ActivityGoal[] {
  return Object.values(doc.goals)
    .filter((g) => !g.paused)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
