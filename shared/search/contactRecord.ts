/**
 * What of a contact is searchable, field by field, as the original text (to
 * show and highlight) and folded (to match).
 */
import type { Contact } from '../document/schema.js';
import { foldText } from './normalize.js';

export const SEARCH_FIELDS = ['name', 'organization', 'title', 'school', 'city', 'tag', 'notes'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * Notes can hold 100,000 characters; ranking fuzzily through all of that on
 * every keystroke would cost more than the rest of the contact together, and
 * what matters of a note for finding a person is near its start.
 */
export const NOTES_SEARCH_LIMIT = 2_000;

export type SearchValue = { field: SearchField; text: string; folded: string };

export type SearchRecord = { id: string; name: string; values: SearchValue[] };

function unique(xs: (string | undefined)[]): string[] {
  return [...new Set(xs.map((x) => x?.trim()).filter((x): x is string => Boolean(x)))];
}

/** The searchable values of a contact; empty values and duplicates within a field are left out. */
export function contactRecord(c: Contact): SearchRecord {
  const values: SearchValue[] = [];
  const add = (field: SearchField, texts: (string | undefined)[]) => {
    for (const text of unique(texts)) values.push({ field, text, folded: foldText(text) });
  };
  add('name', [c.name]);
  add('organization', c.organizations.map((o) => o.name));
  add('title', c.organizations.map((o) => o.title));
  add('school', c.schools.map((s) => s.name));
  add('city', [c.city, ...c.addresses.map((a) => a.city)]);
  add('tag', c.tags);
  add('notes', [c.notes?.slice(0, NOTES_SEARCH_LIMIT)]);
  return { id: c.id, name: c.name, values };
}
