/**
 * Thunderbird's address book CSV (`Display Name`, `Primary Email`,
 * `Work Phone`, `Birth Year`…, and `Custom 1-4` which carry no meaning).
 */
import type { ColumnTarget } from './mapping.js';

export function isThunderbirdHeader(norms: readonly string[]): boolean {
  return norms.includes('primary email') || (norms.includes('display name') && norms.includes('screen name')) || norms.includes('birth year');
}

/** Thunderbird's meaning of a column, or undefined to use the common names. */
export function thunderbirdColumn(norm: string): ColumnTarget | null | undefined {
  if (norm === 'primary email') return { field: 'email', group: '1' };
  if (norm === 'secondary email') return { field: 'email', group: '2' };
  if (norm === 'screen name' || /^custom \d$/.test(norm) || norm === '') return null;
  if (/^(home|work) address$/.test(norm)) return { field: 'address', part: 'street', label: norm.split(' ')[0], group: norm.split(' ')[0] };
  if (/^(home|work) address 2$/.test(norm)) return { field: 'address', part: 'street2', label: norm.split(' ')[0], group: norm.split(' ')[0] };
  return undefined;
}
