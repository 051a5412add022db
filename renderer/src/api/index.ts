import type { CarnetApi } from '../../../shared/api/contract.js';
import { API_PATH, STATE_PATH } from '../../../shared/api/webTransport.js';
import { takePrefetched } from './prefetch.js';
import { openSession } from './session.js';
import { WebSocketClient, webSocketApi } from './webSocketClient.js';

export { ApiError, ConnectionError } from './apiError.js';
export { CONNECTION_LOST, CONNECTION_RESTORED } from './webSocketClient.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    carnet?: CarnetApi;
  }
}

/**
 * The one place that knows about transports: Electron's preload API when the
 * page runs in the desktop app, else the browser-mode WebSocket on the host
 * that served the page.
 */
export function connectApi(): CarnetApi {
  if (window.carnet) return window.carnet;
  // The session and the state the page's first code asked for (boot.ts), if it did.
  const early = takePrefetched();
  const session = early?.session ?? openSession({ location: window.location, history: window.history, storage: window.sessionStorage, fetch: window.fetch.bind(window) });
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const client = new WebSocketClient(`${scheme}://${window.location.host}${API_PATH}`, undefined, session);
  return webSocketApi(client, `${window.location.origin}${STATE_PATH}`, session, early?.state);
}
