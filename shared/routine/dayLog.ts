/**
 * The interaction log sorted by day, so that "what happened this week" or
 * "in the last eight periods of a goal" reads only those interactions, not
 * the whole log: the renderer recomputes reminders after every edit, and a
 * 30,000-contact network has 100,000 interactions. Kept up to date from the
 * ChangeSets the document receives (`apply`), as the map's tie index is.
 */
import type { ChangeSet } from '../document/operations.js';
import type { CarnetDocument, Interaction } from '../document/schema.js';
import { idValues } from '../document/idMap.js';

/** Above this many interaction changes at once (an import), rebuilding is cheaper than inserting one by one. */
const REBUILD_OVER = 2_000;

export class DayLog {
  /** Interaction ids sorted by day, then id; `days` holds their days. */
  private ids: string[] = [];
  private days: string[] = [];
  private dayOf = new Map<string, string>();

  private constructor(private doc: CarnetDocument) {
    this.rebuild();
  }

  static of(doc: CarnetDocument): DayLog {
    return new DayLog(doc);
  }

  /** Follows a ChangeSet already applied to `doc`. */
  apply(doc: CarnetDocument, set: ChangeSet): void {
    this.doc = doc;
    const touched = set.changes.filter((c) => (c.op === 'put' || c.op === 'del') && c.coll === 'interactions');
    if (touched.length > REBUILD_OVER) return this.rebuild();
    for (const c of touched) {
      if (c.op !== 'put' && c.op !== 'del') continue;
      this.remove(c.id);
      if (Object.hasOwn(doc.interactions, c.id)) this.insert(c.id, doc.interactions[c.id]!.date.slice(0, 10));
    }
  }

  /** A whole new document. */
  reset(doc: CarnetDocument): void {
    this.doc = doc;
    this.rebuild();
  }

  /** Interactions dated from `from` to `to` (days, both included), oldest first. */
  between(from: string, to: string): Interaction[] {
    const out: Interaction[] = [];
    for (let i = this.lowerBound(from); i < this.days.length && this.days[i]! <= to; i++) {
      const id = this.ids[i]!;
      if (Object.hasOwn(this.doc.interactions, id)) out.push(this.doc.interactions[id]!);
    }
    return out;
  }

  private rebuild(): void {
    const entries = idValues(this.doc.interactions).map((it) => [it.date.slice(0, 10), it.id] as const);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    this.days = entries.map((e) => e[0]);
    this.ids = entries.map((e) => e[1]);
    this.dayOf = new Map(entries.map((e) => [e[1], e[0]]));
  }

  /** First index whose (day, id) is at or after (day, id). */
  private lowerBound(day: string, id = ''): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.days[mid]!;
      if (d < day || (d === day && this.ids[mid]! < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insert(id: string, day: string): void {
    const i = this.lowerBound(day, id);
    this.days.splice(i, 0, day);
    this.ids.splice(i, 0, id);
    this.dayOf.set(id, day);
  }

  private remove(id: string): void {
    const day = this.dayOf.get(id);
    if (day === undefined) return;
    const i = this.lowerBound(day, id);
    if (this.ids[i] === id) {
      this.days.splice(i, 1);
      this.ids.splice(i, 1);
    }
    this.dayOf.delete(id);
  }
}
