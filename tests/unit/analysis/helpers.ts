// Builders for analysis tests: small documents written by hand, and
// (from tests/helpers/planted.ts) networks with planted communities.
import {
  Contact,
  emptyDocument,
  type CarnetDocument,
  type ContactInput,
  type Interaction,
} from '../../../shared/document/schema.js';

export const NOW = '2025-06-01';

export function doc(): CarnetDocument {
  return emptyDocument('2015-01-01T00:00:00Z');
}

export function addContact(d: CarnetDocument, input: Partial<ContactInput> & { id: string }): void {
  d.contacts[input.id] = Contact.parse({ name: input.id, createdAt: '2015-01-01T00:00:00Z', updatedAt: '2015-01-01T00:00:00Z', ...input });
}

export function addTie(d: CarnetDocument, from: string, to: string, strength = 0.5): void {
  const id = `t_${from}_${to}`;
  d.ties[id] = { id, from, to, strength };
}

let interactionSeq = 0;
export function addInteraction(d: CarnetDocument, contacts: string[], date: string, extra: Partial<Interaction> = {}): string {
  const id = extra.id ?? `i_${String(++interactionSeq).padStart(6, '0')}`;
  d.interactions[id] = { id, date, contacts, channel: 'in-person', direction: 'mutual', ...extra };
  return id;
}

/** `days` days before NOW, as YYYY-MM-DD. */
export function daysAgo(days: number): string {
  return new Date(Date.parse(`${NOW}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export { nmi, plantedNetwork } from '../../helpers/planted.js';
