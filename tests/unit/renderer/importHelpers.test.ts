import { describe, expect, it } from 'vitest';
import { addContact } from '../../../shared/document/commands.js';
import { applyChangeSet, type Change, type ChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument } from '../../../shared/document/schema.js';
import { buildImportPreview, MAX_IMPORT_BYTES, parseImportFile, type ColumnTarget } from '../../../shared/import/index.js';
import { CHOICES, choiceOf, targetOf } from '../../../renderer/src/import/columnChoices.js';
import { checkSizes } from '../../../renderer/src/import/gatherFiles.js';
import { withPositions } from '../../../shared/document/placement.js';

const NOW = '2025-03-01T10:00:00.000Z';
const utf8 = (s: string) => new TextEncoder().encode(s);

function docWithTwo() {
  const doc = emptyDocument(NOW);
  applyChangeSet(doc, addContact(doc, { id: 'a', name: 'Alice Existing', emails: [{ value: 'alice@x.example' }] }, NOW));
  applyChangeSet(doc, addContact(doc, { id: 'b', name: 'Bruno Existing' }, NOW));
  doc.positions.a = { x: 0, y: 0 };
  doc.positions.b = { x: 200, y: 100 };
  return doc;
}

type Put = Extract<Change, { op: 'put' }>;
const puts = (set: ChangeSet, coll: Put['coll']) => set.changes.filter((c): c is Put => c.op === 'put' && c.coll === coll);
const positionsOf = (set: ChangeSet): Record<string, { x: number; y: number }> =>
  Object.fromEntries(puts(set, 'positions').map((c) => [c.id, c.value as { x: number; y: number }]));

describe('positions of imported contacts', () => {
  it('places every new contact, beside the map, in the same ChangeSet, and moves nobody', () => {
    const doc = docWithTwo();
    const parsed = parseImportFile(utf8('Name,Email\nZoé New,zoe@n.example\nYann New,yann@n.example\nAlice Existing,alice@x.example\n'), 'a.csv');
    const preview = buildImportPreview(doc, [parsed], { now: NOW });
    const set = withPositions(doc, preview.changeSet);
    const placed = positionsOf(set);
    const created = puts(set, 'contacts').filter((c) => !(c.id in doc.contacts)).map((c) => c.id);
    expect(created).toHaveLength(2);
    expect(Object.keys(placed).sort()).toEqual([...created].sort());
    for (const p of Object.values(placed)) expect(p.x).toBeGreaterThan(200);
    expect(set.label).toBe(preview.changeSet.label);
    // The whole set applies at once, so one undo removes contacts and positions together.
    const inverse = applyChangeSet(doc, set);
    applyChangeSet(doc, inverse);
    expect(Object.keys(doc.positions).sort()).toEqual(['a', 'b']);
  });

  it('puts a new contact tied to a placed one next to it', () => {
    const doc = docWithTwo();
    const scratch = emptyDocument(NOW);
    const contact = addContact(scratch, { id: 'n', name: 'New Tied' }, NOW).changes[0]!;
    const set: ChangeSet = {
      label: { key: 'Import ties.csv' },
      changes: [contact, { op: 'put', coll: 'ties', id: 't', value: { id: 't', from: 'n', to: 'b', strength: 0.5 } }],
    };
    const p = positionsOf(withPositions(doc, set)).n!;
    expect(Math.hypot(p.x - 200, p.y - 100)).toBeLessThan(80);
    expect(() => applyChangeSet(doc, withPositions(doc, set))).not.toThrow();
  });

  it('leaves a ChangeSet that creates nobody as it is', () => {
    const doc = docWithTwo();
    const set: ChangeSet = { label: { key: 'Import y' }, changes: [{ op: 'put', coll: 'contacts', id: 'a', value: doc.contacts.a! }] };
    expect(withPositions(doc, set)).toBe(set);
  });
});

describe('column choices of the mapping step', () => {
  it('round-trips every plain choice', () => {
    for (const c of CHOICES) expect(choiceOf(targetOf(c))).toBe(c);
  });

  it('keeps guesses it cannot express as "guessed"', () => {
    const labelled: ColumnTarget = { field: 'email', label: 'work' };
    const grouped: ColumnTarget = { field: 'address', part: 'city', group: 'home' };
    expect(choiceOf(labelled)).toBe('guessed');
    expect(choiceOf(grouped)).toBe('guessed');
    expect(choiceOf({ field: 'birthYear' })).toBe('guessed');
    expect(choiceOf(null)).toBe('ignore');
    expect(targetOf('address-postalCode')).toEqual({ field: 'address', part: 'postalCode' });
  });
});

describe('size limit', () => {
  it('refuses files over the limit before reading them, by path', () => {
    const small = { file: new File(['x'], 'small.csv'), path: 'small.csv' };
    const huge = { file: { size: MAX_IMPORT_BYTES + 1 } as File, path: 'export/huge.csv' };
    expect(checkSizes([small, huge])).toEqual({ accepted: [small], refused: [{ path: 'export/huge.csv', bytes: MAX_IMPORT_BYTES + 1 }] });
  });
});
