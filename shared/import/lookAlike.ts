/**
 * Names that only look alike: a typo, accents, a middle initial, a maiden
 * name. Two such names at the same organization may be one person or two:
 * Carnet never decides alone, it asks (possible duplicates). Candidates are
 * found through blocking keys, so that a name is compared only with the
 * few names that share a key with it, never with everyone.
 */
import { exactName, normalizeName } from './normalize.js';

export type LookAlikeReason = 'sameName' | 'accents' | 'middleInitial' | 'maidenName' | 'typo';

/** Names shorter than this (without spaces) only match exactly: short names have too many neighbours one letter away. */
const TYPO_MIN_LENGTH = 8;

function tokens(normalized: string): string[] {
  return normalized ? normalized.split(' ') : [];
}

const withoutInitials = (toks: readonly string[]) => toks.filter((t) => t.length > 1);

function isSubset(small: readonly string[], big: readonly string[]): boolean {
  const pool = [...big];
  for (const t of small) {
    const i = pool.indexOf(t);
    if (i < 0) return false;
    pool.splice(i, 1);
  }
  return true;
}

/** Why two names may be the same person's, or null when they are not alike. */
export function lookAlike(a: string, b: string): LookAlikeReason | null {
  if (exactName(a) === exactName(b)) return 'sameName';
  const na = normalizeName(a);
  const nb = normalizeName(b);
  if (!na || !nb) return null;
  if (na === nb) return 'accents';
  const ta = tokens(na);
  const tb = tokens(nb);
  const ia = withoutInitials(ta);
  const ib = withoutInitials(tb);
  if (ia.length >= 2 && ia.join(' ') === ib.join(' ')) return 'middleInitial';
  const [small, big] = ia.length <= ib.length ? [ia, ib] : [ib, ia];
  if (small.length >= 2 && big.length > small.length && isSubset(small, big)) return 'maidenName';
  if (na.replace(/ /g, '').length >= TYPO_MIN_LENGTH && !/\d/.test(na + nb) && ta.length === tb.length && typoApart(ta, tb)) return 'typo';
  return null;
}

/** Same words but one, and that one a single edit (or two neighbours swapped) from its counterpart. */
function typoApart(ta: readonly string[], tb: readonly string[]): boolean {
  const restA = [...ta];
  const restB: string[] = [];
  for (const t of tb) {
    const i = restA.indexOf(t);
    if (i >= 0) restA.splice(i, 1);
    else restB.push(t);
  }
  if (restA.length !== 1 || restB.length !== 1) return false;
  return oneEdit(restA[0]!, restB[0]!);
}

function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        if (diffs === 0) first = i;
        diffs++;
      }
    }
    if (diffs === 1) return true;
    return diffs === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  if (l.length - s.length !== 1) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/**
 * The blocking keys of a name: two names that look alike (as `lookAlike` says) always share one.
 * The normalized name, without initials, with one word left out (maiden names), and with one letter
 * left out of one word (a typo: both sides of a substitution or a swap lose the same letter somewhere).
 */
export function blockingKeys(name: string): string[] {
  const n = normalizeName(name);
  if (!n) return [];
  const toks = tokens(n);
  const keys = new Set<string>([n]);
  const init = withoutInitials(toks);
  if (init.length >= 2) keys.add(init.join(' '));
  if (init.length >= 3) for (let i = 0; i < init.length; i++) keys.add(init.filter((_, j) => j !== i).join(' '));
  if (n.replace(/ /g, '').length >= TYPO_MIN_LENGTH && !/\d/.test(n)) {
    // A typo keeps the other words; the word it hits loses one letter on both sides. The word's place is
    // marked instead of its letters, so that the key does not depend on how the words sort.
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const others = toks.filter((_, j) => j !== i).join(' ');
      for (let k = 0; k < t.length; k++) keys.add(`${others}\u0001${t.slice(0, k)}${t.slice(k + 1)}`);
      keys.add(`${others}\u0001${t}`);
    }
  }
  return [...keys];
}
