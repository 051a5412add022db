import { describe, expect, it } from 'vitest';
import { buildAffinityGraph, edgeWeight, ME } from '../../../shared/analysis/affinityGraph.js';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { cadenceOf, tieStrength } from '../../../shared/analysis/cadence.js';
import { tieHistories } from '../../../shared/analysis/history.js';
import { addContact, addInteraction, addTie, daysAgo, doc, NOW, plantedNetwork } from './helpers.js';

describe('affinity graph', () => {
  it('links a 3,000-person company with a bounded number of edges, all within reach of each other', () => {
    const d = doc();
    for (let i = 0; i < 3000; i++) addContact(d, { id: `m${String(i).padStart(4, '0')}`, organizations: [{ name: 'Big Corp', current: true }] });
    const ag = buildAffinityGraph(d);
    expect(ag.adjacency.targets.length / 2).toBeLessThanOrEqual(3000 * 3);
    const seen = new Uint8Array(3000);
    const queue = [0];
    seen[0] = 1;
    while (queue.length) {
      const u = queue.pop()!;
      for (let e = ag.adjacency.offsets[u]!; e < ag.adjacency.offsets[u + 1]!; e++) {
        const v = ag.adjacency.targets[e]!;
        if (!seen[v]) {
          seen[v] = 1;
          queue.push(v);
        }
      }
    }
    expect(seen.every((x) => x === 1)).toBe(true);
  });

  it('weighs what people share as documented, and links the user to the contacts it shares something with', () => {
    const d = doc();
    d.me = { organizations: [{ name: 'SFR', current: false }], schools: [], tags: [], city: 'Paris' };
    addContact(d, { id: 'a', city: 'Paris', organizations: [{ name: 'SFR', current: true }], tags: ['IA'] });
    addContact(d, { id: 'b', city: 'paris', organizations: [{ name: 'sfr', current: true }], tags: ['ia'] });
    addContact(d, { id: 'c', schools: [{ name: 'HEC' }] });
    addTie(d, 'a', 'c', 0.8);
    addInteraction(d, ['b', 'c'], daysAgo(3));
    const ag = buildAffinityGraph(d);
    const w = (x: string, y: string) => edgeWeight(ag, x, y);
    // orgNow 1.0 + org 0.5 + city 0.3 + tag 0.3
    expect(w('a', 'b')).toBeCloseTo(2.1, 10);
    // explicit tie 1 + strength 0.8
    expect(w('a', 'c')).toBeCloseTo(1.8, 10);
    // co-participation in a two-person interaction
    expect(w('b', 'c')).toBeCloseTo(1, 10);
    // user: shared past employer 0.5 + city 0.3
    expect(w(ME, 'a')).toBeCloseTo(0.8, 10);
    expect(w(ME, 'c')).toBe(0);
  });
});

describe('cadence and overdue ties', () => {
  it('takes the cadence from the contact, else its most demanding category, else its strength', () => {
    const d = doc();
    d.categories.k = { id: 'k', name: 'Clients', color: '#112233', cadenceDays: 60 };
    d.categories.q = { id: 'q', name: 'Board', color: '#112233', cadenceDays: 20 };
    addContact(d, { id: 'own', cadenceDays: 10, categories: ['k'] });
    addContact(d, { id: 'cat', categories: ['k', 'q'] });
    addContact(d, { id: 'close', strength: 5 });
    addContact(d, { id: 'monthly' });
    for (let k = 0; k < 20; k++) addInteraction(d, ['monthly'], daysAgo(30 + k * 30));
    const ag = buildAffinityGraph(d);
    const h = tieHistories(d, ag.contacts, Date.parse(`${NOW}T00:00:00Z`));
    const cad = (id: string) => {
      const i = ag.index.get(id)!;
      return cadenceOf(ag.contacts[i]!, tieStrength(ag.contacts[i]!, h[i]!), d);
    };
    expect(cad('own')).toEqual({ days: 10, source: 'contact' });
    expect(cad('cat')).toEqual({ days: 20, source: 'category', category: 'q' });
    expect(cad('close')).toEqual({ days: 7, source: 'strength' });
    // 20 interactions a month apart: about 6 a year over the last two years → strength 4 → monthly.
    expect(cad('monthly')).toEqual({ days: 30, source: 'strength' });
  });

  it('lists ties past their cadence, the most days late first, and not dormant ones', () => {
    const d = doc();
    addContact(d, { id: 'weekly', strength: 5 });
    addContact(d, { id: 'yearly', strength: 2 });
    addContact(d, { id: 'fine', strength: 4 });
    addContact(d, { id: 'gone', strength: 5 });
    addInteraction(d, ['weekly'], daysAgo(21));
    addInteraction(d, ['yearly'], daysAgo(400));
    addInteraction(d, ['fine'], daysAgo(10));
    addInteraction(d, ['gone'], daysAgo(4 * 365));
    const r = analyzeNetwork(d, { now: NOW });
    expect(r.overdue.map((o) => [o.id, o.overdueDays])).toEqual([['yearly', 35], ['weekly', 14]]);
    expect(r.overdue[1]).toMatchObject({ cadenceDays: 7, daysSince: 21, overdueDays: 14, reason: 'Last contact 21 days ago; your cadence is every 7 days.' });
    expect(r.dormant.map((x) => x.id)).toEqual(['gone']);
  });
});

describe('stage, reciprocity, diversity', () => {
  it('finds the development stage when most ties worked on lately are new', () => {
    const d = doc();
    for (const id of ['n1', 'n2', 'n3', 'old']) addContact(d, { id });
    for (const id of ['n1', 'n2', 'n3']) addInteraction(d, [id], daysAgo(20));
    addInteraction(d, ['old'], daysAgo(400));
    addInteraction(d, ['old'], daysAgo(10));
    const r = analyzeNetwork(d, { now: NOW });
    expect(r.stage).toMatchObject({ stage: 'development', counts: { new: 3, strengthening: 0, maintained: 1 } });
    expect(r.stage.message.text).toBe('You are developing your network: 75 % of the ties you worked on in the last 90 days are new.');
  });

  it('finds consolidation when ties are seen more often than before', () => {
    const d = doc();
    addContact(d, { id: 'x' });
    addInteraction(d, ['x'], daysAgo(300));
    for (const k of [5, 25, 45]) addInteraction(d, ['x'], daysAgo(k));
    expect(analyzeNetwork(d, { now: NOW }).stage.stage).toBe('consolidation');
  });

  it('balances what the user gave and received, per contact and overall', () => {
    const d = doc();
    addContact(d, { id: 'helper', name: 'Hélène' });
    addContact(d, { id: 'friend' });
    for (let k = 0; k < 3; k++) addInteraction(d, ['helper'], daysAgo(10 + k), { direction: 'received' });
    addInteraction(d, ['helper', 'friend'], daysAgo(5), { direction: 'gave' });
    addInteraction(d, ['friend'], daysAgo(6), { direction: 'mutual' });
    const r = analyzeNetwork(d, { now: NOW });
    expect(r.reciprocity.overall).toMatchObject({ gave: 1, received: 3, mutual: 1, balance: -2 });
    expect(r.reciprocity.contacts[0]).toMatchObject({ id: 'helper', gave: 1, received: 3, balance: -2 });
    expect(r.reciprocity.contacts[0]!.message.text).toBe('Hélène helped you 3 times; you gave back 1: your turn to give.');
    expect(r.reciprocity.owedCount).toBe(1);
  });

  it('states concentration in words, with the Herfindahl index', () => {
    const d = doc();
    const orgs = ['SFR', 'SFR', 'SFR', 'SFR', 'SFR', 'Orange', 'Free', 'Bouygues'];
    orgs.forEach((o, i) => {
      addContact(d, { id: `p${i}`, organizations: [{ name: o, current: true }] });
      addInteraction(d, [`p${i}`], daysAgo(30));
    });
    const r = analyzeNetwork(d, { now: NOW });
    const org = r.diversity.find((x) => x.dimension === 'org')!;
    expect(org.herfindahl).toBeCloseTo((5 / 8) ** 2 + 3 * (1 / 8) ** 2, 2);
    expect(org.message.text).toBe('63 % of your active ties work at one company (SFR).');
    expect(analyzeNetwork(d, { now: NOW, lang: 'fr' }).diversity[0]!.message.text).toBe(
      '63 % de vos liens actifs travaillent dans une même entreprise (SFR).',
    );
  });
});

describe('structural gaps', () => {
  it('finds a cluster held by a single person, clusters with no bridge, brokers and isolated contacts', () => {
    const d = doc();
    const clique = (prefix: string) => {
      for (let i = 0; i < 6; i++) addContact(d, { id: `${prefix}${i}` });
      for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) addTie(d, `${prefix}${i}`, `${prefix}${j}`);
    };
    clique('a');
    clique('b');
    clique('c');
    addTie(d, 'a0', 'b0');
    addTie(d, 'a1', 'b1');
    addTie(d, 'a0', 'c0');
    addContact(d, { id: 'lonely' });
    const r = analyzeNetwork(d, { now: NOW });
    const clusterOf = new Map(r.contacts.map((c) => [c.id, c.cluster]));
    expect(r.clusters).toHaveLength(3);
    expect(r.gaps.fragileClusters.map((f) => [f.cluster.id, f.via.id])).toEqual([[clusterOf.get('c0'), 'c0']]);
    expect(r.gaps.unbridged.map((u) => [u.a.id, u.b.id].sort())).toEqual([[clusterOf.get('b0'), clusterOf.get('c0')].sort()]);
    expect(r.gaps.brokers[0]!.id).toBe('a0');
    expect(r.gaps).toMatchObject({ isolated: ['lonely'], isolatedCount: 1 });
    expect(r.contacts.find((c) => c.id === 'lonely')).toMatchObject({ cluster: null, effectiveSize: null, constraint: null });
  });
});

describe('analyzeNetwork', () => {
  it('is deterministic and its result is plain JSON', () => {
    const { doc: d } = plantedNetwork({ n: 300, mixing: 0.3, seed: 3 });
    const ids = Object.keys(d.contacts);
    ids.forEach((id, k) => {
      if (k % 3 === 0) addInteraction(d, [id], daysAgo(k * 7));
      if (k % 5 === 0) addInteraction(d, [id, ids[(k + 7) % ids.length]!], daysAgo(k * 11), { direction: 'gave' });
    });
    const a = analyzeNetwork(d, { now: NOW });
    const b = analyzeNetwork(structuredClone(d), { now: NOW });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(structuredClone(a)).toEqual(a);
  });

  it('handles an empty document', () => {
    const r = analyzeNetwork(doc(), { now: NOW });
    expect(r).toMatchObject({ contacts: [], clusters: [], dormant: [], overdue: [], missingProfiles: [] });
    expect(r.stage.stage).toBeNull();
    expect(() => analyzeNetwork(doc(), { now: 'yesterday' })).toThrow(/invalid date/);
  });
});

describe('hostile ids', () => {
  it('treats ids named like built-in properties as plain data', () => {
    const d = doc();
    // A plain object, as JSON.parse gives it: "constructor" and "toString" are inherited there.
    d.categories = JSON.parse('{"__proto__": {"id": "__proto__", "name": "Proto", "color": "#112233", "cadenceDays": 10}}');
    for (const id of ['constructor', 'toString', 'proto']) {
      addContact(d, { id, name: id, categories: ['constructor', '__proto__'], organizations: [{ name: 'hasOwnProperty', current: true }], ...(id === 'proto' ? { connectedOn: daysAgo(40) } : {}) });
    }
    // The contacts as JSON.parse gives them, "__proto__" an own key among them.
    d.contacts = JSON.parse(JSON.stringify(d.contacts).replace(/"proto"/g, '"__proto__"'));
    d.me = { organizations: [], schools: [], tags: [], city: undefined };
    addInteraction(d, ['constructor', 'toString'], daysAgo(4 * 365));
    d.suggestions = JSON.parse('{"__proto__": {"id": "__proto__", "status": "dismissed"}}');
    const r = analyzeNetwork(d, { now: NOW });
    expect(r.contacts.map((c) => c.id).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(r.clusters).toHaveLength(1);
    // The real "__proto__" category names the cluster; the inherited "constructor" is no category.
    expect(r.clusters[0]!.label).toBe('hasOwnProperty · Proto');
    expect(r.dormant.map((x) => x.id).sort()).toEqual(['constructor', 'toString']);
    // The "__proto__" category's 10-day cadence applies; nothing comes from the inherited "constructor".
    expect(r.overdue.map((o) => [o.id, o.cadenceDays])).toEqual([['__proto__', 10]]);
    expect(JSON.stringify(r)).not.toContain('function');
  });
});
