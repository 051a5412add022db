// What the contact card and the profile editor save from what the user typed, and how a draft follows a
// contact that changed underneath it without losing what the user typed.
import { describe, expect, it } from 'vitest';
import type { Contact, Me } from '../../../shared/document/schema.js';
import { contactFields, draftOf, validateDraft } from '../../../renderer/src/panels/contactDraft.js';
import { formatDay } from '../../../renderer/src/panels/formatDay.js';
import { meDraftOf, meOf, normalizeProfileUrl, validateMe } from '../../../renderer/src/panels/meDraft.js';
import { rebaseDraft, sameDraft } from '../../../renderer/src/panels/rebase.js';

const NOW = '2025-03-01T10:00:00.000Z';
const contact: Contact = {
  id: 'c1',
  name: 'Ana Martin',
  emails: [],
  phones: [],
  urls: [],
  organizations: [{ name: 'Télécom Ouest', current: true }],
  schools: [{ name: 'ESAC', degree: 'MSc', year: 2012, source: 'Education.csv' }],
  addresses: [],
  tags: [],
  categories: [],
  sources: [],
  strength: 3,
  createdAt: NOW,
  updatedAt: NOW,
};

describe('contact draft', () => {
  it('edits closeness, cadence and schools, keeping what the form does not show', () => {
    const d = draftOf(contact);
    expect(d).toMatchObject({ strength: '3', cadence: '' });
    const edited = { ...d, strength: '', cadence: ' 45 ', schools: [{ ...d.schools[0]!, year: '2013' }, { name: ' INSA ', degree: '', year: '' }, { name: '', degree: '', year: '' }] };
    expect(validateDraft(edited)).toEqual({});
    const fields = contactFields(edited, contact);
    expect(fields.strength).toBeUndefined();
    expect(fields.cadenceDays).toBe(45);
    expect(fields.schools).toEqual([{ name: 'ESAC', degree: 'MSc', year: 2013, source: 'Education.csv' }, { name: 'INSA' }]);
  });

  it('says which cadence or school is wrong', () => {
    const d = draftOf(contact);
    for (const bad of ['0', '3651', '2.5', '-3', 'often']) expect(validateDraft({ ...d, cadence: bad }).cadence?.key, bad).toBe('panel.errors.cadence');
    expect(validateDraft({ ...d, schools: [d.schools[0]!, { name: '', degree: 'MBA', year: '' }] }).schools).toEqual({ index: 1, key: 'panel.errors.schoolName' });
    expect(validateDraft({ ...d, schools: [{ ...d.schools[0]!, year: '12' }] }).schools).toEqual({ index: 0, key: 'panel.errors.schoolYear', params: { value: '12' } });
  });
});

describe('rebasing a draft', () => {
  it('takes the new stored value of the fields the user left alone, and keeps the ones they changed', () => {
    const before = draftOf(contact);
    const typed = { ...before, city: 'Nantes', tags: ['voile'] };
    const after = draftOf({ ...contact, strength: 5, tags: ['ski'], name: 'Ana Martin-Leroy' });
    const rebased = rebaseDraft(typed, before, after);
    expect(rebased).toMatchObject({ name: 'Ana Martin-Leroy', strength: '5', city: 'Nantes', tags: ['voile'] });
    expect(sameDraft(rebaseDraft(before, before, after), after)).toBe(true);
  });
});

describe('profile draft', () => {
  const me: Me = {
    name: 'Camille',
    organizations: [
      { name: 'Banque Lumière', title: 'Head of Product', current: true, start: '2022-10-23T00:00:00.000Z', sector: 'fintech', source: 'Positions.csv' },
      { name: 'Télécom Ouest', current: false, start: '2017-12-03', end: '2022-10-03' },
    ],
    schools: [],
    tags: ['produit'],
  };

  it('gives back the stored profile unchanged when nothing is edited (timestamps and hidden fields kept)', () => {
    expect(meOf(meDraftOf(me))).toEqual(me);
  });

  it('saves what was typed: trimmed, blank rows dropped, a current job without an end, tags once', () => {
    const d = meDraftOf(me);
    const edited = {
      ...d,
      headline: '  Product lead ',
      profileUrl: 'linkedin.com/in/camille',
      tags: ['produit', 'Produit', 'voile'],
      organizations: [{ ...d.organizations[0]!, start: '2022-11-01' }, { ...d.organizations[1]!, current: true }, { name: '', title: '', start: '', end: '', current: true }],
    };
    expect(validateMe(edited)).toEqual({});
    expect(meOf(edited)).toEqual({
      name: 'Camille',
      headline: 'Product lead',
      profileUrl: 'https://linkedin.com/in/camille',
      tags: ['Produit', 'voile'],
      schools: [],
      organizations: [
        { name: 'Banque Lumière', title: 'Head of Product', current: true, start: '2022-11-01', sector: 'fintech', source: 'Positions.csv' },
        { name: 'Télécom Ouest', current: true, start: '2017-12-03' },
      ],
    });
  });

  it('says which organization is wrong, and refuses addresses that are not web pages', () => {
    const d = meDraftOf(me);
    const org = d.organizations[1]!;
    expect(validateMe({ ...d, organizations: [d.organizations[0]!, { ...org, name: ' ' }] }).organizations).toEqual({ index: 1, key: 'profile.errors.orgName' });
    expect(validateMe({ ...d, organizations: [{ ...org, end: '2010-01-01' }] }).organizations).toEqual({ index: 0, key: 'profile.errors.endBeforeStart' });
    expect(validateMe({ ...d, organizations: [{ ...org, start: '2023-02-30' }] }).organizations).toEqual({ index: 0, key: 'profile.errors.date' });
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'localhost']) expect(normalizeProfileUrl(bad), bad).toBeNull();
    expect(validateMe({ ...d, profileUrl: 'javascript:alert(1)' }).profileUrl?.key).toBe('profile.errors.url');
    expect(normalizeProfileUrl('https://www.linkedin.com/in/x')).toBe('https://www.linkedin.com/in/x');
  });
});

describe('dates on the card', () => {
  it('reads as the language writes them, and shows a day that does not exist as it is written', () => {
    expect(formatDay('2022-12-31', 'fr')).toBe('31 déc. 2022');
    expect(formatDay('2022-12-31', 'en')).toBe('Dec 31, 2022');
    expect(formatDay('2023-02-31T25:00', 'fr')).toBe('2023-02-31T25:00');
    expect(formatDay('2023-13-01', 'en')).toBe('2023-13-01');
  });
});
