/**
 * Search text folding: accents, case and punctuation do not matter, so
 * "ecole" finds "École" and "d'ingenieurs" finds "d’Ingénieurs".
 */

const MARKS = /\p{M}/gu;
/** Letters NFD leaves whole but people type as two. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };
const WORD_CHAR = /[\p{L}\p{N}]/u;

function foldChar(ch: string): string {
  const lower = ch.normalize('NFD').replace(MARKS, '').toLowerCase();
  let out = '';
  for (const c of lower) out += LIGATURES[c] ?? (WORD_CHAR.test(c) ? c : ' ');
  return out;
}

/**
 * Folds a text for matching: NFD without combining marks, lower case, and
 * every character that is not a letter or a digit turned into a space.
 */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/**
 * Like foldText, with where each folded character came from: `folded[k]`
 * was produced by `text.slice(from[k], to[k])` (UTF-16 indexes), so a match
 * found in folded text can be highlighted in the original.
 */
export function foldWithMap(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  return { folded, from, to };
}

/** The words of a folded text. */
export function tokens(folded: string): string[] {
  return folded.split(' ').filter((t) => t.length > 0);
}
