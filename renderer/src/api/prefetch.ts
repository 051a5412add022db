import type { StateParts } from '../../../shared/api/contract.js';
import { STATE_PATH } from '../../../shared/api/webTransport.js';
import { openSession } from './session.js';
import { fetchState, WORKER_COPIES } from './stateFetch.js';

/** The session and the state's text, asked for by the page's first code (boot.ts). */
export type Prefetched = { session: Promise<string>; state: Promise<StateParts> };

let prefetched: Prefetched | null = null;

/**
 * In browser mode, opens the session and asks for the state's text at once, before the app's code (1.3 MB)
 * is loaded and run: asked for by the store once that code had run and React had rendered, the state of a
 * 30,000-contact document was requested 0.4–0.6 s after navigation, and received 0.3 s later. connectApi
 * takes both (takePrefetched). Nothing to do in the desktop app, whose API is the preload's.
 */
export function prefetchState(): void {
  if (window.carnet || prefetched) return;
  const session = openSession({ location: window.location, history: window.history, storage: window.sessionStorage, fetch: window.fetch.bind(window) });
  const state = session.then((s) => fetchState(`${window.location.origin}${STATE_PATH}`, s, WORKER_COPIES));
  // Their failures reach whoever takes them (the store shows them); until then they are not unhandled.
  session.catch(() => {});
  state.catch(() => {});
  prefetched = { session, state };
}

/** What prefetchState asked for, once; null when it asked for nothing. */
export function takePrefetched(): Prefetched | null {
  const p = prefetched;
  prefetched = null;
  return p;
}
