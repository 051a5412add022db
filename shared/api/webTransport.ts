/**
 * The wire of browser mode, shared by the server (electron/services/webServer.ts)
 * and the page (renderer/src/api/): where things are, and how a page proves
 * it is one Carnet let in. See electron/services/webSessions.ts for why.
 */

/** The WebSocket of the API (`{id, method, args}` frames). */
export const API_PATH = '/api';
/**
 * GET: the open document's state as JSON text (the `getStateJson` method), with the plan of its parse in
 * parts in the PLAN_HEADER header (`getStateParts`: its JSON, URI-encoded), when there is one.
 */
export const STATE_PATH = '/api/state';
export const PLAN_HEADER = 'X-Carnet-Parts';
/** A plan is a few KB at 30,000 contacts; past this the header is left out, well below what browsers accept. */
export const MAX_PLAN_HEADER = 64 * 1024;
/** POST `{"token": "…"}` (the printed token or a one-time launch code): answers `{"session": "…"}`. */
export const SESSION_PATH = '/api/session';
/** The query parameter of the printed link and of launch links. */
export const TOKEN_PARAM = 'token';
/** The WebSocket subprotocol a page offers, and the server echoes. */
export const WS_PROTOCOL = 'carnet';
/** The page offers a second subprotocol, this prefix and its session: browsers cannot set other headers on a WebSocket. */
export const SESSION_PROTOCOL_PREFIX = 'carnet.session.';
/** A session is 64 hex digits. */
export const SESSION_PATTERN = /^[0-9a-f]{64}$/;

/** The subprotocols a page with `session` offers. */
export function sessionProtocols(session: string): string[] {
  return [WS_PROTOCOL, `${SESSION_PROTOCOL_PREFIX}${session}`];
}
