/**
 * Every import message exists in French and English: the `import` section of
 * both catalogs has the same sentences, and every issue the importers raise
 * on the fixtures (and on hostile input) renders in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';
import { translator } from '../../../shared/i18n/index.js';
import { emptyDocument } from '../../../shared/document/schema.js';
import { ImportBatch, issuePhrase, type ImportIssue } from '../../../shared/import/index.js';
import { FIXTURES } from './helpers.js';

/** Keys of a catalog section, plural forms folded into their base key. */
function keys(section: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(section as Record<string, unknown>)) {
    if (v && typeof v === 'object') for (const x of keys(v, `${prefix}${k}.`)) out.add(x);
    else out.add(`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`);
  }
  return out;
}

describe('the import catalog', () => {
  it('has the same sentences in French and English', () => {
    expect([...keys(fr.import)].sort()).toEqual([...keys(en.import)].sort());
  });

  it('words every message in French with all its parameters', () => {
    const params = { count: 3, name: 'Ana', email: 'a@b.example', value: 'v', file: 'f.csv', field: 'emails.0.value', max: 2000, min: 1, reason: 'r', columns: 'A, B', column: 'C', separator: ';', property: 'TEL', charset: 'x', size: 2, fields: 9, header: 7, path: '$', kind: 'FIFO' };
    const t = translator('fr');
    for (const key of keys(en.import.msg)) {
      const text = t(`import.msg.${key}`, params);
      expect(text, key).not.toMatch(/\{\{|import\.msg/);
    }
  });

  it('renders every issue the importers raise, in both languages', () => {
    const files = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => ({ name: d.name, bytes: new Uint8Array(readFileSync(join(FIXTURES, d.name))) }));
    const enc = new TextEncoder();
    files.push(
      { name: 'bad.csv', bytes: enc.encode(`Name,Email,Strength,Connected On\nBad,${'x'.repeat(2100)}@x.example,9,never\n,,,\n`) },
      { name: 'ties.csv', bytes: enc.encode('From,To,Strength\nNobody,Alice,42\nAlice,Alice,\n') },
      { name: 'bin.dat', bytes: new Uint8Array(4096).map((_, i) => (i * 37) % 256) },
    );
    const batch = new ImportBatch(files);
    const p = batch.preview(emptyDocument('2024-01-01'));
    const issues: ImportIssue[] = [...batch.unread, ...p.files.flatMap((f) => [...f.warnings, ...f.errors])];
    expect(new Set(issues.map((i) => i.key)).size).toBeGreaterThan(8);
    for (const lang of ['en', 'fr'] as const) {
      const t = translator(lang);
      for (const i of issues) {
        const { key, params } = issuePhrase(i);
        const text = t(key, params ?? {});
        expect(text, `${lang} ${key}`).not.toBe(key);
        expect(text, `${lang} ${key}`).not.toMatch(/\{\{/);
      }
    }
  });
});
