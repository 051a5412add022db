/**
 * Which entities each recent revision of the open document touched, and which
 * window made it: what the backend needs to tell a stale edit (or an undo)
 * that would overwrite another window's work from one that is independent of
 * it. An entity is a collection and an id (`contacts/c1`), or `me`, or `title`.
 */
import type { ChangeSet } from '../../shared/document/operations.js';

/** Revisions remembered; an edit based on an older one is judged by what was forgotten (see `conflict`). */
export const EDIT_LOG_REVISIONS = 1000;
/** Entity keys remembered in all (a few imports of 30,000 contacts); the oldest revisions go first. */
export const EDIT_LOG_KEYS = 1_000_000;

type Entry = { revision: number; caller: string; keys: Set<string> };

/** The entities a change set touches. */
export function touchedKeys(set: ChangeSet): Set<string> {
  const keys = new Set<string>();
  for (const c of set.changes) keys.add(c.op === 'put' || c.op === 'del' ? `${c.coll}/${c.id}` : c.op);
  return keys;
}

export class EditLog {
  private entries: Entry[] = [];
  /** Index of the oldest entry kept (entries before it are dropped in batches, so a long log stays linear). */
  private head = 0;
  private keyCount = 0;
  /** The revision the document was at when the log started: nothing before it is known. */
  private start = 0;
  /** For each window, the last of its revisions the log dropped. */
  private forgotten = new Map<string, number>();

  constructor(
    revision: number,
    private readonly limits = { revisions: EDIT_LOG_REVISIONS, keys: EDIT_LOG_KEYS },
  ) {
    this.start = revision;
  }

  /** `caller` made `revision` by applying `set`. */
  record(revision: number, caller: string, set: ChangeSet): void {
    const keys = touchedKeys(set);
    this.entries.push({ revision, caller, keys });
    this.keyCount += keys.size;
    while (this.entries.length - this.head > this.limits.revisions || (this.keyCount > this.limits.keys && this.entries.length - this.head > 1)) {
      const old = this.entries[this.head++]!;
      this.keyCount -= old.keys.size;
      this.forgotten.set(old.caller, old.revision);
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Whether `keys`, as `caller` saw them at revision `since`, were changed since by another window:
   * 'changed' when they were, 'unknown' when the log cannot tell (`since` is before the document was
   * opened, or another window's revisions after it were forgotten), null when they were not.
   * The caller's own later edits do not count: a window's edits reach the backend in the order it
   * made them, and the user means the last one.
   */
  conflict(since: number, caller: string, keys: ReadonlySet<string>): 'changed' | 'unknown' | null {
    if (since < this.start) return 'unknown';
    for (const [who, revision] of this.forgotten) if (who !== caller && revision > since) return 'unknown';
    for (let i = this.entries.length - 1; i >= this.head; i--) {
      const e = this.entries[i]!;
      if (e.revision <= since) break;
      if (e.caller === caller) continue;
      const [small, big] = e.keys.size < keys.size ? [e.keys, keys] : [keys, e.keys];
      for (const k of small) if (big.has(k)) return 'changed';
    }
    return null;
  }
}
