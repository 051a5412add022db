// The renderer's side of the routine's facts: it asks the worker after the changes that can move them,
// with the day of the previous open, and says whether the facts it holds answer the document as it is now
// — in the same task as a change, so that nothing acts on an answer a change has made old (a notification
// sent or held back wrongly), and never on the answer about a document since replaced.
import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/document/operations.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { RoutinePort } from '../../../renderer/src/analysis/analysisClient.js';
import type { FromWorker, ToWorker } from '../../../renderer/src/analysis/protocol.js';
import { WorkerReplica } from '../../../renderer/src/analysis/replica.js';
import { RoutineClient } from '../../../renderer/src/routine/routineClient.js';
import type { DocChange } from '../../../renderer/src/state/store.js';
import { contact, doc, objective, TODAY } from '../routine/helpers.js';

type Answer = Extract<FromWorker, { type: 'routine' }>;

/** A store, a worker that answers when told to (a real replica), and a clock, as the client sees them. */
function setup(lastSeen: string | null = '2026-05-20') {
  let state: { doc: CarnetDocument | null; settings: { routine: { lastSeen: string | null } } | null } = { doc: null, settings: null };
  const storeListeners = new Set<() => void>();
  const docListeners = new Set<(c: DocChange) => void>();
  const written: unknown[] = [];
  const store = {
    get: () => state,
    subscribe: (l: () => void) => (storeListeners.add(l), () => storeListeners.delete(l)),
    onDocChange: (l: (c: DocChange) => void) => (docListeners.add(l), () => docListeners.delete(l)),
    setRoutineSettings: async (patch: unknown) => void written.push(patch),
  };
  const set = (patch: Partial<typeof state>) => {
    state = { ...state, ...patch };
    for (const l of storeListeners) l();
  };
  const asked: Extract<ToWorker, { type: 'routine' }>[] = [];
  const pending: Answer[] = [];
  const replica = new WorkerReplica((m) => m.type === 'routine' && pending.push(structuredClone(m)));
  const answerListeners = new Set<(m: Answer) => void>();
  const port: RoutinePort = {
    ask: (m) => {
      asked.push(m);
      replica.handle(m);
    },
    onAnswer: (l) => (answerListeners.add(l), () => answerListeners.delete(l)),
  };
  let clockState = { today: TODAY, wakes: 0 };
  const clockListeners = new Set<() => void>();
  const clock = { get: () => clockState, subscribe: (l: () => void) => (clockListeners.add(l), () => clockListeners.delete(l)) };
  const client = new RoutineClient(store as never, port, clock);
  return {
    client,
    asked,
    written,
    /** The worker's answers so far (or the first `n` of them) reach the renderer. */
    deliver: (n = pending.length) => {
      for (const m of pending.splice(0, n)) for (const l of answerListeners) l(m);
    },
    open: (d: CarnetDocument) => {
      set({ settings: { routine: { lastSeen } }, doc: d });
      replica.handle({ type: 'load', doc: structuredClone(d) });
      for (const l of docListeners) l({ kind: 'replace', doc: d });
    },
    edit: (d: CarnetDocument, changes: ChangeSet['changes']) => {
      const s = { label: { key: 'x' }, changes };
      applyChangeSet(d, s);
      replica.handle({ type: 'changes', set: s });
      for (const l of docListeners) l({ kind: 'changes', doc: d, set: s });
    },
    nextDay: (today: string) => {
      clockState = { today, wakes: clockState.wakes };
      for (const l of clockListeners) l();
    },
  };
}

const tick = () => new Promise<void>((r) => queueMicrotask(r));

function network(): CarnetDocument {
  const d = doc();
  contact(d, { id: 'ana', name: 'Ana Martin', birthday: `1985-${TODAY.slice(5)}` });
  objective(d, { id: 'o1', title: 'Raise a seed round', steps: [{ id: 's1', text: 'Pitch deck ready', due: TODAY }] });
  return d;
}

describe('RoutineClient', () => {
  it('asks once the document and the settings are there, with the day of the previous open, and records today as seen', async () => {
    const t = setup('2026-05-20');
    await tick();
    expect(t.asked).toEqual([]);
    t.open(network());
    await tick();
    expect(t.asked).toEqual([{ type: 'routine', id: 1, today: TODAY, lastSeen: '2026-05-20' }]);
    expect(t.written).toEqual([{ lastSeen: TODAY }]);
    expect(t.client.get()).toEqual({ facts: null, sizes: null, current: false });
    t.deliver();
    const { facts, current } = t.client.get();
    expect(current).toBe(true);
    expect(facts!.reminders.map((r) => r.key)).toEqual(expect.arrayContaining([`birthday:ana:${TODAY}`, `step:o1:s1:${TODAY}`]));
  });

  it('is not current from the moment a change is made until its answer arrives, and then says what changed', async () => {
    const t = setup();
    const d = network();
    t.open(d);
    await tick();
    t.deliver();
    expect(t.client.get().current).toBe(true);
    const step = { ...d.objectives.o1!, steps: [{ ...d.objectives.o1!.steps[0]!, done: TODAY }] };
    t.edit(d, [{ op: 'put', coll: 'objectives', id: 'o1', value: step }]);
    // Synchronously: a view rendered before the question leaves must not act on the old answer.
    expect(t.client.get().current).toBe(false);
    expect(t.client.get().facts!.reminders.some((r) => r.kind === 'step')).toBe(true);
    await tick();
    expect(t.asked).toHaveLength(2);
    t.deliver();
    expect(t.client.get().current).toBe(true);
    expect(t.client.get().facts!.reminders.some((r) => r.kind === 'step')).toBe(false);
  });

  it('asks once for the changes of one task, and not at all for map positions or the cluster cache', async () => {
    const t = setup();
    const d = network();
    t.open(d);
    await tick();
    t.deliver();
    t.edit(d, [{ op: 'put', coll: 'positions', id: 'ana', value: { x: 1, y: 2 } }]);
    await tick();
    expect(t.asked).toHaveLength(1);
    expect(t.client.get().current).toBe(true);
    t.edit(d, [{ op: 'put', coll: 'contacts', id: 'ana', value: { ...d.contacts.ana!, birthday: undefined } }]);
    t.edit(d, [{ op: 'put', coll: 'contacts', id: 'ana', value: { ...d.contacts.ana!, archived: true } }]);
    await tick();
    expect(t.asked).toHaveLength(2);
  });

  it('drops the answer about a document since replaced, and an answer overtaken by a newer question is not current', async () => {
    const t = setup();
    const first = network();
    t.open(first);
    await tick();
    const second = doc();
    contact(second, { id: 'bob', name: 'Bob' });
    t.open(second);
    await tick();
    // The answer about the first document arrives after the second opened: it is not shown.
    expect(t.asked.map((q) => q.id)).toEqual([1, 2]);
    t.deliver(1);
    expect(t.client.get()).toEqual({ facts: null, sizes: null, current: false });
    t.deliver();
    expect(t.client.get()).toMatchObject({ current: true, facts: { reminders: [] } });

    t.edit(second, [{ op: 'put', coll: 'contacts', id: 'bob', value: { ...second.contacts.bob!, birthday: `1990-${TODAY.slice(5)}` } }]);
    await tick();
    t.edit(second, [{ op: 'put', coll: 'contacts', id: 'bob', value: { ...second.contacts.bob!, archived: true } }]);
    await tick();
    t.deliver(1);
    // The answer about the birthday, overtaken by the archiving: shown, but not current.
    expect(t.client.get()).toMatchObject({ current: false, facts: { reminders: [{ key: `birthday:bob:${TODAY}` }] } });
    t.deliver();
    // Both answers arrived: the last one is current, and says the archived contact's birthday is not due.
    expect(t.client.get()).toMatchObject({ current: true, facts: { reminders: [] } });
  });

  it('after midnight, asks for the new day with the day the session began as the previous open', async () => {
    const t = setup('2026-05-20');
    t.open(network());
    await tick();
    t.deliver();
    t.nextDay('2026-06-04');
    expect(t.client.get().current).toBe(false);
    await tick();
    expect(t.asked.at(-1)).toEqual({ type: 'routine', id: 2, today: '2026-06-04', lastSeen: TODAY });
    expect(t.written).toEqual([{ lastSeen: TODAY }, { lastSeen: '2026-06-04' }]);
    t.deliver();
    expect(t.client.get()).toMatchObject({ current: true, facts: { today: '2026-06-04', lastSeen: TODAY } });
  });
});
