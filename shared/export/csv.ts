/**
 * Carnet's own CSV: readable columns for a spreadsheet, lists written as
 * `label: value ::: …`, and the structured fields (organizations, schools,
 * addresses) as JSON so that re-importing gives back the same contacts.
 * The `Carnet ID` column is how the importer recognises the format.
 */
import type { CarnetDocument, Contact, LabeledValue } from '../document/schema.js';
import { writeCsv } from '../import/csv.js';
import { idValues } from '../document/idMap.js';

export const CARNET_CSV_HEADER = [
  'Carnet ID', 'Name', 'Given Name', 'Family Name', 'E-mails', 'Phones', 'URLs', 'Profile URL', 'Organization', 'Title',
  'Organizations JSON', 'Schools JSON', 'Addresses JSON', 'City', 'Tags', 'Categories', 'Notes', 'Birthday', 'Strength',
  'Cadence Days', 'Connected On', 'Archived', 'Photo',
] as const;

function list(values: readonly LabeledValue[]): string {
  return values.map((v) => (v.label ? `${v.label}: ${v.value}` : v.value)).join(' ::: ');
}

function strip<T extends { source?: string }>(values: readonly T[]): Omit<T, 'source'>[] {
  return values.map(({ source, ...rest }) => (void source, rest));
}

function row(c: Contact, doc: CarnetDocument): string[] {
  const first = c.organizations.find((o) => o.current) ?? c.organizations[0];
  return [
    c.id,
    c.name,
    c.givenName ?? '',
    c.familyName ?? '',
    list(c.emails),
    list(c.phones),
    list(c.urls),
    c.profileUrl ?? '',
    first?.name ?? '',
    first?.title ?? '',
    c.organizations.length ? JSON.stringify(strip(c.organizations)) : '',
    c.schools.length ? JSON.stringify(strip(c.schools)) : '',
    c.addresses.length ? JSON.stringify(strip(c.addresses)) : '',
    c.city ?? '',
    c.tags.join(' ::: '),
    c.categories.map((id) => doc.categories[id]?.name ?? id).join(' ::: '),
    c.notes ?? '',
    c.birthday ?? '',
    c.strength === undefined ? '' : String(c.strength),
    c.cadenceDays === undefined ? '' : String(c.cadenceDays),
    c.connectedOn ?? '',
    c.archived ? 'true' : '',
    c.photo ?? '',
  ];
}

/** All contacts as Carnet CSV (UTF-8 with a BOM so Excel reads accents right). */
export function exportCsv(doc: CarnetDocument): string {
  return '\ufeff' + writeCsv([[...CARNET_CSV_HEADER], ...idValues(doc.contacts).map((c) => row(c, doc))]);
}
