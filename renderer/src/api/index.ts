import type { CarnetApi } from '../../../shared/api/contract.js';
import { readToken } from './token.js';
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
  const token = readToken(window.location, window.sessionStorage);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return webSocketApi(new WebSocketClient(`${scheme}://${window.location.host}/api${query}`), `${window.location.origin}/api/state${query}`);
}
