import { DayLog } from '../../../shared/routine/dayLog.js';
import type { CarnetStore } from '../state/store.js';

const logs = new WeakMap<CarnetStore, DayLog>();

/**
 * The window's interactions by day, kept in step with the renderer's copy of
 * the document (every ChangeSet, every new document): reminders and the
 * week's states read a few days of it after each edit, not the whole log.
 */
export function dayLogFor(store: CarnetStore): DayLog | undefined {
  let log = logs.get(store);
  if (!log) {
    const doc = store.get().doc;
    if (!doc) return undefined;
    const made = DayLog.of(doc);
    store.onDocChange((c) => (c.kind === 'replace' ? made.reset(c.doc) : made.apply(c.doc, c.set)));
    logs.set(store, (log = made));
  }
  return log;
}
