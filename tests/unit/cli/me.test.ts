// `carnet me`: shows the user's profile in their language, replaces it from a file in one saved change,
// and refuses a bad file with the JSON path of the problem, leaving the document as it was.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addContact } from '../../../shared/document/commands.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument } from '../../../shared/document/schema.js';
import { carnet } from './run.js';

let dir: string;
let doc: string;
const NO_LOCALE = { LANG: '', LC_ALL: '', LC_MESSAGES: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carnet-me-'));
  doc = join(dir, 'network.json');
  // A network as an import leaves it: contacts, and no profile of the user.
  const d = emptyDocument('2025-03-01T10:00:00.000Z', 'Imported');
  applyChangeSet(d, addContact(d, { id: 'c1', name: 'Ana Martin', organizations: [{ name: 'Acme', current: true }] }, '2025-03-01T10:00:00.000Z'));
  await writeFile(doc, JSON.stringify(d));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('carnet me', () => {
  it('sets the profile from a file, then shows it as text in French or English, and as JSON', async () => {
    const empty = await carnet(['me', doc], { env: NO_LOCALE });
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toMatch(/^No profile yet: carnet me .*network\.json --set PROFILE\.json fills it\.$/m);

    const profile = join(dir, 'me.json');
    await writeFile(
      profile,
      JSON.stringify({
        name: 'Alex Martin',
        headline: 'Data lead',
        city: 'Lyon',
        organizations: [{ name: 'Acme', title: 'Data lead', start: '2021-03-01' }, { name: 'Old Co', current: false, start: '2015-01-01', end: '2020-12-31' }],
        schools: [{ name: 'INSA Lyon', degree: 'Ingénieur', year: 2014 }],
        tags: ['data', 'vélo'],
      }),
    );
    const set = await carnet(['me', doc, '--set', profile], { env: NO_LOCALE });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/network\.json: profile set \(Alex Martin\)\.$/m);
    const again = await carnet(['me', doc, '--set', profile, '--lang', 'fr']);
    expect(again.stdout).toMatch(/network\.json : le profil est déjà celui-là ; rien n’a changé\.$/m);

    const shown = await carnet(['me', doc, '--json']);
    expect(JSON.parse(shown.stdout)).toEqual({
      name: 'Alex Martin',
      headline: 'Data lead',
      city: 'Lyon',
      organizations: [
        { name: 'Acme', title: 'Data lead', current: true, start: '2021-03-01' },
        { name: 'Old Co', current: false, start: '2015-01-01', end: '2020-12-31' },
      ],
      schools: [{ name: 'INSA Lyon', degree: 'Ingénieur', year: 2014 }],
      tags: ['data', 'vélo'],
    });
    const fr = await carnet(['me', doc], { env: { ...NO_LOCALE, LANG: 'fr_FR.UTF-8' } });
    expect(fr.stdout).toContain('Nom : Alex Martin\n');
    expect(fr.stdout).toContain('  Acme — Data lead (actuel, depuis le 1 mars 2021)\n');
    expect(fr.stdout).toContain('  Old Co (du 1 janv. 2015 au 31 déc. 2020)\n');
    expect(fr.stdout).toContain('Écoles :\n  INSA Lyon — Ingénieur (2014)\n');
    const en = await carnet(['me', doc, '--lang', 'en']);
    expect(en.stdout).toContain('  Old Co (Jan 1, 2015 – Dec 31, 2020)\n');

    // Saved through the journal like any edit: a valid document, with the profile in it.
    expect((await carnet(['validate', doc])).code).toBe(0);
  });

  it('refuses a misspelt field or an impossible date, naming the file and the JSON path, and changes nothing', async () => {
    const before = JSON.parse((await carnet(['me', doc, '--json'])).stdout);
    const cases: [object, RegExp][] = [
      [{ name: 'X', organisations: [] }, /bad\.json: \$\.organisations: unknown field "organisations"/],
      [{ organizations: [{ name: 'A', start: '2021-02-30' }] }, /bad\.json: \$\.organizations\[0\]\.start: expected a real date/],
    ];
    for (const [content, message] of cases) {
      const bad = join(dir, 'bad.json');
      await writeFile(bad, JSON.stringify(content));
      const r = await carnet(['me', doc, '--set', bad], { env: NO_LOCALE });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^carnet me: invalid profile file /);
      expect(r.stderr).toMatch(message);
    }
    expect(JSON.parse((await carnet(['me', doc, '--json'])).stdout)).toEqual(before);
    expect((await carnet(['me', doc, '--lang', 'de'])).code).toBe(2);
    expect(JSON.parse(await readFile(doc, 'utf8')).contacts.c1.name).toBe('Ana Martin');
  });

  it('prints a date that has the right shape but no such day as it is written', async () => {
    const odd = join(dir, 'odd.json');
    const d = emptyDocument('2025-03-01T10:00:00.000Z');
    d.me.organizations.push({ name: 'Acme', current: true, start: '2020-13-01' });
    await writeFile(odd, JSON.stringify(d));
    const r = await carnet(['me', odd, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  Acme (current, since 2020-13-01)\n');
  });
});
