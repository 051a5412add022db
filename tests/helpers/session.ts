/**
 * Gets a browser-mode session as the page does (renderer/src/api/session.ts):
 * the printed token or a one-time code, posted to /api/session.
 */
import { SESSION_PATH, sessionProtocols } from '../../shared/api/webTransport.js';

/** The session `secret` opens on the server at `port`; throws with the server's answer when refused. */
export async function sessionFor(port: number, secret: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}${SESSION_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: secret }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`no session (${res.status}): ${text}`);
  return (JSON.parse(text) as { session: string }).session;
}

/** What a WebSocket handshake offers with `session`. */
export { sessionProtocols };
