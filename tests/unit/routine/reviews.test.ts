import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { decideReview, setArchived, setCadence, setCloseness, startReview } from '../../../shared/document/reviews.js';
import { parseImportFile } from '../../../shared/import/index.js';
import { greetingsCsv, greetingsVcard, keptContacts } from '../../../shared/routine/greetings.js';
import { currentReview, marksByReview, reviewProgress } from '../../../shared/routine/reviewProgress.js';
import { reviewSetContacts } from '../../../shared/routine/reviewSets.js';
import { contact, daysBefore, doc, interaction, TODAY } from './helpers.js';

function setup() {
  const d = doc();
  d.categories.k = { id: 'k', name: 'Clients', color: '#123456' };
  contact(d, { id: 'c', name: 'Émile Zola', categories: ['k'], emails: [{ value: 'emile@example.org' }], addresses: [{ street: '21 rue de Bruxelles', postalCode: '75009', city: 'Paris', country: 'France' }] });
  contact(d, { id: 'a', name: 'alice Martin', emails: [{ value: 'alice@example.org' }, { value: 'alice@work.example' }] });
  contact(d, { id: 'b', name: 'Bob', categories: ['k'], sources: [{ file: 'Connections.csv', format: 'linkedin', importedAt: '2026-06-02T10:00:00.000Z' }] });
  contact(d, { id: 'x', name: '=HYPERLINK("http://evil.example","x")', archived: true });
  interaction(d, ['a'], daysBefore(TODAY, 400));
  interaction(d, ['b'], daysBefore(TODAY, 10));
  return d;
}

describe('review sets', () => {
  it('everyone, a category, the last import, never contacted, not for a year; archived left out; sorted by name', () => {
    const d = setup();
    const set = (kind: 'all' | 'category' | 'imported' | 'never' | 'year', ref?: string) => reviewSetContacts(d, null, { kind, ...(ref ? { ref } : {}) }, TODAY);
    expect(set('all')).toEqual(['a', 'b', 'c']);
    expect(set('category', 'k')).toEqual(['b', 'c']);
    expect(set('imported')).toEqual(['b']);
    expect(set('never')).toEqual(['c']);
    expect(set('year')).toEqual(['a']);
    const analysis = analyzeNetwork(d, { now: TODAY });
    for (const cl of analysis.clusters) expect(reviewSetContacts(d, analysis, { kind: 'cluster', ref: cl.id }, TODAY)).toEqual([...cl.members].sort());
  });
});

describe('review decisions', () => {
  it('each decision is one small mark; undoing an archive brings the contact back; progress resumes at the first undecided', () => {
    const d = setup();
    applyChangeSet(d, startReview({ kind: 'all' }, ['a', 'b', 'c'], '2026-06-03T09:00:00.000Z', 'r1'));
    applyChangeSet(d, decideReview(d, 'r1', 0, 'kept', '2026-06-03T09:01:00.000Z'));
    const before = structuredClone(d);
    const archive = decideReview(d, 'r1', 1, 'archived', '2026-06-03T09:02:00.000Z');
    // Nothing in the ChangeSet grows with the size of the review.
    expect(archive.changes.map((c) => (c.op === 'put' ? c.coll : c.op))).toEqual(['contacts', 'reviewMarks']);
    const undo = applyChangeSet(d, archive);
    expect(d.contacts.b!.archived).toBe(true);
    let p = reviewProgress(d.reviews.r1!, marksByReview(d).get('r1'));
    expect(p).toMatchObject({ kept: 1, archived: 1, next: 2, finished: false });
    applyChangeSet(d, undo);
    expect(d).toEqual(before);
    // Keeping what was archived brings it back.
    applyChangeSet(d, decideReview(d, 'r1', 1, 'archived'));
    applyChangeSet(d, decideReview(d, 'r1', 1, 'kept'));
    expect(d.contacts.b!.archived).toBeUndefined();
    // A contact skipped is where the review resumes.
    p = reviewProgress(d.reviews.r1!, marksByReview(d).get('r1'));
    expect(p).toMatchObject({ kept: 2, archived: 0, next: 2, finished: false });
    expect(currentReview(d)?.review.id).toBe('r1');
    applyChangeSet(d, decideReview(d, 'r1', 2, 'kept'));
    expect(reviewProgress(d.reviews.r1!, marksByReview(d).get('r1')).finished).toBe(true);
    expect(currentReview(d)).toBeNull();
    expect(() => decideReview(d, 'r1', 3, 'kept')).toThrow(/no contact number 4/);
  });

  it('sets cadence and closeness, and clears them', () => {
    const d = setup();
    applyChangeSet(d, setCadence(d, 'a', 30, '2026-06-03T09:00:00.000Z'));
    applyChangeSet(d, setCloseness(d, 'a', 4, '2026-06-03T09:00:00.000Z'));
    expect(d.contacts.a).toMatchObject({ cadenceDays: 30, strength: 4 });
    applyChangeSet(d, setCadence(d, 'a', null));
    expect(d.contacts.a!.cadenceDays).toBeUndefined();
    expect(() => setCloseness(d, 'a', 9)).toThrow();
  });

  it('archives a map selection in one step, skipping those already archived and unknown ids', () => {
    const d = setup();
    const set = setArchived(d, ['a', 'b', 'x', 'nobody', 'a'], true, '2026-06-03T09:00:00.000Z');
    expect(set.label).toEqual({ key: 'routine.labels.archive', params: { count: 2 } });
    expect(set.changes.map((c) => (c.op === 'put' ? c.id : ''))).toEqual(['a', 'b']);
  });
});

describe('greetings list', () => {
  it('lists the kept contacts with e-mails and addresses, as CSV (safe for spreadsheets) and vCard that import back', () => {
    const d = setup();
    d.contacts.x!.archived = false;
    applyChangeSet(d, startReview({ kind: 'all' }, ['a', 'b', 'c', 'x'], '2026-06-03T09:00:00.000Z', 'r1'));
    (['kept', 'archived', 'kept', 'kept'] as const).forEach((decision, i) => applyChangeSet(d, decideReview(d, 'r1', i, decision)));
    const kept = keptContacts(d, d.reviews.r1!);
    expect(kept.map((c) => c.id)).toEqual(['a', 'c', 'x']);
    const csv = greetingsCsv(kept);
    expect(csv.split('\r\n')).toEqual([
      '\ufeffName,Given Name,Family Name,E-mail,Other E-mails,Street,Postal Code,City,Region,Country',
      'alice Martin,,,alice@example.org,alice@work.example,,,,,',
      'Émile Zola,,,emile@example.org,,21 rue de Bruxelles,75009,Paris,,France',
      `"'=HYPERLINK(""http://evil.example"",""x"")",,,,,,,,,`,
      '',
    ]);
    const cards = parseImportFile(new TextEncoder().encode(greetingsVcard(d, kept)), 'greetings.vcf');
    expect(cards.errors).toEqual([]);
    expect(cards.contacts.map((c) => [c.name, c.emails.map((e) => e.value)])).toEqual([
      ['alice Martin', ['alice@example.org', 'alice@work.example']],
      ['Émile Zola', ['emile@example.org']],
      ['=HYPERLINK("http://evil.example","x")', []],
    ]);
    expect(cards.contacts[1]!.addresses[0]).toMatchObject({ street: '21 rue de Bruxelles', postalCode: '75009', city: 'Paris', country: 'France' });
  });
});
