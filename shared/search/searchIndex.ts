/**
 * Contact search that stays within a frame at 30,000 contacts.
 *
 * fuse.js alone is linear in the number of contacts (~150 ms a query at
 * 30k), so a word index narrows the candidates first and fuse.js only ranks
 * those. The index keeps one dictionary of the distinct folded words of all
 * contacts (a few tens of thousands even at 30k, since names, employers and
 * cities repeat) with, for each word, the contacts that use it; a query word
 * is looked up in the dictionary by trigrams (substring and near matches)
 * or, when shorter than three letters, by prefix. Every query word must be
 * found in some field of a contact for it to be a candidate.
 *
 * A typo can break most trigrams of a short word ("ecloe" for "ecole"), so
 * words of four letters or more are also looked up by their one-letter
 * deletions (SymSpell's deletion neighbourhood): a swap, a missing, an extra
 * or a wrong letter leaves a deletion in common with the intended word, and
 * the optimal string alignment distance then confirms it. A query word that
 * matches no dictionary word as typed is searched as its corrections.
 *
 * Weighed against MiniSearch 7 (prefix and fuzzy search over the same
 * folded fields, on the same keystrokes: `npm run bench search`, 30,000
 * contacts): p95 per keystroke 7.9 ms here against 44 ms, and 99 % of
 * family names typed with two letters swapped found against 15 %, because
 * Levenshtein distance counts a swap as two edits and one edit per four
 * letters is all the fuzziness that stays precise. Building took 0.50 s
 * against 0.67 s. This index stays; MiniSearch is kept as the benchmark's
 * baseline only.
 */
import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { Contact } from '../document/schema.js';
import { contactRecord, SEARCH_FIELDS, type SearchField, type SearchRecord } from './contactRecord.js';
import { foldText, foldWithMap, tokens } from './normalize.js';

/** fuse.js ranks at most this many candidates: beyond, the cheap pre-ranking keeps the likeliest. */
export const MAX_RANKED = 200;
/** A dictionary word is a near match of a long query word when it shares this share of its trigrams. */
const NEAR_SHARE = 0.5;
/** Words this long or longer are found despite one typo through their deletions. */
const TYPO_MIN_LENGTH = 4;
/** Corrections of a query word handed to fuse.js, at most. */
const MAX_CORRECTIONS = 8;

const WEIGHTS: Record<SearchField, number> = { name: 3, organization: 1.5, title: 1.2, school: 1.2, city: 1, tag: 1, notes: 0.5 };

type FuseDoc = { slot: number } & Record<SearchField, string[]>;

type Entry = { record: SearchRecord; words: number[]; doc: FuseDoc; nameFolded: string };

/** A highlighted span of an original value: [start, end) in UTF-16 indexes. */
export type Range = [start: number, end: number];

export type SearchHit = {
  id: string;
  name: string;
  /** Fuse score, 0 (perfect) to 1. */
  score: number;
  /** Spans of the name to highlight (empty when the match is elsewhere). */
  nameRanges: Range[];
  /** The best match outside the name, to show under it. */
  detail: { field: SearchField; text: string; ranges: Range[] } | null;
};

const FUSE_OPTIONS: IFuseOptions<FuseDoc> = {
  keys: SEARCH_FIELDS.map((name) => ({ name, weight: WEIGHTS[name] })),
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  threshold: 0.4,
  // The dictionary and the fuse documents are already folded.
  isCaseSensitive: true,
};

function trigrams(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= word.length; i++) out.push(word.slice(i, i + 3));
  return out;
}

/** The word with each of its letters left out in turn (distinct). */
function deletions(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/**
 * Optimal string alignment distance (Levenshtein plus the swap of two
 * adjacent letters as one edit), or `max + 1` as soon as it exceeds `max`.
 */
export function typoDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class SearchIndex {
  private slots: (Entry | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly wordId = new Map<string, number>();
  private readonly words: string[] = [];
  /** Slots using each word; slots emptied since are skipped when read. */
  private postings: number[][] = [];
  private readonly byTrigram = new Map<string, number[]>();
  /** Words by their first one and first two letters, for query words too short for trigrams. */
  private readonly byPrefix = new Map<string, number[]>();
  /** Words of TYPO_MIN_LENGTH letters or more, by each of their one-letter deletions. */
  private readonly byDeletion = new Map<string, number[]>();
  private dead = 0;
  /** Scratch space of candidateSlots, one cell per slot, reused from query to query. */
  private stamp = new Uint32Array(0);
  private acc = new Uint16Array(0);
  private best = new Uint8Array(0);
  private generation = 0;

  /** An index of these contacts. */
  static of(contacts: Iterable<Contact>): SearchIndex {
    const index = new SearchIndex();
    for (const c of contacts) index.upsert(c);
    return index;
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds a contact, or replaces what is indexed of it. */
  upsert(contact: Contact): void {
    this.remove(contact.id);
    const record = contactRecord(contact);
    const slot = this.slots.length;
    const words = new Set<number>();
    const doc = { slot } as FuseDoc;
    for (const f of SEARCH_FIELDS) doc[f] = [];
    for (const v of record.values) {
      doc[v.field].push(v.folded);
      for (const w of tokens(v.folded)) words.add(this.word(w));
    }
    for (const w of words) this.postings[w]!.push(slot);
    this.slots.push({ record, words: [...words], doc, nameFolded: doc.name[0] ?? '' });
    this.slotOf.set(contact.id, slot);
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slots[slot] = null;
    this.slotOf.delete(id);
    this.dead++;
    // Postings only grow; once they are mostly stale, start over from the live entries.
    if (this.dead > 1_000 && this.dead > this.slotOf.size) this.compact();
  }

  /** Drops the stale slots; the dictionary stays, since words seldom disappear for good. */
  private compact(): void {
    const live = this.slots.filter((e): e is Entry => e !== null);
    this.slots = [];
    this.postings = this.postings.map(() => []);
    this.dead = 0;
    for (const entry of live) {
      const slot = this.slots.length;
      entry.doc.slot = slot;
      for (const w of entry.words) this.postings[w]!.push(slot);
      this.slots.push(entry);
      this.slotOf.set(entry.record.id, slot);
    }
  }

  /** Ids of the contacts fuse.js would rank for this query, best pre-ranked first (at most `max`). */
  candidates(query: string, max = MAX_RANKED): string[] {
    const qWords = tokens(foldText(query));
    return this.candidateSlots(qWords, this.wordMatches(qWords), max).map((s) => this.slots[s]!.record.id);
  }

  /** The best matches for what the user typed, best first. */
  search(query: string, limit = 20): SearchHit[] {
    const qWords = tokens(foldText(query));
    if (qWords.length === 0) return [];
    const matches = this.wordMatches(qWords);
    const slots = this.candidateSlots(qWords, matches, MAX_RANKED);
    if (slots.length === 0) return [];
    const docs = slots.map((s) => this.slots[s]!.doc);
    const shortest = Math.min(...qWords.map((w) => w.length));
    const fuse = new Fuse(docs, { ...FUSE_OPTIONS, minMatchCharLength: Math.min(2, shortest) });
    // A word found nowhere as typed is a typo: fuse.js ranks its corrections instead.
    const asSearched = qWords.map((w) => this.corrections(w, matches.get(w)!));
    const words = asSearched.flat();
    const pattern =
      asSearched.length === 1 && asSearched[0]!.length === 1
        ? asSearched[0]![0]!
        : { $and: asSearched.map((alternatives) => ({ $or: alternatives.flatMap((w) => SEARCH_FIELDS.map((f) => ({ [f]: w }))) })) };
    // fuse.js scores an exact word in a long field below a near miss in a short one; people expect
    // what they typed, as typed, first: exact matches in the name, then exact matches elsewhere.
    return fuse
      .search(pattern, { limit: limit * 3 })
      .map((r, order) => ({ r, order, tier: this.tier(this.slots[r.item.slot]!, qWords) }))
      .sort((a, b) => a.tier - b.tier || a.order - b.order)
      .slice(0, limit)
      .map(({ r }) => this.hit(this.slots[r.item.slot]!, r.score ?? 1, r.matches ?? [], words));
  }

  /** The query word itself when some dictionary word holds it, else the words one typo away (closest first). */
  private corrections(q: string, matching: Map<number, number>): string[] {
    if (q.length < TYPO_MIN_LENGTH) return [q];
    const near: string[] = [];
    for (const [id, how] of matching) {
      if (how > 1) return [q];
      if (typoDistance(q, this.words[id]!) <= 1) near.push(this.words[id]!);
    }
    if (near.length === 0) return [q];
    // The most used spellings first: they are what the user most likely meant.
    const uses = (w: string) => this.postings[this.wordId.get(w)!]!.length;
    return near.sort((a, b) => uses(b) - uses(a) || (a < b ? -1 : 1)).slice(0, MAX_CORRECTIONS);
  }

  /** 0: a query word is in the name as typed; 1: every query word is in some field as typed; 2: near matches only. */
  private tier(entry: Entry, qWords: string[]): number {
    if (qWords.some((q) => entry.nameFolded.includes(q))) return 0;
    return qWords.every((q) => entry.record.values.some((v) => v.folded.includes(q))) ? 1 : 2;
  }

  private word(w: string): number {
    let id = this.wordId.get(w);
    if (id !== undefined) return id;
    id = this.words.length;
    this.words.push(w);
    this.wordId.set(w, id);
    this.postings.push([]);
    for (const t of new Set(trigrams(w))) push(this.byTrigram, t, id);
    push(this.byPrefix, w.slice(0, 1), id);
    if (w.length >= 2) push(this.byPrefix, w.slice(0, 2), id);
    if (w.length >= TYPO_MIN_LENGTH) for (const d of deletions(w)) push(this.byDeletion, d, id);
    return id;
  }

  /**
   * Dictionary words matching one query word, with how well: 3 when the
   * word starts with it, 2 when it contains it, 1 for a near match (query
   * words of five letters or more sharing half their trigrams, or words one
   * typo away from a query word of four letters or more).
   */
  private matchingWords(q: string): Map<number, number> {
    const out = this.containingWords(q);
    if (q.length >= TYPO_MIN_LENGTH) {
      // The intended word is the query with one letter left out (the query has an extra letter), has the
      // query as one of its deletions (a missing letter), or shares a deletion with it (a wrong or swapped one).
      const seen = new Set<number>();
      for (const key of [q, ...deletions(q)]) {
        for (const id of this.byDeletion.get(key) ?? []) seen.add(id);
        const whole = this.wordId.get(key);
        if (whole !== undefined) seen.add(whole);
      }
      for (const id of seen) if (!out.has(id) && typoDistance(q, this.words[id]!) <= 1) out.set(id, 1);
    }
    return out;
  }

  /** Dictionary words that start with or contain `q`, or share half its trigrams. */
  private containingWords(q: string): Map<number, number> {
    const out = new Map<number, number>();
    if (q.length < 3) {
      for (const id of this.byPrefix.get(q.slice(0, 2)) ?? []) if (this.words[id]!.startsWith(q)) out.set(id, 3);
      return out;
    }
    const grams = [...new Set(trigrams(q))];
    const hits = new Map<number, number>();
    for (const g of grams) for (const id of this.byTrigram.get(g) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
    const need = q.length >= 5 ? Math.ceil(grams.length * NEAR_SHARE) : grams.length;
    for (const [id, n] of hits) {
      if (n < need) continue;
      const w = this.words[id]!;
      if (w.startsWith(q)) out.set(id, 3);
      else if (w.includes(q)) out.set(id, 2);
      else if (q.length >= 5) out.set(id, 1);
    }
    return out;
  }

  /** The dictionary words matching each distinct query word. */
  private wordMatches(qWords: string[]): Map<string, Map<number, number>> {
    return new Map([...new Set(qWords)].map((q) => [q, this.matchingWords(q)]));
  }

  private candidateSlots(qWords: string[], matches: Map<string, Map<number, number>>, max: number): number[] {
    // The rarest words first keep the intersections small.
    const perWord = [...matches.values()]
      .sort((a, b) => this.postingCount(a) - this.postingCount(b));
    const n = this.slots.length;
    if (this.stamp.length < n) {
      this.stamp = new Uint32Array(n * 2);
      this.acc = new Uint16Array(n * 2);
      this.best = new Uint8Array(n * 2);
    }
    const { stamp, acc, best } = this;
    // Stamps instead of clearing the scratch arrays: a slot matched every word so far when it carries the last stamp.
    if (this.generation > 0xffff0000) {
      stamp.fill(0);
      this.generation = 0;
    }
    let list: number[] = [];
    for (let k = 0; k < perWord.length; k++) {
      const prev = this.generation;
      const cur = ++this.generation;
      const next: number[] = [];
      for (const [id, q] of perWord[k]!) {
        for (const s of this.postings[id]!) {
          const st = stamp[s]!;
          if (st === cur) {
            if (q > best[s]!) best[s] = q;
          } else if ((k === 0 || st === prev) && this.slots[s]) {
            if (k === 0) acc[s] = 0;
            stamp[s] = cur;
            best[s] = q;
            next.push(s);
          }
        }
      }
      for (const s of next) acc[s] = acc[s]! + best[s]!;
      list = next;
      if (list.length === 0) return [];
    }
    this.generation++;
    return list.length <= max ? list : this.preRank(list, qWords[0]!, max);
  }

  private postingCount(words: Map<number, number>): number {
    let n = 0;
    for (const id of words.keys()) n += this.postings[id]!.length;
    return n;
  }

  /**
   * When too many contacts match, keeps the likeliest without sorting them
   * all: best word matches first, then names starting with the query, then
   * short names (buckets, since these keys take few values).
   */
  private preRank(slots: number[], first: string, max: number): number[] {
    const buckets = new Map<number, number[]>();
    for (const s of slots) {
      const name = this.slots[s]!.nameFolded;
      const nameRank = name.startsWith(first) ? 3 : name.includes(` ${first}`) ? 2 : name.includes(first) ? 1 : 0;
      const key = this.acc[s]! * 4 + nameRank;
      push(buckets, key, s);
    }
    const out: number[] = [];
    for (const key of [...buckets.keys()].sort((a, b) => b - a)) {
      const bucket = buckets.get(key)!;
      if (out.length + bucket.length <= max) {
        out.push(...bucket);
        continue;
      }
      const byLength = new Map<number, number[]>();
      for (const s of bucket) push(byLength, this.slots[s]!.nameFolded.length, s);
      for (const len of [...byLength.keys()].sort((a, b) => a - b)) {
        for (const s of byLength.get(len)!) {
          if (out.length === max) return out;
          out.push(s);
        }
      }
    }
    return out;
  }

  private hit(entry: Entry, score: number, matches: readonly FuseResultMatch[], qWords: string[]): SearchHit {
    const { record } = entry;
    const nameValue = record.values.find((v) => v.field === 'name');
    const nameRanges = nameValue ? highlight(nameValue.text, qWords, null) : [];
    let detail: SearchHit['detail'] = null;
    if (nameRanges.length === 0 || qWords.length > 1) {
      const others = matches
        .filter((m) => m.key !== 'name' && typeof m.value === 'string')
        .sort((a, b) => WEIGHTS[b.key as SearchField] - WEIGHTS[a.key as SearchField]);
      // A field where the words occur as typed says more than one fuse.js matched loosely.
      const exact = record.values.find((v) => v.field !== 'name' && qWords.some((q) => v.folded.includes(q)));
      if (exact) detail = { field: exact.field, text: exact.text, ranges: highlight(exact.text, qWords, null) };
      for (const m of exact ? [] : others) {
        const field = m.key as SearchField;
        const value = record.values.find((v) => v.field === field && v.folded === m.value);
        if (!value) continue;
        detail = { field, text: value.text, ranges: highlight(value.text, qWords, m.indices) };
        break;
      }
    }
    return { id: record.id, name: record.name, score, nameRanges, detail };
  }
}

/**
 * Where the query words occur in an original value, found in its folded form
 * and mapped back; for a fuzzy match with no exact occurrence, the longest
 * span fuse.js matched.
 */
export function highlight(text: string, qWords: string[], fuseIndices: readonly (readonly [number, number])[] | null): Range[] {
  const { folded, from, to } = foldWithMap(text);
  const spans: [number, number][] = [];
  for (const q of qWords) {
    for (let at = folded.indexOf(q); at >= 0; at = folded.indexOf(q, at + q.length)) spans.push([at, at + q.length]);
  }
  if (spans.length === 0 && fuseIndices && fuseIndices.length > 0) {
    const longest = [...fuseIndices].sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0]!;
    spans.push([longest[0], longest[1] + 1]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const [s, e] of spans) {
    const range: Range = [from[s]!, to[e - 1]!];
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push(range);
  }
  return out;
}
