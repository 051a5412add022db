// The edits the crash test's child makes, built with the real command builders.
import * as commands from '../../../shared/document/commands.js';
import type { ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';

export function addContact(doc: CarnetDocument, id: string): ChangeSet {
  return commands.addContact(doc, { id, name: `Crash ${id}`, notes: 'n'.repeat(200), tags: ['crash'] });
}

export function addTie(from: string, to: string): ChangeSet {
  const id = `t_${from}_${to}`;
  return { label: { key: 'Add tie' }, changes: [{ op: 'put', coll: 'ties', id, value: { id, from, to, strength: 0.5 } }] };
}

export function updateContact(doc: CarnetDocument, id: string): ChangeSet {
  const c = doc.contacts[id]!;
  return commands.updateContact(doc, id, { strength: ((c.strength ?? 0) % 5) + 1 });
}
