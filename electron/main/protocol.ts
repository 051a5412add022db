/**
 * Serves the built renderer (dist/renderer) on carnet://app/ instead of
 * file://, so the pages get a real origin that the CSP, the navigation guard
 * and the IPC sender check can recognise, and cannot read the disk.
 */
import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

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
    const file = resolveInside(root, request.url);
    if (file === null) return plain(403, 'Forbidden');
    try {
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
      if (!isInside(realRoot, realFile)) return plain(403, 'Forbidden');
      if (!(await stat(realFile)).isFile()) return plain(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: headers(CONTENT_TYPES[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream'),
      });
    } catch {
      return plain(404, 'Not found');
    }
  };
}

/** The file a carnet://app/ URL names inside `root`, or null when the URL is foreign or escapes `root`. */
function resolveInside(root: string, url: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  return isInside(root, file) ? file : null;
}

function isInside(root: string, file: string): boolean {
  return file.startsWith(root + path.sep);
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
