import type { CarnetDocument } from '../../../../shared/document/schema.js';

/**
 * The ties between contacts, as numbers: each contact has an index, each
 * usable tie (two different contacts that exist) its two ends as indexes, and
 * every contact the list of its ties in one shared array (compressed sparse
 * rows). At 30,000 contacts and 150,000 ties, building this takes a tenth of
 * what a Map of string arrays did, and a pass over every tie (the counts
 * between clusters) is a loop over two typed arrays rather than 300,000
 * string lookups.
 */
export class TieIndex {
  /** Contact ids, by index. */
  readonly ids: string[];
  readonly indexOf: Map<string, number>;
  /** Tie ids, by tie position; `from`/`to` hold its ends' indexes. */
  readonly tieIds: string[];
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** The ties of contact i are `entries[offsets[i] .. offsets[i + 1])`, as tie positions. */
  private readonly offsets: Int32Array;
  private readonly entries: Int32Array;

  private constructor(ids: string[], indexOf: Map<string, number>, tieIds: string[], from: Int32Array, to: Int32Array) {
    this.ids = ids;
    this.indexOf = indexOf;
    this.tieIds = tieIds;
    this.from = from;
    this.to = to;
    const n = ids.length;
    const degree = new Int32Array(n + 1);
    for (let k = 0; k < from.length; k++) {
      degree[from[k]! + 1]!++;
      degree[to[k]! + 1]!++;
    }
    for (let i = 0; i < n; i++) degree[i + 1]! += degree[i]!;
    this.offsets = degree;
    this.entries = new Int32Array(from.length * 2);
    const fill = this.offsets.slice(0, n);
    for (let k = 0; k < from.length; k++) {
      this.entries[fill[from[k]!]!++] = k;
      this.entries[fill[to[k]!]!++] = k;
    }
  }

  /** The index of `doc`'s ties, at once. */
  static of(doc: CarnetDocument): TieIndex {
    const build = TieIndex.building(doc, Infinity);
    for (;;) {
      const r = build.next();
      if (r.done) return r.value;
    }
  }

  /**
   * The same index, built in steps: the generator pauses after every `step` ties read (and after numbering the
   * contacts), so that a caller can spread the build over several tasks (the map's open at 30,000 contacts
   * and 150,000 ties: one pass was a 60–100 ms task). Its `doc` must not change until it returns.
   */
  static *building(doc: CarnetDocument, step: number): Generator<void, TieIndex, void> {
    const ids = Object.keys(doc.contacts);
    const indexOf = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) indexOf.set(ids[i]!, i);
    yield;
    const tids = Object.keys(doc.ties);
    yield;
    const tieIds: string[] = [];
    const from = new Int32Array(tids.length);
    const to = new Int32Array(tids.length);
    let count = 0;
    for (let k = 0; k < tids.length; k++) {
      if (k > 0 && k % step === 0) yield;
      const tid = tids[k]!;
      const t = doc.ties[tid]!;
      const a = indexOf.get(t.from);
      const b = indexOf.get(t.to);
      if (a === undefined || b === undefined || a === b) continue;
      tieIds.push(tid);
      from[count] = a;
      to[count] = b;
      count++;
    }
    yield;
    return new TieIndex(ids, indexOf, tieIds, from.slice(0, count), to.slice(0, count));
  }

  get tieCount(): number {
    return this.from.length;
  }

  /** Tie positions of a contact's ties (empty for an unknown id). */
  tiesOf(id: string): Int32Array {
    const i = this.indexOf.get(id);
    return i === undefined ? EMPTY : this.entries.subarray(this.offsets[i]!, this.offsets[i + 1]!);
  }

  /** Ids of the contacts tied to `id` (once per tie). */
  *neighbours(id: string): Iterable<string> {
    const i = this.indexOf.get(id);
    if (i === undefined) return;
    for (const k of this.tiesOf(id)) yield this.ids[this.from[k] === i ? this.to[k]! : this.from[k]!]!;
  }
}

const EMPTY = new Int32Array(0);
