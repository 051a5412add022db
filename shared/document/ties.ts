/**
 * "Who knows whom": the ties the user records between two contacts, each
 * with a type ("anciens collègues", "famille"…). Ties are not directed, and
 * there is at most one tie per pair: adding a second one between the same
 * two people is refused, naming the tie that exists, so that the user edits
 * it instead.
 */
import { newId } from './commands.js';
import { contactById } from './contacts.js';
import type { ChangeSet } from './operations.js';
import { Tie, type CarnetDocument } from './schema.js';

/** Why a tie cannot be added or edited; `code` is for the interface, the message for logs and the CLI. */
export class TieError extends Error {
  constructor(
    readonly code: 'self' | 'unknownContact' | 'exists' | 'unknownTie' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** What the user sets on a tie. */
export type TieFields = { type?: string; strength?: number; note?: string };

export function tieById(doc: CarnetDocument, id: string): Tie | undefined {
  return Object.hasOwn(doc.ties, id) ? doc.ties[id] : undefined;
}

/**
 * Every tie, without first copying them into an array: over 150,000 ties, `for…in` measured 2 to 4 times
 * faster than `Object.values` in the same run (the contact card scans them when it opens).
 */
function* allTies(doc: CarnetDocument): Generator<Tie> {
  const ties = doc.ties;
  for (const id in ties) if (Object.hasOwn(ties, id)) yield ties[id]!;
}

/** The ties of one contact with the other end of each, in one pass over the ties. */
export function tiesOf(doc: CarnetDocument, contactId: string): { tie: Tie; other: string }[] {
  const out: { tie: Tie; other: string }[] = [];
  for (const tie of allTies(doc)) {
    if (tie.from === contactId) out.push({ tie, other: tie.to });
    else if (tie.to === contactId) out.push({ tie, other: tie.from });
  }
  return out;
}

/** The tie between two contacts, in either direction, if there is one. */
export function tieBetween(doc: CarnetDocument, a: string, b: string): Tie | undefined {
  for (const tie of allTies(doc)) {
    if ((tie.from === a && tie.to === b) || (tie.from === b && tie.to === a)) return tie;
  }
  return undefined;
}

/** The tie types already used in the document, most used first: what the type field suggests. */
export function tieTypes(doc: CarnetDocument, limit = 30): string[] {
  const counts = new Map<string, number>();
  for (const tie of allTies(doc)) {
    const type = tie.type?.trim();
    if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([type]) => type);
}

/** Trims the texts and drops empty ones. */
function cleanFields(fields: TieFields): TieFields {
  const out: TieFields = {};
  const type = fields.type?.trim();
  if (type) out.type = type;
  const note = fields.note?.trim();
  if (note) out.note = note;
  if (fields.strength !== undefined) out.strength = fields.strength;
  return out;
}

function parsed(value: unknown): Tie {
  const r = Tie.safeParse(value);
  if (!r.success) throw new TieError('invalid', r.error.issues[0]?.message ?? 'invalid tie');
  return r.data;
}

/** Records that two contacts know each other. */
export function addTie(doc: CarnetDocument, from: string, to: string, fields: TieFields = {}, id = newId('t')): ChangeSet {
  if (from === to) throw new TieError('self', 'a tie must join two different contacts');
  const a = contactById(doc, from);
  const b = contactById(doc, to);
  if (!a || !b) throw new TieError('unknownContact', `no contact "${a ? to : from}"`);
  const existing = tieBetween(doc, from, to);
  if (existing) throw new TieError('exists', `${a.name} and ${b.name} are already tied (tie "${existing.id}")`);
  if (tieById(doc, id)) throw new TieError('invalid', `a tie with id "${id}" already exists`);
  const value = parsed({ id, from, to, ...cleanFields(fields) });
  return { label: { key: 'panel.labels.addTie', params: { a: a.name, b: b.name } }, changes: [{ op: 'put', coll: 'ties', id, value }] };
}

/**
 * Changes what `fields` names of a tie and leaves the rest: `{type: 'famille'}` keeps the note. A text given
 * empty (or undefined) is removed; a strength given undefined returns to the default.
 */
export function editTie(doc: CarnetDocument, id: string, fields: TieFields): ChangeSet {
  const current = tieById(doc, id);
  if (!current) throw new TieError('unknownTie', `no tie "${id}"`);
  const next: Record<string, unknown> = { ...current };
  for (const key of ['type', 'note'] as const) {
    if (!Object.hasOwn(fields, key)) continue;
    const text = fields[key]?.trim();
    if (text) next[key] = text;
    else delete next[key];
  }
  if (Object.hasOwn(fields, 'strength')) {
    if (fields.strength === undefined) delete next.strength;
    else next.strength = fields.strength;
  }
  return { label: { key: 'panel.labels.editTie' }, changes: [{ op: 'put', coll: 'ties', id, value: parsed(next) }] };
}

export function deleteTie(doc: CarnetDocument, id: string): ChangeSet {
  if (!tieById(doc, id)) throw new TieError('unknownTie', `no tie "${id}"`);
  return { label: { key: 'panel.labels.deleteTie' }, changes: [{ op: 'del', coll: 'ties', id }] };
}
