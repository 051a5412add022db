// Saved views are part of the document: built as ChangeSets, validated, undone like any edit.
import { describe, expect, it } from 'vitest';
import { applyChangeSet, parseChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument } from '../../../shared/document/schema.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { deleteView, saveView, sortedViews } from '../../../shared/document/views.js';

const NOW = '2026-06-01T00:00:00.000Z';
const VIEW = {
  viewport: { x1: -100, y1: -50, x2: 300, y2: 250 },
  filters: { categories: ['clients'], clusters: [], tags: [], strengths: [5], status: ['dormant' as const], sources: [], lastFrom: null, lastTo: '2025-12-31' },
  options: { showGaps: true },
};

describe('saved views', () => {
  it('are saved under a name, replaced by a save under the same name (any case), deleted, and each step undoes', () => {
    const doc = emptyDocument(NOW);
    const save = saveView(doc, '  Mes clients ', VIEW, NOW);
    expect(save.label).toEqual({ key: 'views.undoSave', params: { name: 'Mes clients' } });
    applyChangeSet(doc, parseChangeSet(save));
    const [view] = Object.values(doc.views);
    expect(view).toMatchObject({ name: 'Mes clients', viewport: VIEW.viewport, filters: { strengths: [5], lastTo: '2025-12-31' }, createdAt: NOW });
    expect(view!.id).toMatch(/^v_[0-9a-f]{16}$/);

    applyChangeSet(doc, parseChangeSet(saveView(doc, 'mes CLIENTS', { ...VIEW, options: { sizeBy: 'brokerage' } }, '2026-07-01')));
    expect(Object.values(doc.views)).toHaveLength(1);
    expect(doc.views[view!.id]).toMatchObject({ name: 'mes CLIENTS', options: { sizeBy: 'brokerage' }, createdAt: NOW });

    applyChangeSet(doc, parseChangeSet(saveView(doc, 'Anciens', VIEW)));
    expect(sortedViews(doc, 'fr').map((v) => v.name)).toEqual(['Anciens', 'mes CLIENTS']);
    const del = deleteView(doc, view!.id);
    expect(del.label).toEqual({ key: 'views.undoDelete', params: { name: 'mes CLIENTS' } });
    const undoDelete = applyChangeSet(doc, del);
    expect(Object.keys(doc.views)).toHaveLength(1);
    applyChangeSet(doc, undoDelete);
    expect(doc.views[view!.id]?.name).toBe('mes CLIENTS');
    expect(validateDocument(JSON.parse(JSON.stringify(doc))).ok).toBe(true);
  });

  it('refuse what is not a view: no name, an empty part of the map, an id that is a built-in name', () => {
    const doc = emptyDocument(NOW);
    expect(() => saveView(doc, '   ', VIEW)).toThrow(/needs a name/);
    expect(() => saveView(doc, 'Flat', { ...VIEW, viewport: { x1: 0, y1: 0, x2: 0, y2: 10 } })).toThrow(/x2 > x1/);
    expect(() => deleteView(doc, 'toString')).toThrow(/no saved view "toString"/);
    expect(() => deleteView(doc, '__proto__')).toThrow(/no saved view/);
    // A view put by hand with a bad filter is refused by the document's own check.
    expect(() => parseChangeSet({ label: { key: 'views.undoSave' }, changes: [{ op: 'put', coll: 'views', id: 'v1', value: { id: 'v1', name: 'x', viewport: VIEW.viewport, filters: { strengths: [9] }, createdAt: NOW } }] })).toThrow();
  });
});
