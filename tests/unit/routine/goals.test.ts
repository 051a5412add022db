import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, INTERACTION_KINDS, type ActivityGoal } from '../../../shared/document/schema.js';
import { addDays } from '../../../shared/routine/dates.js';
import { goalProgress, periodAt, periodIndex } from '../../../shared/routine/goals.js';
import { sayPhrase } from '../../../shared/routine/phrases.js';
import { contact, doc, goal, interaction, TODAY } from './helpers.js';

describe('activity goals counted from the log', () => {
  it('“a lunch a week”: counts lunches per Monday-to-Sunday week, and shows a missed week as missed', () => {
    const d = doc();
    contact(d, { id: 'ana' });
    const g = goal(d, { id: 'g1', kinds: ['lunch'], count: 1, every: 1, unit: 'week', since: '2026-05-06' });
    interaction(d, ['ana'], '2026-05-08', { kind: 'lunch' }); // week of 4 May
    // week of 11 May: nothing
    interaction(d, ['ana'], '2026-05-18', { kind: 'lunch' }); // week of 18 May
    interaction(d, ['ana'], '2026-05-24', { kind: 'coffee' }); // not a lunch
    interaction(d, ['ana'], '2026-05-25', { kind: 'lunch' }); // week of 25 May
    interaction(d, ['ana'], '2026-06-05', { kind: 'lunch' }); // after today: planned, not done
    const p = goalProgress(d, g, TODAY);
    expect(p.past.map((x) => [x.start, x.end, x.count, x.met])).toEqual([
      ['2026-05-04', '2026-05-10', 1, true],
      ['2026-05-11', '2026-05-17', 0, false],
      ['2026-05-18', '2026-05-24', 1, true],
      ['2026-05-25', '2026-05-31', 1, true],
    ]);
    expect(p.current).toMatchObject({ start: '2026-06-01', end: '2026-06-07', count: 0, met: false, remaining: 1, daysLeft: 4 });
    // The missed week does not wipe out the weeks around it: three of four were met, no streak is counted.
    expect(p.pastMet).toBe(3);
    expect(p).not.toHaveProperty('streak');
    expect(sayPhrase('en', p.label)).toBe('a lunch a week');
    expect(sayPhrase('fr', p.label)).toBe('un déjeuner par semaine');
  });

  it('“a networking event every 15 days”: periods of 15 days from the day the goal was set', () => {
    const d = doc();
    contact(d, { id: 'a' });
    const g = goal(d, { id: 'g', channels: ['event'], count: 1, every: 15, unit: 'day', since: '2026-05-01' });
    interaction(d, ['a'], '2026-05-14', { channel: 'event' });
    interaction(d, ['a'], '2026-05-16', { channel: 'in-person' });
    const p = goalProgress(d, g, TODAY);
    expect(p.past.map((x) => [x.start, x.end, x.count])).toEqual([
      ['2026-05-01', '2026-05-15', 1],
      ['2026-05-16', '2026-05-30', 0],
    ]);
    expect(p.current).toMatchObject({ start: '2026-05-31', end: '2026-06-14', count: 0 });
    expect(sayPhrase('en', p.label)).toBe('a networking event every 15 days');
    expect(sayPhrase('fr', p.label)).toBe('une rencontre réseau tous les 15 jours');
  });

  it('“two in-person meetings a month”: calendar months, one dinner with three people counts once', () => {
    const d = doc();
    for (const id of ['a', 'b', 'c']) contact(d, { id });
    const g = goal(d, { id: 'g', channels: ['in-person'], count: 2, every: 1, unit: 'month', since: '2026-03-20' });
    interaction(d, ['a', 'b', 'c'], '2026-04-30');
    interaction(d, ['a'], '2026-05-01');
    interaction(d, ['b'], '2026-05-31T22:30:00.000Z');
    interaction(d, ['c'], '2026-06-02', { channel: 'call' });
    const p = goalProgress(d, g, TODAY);
    expect(p.past.map((x) => [x.start, x.end, x.count, x.met])).toEqual([
      ['2026-03-01', '2026-03-31', 0, false],
      ['2026-04-01', '2026-04-30', 1, false],
      ['2026-05-01', '2026-05-31', 2, true],
    ]);
    expect(p.current).toMatchObject({ start: '2026-06-01', end: '2026-06-30', count: 0, remaining: 2 });
    expect(sayPhrase('en', p.label)).toBe('2 in-person meetings a month');
    expect(sayPhrase('fr', p.label)).toBe('2 rencontres en personne par mois');
  });

  it('shows at most eight past periods, and none before the goal was set', () => {
    const d = doc();
    const g = goal(d, { id: 'g', count: 1, every: 1, unit: 'week', since: '2025-01-01' });
    expect(goalProgress(d, g, TODAY).past).toHaveLength(8);
    const fresh = goal(d, { id: 'h', count: 1, every: 1, unit: 'week', since: TODAY });
    expect(goalProgress(d, fresh, TODAY).past).toEqual([]);
    expect(goalProgress(d, fresh, TODAY).current.start).toBe('2026-06-01');
  });

  it('matches a brute-force count on generated logs (any unit, period, channels and kinds)', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2024-01-01', n));
    const goalArb = fc.record({
      channels: fc.subarray([...CHANNELS]),
      kinds: fc.subarray([...INTERACTION_KINDS]),
      count: fc.integer({ min: 1, max: 4 }),
      every: fc.integer({ min: 1, max: 40 }),
      unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const),
      since: day,
    });
    const logArb = fc.array(
      fc.record({ date: day, channel: fc.constantFrom(...CHANNELS), kind: fc.option(fc.constantFrom(...INTERACTION_KINDS), { nil: undefined }) }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(goalArb, logArb, day, (spec, log, today) => {
        fc.pre(spec.since <= today);
        const d = doc();
        contact(d, { id: 'x' });
        const g: ActivityGoal = { id: 'g', ...spec };
        log.forEach((l, i) => interaction(d, ['x'], l.date, { id: `i${i}`, channel: l.channel, ...(l.kind ? { kind: l.kind } : {}) }));
        const p = goalProgress(d, g, today);
        for (const period of [...p.past, p.current]) {
          // Independent check: walk every day of the period and count what matches by the goal's own words.
          let expected = 0;
          for (let day2 = period.start; day2 <= period.end && day2 <= today; day2 = addDays(day2, 1)) {
            expected += log.filter(
              (l) => l.date === day2 && (g.channels.length === 0 || g.channels.includes(l.channel)) && (g.kinds.length === 0 || (l.kind !== undefined && g.kinds.includes(l.kind))),
            ).length;
          }
          expect(period.count).toBe(expected);
          expect(period.met).toBe(expected >= g.count);
        }
        // Periods tile the calendar: each starts the day after the previous one ends, and holds the days it claims.
        const all = [...p.past, p.current];
        for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBe(addDays(all[i - 1]!.end, 1));
        expect(periodIndex(g, p.current.start)).toBe(p.current.index);
        expect(periodIndex(g, p.current.end)).toBe(p.current.index);
        expect(periodAt(g, p.current.index)).toEqual({ index: p.current.index, start: p.current.start, end: p.current.end });
        expect(p.current.start <= today && today <= p.current.end).toBe(true);
      }),
      { numRuns: 300, seed: 20260603 },
    );
  });
});

describe('day arithmetic', () => {
  it('dayNumber and monthNumber agree with Date on every day from 1900 to 2200', async () => {
    const { dayNumber, monthNumber } = await import('../../../shared/routine/dates.js');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 11, 31) }), (ms) => {
        const d = new Date(ms);
        const day = d.toISOString().slice(0, 10);
        expect(dayNumber(day)).toBe(Math.floor(ms / 86_400_000));
        expect(monthNumber(day)).toBe(d.getUTCFullYear() * 12 + d.getUTCMonth());
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('birthdays: 29 February falls on the 28th in other years, and free text is no birthday', async () => {
    const { nextBirthday, birthMonthDay } = await import('../../../shared/routine/birthdays.js');
    expect(nextBirthday('1992-02-29', '2026-02-01')).toBe('2026-02-28');
    expect(nextBirthday('--02-29', '2028-02-01')).toBe('2028-02-29');
    expect(nextBirthday('1990-06-01', '2026-06-03')).toBe('2027-06-01');
    expect(birthMonthDay('1990-02-30')).toBeNull();
    expect(birthMonthDay('le 3 mai')).toBeNull();
  });
});
