import { describe, expect, it } from 'vitest';
import { setPositions } from '../../../shared/document/commands.js';
import { EditLog, touchedKeys } from '../../../electron/services/editLog.js';

const move = (id: string) => setPositions({ [id]: { x: 1, y: 2 } });

describe('EditLog', () => {
  it("names the entities a change set touches, ids such as __proto__ included", () => {
    expect([...touchedKeys(move('__proto__'))]).toEqual(['positions/__proto__']);
    expect([...touchedKeys({ label: { key: 'x' }, changes: [{ op: 'title', value: 'T' }] })]).toEqual(['title']);
  });

  it("cannot tell about revisions before it started, or another window's revisions it forgot", () => {
    const log = new EditLog(10, { revisions: 3, keys: 100 });
    expect(log.conflict(9, 'A', new Set(['positions/c1']))).toBe('unknown');
    log.record(11, 'B', move('c1'));
    expect(log.conflict(10, 'A', new Set(['positions/c1']))).toBe('changed');
    expect(log.conflict(10, 'A', new Set(['positions/c2']))).toBeNull();
    for (let r = 12; r <= 14; r++) log.record(r, 'A', move('c9'));
    // B's revision 11 was forgotten: A cannot know whether it touched c2; B's own edits never conflict for B.
    expect(log.conflict(10, 'A', new Set(['positions/c2']))).toBe('unknown');
    expect(log.conflict(11, 'A', new Set(['positions/c2']))).toBeNull();
    expect(log.conflict(10, 'B', new Set(['positions/c9']))).toBe('changed');
  });

  it('drops the oldest revisions once it holds too many keys', () => {
    const log = new EditLog(0, { revisions: 100, keys: 2 });
    log.record(1, 'B', move('c1'));
    log.record(2, 'B', setPositions({ c2: { x: 0, y: 0 }, c3: { x: 0, y: 0 } }));
    expect(log.conflict(0, 'A', new Set(['positions/c9']))).toBe('unknown');
    expect(log.conflict(1, 'A', new Set(['positions/c3']))).toBe('changed');
  });
});
