// The diagnosis of a network built only from imported files, as a new user
// gets it: no demo, no known ties, no user profile. A LinkedIn export gives
// connection dates and a few conversations; an address book gives nothing
// but names, employers, titles and places.
import { describe, expect, it } from 'vitest';
import { analyzeNetwork, type AnalysisResult } from '../../../shared/analysis/analyze.js';
import { formatDay } from '../../../shared/analysis/messages.js';
import { formatReport } from '../../../shared/analysis/report.js';
import { appleVcards, googleContacts, importedNetwork, linkedinExport } from '../../helpers/exports.js';

const NOW = '2025-06-01';

/** Every sentence of a result, to check that each part speaks. */
function sentences(r: AnalysisResult): string[] {
  return [
    ...r.dormant.flatMap((d) => d.reasons),
    ...r.firstSteps.flatMap((f) => f.reasons),
    ...r.suggestedProfiles.flatMap((p) => [p.message.text, p.why.text]),
    ...r.gaps.unbridged.map((u) => u.message.text),
    ...r.gaps.fragileClusters.map((f) => f.message.text),
    ...(r.gaps.isolatedMessage ? [r.gaps.isolatedMessage.text] : []),
    r.stage.message.text,
  ];
}

describe('a network imported from a LinkedIn export (connections and messages)', () => {
  const { files, recent, oldSilent } = linkedinExport({ connections: 400, messaged: 0.25, recent: 12, now: NOW, seed: 4 });
  const doc = importedNetwork(files, NOW);
  const r = analyzeNetwork(doc, { now: NOW });
  const fr = analyzeNetwork(doc, { now: NOW, lang: 'fr' });

  it('is imported whole, with connection dates and the conversations as interactions', () => {
    expect(Object.keys(doc.contacts)).toHaveLength(400);
    expect(Object.values(doc.contacts).every((c) => c.connectedOn)).toBe(true);
    expect(Object.keys(doc.interactions).length).toBeGreaterThan(50);
    expect(Object.keys(doc.ties)).toHaveLength(0);
  });

  it('finds dormant ties: connections made three years ago or more with nothing since, and old conversations', () => {
    expect(r.dormantTotal).toBeGreaterThan(50);
    const byConnection = r.dormant.filter((d) => d.lastInteraction === null);
    const byMessage = r.dormant.filter((d) => d.lastInteraction !== null);
    expect(byConnection.length).toBeGreaterThan(0);
    expect(byMessage.length).toBeGreaterThan(0);
    for (const d of byConnection) {
      expect(d.daysSince).toBeGreaterThanOrEqual(3 * 365);
      expect(d.reasons[0]).toBe(`Connected on ${formatDay('en', d.connectedOn!)}, ${Math.floor(d.daysSince / 365)} years ago; nothing logged since.`);
    }
    // Every silent old connection is counted, none of the recent ones.
    const dormantNames = new Set(analyzeNetwork(doc, { now: NOW, limit: 1000 }).dormant.map((d) => d.name));
    for (const name of oldSilent) expect(dormantNames, name).toContain(name);
    for (const name of recent) expect(dormantNames.has(name), name).toBe(false);
  });

  it('sees the connections of the last weeks as new ties: the stage is development, and they come first among first steps', () => {
    expect(r.stage.counts.new).toBeGreaterThanOrEqual(recent.length);
    expect(r.stage.stage).toBe('development');
    const fresh = r.firstSteps.filter((f) => f.newTie);
    expect(fresh.map((f) => f.name).sort()).toEqual([...recent].sort());
    for (const f of fresh) {
      expect(f.reasons[0]).toMatch(/^Connected on .+: a new tie, worth a follow-up while it is fresh\.$/);
      expect(f.action.key).toBe('action.welcome');
    }
    // A follow-up cannot wait: the new ties come first.
    expect(r.firstSteps.slice(0, recent.length).every((f) => f.newTie)).toBe(true);
  });

  it('clusters by employer, every cluster with its own label', () => {
    expect(r.clusters.length).toBeGreaterThanOrEqual(5);
    expect(new Set(r.clusters.map((c) => c.label)).size).toBe(r.clusters.length);
    expect(r.clusters[0]!.label).toMatch(/^Alan/);
  });

  it('names the gaps and the kinds of people missing, each with its reason', () => {
    expect(r.gaps.unbridged.length + r.gaps.fragileClusters.length + (r.gaps.isolatedMessage ? 1 : 0)).toBeGreaterThan(0);
    // No journalist, investor or coach among these job titles.
    const missing = r.suggestedProfiles.map((p) => p.role);
    expect(missing).toEqual(expect.arrayContaining(['media', 'investor', 'mentor']));
    expect(missing).not.toContain('recruiter');
    const media = r.suggestedProfiles.find((p) => p.role === 'media')!;
    expect(media.message.text).toBe(`Journalists and authors: 0 among your 400 contacts with a known job title.`);
    expect(media.why.text.length).toBeGreaterThan(20);
  });

  it('explains everything in words, in English and in French', () => {
    for (const s of [...sentences(r), ...sentences(fr)]) expect(s).not.toMatch(/\{\{|undefined|NaN|diag\./);
    expect(sentences(fr).join(' ')).toMatch(/Connexion le \d{1,2} [a-zéû]+\.? \d{4}, il y a \d+ ans ; rien de noté depuis\./);
  });

  it('prints the same diagnosis in the report of `carnet analyze`', () => {
    const report = formatReport(fr);
    expect(report).toContain('Liens dormants à raviver');
    expect(report).toContain('Premiers pas');
    expect(report).toContain('Profils suggérés');
    expect(report).toContain(fr.dormant[0]!.reasons[0]!);
  });
});

describe.each([
  ['a Google Contacts CSV', () => googleContacts({ contacts: 250, seed: 5 })],
  ['Apple Contacts vCards', () => appleVcards({ contacts: 250, seed: 6 })],
])('a network imported from %s, with no interaction and no date', (_name, file) => {
  const doc = importedNetwork([file()], NOW);
  const r = analyzeNetwork(doc, { now: NOW });

  it('has clusters with distinct labels, and no dormant tie (nothing says any tie is old)', () => {
    expect(Object.keys(doc.contacts)).toHaveLength(250);
    expect(Object.keys(doc.interactions)).toHaveLength(0);
    expect(r.clusters.length).toBeGreaterThanOrEqual(5);
    expect(new Set(r.clusters.map((c) => c.label)).size).toBe(r.clusters.length);
    expect(r.dormantTotal).toBe(0);
    expect(r.stage.stage).toBeNull();
  });

  it('proposes first steps with the people who bridge the most circles first, each with a give-first action', () => {
    expect(r.firstStepsTotal).toBe(250);
    expect(r.firstSteps.length).toBe(100);
    // No new tie here: the order is the score's.
    const scores = r.firstSteps.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const top = r.firstSteps[0]!;
    expect(top.clustersReached).toBe(Math.max(...r.firstSteps.map((f) => f.clustersReached)));
    for (const f of r.firstSteps) {
      expect(f.reasons[0]).toBe('No interaction logged with them yet.');
      expect(f.action.text).toMatch(/ask for nothing|Offer to introduce/);
    }
  });

  it('names the kinds of people missing and the gaps', () => {
    expect(r.suggestedProfiles.length).toBeGreaterThan(0);
    for (const p of r.suggestedProfiles) expect(p.missing).toBeGreaterThan(0);
    expect(r.gaps.unbridged.length + r.gaps.fragileClusters.length + r.gaps.isolatedCount).toBeGreaterThan(0);
    for (const s of sentences(r)) expect(s).not.toMatch(/\{\{|undefined|NaN/);
  });
});

describe('an address book without job titles', () => {
  it('makes no claim about missing kinds of people', () => {
    const doc = importedNetwork([googleContacts({ contacts: 60, seed: 9 })], NOW);
    for (const c of Object.values(doc.contacts)) c.organizations = c.organizations.map(({ title: _t, ...o }) => o);
    expect(analyzeNetwork(doc, { now: NOW }).suggestedProfiles).toEqual([]);
  });
});
