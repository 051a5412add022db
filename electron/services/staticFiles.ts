/**
 * Maps a URL path to a file inside the built renderer folder, refusing
 * anything that would leave it (`..`, encoded `%2e%2e`, backslashes, NUL,
 * symlinks pointing outside).
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const MIME: Record<string, string> = {
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
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes. */
export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolved = { file: string; size: number } | { error: 400 | 404 };

/**
 * Resolves `urlPath` (still percent-encoded, without query) against `root`.
 * `/` and folders give their index.html.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<Resolved> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { error: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return { error: 400 };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return { error: 400 };
  const rootReal = await realpath(root);
  let candidate = path.join(rootReal, ...segments);
  if (!isInside(rootReal, candidate)) return { error: 400 };
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      info = await stat(candidate);
    }
    if (!info.isFile()) return { error: 404 };
    const real = await realpath(candidate);
    if (!isInside(rootReal, real)) return { error: 404 };
    return { file: real, size: info.size };
  } catch {
    return { error: 404 };
  }
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
