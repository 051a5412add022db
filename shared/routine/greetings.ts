/**
 * The greetings list of seed 003 ("could you send New Year wishes to all of
 * them?"): the contacts the user kept in a review, with their e-mails and
 * postal addresses, as a CSV for a mail merge or as vCards for any address book.
 */
import type { CarnetDocument, Contact, ReviewSession } from '../document/schema.js';
import { exportVcard } from '../export/vcard.js';
import { writeCsv } from '../import/csv.js';
import { marksByReview } from './reviewProgress.js';

export const GREETINGS_HEADER = ['Name', 'Given Name', 'Family Name', 'E-mail', 'Other E-mails', 'Street', 'Postal Code', 'City', 'Region', 'Country'] as const;

/** The kept contacts of a review that still exist and are not archived, in the review's order. */
export function keptContacts(doc: CarnetDocument, review: ReviewSession): Contact[] {
  const marks = marksByReview(doc).get(review.id) ?? new Map();
  return review.contacts
    .filter((id, i) => marks.get(i)?.decision === 'kept' && marks.get(i)?.contact === id && Object.hasOwn(doc.contacts, id) && !doc.contacts[id]!.archived)
    .map((id) => doc.contacts[id]!);
}

/**
 * A spreadsheet opens a cell starting with = + - @ as a formula: such a cell
 * from an imported file is written with a leading apostrophe (OWASP's CSV
 * injection advice), which spreadsheets show as text.
 */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function row(c: Contact): string[] {
  const address = c.addresses.find((a) => a.street || a.city || a.postalCode) ?? c.addresses[0];
  return [
    c.name,
    c.givenName ?? '',
    c.familyName ?? '',
    c.emails[0]?.value ?? '',
    c.emails.slice(1).map((e) => e.value).join(' ; '),
    address?.street ?? '',
    address?.postalCode ?? '',
    address?.city ?? c.city ?? '',
    address?.region ?? '',
    address?.country ?? '',
  ].map(safeCell);
}

/** UTF-8 with a byte order mark, so Excel reads accents right. */
export function greetingsCsv(contacts: readonly Contact[]): string {
  return '\ufeff' + writeCsv([[...GREETINGS_HEADER], ...contacts.map(row)]);
}

/** The same contacts as vCard 4.0, written by Carnet's own vCard export. */
export function greetingsVcard(doc: CarnetDocument, contacts: readonly Contact[]): string {
  const only: CarnetDocument = { ...doc, contacts: Object.fromEntries(contacts.map((c) => [c.id, c])) };
  return exportVcard(only);
}
