/**
 * Where the user stands (seed article 000): developing (mostly new ties),
 * consolidating (strengthening ties) or maintaining (keeping ties at their
 * usual pace), from the ties worked on in the last 90 days.
 */
import type { Context } from './context.js';
import { message, type Message } from './messages.js';
import { round } from './text.js';

export const STAGE_WINDOW_DAYS = 90;
/** A tie is strengthening when its pace in the window is at least this multiple of its pace over the year before. */
export const STRENGTHENING_FACTOR = 1.5;
const DAY_MS = 86_400_000;

export type StageName = 'development' | 'consolidation' | 'maintenance';

export type Stage = {
  windowDays: number;
  counts: { new: number; strengthening: number; maintained: number };
  shares: { new: number; strengthening: number; maintained: number };
  /** Null when nothing happened in the window. */
  stage: StageName | null;
  message: Message;
};

/**
 * New: first interaction in the window, or connected in the window.
 * Strengthening: ≥ 2 interactions in the window, at a pace ≥ 1.5 × that of the 365 days before it.
 * Maintained: any other tie with an interaction in the window.
 */
export function stage(ctx: Context): Stage {
  const start = ctx.nowMs - STAGE_WINDOW_DAYS * DAY_MS;
  const yearBefore = start - 365 * DAY_MS;
  const counts = { new: 0, strengthening: 0, maintained: 0 };
  ctx.histories.forEach((h) => {
    const dates = h.dates;
    const inWindow = dates.filter((t) => t > start).length;
    const connectedInWindow = h.connectedMs !== null && h.connectedMs > start;
    if (inWindow === 0 && !connectedInWindow) return;
    const before = dates.length - inWindow;
    if (before === 0) counts.new++;
    else {
      const prevYear = dates.filter((t) => t > yearBefore && t <= start).length;
      const expected = (prevYear * STAGE_WINDOW_DAYS) / 365;
      if (inWindow >= 2 && inWindow >= STRENGTHENING_FACTOR * expected) counts.strengthening++;
      else counts.maintained++;
    }
  });
  const total = counts.new + counts.strengthening + counts.maintained;
  const shares = {
    new: total ? round(counts.new / total) : 0,
    strengthening: total ? round(counts.strengthening / total) : 0,
    maintained: total ? round(counts.maintained / total) : 0,
  };
  if (!total) return { windowDays: STAGE_WINDOW_DAYS, counts, shares, stage: null, message: message(ctx.lang, 'stage.inactive') };
  const ranked: [StageName, number][] = [
    ['development', counts.new],
    ['consolidation', counts.strengthening],
    ['maintenance', counts.maintained],
  ];
  const [name, n] = ranked.reduce((best, x) => (x[1] > best[1] ? x : best));
  return {
    windowDays: STAGE_WINDOW_DAYS,
    counts,
    shares,
    stage: name,
    message: message(ctx.lang, `stage.${name}`, { share: Math.round((100 * n) / total) }),
  };
}
