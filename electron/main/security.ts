/**
 * The Electron security checklist in one place: what the app's pages may
 * load, where they may navigate, which windows they may open and which
 * permissions they get (none).
 */
import { shell, type Session, type WebContents } from 'electron';

export const APP_SCHEME = 'carnet';
export const APP_HOST = 'app';
/** Every page of the app lives under this prefix, served by the carnet:// protocol handler. */
export const APP_URL_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

/**
 * Content-Security-Policy sent with every response. Styles allow inline
 * because Cytoscape and React set style attributes; scripts never do.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Whether `url` is one of the app's own pages (carnet://app/…), not merely a look-alike prefix. */
export function isAppUrl(url: string): boolean {
  if (!url.startsWith(APP_URL_PREFIX)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** Whether `url` is an http(s) link, the only kind handed to the system browser. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Locks down one webContents: no navigation away from the app, no new
 * windows (http(s) links go to the system browser instead), no <webview>.
 * Applied to every webContents the app creates (`web-contents-created`).
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // A link with target=_blank the user clicked: show it in their browser, never in an app window.
    // electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — guarded by isWebUrl: only http(s) URLs reach the system browser
    if (isWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Denies every permission request and check (camera, notifications,
 * geolocation…: Carnet needs none), and sets the CSP header on every
 * response of the session.
 */
export function hardenSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.webRequest.onHeadersReceived((details, callback) => {
    // DevTools pages (development builds only) run their own scripts; our policy would blank them.
    if (details.url.startsWith('devtools:')) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders ?? {}) });
  });
}

/** `headers` with any Content-Security-Policy the response carried replaced by ours. */
export function withContentSecurityPolicy(headers: Record<string, string | string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  // electronegativity-ignore: CSP_GLOBAL_CHECK — the policy is the CONTENT_SECURITY_POLICY constant above, which the tool cannot resolve; security.test.ts pins its value
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
