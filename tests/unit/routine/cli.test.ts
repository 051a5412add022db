// `carnet plan` and `carnet export --format ics`, run as a user would, on the
// demo and on a network built only from a LinkedIn export.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { generateDemoDocument } from '../../../shared/demo/demoNetwork.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { makePlan, postponeAction } from '../../../shared/document/weekPlans.js';
import { buildWeekPlan } from '../../../shared/routine/plan.js';
import { carnet, ROOT } from '../cli/run.js';

const NOW = '2026-06-03';
let dir: string;
let demo: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carnet-plan-'));
  demo = join(dir, 'demo.json');
  await writeFile(demo, JSON.stringify(generateDemoDocument({ now: `${NOW}T09:00:00.000Z` })));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('carnet plan', () => {
  it('prints the plan the app will make, the same twice, in French or English', async () => {
    const [a, b] = await Promise.all([carnet(['plan', demo, '--json', '--now', NOW]), carnet(['plan', demo, '--json', '--now', NOW])]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const plan = JSON.parse(a.stdout);
    expect(plan).toMatchObject({ week: '2026-06-01', today: NOW, size: 5, stored: false });
    expect(plan.actions).toHaveLength(5);
    for (const action of plan.actions) {
      expect(action.why.length).toBeGreaterThan(0);
      expect(action.firstStep).toBeTruthy();
    }
    // The same actions as the app: the plan built in-process from the same document and day.
    const doc = JSON.parse(await readFile(demo, 'utf8'));
    const expected = buildWeekPlan(doc, analyzeNetwork(doc, { now: NOW }), NOW);
    expect(plan.actions.map((x: { key: string }) => x.key)).toEqual(expected.actions.map((x) => x.key));

    const fr = await carnet(['plan', demo, '--now', NOW], { env: { LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toMatch(/^Semaine du 1er juin 2026\n/);
    expect(fr.stdout).toContain('Premier pas, en donnant d’abord :');
    const en = await carnet(['plan', demo, '--now', NOW, '--lang', 'en'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(en.stdout).toMatch(/^Week of June 1, 2026\n/);
  });

  it('prints the stored plan as the app made it, with what the user did', async () => {
    const doc = generateDemoDocument({ now: `${NOW}T09:00:00.000Z` });
    const made = buildWeekPlan(doc, analyzeNetwork(doc, { now: NOW }), NOW);
    applyChangeSet(doc, makePlan(made));
    const last = made.actions.at(-1)!;
    applyChangeSet(doc, postponeAction(doc, made.id, last.key));
    const file = join(dir, 'stored.json');
    await writeFile(file, JSON.stringify(doc));
    const r = await carnet(['plan', file, '--json', '--now', '2026-06-05']);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.stored).toBe(true);
    expect(plan.actions.map((x: { key: string }) => x.key)).toEqual(made.actions.map((x) => x.key));
    expect(plan.actions.at(-1).state).toBe('postponed');
    // The next week carries it over, first.
    const next = JSON.parse((await carnet(['plan', file, '--json', '--now', '2026-06-08'])).stdout);
    expect(next.actions[0]).toMatchObject({ key: last.key, carriedFrom: '2026-06-01', state: 'open' });
  });

  it('refuses a bad date or language (exit 2) and an invalid document (exit 1)', async () => {
    expect((await carnet(['plan', demo, '--now', '2026-02-30'])).code).toBe(2);
    expect((await carnet(['plan', demo, '--lang', 'de'])).code).toBe(2);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ format: 'carnet', version: 1, meta: { createdAt: NOW }, plans: { w: { id: 'w', createdAt: NOW, size: 12, actions: [] } } }));
    const r = await carnet(['plan', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\$\.plans\.w\.size/);
  });

  it('works on a network built only from a LinkedIn export', async () => {
    const doc = join(dir, 'linkedin.json');
    const imported = await carnet(['import', resolve(ROOT, 'tests/fixtures/import/linkedin-export'), '--into', doc]);
    expect(imported.code, imported.stderr).toBe(0);
    const r = await carnet(['plan', doc, '--json', '--now', '2024-04-10']);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    // Jean Dupont of Initech recommended the user in 2021 and Paul in 2022, nothing since: overdue, the latest first.
    // Jeanne wrote and endorsed on LinkedIn only, Sofia was invited and recommended there: online ties to turn into real ones.
    expect(plan.actions.map((a: { kind: string; who: { name: string; organization?: string }[] }) => [a.kind, a.who[0]?.name])).toEqual([
      ['overdue', 'Jean Dupont'],
      ['meet', 'Sofia Rossi'],
      ['overdue', 'Paul Martin'],
      ['meet', 'Jeanne Moreau'],
    ]);
    expect(plan.actions[1].why[0]).toBe('3 exchanges, all online, and never met: make it a real meeting.');
    const real = resolve(ROOT, '../shared/fixtures/csv/labeldekho__linkedin-network-intelligence__Connections.csv');
    if (!existsSync(real)) return;
    const big = join(dir, 'big.json');
    expect((await carnet(['import', real, '--into', big])).code).toBe(0);
    const rows = JSON.parse((await carnet(['stats', big, '--json'])).stdout);
    const p2 = JSON.parse((await carnet(['plan', big, '--json'])).stdout);
    expect(p2.actions.length).toBeLessThanOrEqual(5);
    expect(p2.reminders.map((x: { kind: string }) => x.kind)).toContain(rows.contacts >= 10 ? 'imported' : 'plan');
  });
});

describe('carnet export --format ics', () => {
  it('writes the week as an iCalendar file that a calendar parser reads', async () => {
    const out = join(dir, 'week.ics');
    const r = await carnet(['export', demo, '--format', 'ics', '--out', out, '--now', NOW, '--lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    const events = Object.values(ical.sync.parseFile(out)).filter((c): c is VEvent => c?.type === 'VEVENT');
    const plan = JSON.parse((await carnet(['plan', demo, '--json', '--now', NOW])).stdout);
    const planned = events.filter((e) => String(e.uid).startsWith('plan-2026-06-01-'));
    expect(planned.map((e) => String(e.uid))).toEqual(plan.actions.map((a: { key: string }) => `plan-2026-06-01-${a.key}@carnet.local`));
    expect(events.some((e) => String(e.summary).startsWith('Revoir votre objectif'))).toBe(true);
    expect(events.filter((e) => e.rrule).length).toBe(3);
    expect(readdirSync(dir).filter((f) => f.endsWith('.carnet-tmp'))).toEqual([]);
  });
});
