import { describe, expect, it } from 'vitest';
import { generateLargeNetwork } from '../../../shared/demo/largeNetwork.js';
import { validateDocument } from '../../../shared/document/validate.js';

const NOW = '2026-03-01T00:00:00.000Z';

describe('generateLargeNetwork', () => {
  it('builds 30,000 contacts, 150,000 ties and 60,000 interactions that validate', () => {
    const doc = generateLargeNetwork({ contacts: 30_000, ties: 150_000, interactions: 60_000, now: NOW });
    expect(Object.keys(doc.contacts)).toHaveLength(30_000);
    expect(Object.keys(doc.ties)).toHaveLength(150_000);
    expect(Object.keys(doc.interactions)).toHaveLength(60_000);
    const result = validateDocument(doc);
    expect(result.ok ? null : result.error).toBeNull();

    const pairs = new Set<string>();
    let selfTies = 0;
    for (const t of Object.values(doc.ties)) {
      if (t.from === t.to) selfTies++;
      pairs.add(t.from < t.to ? `${t.from}|${t.to}` : `${t.to}|${t.from}`);
    }
    expect(selfTies).toBe(0);
    expect(pairs.size).toBe(150_000);
  });

  it('plants communities: most ties join people of the same organization', () => {
    const doc = generateLargeNetwork({ contacts: 3_000, ties: 15_000, interactions: 1_000, now: NOW, communities: 12 });
    const org = (id: string) => doc.contacts[id]!.organizations[0]!.name;
    const ties = Object.values(doc.ties);
    const inside = ties.filter((t) => org(t.from) === org(t.to)).length;
    // 85% of ties are drawn inside a community, and 80% of its members carry its organization: about 0.85 × 0.8².
    expect(inside / ties.length).toBeGreaterThan(0.5);
    expect(inside / ties.length).toBeLessThan(0.95);
    expect(new Set(Object.values(doc.contacts).map((c) => c.organizations[0]!.name)).size).toBeGreaterThanOrEqual(12);
    expect(Object.keys(doc.categories).length).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const opts = { contacts: 500, ties: 2_000, interactions: 800, now: NOW, seed: 42 };
    expect(JSON.stringify(generateLargeNetwork(opts))).toBe(JSON.stringify(generateLargeNetwork(opts)));
    expect(JSON.stringify(generateLargeNetwork({ ...opts, seed: 43 }))).not.toBe(JSON.stringify(generateLargeNetwork(opts)));
  });

  it('refuses more ties than there are pairs, and handles tiny sizes', () => {
    expect(() => generateLargeNetwork({ contacts: 4, ties: 7, interactions: 0, now: NOW })).toThrow(/only 6 distinct pairs/);
    const complete = generateLargeNetwork({ contacts: 4, ties: 6, interactions: 3, now: NOW });
    expect(Object.keys(complete.ties)).toHaveLength(6);
    expect(validateDocument(complete).ok).toBe(true);
    const empty = generateLargeNetwork({ contacts: 0, ties: 0, interactions: 0, now: NOW });
    expect(validateDocument(empty).ok).toBe(true);
  });
});
