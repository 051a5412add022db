/**
 * Leaving a panel with unsaved changes asks first. The app opens, switches
 * and closes panels only through `request`; the open panel installs a guard
 * that lets the request through when nothing is unsaved, and otherwise holds
 * it until the user chooses: save, discard, or keep editing.
 */
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';

/** `proceed` carries the request out; `cancel`, when given, is told the user kept editing. */
export type Guard = (proceed: () => void, cancel?: () => void) => void;
export type GuardRef = MutableRefObject<Guard | null>;

/** What the side panel shows: a contact, a new contact, or the user's own profile. */
export type PanelTarget = { kind: 'edit'; id: string } | { kind: 'new' } | { kind: 'me' };

/** For the app: the panel open now, and `request` to open another (null closes), then run `then`. */
export function useGuardedPanel() {
  const [panel, setPanel] = useState<PanelTarget | null>(null);
  const guard = useRef<Guard | null>(null);
  const request = useCallback((next: PanelTarget | null, then?: () => void, cancel?: () => void) => {
    const go = () => {
      setPanel(next);
      then?.();
    };
    if (guard.current) guard.current(go, cancel);
    else go();
  }, []);
  return { panel, request, guard };
}

export type Pending = { proceed(): void; cancel?(): void };

/**
 * For a panel: installs its guard while it is mounted. `pending` is the request waiting for the user's
 * choice; `release()` lets requests through until the next render (after a save, the draft is clean before
 * React has re-rendered it).
 */
export function useUnsavedGuard(guardRef: GuardRef, dirty: boolean) {
  const [pending, setPending] = useState<Pending | null>(null);
  const live = useRef(dirty);
  live.current = dirty;
  useEffect(() => {
    const guard: Guard = (proceed, cancel) => {
      if (live.current) setPending({ proceed, cancel });
      else proceed();
    };
    guardRef.current = guard;
    return () => {
      if (guardRef.current === guard) guardRef.current = null;
    };
  }, [guardRef]);
  const release = useCallback(() => {
    live.current = false;
  }, []);
  return { pending, setPending, release };
}

export type UnsavedGuard = ReturnType<typeof useUnsavedGuard>;
