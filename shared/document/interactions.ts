/**
 * Editing the interaction log: what the user changes about an interaction
 * already logged (logInteraction, in commands.ts, adds one), and the checks
 * the forms share. An interaction with several people (a dinner) is one
 * entity: editing or deleting it from one person's card changes it for all.
 */
import type { ChangeSet } from './operations.js';
import { Interaction, type CarnetDocument } from './schema.js';

export type InteractionFields = Pick<Interaction, 'date' | 'channel' | 'direction'> & { note?: string };

export function interactionById(doc: CarnetDocument, id: string): Interaction | undefined {
  return Object.hasOwn(doc.interactions, id) ? doc.interactions[id] : undefined;
}

/** The interactions one contact took part in, newest first (`for…in`, not `Object.values`: see tiesOf). */
export function interactionsOf(doc: CarnetDocument, contactId: string): Interaction[] {
  const all = doc.interactions;
  const out: Interaction[] = [];
  for (const id in all) {
    if (!Object.hasOwn(all, id)) continue;
    const it = all[id]!;
    if (it.contacts.includes(contactId)) out.push(it);
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1));
}

/** True for a real calendar day `YYYY-MM-DD` (not 2023-02-30), years 1900 to 2200. */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Replaces the date, channel, direction and note of a logged interaction; its people and source stay. */
export function editInteraction(doc: CarnetDocument, id: string, fields: InteractionFields): ChangeSet {
  const current = interactionById(doc, id);
  if (!current) throw new Error(`no interaction "${id}"`);
  const note = fields.note?.trim();
  const next: Interaction = { ...current, date: fields.date, channel: fields.channel, direction: fields.direction };
  if (note) next.note = note;
  else delete next.note;
  return { label: { key: 'panel.labels.editInteraction' }, changes: [{ op: 'put', coll: 'interactions', id, value: Interaction.parse(next) }] };
}

export function deleteInteraction(doc: CarnetDocument, id: string): ChangeSet {
  if (!interactionById(doc, id)) throw new Error(`no interaction "${id}"`);
  return { label: { key: 'panel.labels.deleteInteraction' }, changes: [{ op: 'del', coll: 'interactions', id }] };
}
