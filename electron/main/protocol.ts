/**
 * Serves the built renderer (dist/renderer) on carnet://app/ instead of
 * file://, so the pages get a real origin that the CSP, the navigation guard
 * and the IPC sender check can recognise, and cannot read the disk.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mimeType, resolveStatic } from '../services/staticFiles.js';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';

/**
 * Registers carnet:// as a standard, secure scheme with fetch support.
 * Must run before the app is ready. `corsEnabled` stays off so no other
 * origin can read the app's files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers carnet://app/ requests from the files under `rootDir` (the built renderer). */
export function installAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}

/**
 * The request handler behind carnet://app/: GET/HEAD of files inside
 * `rootDir` only ('/' is index.html). Anything that would resolve outside
 * it — `..` segments, encoded separators, symlinks pointing out — is
 * refused. Every response, errors included, carries the CSP.
 */
export function createAppRequestHandler(rootDir: string): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    let pathname: string;
    try {
      const parsed = new URL(request.url);
      if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return plain(403, 'Forbidden');
      pathname = parsed.pathname || '/';
    } catch {
      return plain(403, 'Forbidden');
    }
    // The same resolution as the browser-mode server: one place decides what may leave dist/renderer.
    const found = await resolveStatic(root, pathname);
    if ('error' in found) return found.error === 400 ? plain(403, 'Forbidden') : plain(404, 'Not found');
    try {
      const body = request.method === 'HEAD' ? null : await readFile(found.file);
      return new Response(body, { status: 200, headers: headers(mimeType(found.file)) });
    } catch {
      return plain(404, 'Not found');
    }
  };
}

function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}
