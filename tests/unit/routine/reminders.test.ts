import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { makePlan } from '../../../shared/document/weekPlans.js';
import { MAX_PER_DAY, pickNotifications, recordSent } from '../../../shared/routine/notifications.js';
import { sayPhrase } from '../../../shared/routine/phrases.js';
import { buildWeekPlan } from '../../../shared/routine/plan.js';
import { reminders } from '../../../shared/routine/reminders.js';
import { contact, daysBefore, doc, goal, interaction, objective, TODAY } from './helpers.js';

function setup() {
  const d = doc();
  contact(d, { id: 'ana', name: 'Ana Martin', cadenceDays: 14, birthday: '1985-05-30' });
  interaction(d, ['ana'], daysBefore(TODAY, 30));
  contact(d, { id: 'bob', name: 'Bob Smith', birthday: `1979-${TODAY.slice(5)}` });
  objective(d, { id: 'o1', title: 'Raise a seed round', reviewDate: '2026-06-01', steps: [{ id: 's1', text: 'Pitch deck ready', due: '2026-05-29' }, { id: 's2', text: 'Meet three angels', due: TODAY }] });
  goal(d, { id: 'g1', kinds: ['lunch'], count: 1, every: 1, unit: 'week', since: '2026-05-01', objective: 'o1' });
  // Lunches in the weeks of 4 and 18 May only: the weeks of 11 and 25 May were missed.
  interaction(d, ['ana'], '2026-05-06', { kind: 'lunch' });
  interaction(d, ['ana'], '2026-05-20', { kind: 'lunch' });
  // Last week's plan, left with actions not done.
  const last = buildWeekPlan(d, analyzeNetwork(d, { now: '2026-05-27' }), '2026-05-27');
  applyChangeSet(d, makePlan(last));
  const plan = buildWeekPlan(d, analyzeNetwork(d, { now: TODAY }), TODAY);
  applyChangeSet(d, makePlan(plan));
  return { d, plan: d.plans[plan.id]! };
}

describe('reminders', () => {
  it('says what is due now: the plan, a review date come, steps, a goal about to be missed, a birthday today', () => {
    const { d, plan } = setup();
    const list = reminders(d, { today: TODAY, lastSeen: daysBefore(TODAY, 1), plan });
    const due = list.filter((r) => r.when === 'due').map((r) => sayPhrase('en', r.phrase));
    expect(due).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^This week: \d actions to do\.$/),
        'Time to look at “Raise a seed round” again: its review date was June 1, 2026.',
        '“Pitch deck ready” (Raise a seed round) was due May 29, 2026.',
        'Due today: “Meet three angels” (Raise a seed round).',
        'It is Bob Smith’s birthday today.',
      ]),
    );
    expect(list.find((r) => r.kind === 'review')?.objective).toBe('o1');
  });

  it('says what was missed since the last open, without turning a missed week into a broken streak', () => {
    const { d, plan } = setup();
    const list = reminders(d, { today: TODAY, lastSeen: '2026-05-12', plan });
    const missed = list.filter((r) => r.when === 'missed').map((r) => sayPhrase('en', r.phrase));
    expect(missed).toEqual(
      expect.arrayContaining([
        'Missed: “a lunch a week” in the period from May 11, 2026. The next period starts fresh.',
        'Missed: “a lunch a week” in the period from May 25, 2026. The next period starts fresh.',
        'Ana Martin’s birthday was May 30, 2026: wishes are still welcome.',
        expect.stringMatching(/^Week of May 25, 2026: \d actions not done; they carry over to this week\.$/),
      ]),
    );
    // The met week of 18 May is not a reminder, and nothing counts a streak.
    expect(missed.join(' ')).not.toContain('May 18');
    expect(missed.join(' ')).not.toMatch(/streak|série/i);
    // First open ever: nothing "missed".
    expect(reminders(d, { today: TODAY, lastSeen: null, plan }).filter((r) => r.when === 'missed')).toEqual([]);
  });

  it('asks to review a big import that was never reviewed', () => {
    const d = doc();
    for (let i = 0; i < 12; i++) contact(d, { id: `c${i}`, sources: [{ file: 'Connections.csv', format: 'linkedin', importedAt: '2026-06-02T10:00:00.000Z' }] });
    const r = reminders(d, { today: TODAY, lastSeen: null, plan: null });
    expect(r.map((x) => sayPhrase('fr', x.phrase))).toEqual(['12 contacts importés le 2 juin 2026 : passez-les en revue un par un, au clavier.']);
    d.reviews.r1 = { id: 'r1', set: { kind: 'imported' }, contacts: [], startedAt: '2026-06-02T11:00:00.000Z' };
    expect(reminders(d, { today: TODAY, lastSeen: null, plan: null })).toEqual([]);
  });
});

describe('desktop notifications', () => {
  it('are few: at most three a day, each reminder once, review dates and goals first', () => {
    const { d, plan } = setup();
    const list = reminders(d, { today: TODAY, lastSeen: daysBefore(TODAY, 1), plan });
    const first = pickNotifications(d, list, [], TODAY);
    expect(first).toHaveLength(MAX_PER_DAY);
    expect(first.map((n) => n.kind)).toEqual(['review', 'step', 'step']);
    const sent = recordSent([], first, TODAY);
    expect(pickNotifications(d, list, sent, TODAY)).toEqual([]);
    // The next day, what was not sent yet goes out; what was sent never again.
    const next = pickNotifications(d, list, sent, '2026-06-04');
    expect(next.map((n) => n.key).some((k) => first.some((f) => f.key === k))).toBe(false);
    expect(next.map((n) => n.kind)).toEqual(['plan', 'birthday']);
  });

  it('are worded differently by kind and name the objective they serve', () => {
    const { d, plan } = setup();
    const list = reminders(d, { today: TODAY, lastSeen: null, plan });
    const all = pickNotifications(d, list, [], TODAY).concat(pickNotifications(d, list, recordSent([], pickNotifications(d, list, [], TODAY), TODAY), '2026-06-04'));
    const bodies = all.map((n) => sayPhrase('en', n.body));
    expect(new Set(all.map((n) => sayPhrase('en', n.title))).size).toBe(new Set(all.map((n) => n.kind)).size);
    expect(bodies[0]).toBe('Your objective “Raise a seed round” is up for review: is it still the right one?');
    expect(bodies).toContain('“Meet three angels”: one more step toward “Raise a seed round”.');
    expect(new Set(bodies).size).toBe(bodies.length);
    const fr = all.map((n) => sayPhrase('fr', n.body));
    expect(fr[0]).toBe('Votre objectif « Raise a seed round » arrive à sa date de révision : est-il toujours le bon ?');
  });
});
