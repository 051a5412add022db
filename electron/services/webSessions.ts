/**
 * Who may use the browser-mode server. Three kinds of secret, so that none
 * that can leak opens anything by itself:
 * - the launch token printed on the terminal (`Carnet: http://…/?token=…`): it
 *   opens more tabs while `carnet web` runs, and is only ever sent to
 *   `POST /api/session`, never set as a cookie (cookies ignore ports, so a
 *   cookie would reach every other server on 127.0.0.1);
 * - one-time launch codes: the browser Carnet opens itself gets one, through
 *   a private file rather than its command line (which `ps` shows to every
 *   user); a code is exchanged once, within minutes, then it is dead;
 * - sessions: what an exchange returns to the page, kept in its
 *   sessionStorage and sent in a header (Authorization, or the WebSocket
 *   subprotocol), never in a URL or a cookie.
 * Secrets are stored as SHA-256 digests: a lookup reveals nothing about a
 * secret through its timing, and the process holds no usable copy of a code.
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long a one-time launch code stays usable: the browser has to start. */
export const LAUNCH_CODE_TTL_MS = 5 * 60_000;
/** Sessions kept (one per tab that exchanged a code); the oldest is forgotten first. */
export const MAX_SESSIONS = 64;
/** One-time codes not yet used, at most. */
const MAX_CODES = 16;

const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const fresh = (): string => randomBytes(32).toString('hex');

export class WebSessions {
  private readonly launchDigest: string;
  /** digest → expiry time (ms). */
  private readonly codes = new Map<string, number>();
  private readonly sessions = new Set<string>();

  constructor(
    launchToken: string,
    private readonly now: () => number = Date.now,
  ) {
    this.launchDigest = digest(launchToken);
  }

  /** A new one-time launch code. */
  newLaunchCode(): string {
    const code = fresh();
    this.dropExpiredCodes();
    if (this.codes.size >= MAX_CODES) this.codes.delete(this.codes.keys().next().value!);
    this.codes.set(digest(code), this.now() + LAUNCH_CODE_TTL_MS);
    return code;
  }

  /** A new session for the launch token or a live one-time code (used up here), else null. */
  exchange(secret: unknown): string | null {
    if (typeof secret !== 'string' || secret.length === 0 || secret.length > 200) return null;
    const d = digest(secret);
    if (d !== this.launchDigest) {
      const expires = this.codes.get(d);
      if (expires === undefined) return null;
      this.codes.delete(d);
      if (expires < this.now()) return null;
    }
    const session = fresh();
    this.sessions.add(digest(session));
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.values().next().value!);
    return session;
  }

  /** True for a session this server gave out (and has not forgotten). */
  isSession(secret: string | null | undefined): boolean {
    return this.callerOf(secret) !== null;
  }

  /**
   * The backend's caller for a live session (one tab: its undo history), or null. Named by the
   * session's digest, so that what the backend keeps is no credential.
   */
  callerOf(secret: string | null | undefined): string | null {
    if (typeof secret !== 'string' || secret.length === 0 || secret.length > 200) return null;
    const d = digest(secret);
    return this.sessions.has(d) ? `session:${d}` : null;
  }

  private dropExpiredCodes(): void {
    const t = this.now();
    for (const [d, expires] of this.codes) if (expires < t) this.codes.delete(d);
  }
}
