import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { generateDemoDocument } from '../../../shared/demo/demoNetwork.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { affectsAnalysis } from '../../../renderer/src/analysis/analysisClient.js';
import { deletePersona, EMPTY_PERSONA, savePersona, validatePersona } from '../../../shared/document/personas.js';
import { addDays, dismissSuggestion, isHidden, snoozeSuggestion, suggestionKeys } from '../../../shared/document/suggestions.js';

const NOW = '2026-03-01';

describe('suggestion decisions', () => {
  it('hide what the engine hides, and bring it back once undone', () => {
    const doc = generateDemoDocument({ now: NOW });
    const [first, second] = analyzeNetwork(doc, { now: NOW }).dormant;
    const undo = [
      applyChangeSet(doc, dismissSuggestion(suggestionKeys.dormant(first!.id))),
      applyChangeSet(doc, snoozeSuggestion(suggestionKeys.dormant(second!.id), NOW)),
    ];
    expect(isHidden(doc, suggestionKeys.dormant(first!.id), NOW)).toBe(true);
    expect(isHidden(doc, suggestionKeys.dormant(second!.id), NOW)).toBe(true);
    const ids = analyzeNetwork(doc, { now: NOW }).dormant.map((d) => d.id);
    expect(ids).not.toContain(first!.id);
    expect(ids).not.toContain(second!.id);

    // The snooze ends after 30 days, for the engine and for the panel alike.
    const later = addDays(NOW, 31);
    expect(isHidden(doc, suggestionKeys.dormant(second!.id), later)).toBe(false);
    expect(analyzeNetwork(doc, { now: later }).dormant.map((d) => d.id)).toContain(second!.id);

    for (const inverse of undo.reverse()) applyChangeSet(doc, inverse);
    expect(doc.suggestions).toEqual({});
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-28T10:00:00Z', 1)).toBe('2028-02-29');
  });

  it('keys a missing bridge the same whichever cluster comes first', () => {
    expect(suggestionKeys.bridge('cl_b', 'cl_a')).toBe(suggestionKeys.bridge('cl_a', 'cl_b'));
  });
});

describe('the analysis worker', () => {
  it('skips a new run for position-only edits', () => {
    expect(affectsAnalysis({ label: { key: 'Move' }, changes: [{ op: 'put', coll: 'positions', id: 'c1', value: { x: 1, y: 2 } }] })).toBe(false);
    expect(affectsAnalysis(dismissSuggestion('dormant:c1'))).toBe(true);
  });
});

describe('persona edits', () => {
  it('refuses a persona without name, with a bad target or without keywords', () => {
    expect(validatePersona({ ...EMPTY_PERSONA, target: 'x' })).toEqual({
      name: 'analysis.personas.errors.name',
      target: 'analysis.personas.errors.target',
      keywords: 'analysis.personas.errors.keywords',
    });
    expect(validatePersona({ ...EMPTY_PERSONA, name: 'CFO', match: { ...EMPTY_PERSONA.match, title: ['CFO'] } })).toEqual({});
  });

  it('keeps the fields the panel does not edit, and deletes with the suggestion decision', () => {
    const doc = generateDemoDocument({ now: NOW });
    const [persona] = Object.values(doc.personas);
    const stored = { ...persona!, reviewDate: '2026-06-01' };
    doc.personas[stored.id] = stored;
    const draft = { name: ' Renamed ', target: '7', match: { ...EMPTY_PERSONA.match, tags: ['ux'] }, notes: '' };
    const set = savePersona(doc, draft, stored.id);
    expect(set.label).toEqual({ key: 'analysis.labels.editPersona' });
    expect(set.changes[0]).toMatchObject({ op: 'put', coll: 'personas', id: stored.id, value: { name: 'Renamed', target: 7, reviewDate: '2026-06-01' } });
    expect((set.changes[0] as { value: object }).value).not.toHaveProperty('notes');

    const key = suggestionKeys.persona(stored.id);
    applyChangeSet(doc, dismissSuggestion(key));
    const del = deletePersona(doc, stored.id, key);
    const inverse = applyChangeSet(doc, del);
    expect(doc.personas[stored.id]).toBeUndefined();
    expect(doc.suggestions[key]).toBeUndefined();
    applyChangeSet(doc, inverse);
    expect(doc.personas[stored.id]).toEqual(stored);
  });
});
