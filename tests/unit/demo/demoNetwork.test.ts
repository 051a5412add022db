import { describe, expect, it } from 'vitest';
import { generateDemoDocument } from '../../../shared/demo/demoNetwork.js';
import { validateDocument } from '../../../shared/document/validate.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';

const NOW = '2026-03-01T10:00:00.000Z';
const DAY = 86_400_000;
const doc = generateDemoDocument({ now: NOW });

/** Days since each contact's last interaction (absent: never). */
function lastSeen(d: CarnetDocument, now: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of Object.values(d.interactions)) {
    const age = (Date.parse(now) - Date.parse(it.date)) / DAY;
    for (const c of it.contacts) out.set(c, Math.min(out.get(c) ?? Infinity, age));
  }
  return out;
}

describe('generateDemoDocument', () => {
  it('is deterministic for a seed and a date, and the seed matters', () => {
    expect(JSON.stringify(generateDemoDocument({ now: NOW }))).toBe(JSON.stringify(doc));
    expect(JSON.stringify(generateDemoDocument({ now: NOW, seed: 7 }))).toBe(JSON.stringify(generateDemoDocument({ now: NOW, seed: 7 })));
    expect(JSON.stringify(generateDemoDocument({ now: NOW, seed: 7 }))).not.toBe(JSON.stringify(doc));
  });

  it('is a valid document, as written to disk and read back', () => {
    const result = validateDocument(JSON.parse(JSON.stringify(doc)));
    expect(result.ok ? null : result.error).toBeNull();
    if (result.ok) expect(result.doc).toEqual(doc);
  });

  it('counts dates back from `now`', () => {
    const later = generateDemoDocument({ now: '2030-03-01T10:00:00.000Z' });
    const first = Object.values(doc.interactions)[0]!;
    const moved = Object.values(later.interactions)[0]!;
    expect(Date.parse(moved.date) - Date.parse(first.date)).toBe(Date.parse('2030-03-01') - Date.parse('2026-03-01'));
    expect(later.meta.createdAt).toBe('2030-03-01T10:00:00.000Z');
    expect(() => generateDemoDocument({ now: 'yesterday' })).toThrow(/"now" is not a date/);
  });

  it('has about 300 contacts with distinct names, organizations, schools, cities and reserved e-mail domains', () => {
    const contacts = Object.values(doc.contacts);
    expect(contacts.length).toBeGreaterThanOrEqual(280);
    expect(contacts.length).toBeLessThanOrEqual(320);
    expect(new Set(contacts.map((c) => c.name)).size).toBe(contacts.length);
    expect(new Set(contacts.flatMap((c) => c.organizations.map((o) => o.name))).size).toBeGreaterThanOrEqual(20);
    expect(contacts.filter((c) => c.organizations.some((o) => !o.current)).length).toBeGreaterThan(30);
    expect(new Set(contacts.flatMap((c) => c.schools.map((s) => s.name))).size).toBeGreaterThanOrEqual(5);
    const cities = new Set(contacts.map((c) => c.city));
    for (const city of ['Paris', 'Lyon', 'Rennes', 'Nantes', 'London']) expect(cities).toContain(city);
    const emails = contacts.flatMap((c) => c.emails.map((e) => e.value));
    expect(emails.length).toBeGreaterThan(200);
    for (const e of emails) expect(e).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.example$/);
  });

  it('fills the user’s own profile', () => {
    expect(doc.me.name).toBe('Camille Laurent');
    expect(doc.me.organizations.filter((o) => o.current)).toHaveLength(1);
    expect(doc.me.organizations.length).toBeGreaterThanOrEqual(3);
    expect(doc.me.schools.length).toBeGreaterThanOrEqual(1);
    expect(doc.me.city).toBe('Paris');
  });

  it('has several categories with colours and cadences, most contacts in one', () => {
    const categories = Object.values(doc.categories);
    expect(categories.length).toBeGreaterThanOrEqual(5);
    for (const c of categories) {
      expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(c.cadenceDays).toBeGreaterThan(0);
    }
    expect(categories.map((c) => c.name)).toEqual(expect.arrayContaining(['Anciens collègues', 'Clients', 'Investisseurs']));
    const members = Object.values(doc.contacts).filter((c) => c.categories.length > 0).length;
    expect(members / Object.keys(doc.contacts).length).toBeGreaterThan(0.9);
    expect(Object.values(doc.contacts).some((c) => c.categories.length > 1)).toBe(true);
  });

  it('draws ties mostly inside circles, with a few bridges', () => {
    const ties = Object.values(doc.ties);
    expect(ties.length).toBeGreaterThan(400);
    const sameCircle = ties.filter((t) => {
      const a = doc.contacts[t.from]!.categories;
      const b = doc.contacts[t.to]!.categories;
      return a.some((c) => b.includes(c));
    }).length;
    expect(sameCircle / ties.length).toBeGreaterThan(0.85);
    expect(ties.length - sameCircle).toBeGreaterThanOrEqual(5);
    const pairs = new Set(ties.map((t) => [t.from, t.to].sort().join('|')));
    expect(pairs.size).toBe(ties.length);
  });

  it('has six years of interactions: recent, overdue, dormant (> 3 years) and never-contacted ties', () => {
    const seen = lastSeen(doc, NOW);
    const ages = [...seen.values()];
    expect(ages.filter((a) => a <= 30).length).toBeGreaterThan(40);
    expect(ages.filter((a) => a > 3 * 365).length).toBeGreaterThan(40);
    expect(ages.filter((a) => a > 90 && a <= 3 * 365).length).toBeGreaterThan(40);
    expect(Object.keys(doc.contacts).length - seen.size).toBeGreaterThan(10);
    const dates = Object.values(doc.interactions).map((i) => Date.parse(i.date));
    expect((Date.parse(NOW) - Math.min(...dates)) / DAY / 365).toBeGreaterThan(5.5);
    expect(Math.max(...dates)).toBeLessThanOrEqual(Date.parse(NOW));
  });

  it('varies channels and directions, and has group interactions', () => {
    const interactions = Object.values(doc.interactions);
    expect(new Set(interactions.map((i) => i.channel)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(interactions.map((i) => i.direction))).toEqual(new Set(['gave', 'received', 'mutual']));
    expect(interactions.filter((i) => i.contacts.length > 2).length).toBeGreaterThan(5);
    expect(interactions.filter((i) => i.note).length).toBeGreaterThan(100);
  });

  it('has personas, some of them short of their target', () => {
    const personas = Object.values(doc.personas);
    expect(personas.length).toBeGreaterThanOrEqual(3);
    const rennes = doc.personas.p_investor_rennes!;
    const matches = Object.values(doc.contacts).filter(
      (c) => c.city === 'Rennes' && c.organizations.some((o) => o.current && /partner|associé|business angel|principal|investment/i.test(o.title ?? '')),
    );
    expect(matches.length).toBeLessThan(rennes.target);
  });
});
