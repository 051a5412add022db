import { describe, expect, it } from 'vitest';
import { openSession, SessionRefused, type SessionEnv } from '../../../renderer/src/api/session.js';

const SESSION = 'a'.repeat(64);

/** A tab at `search`, with a fake server that answers `answer` to POST /api/session. */
function tab(search: string, answer: (token: unknown) => { status: number; body: unknown }, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const addresses: string[] = [];
  const posted: unknown[] = [];
  const env: SessionEnv = {
    location: { search, pathname: '/', hash: '#x', origin: 'http://127.0.0.1:4000' },
    history: { state: null, replaceState: (_s, _t, url) => void addresses.push(String(url)) },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    fetch: (async (url: string, init: RequestInit) => {
      expect(url).toBe('http://127.0.0.1:4000/api/session');
      expect(init.method).toBe('POST');
      const token = (JSON.parse(String(init.body)) as { token: unknown }).token;
      posted.push(token);
      const { status, body } = answer(token);
      return new Response(JSON.stringify(body), { status });
    }) as typeof fetch,
  };
  return { env, storage, addresses, posted };
}

describe('openSession', () => {
  it('exchanges the link’s token, takes it out of the address at once, and keeps the session for the tab', async () => {
    const t = tab('?token=abc&lang=fr', () => ({ status: 200, body: { session: SESSION } }));
    expect(await openSession(t.env)).toBe(SESSION);
    expect(t.posted).toEqual(['abc']);
    expect(t.addresses).toEqual(['/?lang=fr#x']);
    expect(t.storage.get('carnet.session')).toBe(SESSION);
  });

  it('finds the tab’s session again after a reload, without asking the server', async () => {
    const t = tab('', () => ({ status: 500, body: {} }), { 'carnet.session': SESSION });
    expect(await openSession(t.env)).toBe(SESSION);
    expect(t.posted).toEqual([]);
  });

  it('refuses, saying why, a page opened without a link or with a used one, and a malformed session', async () => {
    await expect(openSession(tab('', () => ({ status: 200, body: {} })).env)).rejects.toThrow(/without its access link/);
    const used = tab('?token=old', () => ({ status: 401, body: 'used' }));
    await expect(openSession(used.env)).rejects.toBeInstanceOf(SessionRefused);
    await expect(openSession(tab('?token=old', () => ({ status: 401, body: 'used' })).env)).rejects.toThrow(/already used or has expired/);
    expect(used.addresses).toEqual(['/#x']);
    const odd = tab('?token=x', () => ({ status: 200, body: { session: '"><script>' } }));
    await expect(openSession(odd.env)).rejects.toBeInstanceOf(SessionRefused);
    expect(odd.storage.size).toBe(0);
  });
});
