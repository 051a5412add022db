import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { parsePersonaFile, PersonaFileError, replacePersonas } from '../../../shared/analysis/personaFile.js';
import { matchesPersona, personaFields } from '../../../shared/analysis/personas.js';
import { Contact, PersonaMatch } from '../../../shared/document/schema.js';
import { addContact, addInteraction, daysAgo, doc, NOW } from './helpers.js';

const fields = (c: Partial<Contact>) =>
  personaFields(Contact.parse({ id: 'x', name: 'X', createdAt: NOW, updatedAt: NOW, ...c }), () => undefined);

describe('persona matching', () => {
  const angel = PersonaMatch.parse({ title: ['investor', 'business angel'], location: ['Rennes'] });

  it('ignores case and accents, matches any keyword of a field and requires every non-empty field', () => {
    expect(matchesPersona(angel, fields({ city: 'RENNES', organizations: [{ name: 'Breizh Capital', title: 'Business Angel', current: true }] }))).toBe(true);
    expect(matchesPersona(angel, fields({ city: 'Rennes', organizations: [{ name: 'X', title: 'Angel Investor', current: true }] }))).toBe(true);
    expect(matchesPersona(angel, fields({ city: 'Nantes', organizations: [{ name: 'X', title: 'Investor', current: true }] }))).toBe(false);
    const sector = PersonaMatch.parse({ location: ['Genève'], sector: ['santé'] });
    expect(matchesPersona(sector, fields({ city: 'geneve', organizations: [{ name: 'Y', sector: 'Sante', current: true }] }))).toBe(true);
  });

  it('matches keywords at word starts only, and past jobs do not count', () => {
    const ux = PersonaMatch.parse({ title: ['ux'] });
    expect(matchesPersona(ux, fields({ organizations: [{ name: 'L', title: 'Luxury buyer', current: true }] }))).toBe(false);
    expect(matchesPersona(ux, fields({ organizations: [{ name: 'L', title: 'Lead UX', current: true }] }))).toBe(true);
    expect(matchesPersona(ux, fields({ organizations: [{ name: 'L', title: 'Lead UX', current: false }] }))).toBe(false);
  });

  it('matches nobody when it has no keyword at all', () => {
    expect(matchesPersona(PersonaMatch.parse({}), fields({ city: 'Paris' }))).toBe(false);
  });
});

describe('missing profiles', () => {
  function network() {
    const d = doc();
    addContact(d, { id: 'ana', city: 'Rennes', strength: 4, organizations: [{ name: 'Ouest Capital', sector: 'Venture capital', title: 'Analyst', current: true }] });
    addContact(d, { id: 'bob', city: 'Rennes', strength: 2, organizations: [{ name: 'Ouest Capital', title: 'Office manager', current: true }] });
    addContact(d, { id: 'fresh', city: 'Rennes', strength: 5, connectedOn: daysAgo(20), createdAt: daysAgo(20) });
    addContact(d, { id: 'cfo', organizations: [{ name: 'Acme', title: 'Directrice financière', current: true }] });
    addInteraction(d, ['ana'], daysAgo(40));
    addInteraction(d, ['fresh'], daysAgo(10));
    d.personas.angel = { id: 'angel', name: 'Investor in Rennes', target: 2, match: PersonaMatch.parse({ title: ['investor', 'business angel', 'partner'], location: ['Rennes'] }) };
    d.personas.cfo = { id: 'cfo', name: 'CFO', target: 1, match: PersonaMatch.parse({ title: ['directeur financier', 'directrice financiere', 'CFO'] }) };
    return d;
  }

  it('reports a persona nobody matches, with introducers who share its place, organization or sector', () => {
    const r = analyzeNetwork(network(), { now: NOW });
    const angel = r.missingProfiles.find((p) => p.persona.id === 'angel')!;
    expect(angel).toMatchObject({ matchCount: 0, target: 2, missing: 2, matches: [] });
    expect(angel.introducers.map((i) => i.id)).toEqual(['ana']);
    expect(angel.introducers[0]!.shared).toEqual([{ field: 'location', value: 'Rennes' }]);
    expect(angel.message.text).toBe('Investor in Rennes: 0 of 2 — 2 missing.');
    expect(r.missingProfiles[0]!.persona.id).toBe('angel');
  });

  it('never proposes asking a weak or fresh tie for an introduction: they are to warm up first', () => {
    const angel = analyzeNetwork(network(), { now: NOW }).missingProfiles.find((p) => p.persona.id === 'angel')!;
    const warm = angel.toWarmUp.map((i) => i.id).sort();
    expect(warm).toEqual(['bob', 'fresh']);
    expect(angel.toWarmUp[0]!.message.key).toBe('persona.warmUp');
  });

  it('counts a met target as met, with no introducers', () => {
    const cfo = analyzeNetwork(network(), { now: NOW }).missingProfiles.find((p) => p.persona.id === 'cfo')!;
    expect(cfo).toMatchObject({ matchCount: 1, missing: 0, introducers: [], matches: ['cfo'] });
  });
});

describe('personas file', () => {
  it('reads the documented format and derives stable ids', () => {
    const list = parsePersonaFile('[{"name":"Investor in Rennes","match":{"title":["investor"],"location":["Rennes"]},"target":3}]');
    expect(list).toEqual([
      { id: 'p_investor-in-rennes', name: 'Investor in Rennes', target: 3, match: { title: ['investor'], organization: [], location: ['Rennes'], tags: [], sector: [], school: [] } },
    ]);
  });

  it.each([
    ['{', '$', /not valid JSON/],
    ['{}', '$', /expected array/],
    ['[{"name":"A","match":{"titles":["x"]},"target":1}]', '$[0].match', /titles/],
    ['[{"name":"A","match":{"title":["x"]},"target":1.5}]', '$[0].target', /whole number/],
    ['[{"name":"","match":{"title":["x"]},"target":1}]', '$[0].name', /needs a name/],
    ['[{"name":"A","match":{},"target":1}]', '$[0].match', /at least one keyword/],
  ])('rejects %s at %s', (text, path, why) => {
    try {
      parsePersonaFile(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PersonaFileError);
      expect((e as PersonaFileError).path).toBe(path);
      expect((e as Error).message).toMatch(why);
    }
  });

  it('replaces every persona in one change set, leaving unchanged ones alone', () => {
    const d = doc();
    const [a, b] = parsePersonaFile('[{"name":"A","match":{"title":["x"]},"target":1},{"name":"B","match":{"title":["y"]},"target":1}]');
    d.personas[a!.id] = a!;
    d.personas.old = { ...b!, id: 'old' };
    const set = replacePersonas(d, [a!, b!]);
    expect(set.changes).toEqual([
      { op: 'del', coll: 'personas', id: 'old' },
      { op: 'put', coll: 'personas', id: b!.id, value: b },
    ]);
  });
});
