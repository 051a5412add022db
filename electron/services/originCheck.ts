/**
 * Checks that keep a page on another site from reaching the browser-mode
 * server: DNS rebinding makes evil.example resolve to 127.0.0.1, but the
 * browser still sends `Host: evil.example:PORT` and `Origin: http://evil.example`,
 * so both must name a loopback address with our port. The token is the
 * second lock: a page that cannot read our URL cannot guess it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** The `host:port` values a legitimate request may carry for this server. */
export function loopbackHosts(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

/** True when the Host header is exactly a loopback name with our port (case-insensitive, as DNS is). */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return loopbackHosts(port).has(host.toLowerCase());
}

/**
 * True when there is no Origin (a same-origin GET, a non-browser client) or
 * when it is http://<loopback>:port. `Origin: null` (sandboxed frames, file://)
 * is refused.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const allowed = LOOPBACK_NAMES.map((name) => `http://${name}:${port}`);
  return allowed.includes(origin.toLowerCase());
}

/**
 * Constant-time token comparison. Hashing first gives equal-length inputs to
 * timingSafeEqual, so not even the token's length leaks.
 */
export function tokensMatch(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The value of one cookie from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
