/**
 * ChangeSets behind review mode and archiving. A decision (keep, archive)
 * moves the review on and is one undo step with what it did to the contact:
 * undoing an archive brings the contact back and the review to it. Moving
 * back and forth changes only the review's position (the app applies it
 * without an undo step).
 */
import { newId, nowIso } from './commands.js';
import type { Change, ChangeSet } from './operations.js';
import { Contact, type CarnetDocument, type ReviewSession } from './schema.js';

export function startReview(set: ReviewSession['set'], contacts: readonly string[], now = nowIso(), id = newId('r')): ChangeSet {
  const value: ReviewSession = { id, set, contacts: [...contacts], position: 0, kept: [], archived: [], startedAt: now, updatedAt: now, ...(contacts.length === 0 ? { finishedAt: now } : {}) };
  return { label: { key: 'routine.labels.startReview', params: { count: contacts.length } }, changes: [{ op: 'put', coll: 'reviews', id, value }] };
}

function reviewOf(doc: CarnetDocument, id: string): ReviewSession {
  const r = Object.hasOwn(doc.reviews, id) ? doc.reviews[id]! : null;
  if (!r) throw new Error(`no review "${id}"`);
  return r;
}

function moved(r: ReviewSession, position: number, now: string): ReviewSession {
  const p = Math.max(0, Math.min(position, r.contacts.length));
  const { finishedAt: _f, ...rest } = r;
  return { ...rest, position: p, updatedAt: now, ...(p >= r.contacts.length ? { finishedAt: r.finishedAt ?? now } : {}) };
}

/** Goes to another contact of the review (or past the last one: the summary). */
export function moveReview(doc: CarnetDocument, id: string, position: number, now = nowIso()): ChangeSet {
  const r = reviewOf(doc, id);
  return { label: { key: 'routine.labels.moveReview' }, changes: [{ op: 'put', coll: 'reviews', id, value: moved(r, position, now) }] };
}

function archivedValue(c: Contact, archived: boolean, now: string): Contact {
  const { archived: _a, ...rest } = c;
  return Contact.parse({ ...rest, ...(archived ? { archived: true } : {}), updatedAt: now });
}

/**
 * Keeps or archives the contact the review is on, and moves to the next.
 * Keeping a contact archived earlier in this review brings it back.
 */
export function decideReview(doc: CarnetDocument, id: string, decision: 'keep' | 'archive', now = nowIso()): ChangeSet {
  const r = reviewOf(doc, id);
  const contactId = r.contacts[r.position];
  if (contactId === undefined) throw new Error('the review is finished');
  const contact = Object.hasOwn(doc.contacts, contactId) ? doc.contacts[contactId]! : null;
  const changes: Change[] = [];
  const kept = r.kept.filter((x) => x !== contactId);
  const archived = r.archived.filter((x) => x !== contactId);
  if (decision === 'keep') kept.push(contactId);
  else archived.push(contactId);
  if (contact && Boolean(contact.archived) !== (decision === 'archive')) {
    changes.push({ op: 'put', coll: 'contacts', id: contactId, value: archivedValue(contact, decision === 'archive', now) });
  }
  changes.push({ op: 'put', coll: 'reviews', id, value: moved({ ...r, kept, archived }, r.position + 1, now) });
  const name = contact?.name ?? contactId;
  return { label: { key: decision === 'keep' ? 'routine.labels.keep' : 'routine.labels.archiveOne', params: { name } }, changes };
}

/** Brings back a contact archived in a review: it is kept after all. */
export function bringBack(doc: CarnetDocument, id: string, contactId: string, now = nowIso()): ChangeSet {
  const r = reviewOf(doc, id);
  const changes: Change[] = [];
  const c = Object.hasOwn(doc.contacts, contactId) ? doc.contacts[contactId]! : null;
  if (c?.archived) changes.push({ op: 'put', coll: 'contacts', id: contactId, value: archivedValue(c, false, now) });
  const value: ReviewSession = { ...r, archived: r.archived.filter((x) => x !== contactId), kept: r.kept.includes(contactId) ? r.kept : [...r.kept, contactId], updatedAt: now };
  changes.push({ op: 'put', coll: 'reviews', id, value });
  return { label: { key: 'routine.labels.keep', params: { name: c?.name ?? contactId } }, changes };
}

/** Archives (or brings back) contacts in one step: a selection on the map, a review's summary. */
export function setArchived(doc: CarnetDocument, ids: readonly string[], archived: boolean, now = nowIso()): ChangeSet {
  const changes: Change[] = [];
  for (const id of new Set(ids)) {
    const c = Object.hasOwn(doc.contacts, id) ? doc.contacts[id]! : null;
    if (!c || Boolean(c.archived) === archived) continue;
    changes.push({ op: 'put', coll: 'contacts', id, value: archivedValue(c, archived, now) });
  }
  return { label: { key: archived ? 'routine.labels.archive' : 'routine.labels.unarchive', params: { count: changes.length } }, changes };
}

function contactOf(doc: CarnetDocument, id: string): Contact {
  const c = Object.hasOwn(doc.contacts, id) ? doc.contacts[id]! : null;
  if (!c) throw new Error(`no contact "${id}"`);
  return c;
}

function withField(c: Contact, field: 'cadenceDays' | 'strength', value: number | null, now: string): Contact {
  const { [field]: _old, ...rest } = c;
  return Contact.parse({ ...rest, ...(value === null ? {} : { [field]: value }), updatedAt: now });
}

/** The wanted days between contacts for one person (null: back to the category's or the closeness's). */
export function setCadence(doc: CarnetDocument, id: string, days: number | null, now = nowIso()): ChangeSet {
  const c = contactOf(doc, id);
  return { label: { key: 'routine.labels.cadence', params: { name: c.name } }, changes: [{ op: 'put', coll: 'contacts', id, value: withField(c, 'cadenceDays', days, now) }] };
}

/** Closeness 1 (acquaintance) to 5 (intimate), or null to let the log decide. */
export function setCloseness(doc: CarnetDocument, id: string, strength: number | null, now = nowIso()): ChangeSet {
  const c = contactOf(doc, id);
  return { label: { key: 'routine.labels.closeness', params: { name: c.name } }, changes: [{ op: 'put', coll: 'contacts', id, value: withField(c, 'strength', strength, now) }] };
}
