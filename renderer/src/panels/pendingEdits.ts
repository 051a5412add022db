/**
 * The little forms inside a card (an interaction being logged or edited, a tie being added) are edits too:
 * while one holds something typed, the card counts as unsaved, so that closing or leaving it asks first,
 * and the card's Save submits them with the card's own fields. Nothing typed is lost without a question.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';

type Entry = { submit(): Promise<boolean> };
type Registry = { set(key: symbol, entry: Entry | null): void };

const PendingEditsContext = createContext<Registry | null>(null);
export const PendingEditsProvider = PendingEditsContext.Provider;

/** For the card: which of its little forms hold something unsaved, and a way to submit them all. */
export function usePendingEdits() {
  const entries = useRef(new Map<symbol, Entry>());
  const [count, setCount] = useState(0);
  const registry = useMemo<Registry>(
    () => ({
      set(key, entry) {
        if (entry) entries.current.set(key, entry);
        else entries.current.delete(key);
        setCount(entries.current.size);
      },
    }),
    [],
  );
  /** True when every pending form was submitted (a form with a mistake stays open and says why). */
  const submitAll = useCallback(async () => {
    let ok = true;
    for (const entry of [...entries.current.values()]) ok = (await entry.submit()) && ok;
    return ok;
  }, []);
  return { registry, pending: count > 0, submitAll };
}

/** For a little form: reports itself as unsaved while `changed`, with how to submit it. */
export function usePendingEdit(changed: boolean, submit: () => Promise<boolean>): void {
  const registry = useContext(PendingEditsContext);
  const key = useRef(Symbol('pending edit')).current;
  const latest = useRef(submit);
  latest.current = submit;
  useEffect(() => {
    if (!registry) return;
    registry.set(key, changed ? { submit: () => latest.current() } : null);
    return () => registry.set(key, null);
  }, [registry, key, changed]);
}
