import { useEffect, useState, type DependencyList } from 'react';

/** Longest wait for an idle moment: a busy page still gets the value. */
const IDLE_TIMEOUT_MS = 300;

/**
 * A value derived from the whole document that the first frame can do without (the counts beside the
 * categories): at 30,000 contacts such a pass costs tens of milliseconds, so it runs in an idle moment
 * after the frame that shows the document, not in the render that opens it, and again after `deps`
 * change. Meanwhile the previous value (undefined at first) shows.
 */
export function useIdleMemo<T>(compute: () => T, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<{ of: T } | undefined>(undefined);
  useEffect(() => {
    const run = () => setValue({ of: compute() });
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
    // The caller's deps stand for what `compute` reads.
  }, deps);
  return value?.of;
}
