// The map's filters (renderer/src/filters/filterModel.ts) are pure; they live with the search tests.
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { generateDemoDocument } from '../../../shared/demo/demoNetwork.js';
import { filterPredicate, isFiltering, NO_FILTERS } from '../../../renderer/src/filters/filterModel.js';
import { pickCategoryColor, CATEGORY_COLORS } from '../../../shared/document/categoryColors.js';

const NOW = '2026-06-01';
const doc = generateDemoDocument({ seed: 1, now: NOW });
const analysis = analyzeNetwork(doc, { now: NOW });
const contacts = Object.values(doc.contacts);
const count = (f: typeof NO_FILTERS) => contacts.filter(filterPredicate(doc, analysis, f)).length;

describe('filterPredicate', () => {
  it('lets everything through without filters', () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(count(NO_FILTERS)).toBe(contacts.length);
  });

  it('ORs the values of a facet and ANDs the facets', () => {
    const [a, b] = Object.keys(doc.categories);
    const inA = contacts.filter((c) => c.categories.includes(a!)).length;
    const inAorB = contacts.filter((c) => c.categories.includes(a!) || c.categories.includes(b!)).length;
    expect(count({ ...NO_FILTERS, categories: [a!] })).toBe(inA);
    expect(count({ ...NO_FILTERS, categories: [a!, b!] })).toBe(inAorB);
    const dormantInA = count({ ...NO_FILTERS, categories: [a!], status: ['dormant'] });
    expect(dormantInA).toBeLessThanOrEqual(inA);
    expect(dormantInA).toBeLessThanOrEqual(count({ ...NO_FILTERS, status: ['dormant'] }));
  });

  it('agrees with the analysis on dormant and overdue ties', () => {
    expect(count({ ...NO_FILTERS, status: ['dormant'] })).toBe(analysis.dormantTotal + snoozed('dormant'));
    expect(count({ ...NO_FILTERS, status: ['overdue'] })).toBe(analysis.overdueTotal + snoozed('overdue'));
  });

  it('filters clusters, strength, tags, sources and the last-contact range', () => {
    const cluster = analysis.clusters[0]!;
    expect(count({ ...NO_FILTERS, clusters: [cluster.id] })).toBe(cluster.size);
    const strong = analysis.contacts.filter((a) => (doc.contacts[a.id]!.strength ?? a.strength) >= 4).length;
    expect(count({ ...NO_FILTERS, strengths: [4, 5] })).toBe(strong);
    const tag = contacts.flatMap((c) => c.tags)[0]!;
    expect(count({ ...NO_FILTERS, tags: [tag] })).toBe(contacts.filter((c) => c.tags.includes(tag)).length);
    expect(count({ ...NO_FILTERS, sources: ['nothing-like-this'] })).toBe(0);
    const recent = analysis.contacts.filter((a) => a.lastInteraction && a.lastInteraction.slice(0, 10) >= '2026-01-01').length;
    expect(count({ ...NO_FILTERS, lastFrom: '2026-01-01' })).toBe(recent);
  });

  it('ignores the facets that need the analysis until it is there', () => {
    expect(contacts.filter(filterPredicate(doc, null, { ...NO_FILTERS, status: ['dormant'] })).length).toBe(contacts.length);
  });
});

/** Snoozed or dismissed reminders leave the analysis lists, not the filter's facts. */
function snoozed(kind: 'dormant' | 'overdue'): number {
  return Object.keys(doc.suggestions).filter((k) => k.startsWith(`${kind}:`)).length;
}

describe('pickCategoryColor', () => {
  it('picks an unused colour of the palette, then a distinct random one', () => {
    const used = CATEGORY_COLORS.slice(0, 5);
    expect(used).not.toContain(pickCategoryColor(used, () => 0.5));
    const c = pickCategoryColor([...CATEGORY_COLORS], () => 0.3);
    expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(CATEGORY_COLORS as readonly string[]).not.toContain(c);
  });
});
