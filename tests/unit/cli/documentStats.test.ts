import { describe, expect, it } from 'vitest';
import { documentStats } from '../../../electron/cli/documentStats.js';
import { emptyDocument, type CarnetDocument, type Contact } from '../../../shared/document/schema.js';

const NOW = new Date('2026-03-01T00:00:00.000Z');

function contact(id: string, extra: Partial<Contact> = {}): Contact {
  return {
    id, name: id, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [], sources: [],
    createdAt: '2025-01-01', updatedAt: '2025-01-01', ...extra,
  };
}

function doc(): CarnetDocument {
  const d = emptyDocument('2025-01-01');
  d.categories.cat = { id: 'cat', name: 'Clients', color: '#000000', cadenceDays: 60 };
  d.contacts.recent = contact('recent', { categories: ['cat'], organizations: [{ name: 'Acme', current: true }], city: 'Paris' });
  d.contacts.overdue = contact('overdue', { categories: ['cat'], organizations: [{ name: 'ACME ', current: false }], city: 'paris' });
  d.contacts.own = contact('own', { categories: ['cat'], cadenceDays: 365 });
  d.contacts.dormant = contact('dormant');
  d.contacts.never = contact('never', { categories: ['cat'] });
  d.contacts.archived = contact('archived', { archived: true });
  const it = (id: string, date: string, contacts: string[]) => (d.interactions[id] = { id, date, contacts, channel: 'call', direction: 'gave' });
  it('i1', '2026-02-20', ['recent']);
  it('i2', '2025-10-01', ['overdue', 'own']);
  it('i3', '2022-01-15T10:00:00Z', ['dormant', 'archived']);
  return d;
}

describe('documentStats', () => {
  it('counts states as of a date', () => {
    const s = documentStats(doc(), NOW);
    expect(s).toMatchObject({
      contacts: 6,
      archived: 1,
      interactions: 3,
      categories: 1,
      organizations: 1,
      cities: 1,
      recent: 1,
      dormant: 1,
      neverContacted: 1,
      // overdue: past the category's 60 days; never: no interaction with a cadence. `own` has 365 days and is within it.
      overdue: 2,
      firstInteraction: '2022-01-15',
      lastInteraction: '2026-02-20',
      asOf: '2026-03-01',
    });
    expect(s.interactionsByChannel.call).toBe(3);
    expect(s.interactionsByDirection).toEqual({ gave: 3, received: 0, mutual: 0 });
  });

  it('handles an empty document', () => {
    const s = documentStats(emptyDocument('2025-01-01'), NOW);
    expect(s).toMatchObject({ contacts: 0, dormant: 0, firstInteraction: null, lastInteraction: null });
  });
});
