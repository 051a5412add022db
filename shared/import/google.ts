/**
 * Google Contacts CSV: the legacy "Google CSV" (`Given Name`, `Group Membership`,
 * `E-mail 1 - Type`) and the current export (`First Name`, `Labels`,
 * `E-mail 1 - Label`, `Organization Name`). Numbered columns come in pairs
 * (type/label + value) tied by their number; values hold several entries
 * separated by ` ::: `.
 */
import type { ColumnTarget } from './mapping.js';

const NUMBERED =
  /^(e mail|phone|website|address|relation|organization|im|event|custom field) (\d+) (value|type|label|formatted|street|city|po box|region|postal code|country|extended address|name|title|department|symbol|location|job description|yomi name|service|protocol)$/;

/** True for a header written by Google Contacts. */
export function isGoogleHeader(norms: readonly string[]): boolean {
  return norms.some((n) => NUMBERED.test(n)) || (norms.includes('group membership') && norms.includes('given name'));
}

const ADDRESS_PARTS: Record<string, 'street' | 'street2' | 'city' | 'region' | 'postalCode' | 'country' | 'formatted'> = {
  formatted: 'formatted',
  street: 'street',
  'extended address': 'street2',
  'po box': 'street2',
  city: 'city',
  region: 'region',
  'postal code': 'postalCode',
  country: 'country',
};

/** Google's meaning of a column, or undefined to use the common names. */
export function googleColumn(norm: string): ColumnTarget | null | undefined {
  const m = NUMBERED.exec(norm);
  if (m) {
    const [, kind, n, part] = m as unknown as [string, string, string, string];
    const group = n;
    const isLabel = part === 'type' || part === 'label';
    switch (kind) {
      case 'e mail':
        return isLabel ? { field: 'label', of: 'email', group } : part === 'value' ? { field: 'email', group } : null;
      case 'phone':
        return isLabel ? { field: 'label', of: 'phone', group } : part === 'value' ? { field: 'phone', group } : null;
      case 'website':
        return isLabel ? { field: 'label', of: 'url', group } : part === 'value' ? { field: 'url', group } : null;
      case 'relation':
        return isLabel ? { field: 'label', of: 'relation', group } : part === 'value' ? { field: 'relation', group } : null;
      case 'address':
        if (isLabel) return { field: 'label', of: 'address', group };
        return ADDRESS_PARTS[part] ? { field: 'address', part: ADDRESS_PARTS[part]!, group } : null;
      case 'organization':
        if (part === 'name') return { field: 'organization', group };
        if (part === 'title') return { field: 'title', group };
        if (part === 'department') return { field: 'department', group };
        return null;
      default:
        return null;
    }
  }
  if (/yomi|phonetic|file as/.test(norm)) return null;
  if (/^(initials|short name|maiden name|gender|location|billing information|directory server|mileage|occupation|hobby|sensitivity|priority|subject)$/.test(norm)) return null;
  return undefined;
}
