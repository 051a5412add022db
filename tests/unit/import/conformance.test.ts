/**
 * Every file of the shared fixture corpus (../shared/fixtures from the repo
 * root, real files from other projects, described in its SOURCES.md) with the
 * number of contacts SOURCES.md says a correct importer sees, and its
 * negative cases. Where Carnet decides differently, `differs` says why.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../shared/import/index.js';

const CORPUS = resolve(__dirname, '../../../../shared/fixtures');

type Expectation = {
  contacts: number;
  /** The file must produce an error (SOURCES.md negative test). */
  error?: RegExp;
  /** A warning the file must produce. */
  warning?: RegExp;
  /** Names that must come out, in order (spot checks of encodings and escapes). */
  names?: string[];
  /** Why Carnet does not follow SOURCES.md here. */
  differs?: string;
};

const EXPECTED: Record<string, Expectation> = {
  'vcard/CyanogenMod__android_frameworks_opt_vcard__v21_backslash.vcf': { contacts: 1 },
  'vcard/CyanogenMod__android_frameworks_opt_vcard__v21_complicated.vcf': { contacts: 1, names: ['Joe Due'] },
  'vcard/CyanogenMod__android_frameworks_opt_vcard__v21_invalid_comment_line.vcf': { contacts: 1, names: ['Conference Call'] },
  'vcard/CyanogenMod__android_frameworks_opt_vcard__v21_invalid_multiple_line.vcf': { contacts: 1, names: ['Omega'] },
  'vcard/CyanogenMod__android_frameworks_opt_vcard__v21_japanese_2.vcf': { contacts: 1, names: ['安藤 ロイド 1'] },
  'vcard/CyanogenMod__android_frameworks_opt_vcard__v21_malformed_photo.vcf': {
    contacts: 1,
    warning: /not valid base64/,
    differs: 'Android throws on the invalid base64 photo; Carnet keeps the contact, drops the photo and warns (the issue asks for a warning, never a crash).',
  },
  'vcard/CyanogenMod__android_frameworks_opt_vcard__v21_nest.vcf': { contacts: 3, names: ['nest1', 'nest2', 'parent'] },
  'vcard/CyanogenMod__android_frameworks_opt_vcard__v30_ios_613_multiline.vcf': { contacts: 1, names: ['Bob Smith'] },
  'vcard/CyanogenMod__android_frameworks_opt_vcard__v40_sort_as.vcf': { contacts: 1, names: ['安藤 ロイド'] },
  'vcard/GNOME__evolution-data-server__sorted-9.vcf': { contacts: 1, names: ['First Name côté'] },
  'vcard/KDE__kcontacts__vcard10.vcf': { contacts: 5 },
  'vcard/KDE__kcontacts__vcard3.vcf': { contacts: 1, names: ['ian geiser'] },
  'vcard/KDE__kcontacts__vcard4.vcf': { contacts: 1, names: ['Ximian, Inc.'] },
  'vcard/KDE__kcontacts__vcard9.vcf': { contacts: 1 },
  'vcard/jhermsmeier__node-vcf__empty-lines.vcf': { contacts: 1, names: ['Dr. Erika Mustermann'] },
  'vcard/jhermsmeier__node-vcf__multiple.vcf': { contacts: 3 },
  'vcard/jhermsmeier__node-vcf__vcard-2.1.vcf': { contacts: 1, names: ['Forrest Gump'] },
  'vcard/jhermsmeier__node-vcf__vcard-4.0.vcf': { contacts: 1, names: ['Forrest Gump'] },
  'vcard/jhermsmeier__node-vcf__xing.vcf': { contacts: 1, names: ['Hans-Peter Mustermann'] },
  'vcard/kewisch__ical.js__escape_semicolon.vcf': { contacts: 1 },
  'vcard/kewisch__ical.js__vcard.vcf': { contacts: 1, names: ['J. Doe'] },
  'vcard/kewisch__ical.js__vcard3.vcf': { contacts: 1 },
  'vcard/kewisch__ical.js__vcard_author.vcf': { contacts: 1, names: ['Simon Perreault'] },
  'vcard/mangstadt__ez-vcard__John_Doe_ANDROID.vcf': { contacts: 6 },
  'vcard/mangstadt__ez-vcard__John_Doe_BLACK_BERRY.vcf': { contacts: 1, names: ['John Doe'] },
  'vcard/mangstadt__ez-vcard__John_Doe_EVOLUTION.vcf': { contacts: 1 },
  'vcard/mangstadt__ez-vcard__John_Doe_GMAIL.vcf': { contacts: 1 },
  'vcard/mangstadt__ez-vcard__John_Doe_MAC_ADDRESS_BOOK.vcf': { contacts: 1 },
  'vcard/mangstadt__ez-vcard__fullcontact.vcf': { contacts: 1 },
  'vcard/mangstadt__ez-vcard__gmail-list.vcf': { contacts: 3, names: ['Arnold Smith', 'Chris Beatle', 'Doug White'] },
  'vcard/mangstadt__ez-vcard__issue114.vcf': { contacts: 1, names: ['Dummy, Dummy'] },
  'vcard/mangstadt__ez-vcard__outlook-2007.vcf': { contacts: 1 },
  'vcard/monicahq__monica__broken_vcard_stub.vcard': { contacts: 0, error: /no BEGIN:VCARD/ },
  'vcard/monicahq__monica__vcard_stub.vcf': { contacts: 3, names: ['Bono', 'John Doe', 'Johnny'] },
  'vcard/mozilla__releases-comm-central__export.vcf': { contacts: 2 },
  'vcard/roundcube__roundcubemail__apple.vcf': { contacts: 1, names: ['Apple Computer AG'] },
  'vcard/roundcube__roundcubemail__johndoe.vcf': { contacts: 1, names: ['John Doë'] },
  'vcard/roundcube__roundcubemail__thebat.vcf': { contacts: 1, names: ['Piotr Iksiñski'] },
  'vcard/roundcube__roundcubemail__utf-16_sample.vcf': { contacts: 1, names: ['Ǽgean ĽdaMonté'] },
  'vcard/sabre-io__vobject__issue64.vcf': {
    contacts: 0,
    warning: /no name, nickname, organization, e-mail or phone/,
    differs: 'The card holds only a PHOTO: nothing can name, match or reach the person, so Carnet skips it with a warning naming the card.',
  },
  'csv/agamm__rolomind__google.csv': { contacts: 4, names: ['John Doe', 'Jane Smith', 'Bob Wilson', 'Alice Brown'] },
  'csv/horde__Data__bug_6311.csv': { contacts: 1, names: ['John Smith'] },
  'csv/horde__Data__bug_6370.csv': {
    contacts: 0,
    warning: /no name, e-mail, phone or organization/,
    differs: 'The one record has only a business street: Carnet skips a row with nothing to name the person by, with a warning naming the line.',
  },
  'csv/labeldekho__linkedin-network-intelligence__Connections.csv': { contacts: 10 },
  'csv/mozilla__releases-comm-central__csv_no_header.csv': { contacts: 2, names: ['John Doe', 'Jane Doe'], warning: /no header row/ },
  'csv/mozilla__releases-comm-central__csv_semicolon.csv': { contacts: 2, names: ['John Doe', 'Jane Doe'] },
  'csv/mozilla__releases-comm-central__export.csv': { contacts: 2 },
  'csv/mozilla__releases-comm-central__quote.csv': { contacts: 1, names: ['Acer America'] },
  'csv/mozilla__releases-comm-central__shiftjis_addressbook.csv': { contacts: 1, names: ['名無しの権兵衛'] },
  'csv/mozilla__releases-comm-central__tab_comma_mixed.csv': { contacts: 4, warning: /separated by “,”, unlike the rest/ },
  'csv/mozilla__releases-comm-central__utf16_addressbook.csv': { contacts: 1, names: ['John Doe'] },
  'csv/pedrofuentes__kawsay__Connections.csv': { contacts: 2, names: ['José García', 'Æsop Fontaine'] },
  'csv/roundcube__roundcubemail__all.csv': { contacts: 1 },
  'csv/roundcube__roundcubemail__gmail.csv': { contacts: 1 },
  'csv/roundcube__roundcubemail__tb_plain.csv': { contacts: 1, names: ['Displayname'] },
};

const present = existsSync(CORPUS);
if (!present) console.warn(`conformance: ${CORPUS} does not exist; the shared fixture corpus is skipped`);

describe.skipIf(!present)('shared fixture corpus (SOURCES.md)', () => {
  const files = present ? ['vcard', 'csv'].flatMap((d) => readdirSync(resolve(CORPUS, d)).map((f) => `${d}/${f}`)).sort() : [];

  it('has an expectation for every file, and SOURCES.md describes every file', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    const sources = readFileSync(resolve(CORPUS, 'SOURCES.md'), 'utf8');
    for (const f of files) expect(sources).toContain(f);
  });

  for (const [file, e] of Object.entries(EXPECTED)) {
    it(`${file}: ${e.contacts} contact${e.contacts === 1 ? '' : 's'}${e.error ? ', refused' : ''}${e.differs ? ' (differs)' : ''}`, () => {
      const r = parseImportFile(new Uint8Array(readFileSync(resolve(CORPUS, file))), file);
      expect(r.contacts).toHaveLength(e.contacts);
      if (e.error) expect(r.errors.map((x) => x.message).join('\n')).toMatch(e.error);
      else expect(r.errors).toEqual([]);
      if (e.warning) expect(r.warnings.map((x) => x.message).join('\n')).toMatch(e.warning);
      if (e.names) expect(r.contacts.map((c) => c.name)).toEqual(e.names);
      for (const c of r.contacts) expect(c.name).not.toMatch(/\uFFFD/);
    });
  }
});
