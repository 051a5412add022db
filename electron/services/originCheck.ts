/**
 * Checks that keep a page on another site from reaching the browser-mode
 * server: DNS rebinding makes evil.example resolve to 127.0.0.1, but the
 * browser still sends `Host: evil.example:PORT` and `Origin: http://evil.example`,
 * so both must name a loopback address with our port. The session is the
 * second lock (webSessions.ts): a page that was not let in cannot guess one.
 */

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
 * The first of `names` (lower case) that `rawHeaders` carries more than once,
 * or null. Node keeps only the first Host of a request in `req.headers`; a
 * proxy or another check could read the second.
 */
export function duplicatedHeader(rawHeaders: readonly string[], names: readonly string[]): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (!names.includes(name)) continue;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}
