// An analysis session redoes only what an edit touched: after every kind of
// edit, its result must be exactly what a fresh analysis of the same document
// gives (the CLI's `carnet analyze` is a fresh analysis; the app's worker
// keeps a session).
import { describe, expect, it } from 'vitest';
import { analyzeNetwork, type AnalysisResult } from '../../../shared/analysis/analyze.js';
import { AnalysisSession } from '../../../shared/analysis/session.js';
import { generateLargeNetwork } from '../../../shared/demo/largeNetwork.js';
import { addContact, deleteContacts, logInteraction, setCategoryMembership, updateContact } from '../../../shared/document/commands.js';
import { editCategory } from '../../../shared/document/categories.js';
import { applyChangeSet, type ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { dismissSuggestion, snoozeSuggestion } from '../../../shared/document/suggestions.js';

const NOW = '2026-06-01';
const STAMP = '2026-06-01T10:00:00.000Z';

type Edit = [name: string, make: (doc: CarnetDocument, last: AnalysisResult) => ChangeSet];

const EDITS: Edit[] = [
  ['log a one-to-one interaction with a dormant tie', (d, r) => logInteraction(d, { id: 'e1', date: NOW, contacts: [r.dormant[0]!.id], channel: 'call', direction: 'gave' })],
  ['snooze a suggestion', (_d, r) => snoozeSuggestion(`dormant:${r.dormant[0]!.id}`, NOW)],
  ['dismiss a first step', (_d, r) => dismissSuggestion(`first:${r.firstSteps[0]!.id}`)],
  ['move a contact to a category', (d, r) => setCategoryMembership(d, [r.contacts[5]!.id], 'cat_2', true, STAMP)],
  ['rename a category', (d) => editCategory(d, 'cat_2', { name: 'Partenaires clés' })],
  ['log a group interaction', (d, r) => logInteraction(d, { id: 'e2', date: '2026-05-20', contacts: [r.contacts[1]!.id, r.contacts[2]!.id, r.contacts[3]!.id], channel: 'event', direction: 'mutual' })],
  ['change an employer', (d, r) => updateContact(d, r.contacts[7]!.id, { organizations: [{ name: 'Nouvelle Maison', current: true }] }, STAMP)],
  ['edit a note only', (d, r) => updateContact(d, r.contacts[8]!.id, { notes: 'Met at the conference' }, STAMP)],
  ['add a tie', (_d, r) => ({ label: { key: 'labels.addTie' }, changes: [{ op: 'put', coll: 'ties', id: 'e_tie', value: { id: 'e_tie', from: r.contacts[10]!.id, to: r.contacts[400]!.id, strength: 0.9 } }] })],
  ['add a contact', (d) => addContact(d, { id: 'c_new', name: 'Nouvelle Personne', organizations: [{ name: 'Nouvelle Maison', current: true }], connectedOn: '2026-05-25' }, STAMP)],
  ['archive a contact', (d, r) => updateContact(d, r.contacts[12]!.id, { archived: true }, STAMP)],
  ['delete contacts', (d, r) => deleteContacts(d, [r.contacts[20]!.id, r.contacts[21]!.id])],
  ['edit the user profile', () => ({ label: { key: 'labels.editMe' }, changes: [{ op: 'me', value: { name: 'Camille', organizations: [{ name: 'Nouvelle Maison', current: true }], schools: [], tags: ['data'], city: 'Lyon' } }] })],
  ['delete an interaction', () => ({ label: { key: 'labels.deleteInteraction' }, changes: [{ op: 'del', coll: 'interactions', id: 'e1' }] })],
];

describe('analysis session', () => {
  it('gives after every kind of edit exactly what a fresh analysis gives', () => {
    const doc = generateLargeNetwork({ contacts: 800, ties: 3200, interactions: 2500, seed: 3, now: NOW });
    const session = new AnalysisSession();
    let last = session.analyze(doc, { now: NOW });
    expect(last).toEqual(analyzeNetwork(doc, { now: NOW }));
    for (const [name, make] of EDITS) {
      const set = make(doc, last);
      applyChangeSet(doc, set);
      session.applied(doc, set);
      const previous = { clusters: last.clusters.map((c) => ({ id: c.id, members: c.members })) };
      const opts = { now: NOW, lang: 'fr' as const, previous };
      last = session.analyze(doc, opts);
      expect(JSON.stringify(last), name).toBe(JSON.stringify(analyzeNetwork(structuredClone(doc), opts)));
    }
    // A new day: every history is read again.
    const later = { now: '2026-09-01' };
    expect(JSON.stringify(session.analyze(doc, later))).toBe(JSON.stringify(analyzeNetwork(doc, later)));
  });

  it('names a cluster after a category its members just joined, though the graph stays', () => {
    const doc = generateLargeNetwork({ contacts: 0, ties: 0, interactions: 0, seed: 1, now: NOW });
    doc.categories.k = { id: 'k', name: 'Board', color: '#112233' };
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    for (const id of ids) applyChangeSet(doc, addContact(doc, { id, name: id.toUpperCase() }, STAMP));
    ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => (doc.ties[`${a}${b}`] = { id: `${a}${b}`, from: a, to: b, strength: 0.5 })));
    const session = new AnalysisSession();
    expect(session.analyze(doc, { now: NOW }).clusters.map((c) => c.label)).toEqual(['Around P1']);
    const set = setCategoryMembership(doc, ['p1', 'p2'], 'k', true, STAMP);
    applyChangeSet(doc, set);
    session.applied(doc, set);
    expect(session.analyze(doc, { now: NOW }).clusters.map((c) => c.label)).toEqual(['Board']);
  });

  it('starts over when handed another document', () => {
    const a = generateLargeNetwork({ contacts: 300, ties: 900, interactions: 600, seed: 1, now: NOW });
    const b = generateLargeNetwork({ contacts: 200, ties: 500, interactions: 400, seed: 2, now: NOW });
    const session = new AnalysisSession();
    session.analyze(a, { now: NOW });
    expect(session.analyze(b, { now: NOW })).toEqual(analyzeNetwork(b, { now: NOW }));
  });
});
