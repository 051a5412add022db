import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChangeSet, type Change } from '../../../shared/document/operations.js';
import { addDays } from '../../../shared/routine/dates.js';
import { DayLog } from '../../../shared/routine/dayLog.js';
import { contact, doc } from './helpers.js';

describe('DayLog', () => {
  it('follows puts, moves and deletes of interactions, and answers day ranges as a scan of the whole log would', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2026-05-01', n));
    const op = fc.oneof(
      fc.record({ op: fc.constant('put' as const), id: fc.integer({ min: 0, max: 30 }), date: day, stamp: fc.boolean() }),
      fc.record({ op: fc.constant('del' as const), id: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(op, { minLength: 1, maxLength: 5 }), { maxLength: 30 }), day, day, (batches, a, b) => {
        const d = doc();
        contact(d, { id: 'x' });
        const log = DayLog.of(d);
        for (const batch of batches) {
          const changes: Change[] = [];
          const present = new Set(Object.keys(d.interactions));
          for (const o of batch) {
            const id = `i${o.id}`;
            if (o.op === 'put') {
              changes.push({ op: 'put', coll: 'interactions', id, value: { id, date: o.stamp ? `${o.date}T18:30:00.000Z` : o.date, contacts: ['x'], channel: 'call', direction: 'mutual' } });
              present.add(id);
            } else if (present.has(id)) {
              changes.push({ op: 'del', coll: 'interactions', id });
              present.delete(id);
            }
          }
          const set = { label: { key: 'x' }, changes };
          applyChangeSet(d, set);
          log.apply(d, set);
        }
        const [from, to] = a <= b ? [a, b] : [b, a];
        const expected = Object.values(d.interactions)
          .filter((it) => it.date.slice(0, 10) >= from && it.date.slice(0, 10) <= to)
          .sort((x, y) => (x.date.slice(0, 10) < y.date.slice(0, 10) ? -1 : x.date.slice(0, 10) > y.date.slice(0, 10) ? 1 : x.id < y.id ? -1 : 1));
        expect(log.between(from, to)).toEqual(expected);
        expect(DayLog.of(d).between(from, to)).toEqual(expected);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
