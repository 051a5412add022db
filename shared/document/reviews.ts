/**
 * ChangeSets behind review mode and archiving. A review is written once when
 * it starts; each decision is one small mark (and, for an archive, the
 * contact's flag), one undo step: undoing an archive brings the contact back.
 * Moving back and forth in a review changes nothing in the document.
 */
import { newId, nowIso } from './commands.js';
import type { Change, ChangeSet } from './operations.js';
import { Contact, type CarnetDocument, type ReviewMark, type ReviewSession } from './schema.js';

export function startReview(set: ReviewSession['set'], contacts: readonly string[], now = nowIso(), id = newId('r')): ChangeSet {
  const value: ReviewSession = { id, set, contacts: [...contacts], startedAt: now };
  return { label: { key: 'routine.labels.startReview', params: { count: contacts.length } }, changes: [{ op: 'put', coll: 'reviews', id, value }] };
}

/** The id of the mark of contact number `index` of a review. */
export function markId(reviewId: string, index: number): string {
  return `${reviewId}.${index}`;
}

function reviewOf(doc: CarnetDocument, id: string): ReviewSession {
  const r = Object.hasOwn(doc.reviews, id) ? doc.reviews[id]! : null;
  if (!r) throw new Error(`no review "${id}"`);
  return r;
}

function archivedValue(c: Contact, archived: boolean, now: string): Contact {
  const { archived: _a, ...rest } = c;
  return Contact.parse({ ...rest, ...(archived ? { archived: true } : {}), updatedAt: now });
}

/**
 * Keeps or archives contact number `index` of the review. Keeping a contact
 * archived earlier (in this review or before) brings it back.
 */
export function decideReview(doc: CarnetDocument, reviewId: string, index: number, decision: ReviewMark['decision'], now = nowIso()): ChangeSet {
  const r = reviewOf(doc, reviewId);
  const contactId = r.contacts[index];
  if (contactId === undefined) throw new Error(`the review has no contact number ${index + 1}`);
  const contact = Object.hasOwn(doc.contacts, contactId) ? doc.contacts[contactId]! : null;
  const changes: Change[] = [];
  if (contact && Boolean(contact.archived) !== (decision === 'archived')) {
    changes.push({ op: 'put', coll: 'contacts', id: contactId, value: archivedValue(contact, decision === 'archived', now) });
  }
  const id = markId(reviewId, index);
  const mark: ReviewMark = { id, review: reviewId, index, contact: contactId, decision, at: now };
  changes.push({ op: 'put', coll: 'reviewMarks', id, value: mark });
  const name = contact?.name ?? contactId;
  return { label: { key: decision === 'kept' ? 'routine.labels.keep' : 'routine.labels.archiveOne', params: { name } }, changes };
}

/** Archives (or brings back) contacts in one step: a selection on the map. */
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
