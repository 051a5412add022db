/**
 * The choices offered for a CSV column in the mapping step, and how each
 * maps to shared/import's ColumnTarget. A guess the list cannot express
 * (a labelled e-mail, a grouped address part) keeps its own choice, so
 * leaving a column untouched never changes what is imported.
 */
import type { ColumnTarget } from '../../../shared/import/index.js';

export const IGNORE = 'ignore';

/** Choice keys, in the order the select lists them; each has a label under `import.fields`. */
export const CHOICES = [
  IGNORE,
  'name',
  'givenName',
  'familyName',
  'middleName',
  'nickname',
  'prefix',
  'email',
  'phone',
  'url',
  'profileUrl',
  'organization',
  'title',
  'department',
  'city',
  'address-street',
  'address-postalCode',
  'address-region',
  'address-country',
  'notes',
  'tags',
  'categories',
  'birthday',
  'connectedOn',
] as const;
export type Choice = (typeof CHOICES)[number];

/** The choice a target is shown as, or `guessed` when no plain choice says the same. */
export function choiceOf(target: ColumnTarget | null): Choice | 'guessed' {
  if (!target) return IGNORE;
  if (target.field === 'address') {
    const key = `address-${target.part}`;
    return target.label === undefined && !target.group && (CHOICES as readonly string[]).includes(key) ? (key as Choice) : 'guessed';
  }
  if (target.field === 'email' || target.field === 'phone' || target.field === 'url') {
    return target.label === undefined && target.group === undefined ? target.field : 'guessed';
  }
  if ((target.field === 'organization' || target.field === 'title' || target.field === 'department') && target.group) return 'guessed';
  return (CHOICES as readonly string[]).includes(target.field) ? (target.field as Choice) : 'guessed';
}

/** The target a choice stands for. */
export function targetOf(choice: Choice): ColumnTarget | null {
  if (choice === IGNORE) return null;
  if (choice.startsWith('address-')) return { field: 'address', part: choice.slice('address-'.length) as 'street' };
  return { field: choice } as ColumnTarget;
}

/** The field key a target is named by in `import.fields` (its label, if any, is shown beside it). */
export function fieldKeyOf(target: ColumnTarget): string {
  return target.field === 'address' ? `address-${target.part}` : target.field;
}
