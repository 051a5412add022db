import { describe, expect, it } from 'vitest';
import { foldText, foldWithMap, tokens } from '../../../shared/search/normalize.js';

describe('foldText', () => {
  it('drops accents and case, and turns punctuation into spaces', () => {
    expect(foldText("École d’Ingénieurs")).toBe('ecole d ingenieurs');
    expect(foldText('ÇA VA, Zoë?')).toBe('ca va  zoe ');
    expect(tokens(foldText('  Hélène  -  Lyon '))).toEqual(['helene', 'lyon']);
  });

  it('expands the ligatures people type as two letters', () => {
    expect(foldText('Œuvre Straße')).toBe('oeuvre strasse');
  });

  it('maps every folded character back to the original text', () => {
    const text = 'Œil de Zoé';
    const { folded, from, to } = foldWithMap(text);
    expect(folded).toBe('oeil de zoe');
    expect(text.slice(from[0]!, to[1]!)).toBe('Œ');
    const at = folded.indexOf('zoe');
    expect(text.slice(from[at]!, to[at + 2]!)).toBe('Zoé');
  });

  it('keeps decomposed input aligned (combining marks belong to their letter)', () => {
    const text = 'E\u0301cole';
    const { folded, from, to } = foldWithMap(text);
    expect(folded).toBe('ecole');
    expect(text.slice(from[0]!, to[4]!)).toBe(text);
  });
});
