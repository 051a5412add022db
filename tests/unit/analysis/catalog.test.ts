// Every sentence of the diagnosis exists in French and in English, with the
// same parameters (a missing one would print "{{name}}" to the user).
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

// `count` aside: a singular form may write it out ("Un contact…", "one member").
const params = (s: string) => [...new Set([...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!))].filter((p) => p !== 'count').sort();
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe.each([
  ['diag', en.diag, fr.diag],
  ['analysis.first', en.analysis.first, fr.analysis.first],
  ['analysis.suggested', en.analysis.suggested, fr.analysis.suggested],
])('the %s catalog section', (_name, english, french) => {
  const e = leaves(english);
  const f = leaves(french);

  it('has the same sentences in both languages', () => {
    expect([...new Set([...f.keys()].map(base))].sort()).toEqual([...new Set([...e.keys()].map(base))].sort());
  });

  it('gives each sentence the same parameters in both languages', () => {
    for (const [key, text] of e) expect(params(f.get(key) ?? f.get(`${base(key)}_other`) ?? ''), key).toEqual(params(text));
  });
});
