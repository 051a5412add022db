// Every notice the document store and the backend raise, and every button they
// offer, reads in French and in English: the codes are found in the sources,
// so a new notice without its translations fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';

const SERVICES = fileURLToPath(new URL('../../../electron/services/', import.meta.url));
const RENDERER_STATE = fileURLToPath(new URL('../../../renderer/src/state/store.ts', import.meta.url));
const sources = [...readdirSync(SERVICES).filter((f) => f.endsWith('.ts')).map((f) => join(SERVICES, f)), RENDERER_STATE].map((f) => readFileSync(f, 'utf8'));
const codes = [...new Set(sources.flatMap((s) => [...s.matchAll(/code: '(document\.[A-Za-z]+)'/g)].map((m) => m[1]!)))];
const labels = [...new Set(sources.flatMap((s) => [...s.matchAll(/(?:run|dialog)\('([A-Za-z]+)'/g)].map((m) => m[1]!)))];

type Catalog = { notices: { document: Record<string, string>; actions: Record<string, string> } };
/** The key itself, or any of its context or plural forms. */
const has = (catalog: Record<string, string>, key: string) => Object.keys(catalog).some((k) => k === key || k.startsWith(`${key}_`));

describe('notice translations', () => {
  it('finds the notices in the sources', () => {
    expect(codes).toEqual(expect.arrayContaining(['document.missing', 'document.readOnly', 'document.changedElsewhere', 'document.journalDamaged', 'document.readOnlyEdit']));
    expect(labels).toEqual(expect.arrayContaining(['restore', 'takeOver', 'open', 'saveAs', 'new']));
  });

  for (const [language, catalog] of [['en', en], ['fr', fr]] as const) {
    it(`has every notice and button in ${language}`, () => {
      const c = catalog as unknown as Catalog;
      expect(codes.filter((code) => !has(c.notices.document, code.slice('document.'.length)))).toEqual([]);
      expect(labels.filter((l) => !c.notices.actions[l])).toEqual([]);
    });
  }

  it('has the same forms (contexts, plurals) in both languages', () => {
    const forms = (c: Catalog) => Object.keys(c.notices.document).filter((k) => codes.some((code) => k === code.slice(9) || k.startsWith(`${code.slice(9)}_`))).sort();
    expect(forms(fr as unknown as Catalog)).toEqual(forms(en as unknown as Catalog));
  });
});
