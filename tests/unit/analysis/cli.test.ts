import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDocument } from '../../../shared/demo/demoNetwork.js';
import { carnet } from '../cli/run.js';

const NOW = '2025-06-01';
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carnet-analyze-'));
  file = join(dir, 'demo.json');
  await writeFile(file, JSON.stringify(generateDemoDocument({ now: `${NOW}T09:00:00.000Z` })));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('carnet analyze', () => {
  it('--json prints one JSON object with every part of the diagnosis, the same twice', async () => {
    const [a, b] = await Promise.all([carnet(['analyze', file, '--json', '--now', NOW]), carnet(['analyze', file, '--json', '--now', NOW])]);
    expect(a.code, a.stderr).toBe(0);
    const r = JSON.parse(a.stdout);
    for (const key of ['contacts', 'clusters', 'gaps', 'missingProfiles', 'dormant', 'overdue', 'stage', 'reciprocity', 'diversity']) {
      expect(r, key).toHaveProperty(key);
    }
    expect(r.contacts[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String) }));
    expect(r.dormant.length).toBeGreaterThan(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('prints a readable report in the language of --lang, else LANG', async () => {
    const fr = await carnet(['analyze', file, '--now', NOW], { env: { LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toMatch(/^Diagnostic du réseau au 1 juin 2025/);
    expect(fr.stdout).toContain('Liens dormants à raviver');
    const en = await carnet(['analyze', file, '--now', NOW, '--lang', 'en'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(en.stdout).toMatch(/^Network diagnosis on Jun 1, 2025/);
  });

  it('refuses a bad date or language (exit 2) and an unreadable file (exit 1)', async () => {
    expect((await carnet(['analyze', file, '--now', 'tomorrow'])).stderr).toMatch(/--now must be a date/);
    expect((await carnet(['analyze', file, '--lang', 'de'])).code).toBe(2);
    const missing = await carnet(['analyze', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
  });
});

describe('carnet personas', () => {
  it('replaces the personas from a file as one saved change, and explains an invalid file', async () => {
    const target = join(dir, 'personas-doc.json');
    await writeFile(target, await readFile(file));
    const list = join(dir, 'personas.json');
    await writeFile(list, JSON.stringify([{ name: 'Investor in Rennes', match: { title: ['investor'], location: ['Rennes'] }, target: 3 }]));
    const set = await carnet(['personas', target, '--set', list]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/1 personas set/);
    const shown = await carnet(['personas', target, '--json']);
    expect(JSON.parse(shown.stdout)).toEqual([
      { id: 'p_investor-in-rennes', name: 'Investor in Rennes', target: 3, match: { title: ['investor'], organization: [], location: ['Rennes'], tags: [], sector: [], school: [] } },
    ]);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify([{ name: 'X', match: { title: 'investor' }, target: 1 }]));
    const refused = await carnet(['personas', target, '--set', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.json: \$\[0\]\.match\.title: /);
  });
});
