import type { CarnetDocument, Category } from '../../../shared/document/schema.js';

/**
 * The categories of a contact, in the contact's order (the first gives its
 * colour on the map): for drawing categories as areas on the map.
 */
export function categoryOf(doc: CarnetDocument, contactId: string): Category[] {
  const contact = doc.contacts[contactId];
  if (!contact) return [];
  return contact.categories.map((id) => doc.categories[id]).filter((c): c is Category => Boolean(c));
}
