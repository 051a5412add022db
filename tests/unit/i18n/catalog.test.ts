// The one catalog speaks both languages everywhere: every sentence exists in French and English, with the
// same placeholders, so no part of the interface, the menus or the CLI falls back to the other language.
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';

type Tree = { [key: string]: string | Tree };

/** Sentence key → its placeholders; plural forms (`_one`, `_other`, French `_many`) count as one sentence. */
function sentences(tree: Tree, prefix = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value !== 'string') {
      sentences(value, `${path}.`, out);
      continue;
    }
    const base = path.replace(/_(zero|one|two|few|many|other)$/, '');
    const vars = out.get(base) ?? new Set<string>();
    for (const m of value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) if (m[1] !== 'count') vars.add(m[1]!);
    out.set(base, vars);
  }
  return out;
}

describe('translation catalog', () => {
  const english = sentences(en as Tree);
  const french = sentences(fr as Tree);

  it('has every sentence in both languages', () => {
    expect([...english.keys()].filter((k) => !french.has(k)), 'missing in fr.json').toEqual([]);
    expect([...french.keys()].filter((k) => !english.has(k)), 'missing in en.json').toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differ = [...english].filter(([k, vars]) => french.has(k) && [...vars].sort().join() !== [...french.get(k)!].sort().join());
    expect(differ.map(([k]) => k)).toEqual([]);
  });
});
