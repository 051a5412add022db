import { SESSION_PATH, SESSION_PATTERN, TOKEN_PARAM } from '../../../shared/api/webTransport.js';
import { ConnectionError } from './apiError.js';

const KEY = 'carnet.session';

/** Notice code (translated by the UI) when the page has no way in: no link, or one already used. */
export const SESSION_REFUSED = 'session-refused';

/** The page was opened without a valid link and holds no session. */
export class SessionRefused extends ConnectionError {
  readonly code = SESSION_REFUSED;
  constructor(message: string) {
    super(message);
    this.name = 'SessionRefused';
  }
}

export type SessionEnv = {
  location: Pick<Location, 'search' | 'pathname' | 'hash' | 'origin'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
};

/**
 * The browser-mode session of this tab (electron/services/webSessions.ts).
 * A link's `token` (the printed token or a one-time code) is taken out of
 * the address bar at once, then exchanged for a session, which is kept in
 * sessionStorage: a reload or a duplicated tab keeps working, a new tab or
 * another site does not get it, and it never reaches a cookie or a URL.
 */
export async function openSession(env: SessionEnv): Promise<string> {
  const params = new URLSearchParams(env.location.search);
  const code = params.get(TOKEN_PARAM);
  if (code !== null) {
    params.delete(TOKEN_PARAM);
    const query = params.size > 0 ? `?${params}` : '';
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${query}${env.location.hash}`);
    let res: Response;
    try {
      res = await env.fetch(`${env.location.origin}${SESSION_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: code }),
        cache: 'no-store',
      });
    } catch (e) {
      throw new ConnectionError(`Carnet could not be reached: ${(e as Error).message}`);
    }
    if (res.ok) {
      const { session } = (await res.json()) as { session?: unknown };
      if (typeof session === 'string' && SESSION_PATTERN.test(session)) {
        env.storage.setItem(KEY, session);
        return session;
      }
    }
  }
  // A link already used (a reload of the first address) still finds the session it opened.
  const kept = env.storage.getItem(KEY);
  if (kept && SESSION_PATTERN.test(kept)) return kept;
  throw new SessionRefused(
    code === null
      ? 'this page was opened without its access link: open Carnet with the link printed by “carnet web”'
      : 'this link was already used or has expired: open Carnet with the link printed by “carnet web”',
  );
}
