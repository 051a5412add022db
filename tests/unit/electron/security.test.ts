import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, fakeSession, FakeWebContents, lastArg, navigationEvent } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));

const { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, isAppUrl, isWebUrl, withContentSecurityPolicy } = await import(
  '../../../electron/main/security.js'
);

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never);
  return contents;
}

beforeEach(() => vi.clearAllMocks());

describe('isAppUrl', () => {
  it('accepts only pages under carnet://app/', () => {
    expect(isAppUrl('carnet://app/index.html')).toBe(true);
    expect(isAppUrl('carnet://app/assets/x.js?v=1#top')).toBe(true);
    for (const url of [
      'carnet://app',
      'carnet://app.evil/index.html',
      'carnet://apps/index.html',
      'carnet://evil/app/index.html',
      'https://app/index.html',
      'file:///carnet://app/',
      'javascript:alert(1)//carnet://app/',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isWebUrl', () => {
  it('is true for http and https only', () => {
    expect(isWebUrl('https://example.org/a')).toBe(true);
    expect(isWebUrl('http://example.org')).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'carnet://app/', 'mailto:a@b.c', 'smb://host/share', 'not a url']) {
      expect(isWebUrl(url), url).toBe(false);
    }
  });
});

describe('hardenWebContents', () => {
  it('prevents navigation to any other origin', () => {
    const contents = hardened();
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'carnet://other/index.html', 'http://127.0.0.1:8080/']) {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('lets the app navigate within its own origin', () => {
    const contents = hardened();
    const event = navigationEvent('carnet://app/index.html?reload=1');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents redirects away from the app', () => {
    const contents = hardened();
    const event = navigationEvent('https://example.org/');
    contents.emit('will-redirect', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open; http(s) goes to the system browser, other schemes nowhere', () => {
    const contents = hardened();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://www.linkedin.com/in/someone' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://www.linkedin.com/in/someone'], ['http://example.org/']]);

    electron.shell.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'carnet://app/index.html', 'smb://evil/share', 'about:blank']) {
      expect(handler({ url }), url).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents attaching a <webview>', () => {
    const contents = hardened();
    const event = navigationEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.org' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    hardenSession(fakeSession as never);
    const request = lastArg<(wc: unknown, permission: string, callback: (granted: boolean) => void) => void>(fakeSession.setPermissionRequestHandler);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = lastArg<(wc: unknown, permission: string) => boolean>(fakeSession.setPermissionCheckHandler);
    expect(check({}, 'media')).toBe(false);
  });

  it('sets the CSP header on every response, replacing one the response carried', () => {
    hardenSession(fakeSession as never);
    const listener = lastArg<(details: unknown, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void>(
      fakeSession.webRequest.onHeadersReceived,
    );
    const callback = vi.fn();
    listener(
      { url: 'carnet://app/index.html', responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      callback,
    );
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);

    const bare = vi.fn();
    listener({ url: 'https://example.org/' }, bare);
    expect(bare.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    // DevTools (development builds) keeps its own headers: the app's policy would blank it.
    const devtools = vi.fn();
    listener({ url: 'devtools://devtools/bundled/inspector.html', responseHeaders: {} }, devtools);
    expect(devtools).toHaveBeenCalledWith({});
  });

  it('uses the strict policy the checklist asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(withContentSecurityPolicy({ 'X-A': 'b' })).toEqual({ 'X-A': ['b'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
