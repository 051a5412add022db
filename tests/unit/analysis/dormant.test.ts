import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { formatDay } from '../../../shared/analysis/messages.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { addContact, addInteraction, addTie, daysAgo, doc, NOW } from './helpers.js';

const CIRCLES = [
  { key: 'a', org: 'Alpha Telecom', sector: 'Telecom', city: 'Paris' },
  { key: 'b', org: 'Beta Bank', sector: 'Finance', city: 'Lyon' },
  { key: 'c', org: 'Gamma Studio', sector: 'Design', city: 'Nantes' },
];

/**
 * Three circles of 25 colleagues. The user is active in circle a only.
 * Planted: dormant former-close ties in each circle, ties with old and recent
 * interactions, a pair of otherwise identical dormant ties in circles a and b.
 */
function careerNetwork(): { d: CarnetDocument; dormant: string[]; recent: string[] } {
  const d = doc();
  d.me = { name: 'Me', organizations: [{ name: 'Alpha Telecom', sector: 'Telecom', current: true }], schools: [], city: 'Paris', tags: [] };
  for (const c of CIRCLES) {
    for (let i = 0; i < 25; i++) {
      addContact(d, { id: `${c.key}${i}`, city: c.city, organizations: [{ name: c.org, sector: c.sector, current: true }] });
      if (i > 0) addTie(d, `${c.key}${i - 1}`, `${c.key}${i}`);
    }
  }
  for (let i = 0; i < 10; i++) addInteraction(d, [`a${i}`], daysAgo(10 + i * 7));
  const dormant: string[] = [];
  for (const c of CIRCLES) {
    for (let i = 20; i < 23; i++) {
      const id = `${c.key}${i}`;
      dormant.push(id);
      d.contacts[id]!.strength = 4;
      for (let k = 0; k < 12; k++) addInteraction(d, [id], daysAgo(4 * 365 + k * 30), { note: k === 0 ? 'Lunch after the product launch' : undefined });
    }
  }
  // Old history, but seen recently: never dormant.
  const recent = ['a15', 'a16', 'a17'];
  for (const id of recent) {
    for (let k = 0; k < 5; k++) addInteraction(d, [id], daysAgo(5 * 365 + k * 20));
    addInteraction(d, [id], daysAgo(30));
  }
  // The identical pair: same strength, same dates, same kind of profile; only the circle differs.
  for (const [id, c] of [['twinA', CIRCLES[0]!], ['twinB', CIRCLES[1]!]] as const) {
    addContact(d, { id, strength: 3, city: c.city, organizations: [{ name: c.org, sector: c.sector, current: true }] });
    addTie(d, id, `${c.key}0`);
    addTie(d, id, `${c.key}1`);
    for (let k = 0; k < 6; k++) addInteraction(d, [id], daysAgo(3 * 365 + 100 + k * 45));
  }
  dormant.push('twinA', 'twinB');
  return { d, dormant, recent };
}

describe('dormant ties', () => {
  const { d, dormant, recent } = careerNetwork();
  const r = analyzeNetwork(d, { now: NOW });
  const listed = new Set(r.dormant.map((x) => x.id));

  it('lists every planted dormant tie', () => {
    for (const id of dormant) expect(listed, id).toContain(id);
    expect(r.dormantTotal).toBe(dormant.length);
  });

  it('never lists a tie with an interaction in the last 90 days', () => {
    for (const id of recent) expect(listed.has(id), id).toBe(false);
    const recentIds = new Set(
      Object.values(d.interactions)
        .filter((it) => it.date >= daysAgo(90))
        .flatMap((it) => it.contacts),
    );
    for (const x of r.dormant) expect(recentIds.has(x.id), x.id).toBe(false);
  });

  it('ranks a tie opening a cluster without active ties above an identical one in the most active cluster', () => {
    const rank = (id: string): number => r.dormant.findIndex((x) => x.id === id);
    expect(rank('twinB')).toBeLessThan(rank('twinA'));
    const twinB = r.dormant[rank('twinB')]!;
    expect(twinB.activeTiesInCluster).toBe(0);
    expect(twinB.reasons.some((s) => s.startsWith('Reopens') && s.includes('no active tie'))).toBe(true);
  });

  it('does not simply favour the closest old ties: bridging beats closeness', () => {
    // a20 (strength 4, circle of current activity) vs b20 (same strength, a circle the user left).
    const score = (id: string): number => r.dormant.find((x) => x.id === id)!.score;
    expect(score('b20')).toBeGreaterThan(score('a20'));
    // The moderately close twinB outranks the closer a20 inside the user's active circle.
    expect(score('twinB')).toBeGreaterThan(score('a20'));
  });

  it('explains each suggestion with evidence and a first step that gives', () => {
    const x = r.dormant.find((e) => e.id === 'b20')!;
    expect(x.lastInteraction?.date).toBe(daysAgo(4 * 365));
    // The date reads as the language writes it.
    expect(x.reasons[0]).toContain(formatDay('en', daysAgo(4 * 365)));
    expect(x.reasons[0]).toContain('Lunch after the product launch');
    expect(x.reasons.some((s) => /12 times/.test(s))).toBe(true);
    expect(x.cluster?.label).toContain('Beta Bank');
    for (const e of r.dormant) {
      expect(['action.introduce', 'action.congratulate', 'action.share', 'action.thank', 'action.news', 'action.meet']).toContain(e.action.key);
      expect(e.action.text).not.toMatch(/\b(ask (them|her|him) (for|to)|request|favour)\b/i);
    }
    const a = r.dormant.find((e) => e.id === 'a20')!;
    expect(a.commonPoints.map((m) => m.text)).toContain('both at Alpha Telecom');
  });

  it('speaks French when asked', () => {
    const fr = analyzeNetwork(d, { now: NOW, lang: 'fr' });
    const x = fr.dormant.find((e) => e.id === 'b20')!;
    expect(x.reasons[0]).toMatch(/^Dernière interaction : rencontre le /);
    expect(x.action.text).toMatch(/sans rien demander/);
  });

  it('leaves out dismissed suggestions and snoozed ones until their date', () => {
    const d2 = structuredClone(d);
    d2.suggestions['dormant:b20'] = { id: 'dormant:b20', status: 'dismissed' };
    d2.suggestions['dormant:c20'] = { id: 'dormant:c20', status: 'snoozed', until: daysAgo(-10) };
    d2.suggestions['dormant:a20'] = { id: 'dormant:a20', status: 'snoozed', until: daysAgo(10) };
    const ids = analyzeNetwork(d2, { now: NOW }).dormant.map((x) => x.id);
    expect(ids).not.toContain('b20');
    expect(ids).not.toContain('c20');
    expect(ids).toContain('a20');
  });
});
