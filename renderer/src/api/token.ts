const KEY = 'carnet.token';

/**
 * The browser-mode server prints a URL with a per-launch `token`. It is kept
 * in sessionStorage so that an in-page navigation that drops the query still
 * reaches the API, and never in localStorage: a token must not outlive the tab.
 */
export function readToken(location: Location, storage: Storage): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    return fromUrl;
  }
  return storage.getItem(KEY);
}
