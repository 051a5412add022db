import { describe, expect, it } from 'vitest';
import { applyChangeSet, parseChangeSet } from '../../../shared/document/operations.js';
import { deleteObjective, draftOfObjective, EMPTY_OBJECTIVE, reviewObjective, saveObjective, setStepDone, validateObjective, type TargetNames } from '../../../shared/document/objectives.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { doc } from './helpers.js';

const names: TargetNames = { persona: (id) => ({ p1: 'Investor in Rennes', p2: 'UX lead' })[id] ?? id, cluster: (id) => `Cluster ${id}`, category: (id) => `Category ${id}` };

describe('objectives', () => {
  it('keep every revision: what changed, from what to what, and when', () => {
    const d = doc();
    const created = saveObjective(d, { ...EMPTY_OBJECTIVE, title: 'Raise a seed round', personas: ['p1'], by: '2026-12-31', stage: 'development', reviewDate: '2026-07-01' }, names, undefined, '2026-06-01T09:00:00.000Z');
    applyChangeSet(d, parseChangeSet(created));
    const id = Object.keys(d.objectives)[0]!;
    const draft = draftOfObjective(d.objectives[id]!);
    applyChangeSet(d, parseChangeSet(saveObjective(d, { ...draft, title: 'Raise a pre-seed round', personas: ['p1', 'p2'] }, names, id, '2026-06-10T09:00:00.000Z')));
    const second = draftOfObjective(d.objectives[id]!);
    applyChangeSet(d, parseChangeSet(saveObjective(d, { ...second, steps: [{ text: 'Meet three angels', due: '2026-06-30' }], stage: 'consolidation' }, names, id, '2026-06-20T09:00:00.000Z')));
    const h = d.objectives[id]!.history;
    expect(h.map((r) => [r.kind, r.at])).toEqual([
      ['created', '2026-06-01T09:00:00.000Z'],
      ['edited', '2026-06-10T09:00:00.000Z'],
      ['edited', '2026-06-20T09:00:00.000Z'],
    ]);
    expect(h[1]!.changes).toEqual([
      { field: 'title', from: 'Raise a seed round', to: 'Raise a pre-seed round' },
      { field: 'personas', from: 'Investor in Rennes', to: 'Investor in Rennes, UX lead' },
    ]);
    expect(h[2]!.changes).toEqual([
      { field: 'stage', from: 'development', to: 'consolidation' },
      { field: 'steps', to: 'Meet three angels · 2026-06-30' },
    ]);
    expect(validateDocument(JSON.parse(JSON.stringify(d))).ok).toBe(true);
  });

  it('saving without a change adds no revision and no undo step', () => {
    const d = doc();
    applyChangeSet(d, saveObjective(d, { ...EMPTY_OBJECTIVE, title: 'A' }, names, undefined, '2026-06-01T09:00:00.000Z'));
    const id = Object.keys(d.objectives)[0]!;
    expect(saveObjective(d, draftOfObjective(d.objectives[id]!), names, id).changes).toEqual([]);
  });

  it('a review is a revision of its own, with the next review date; a step done is one too; all undoable', () => {
    const d = doc();
    applyChangeSet(d, saveObjective(d, { ...EMPTY_OBJECTIVE, title: 'Move into UX research', reviewDate: '2026-06-01', steps: [{ text: 'Coffee with a UX researcher', due: '2026-06-05' }] }, names, undefined, '2026-05-01T09:00:00.000Z'));
    const id = Object.keys(d.objectives)[0]!;
    const before = structuredClone(d);
    const undo = applyChangeSet(d, reviewObjective(d, id, '2026-09-01', 'Still the plan', '2026-06-02T09:00:00.000Z'));
    expect(d.objectives[id]!.history.at(-1)).toEqual({ at: '2026-06-02T09:00:00.000Z', kind: 'reviewed', changes: [{ field: 'reviewDate', from: '2026-06-01', to: '2026-09-01' }], note: 'Still the plan' });
    const stepId = d.objectives[id]!.steps[0]!.id;
    const undoStep = applyChangeSet(d, setStepDone(d, id, stepId, '2026-06-03', names, '2026-06-03T09:00:00.000Z'));
    expect(d.objectives[id]!.steps[0]!.done).toBe('2026-06-03');
    expect(d.objectives[id]!.history.at(-1)!.changes).toEqual([{ field: 'steps', from: 'Coffee with a UX researcher · 2026-06-05', to: '✓ Coffee with a UX researcher · 2026-06-05' }]);
    applyChangeSet(d, undoStep);
    applyChangeSet(d, undo);
    expect(d).toEqual(before);
    applyChangeSet(d, deleteObjective(d, id));
    expect(d.objectives).toEqual({});
  });

  it('names the fields a draft gets wrong', () => {
    expect(validateObjective({ ...EMPTY_OBJECTIVE, title: ' ', by: '2026-02-30', steps: [{ text: '', due: '2026-06-01' }, { text: 'x', due: '' }] })).toEqual({
      title: 'routine.objectives.errors.title',
      by: 'routine.objectives.errors.date',
      step0: 'routine.objectives.errors.stepText',
      step1: 'routine.objectives.errors.stepDue',
    });
  });

  it('treats hostile entities as data: a phrase parameter named __proto__ pollutes nothing, a plan of 9 is refused', () => {
    const bad = { label: { key: 'x' }, changes: [{ op: 'put', coll: 'plans', id: '2026-06-01', value: { id: '2026-06-01', createdAt: '2026-06-01', size: 5, actions: [{ key: 'k', kind: 'meet', contacts: [], why: [{ key: 'routine.why.meet', params: JSON.parse('{"__proto__": {"polluted": 1}, "count": 2}') }], firstStep: { key: 'k' }, channel: 'message' }] } }] };
    const parsed = parseChangeSet(bad).changes[0] as { value: { actions: { why: { params: object }[] }[] } };
    const params = parsed.value.actions[0]!.why[0]!.params;
    expect(params).toEqual({ count: 2 });
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    const big = { label: { key: 'x' }, changes: [{ op: 'put', coll: 'plans', id: 'w', value: { id: 'w', createdAt: '2026-06-01', size: 9, actions: [] } }] };
    expect(() => parseChangeSet(big)).toThrow();
  });
});
