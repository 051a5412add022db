import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALL_BYTES, MAX_CALL_BYTES } from '../../../shared/api/contract.js';
import { MAX_CONNECTIONS, startWebServer, type WebServer } from '../../../electron/services/webServer.js';
import { sessionFor, sessionProtocols } from '../../helpers/session.js';
import { parseInParts, planParts, type PartPlan } from '../../../shared/json/partPlan.js';
import { STATE_TEXT, connect, fakeBackend, request, setStatePlan, statePlan, upgradeStatus } from './helpers.js';

let base: string;
let staticDir: string;
let server: WebServer;
let backend: ReturnType<typeof fakeBackend>;
let session: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'carnet-web-'));
  staticDir = join(base, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Carnet</title>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("carnet")');
  await writeFile(join(staticDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(staticDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(staticDir, 'assets', 'font.woff2'), 'x');
  await writeFile(join(staticDir, 'assets', 'data.bin'), 'x');
  await writeFile(join(base, 'secret.txt'), 'TOP SECRET');
  await symlink(join(base, 'secret.txt'), join(staticDir, 'assets', 'link.txt'));
  backend = fakeBackend();
  server = await startWebServer({ backend, staticDir });
  session = await sessionFor(server.port, server.token);
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const exchange = (secret: unknown, headers: Record<string, string> = {}) =>
  request(server.port, '/api/session', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ token: secret }) });
const apiSocket = () => `ws://127.0.0.1:${server.port}/api`;

describe('startWebServer: address and launch token', () => {
  it('listens on 127.0.0.1 and prints a link with a fresh 64-hex-digit token', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    const other = await startWebServer({ backend: fakeBackend(), staticDir });
    try {
      expect(other.token).not.toBe(server.token);
    } finally {
      await other.close();
    }
  });

  it('is not reachable on the machine’s other addresses', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!external) return;
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect(server.port, external.address);
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('serves the app itself to this machine without a credential, and never sets a cookie', async () => {
    const page = await request(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toBe('<!doctype html><title>Carnet</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    const replies = [page, await request(server.port, `/?token=${server.token}`), await exchange(server.token), await request(server.port, '/api/state', { headers: bearer(session) })];
    for (const r of replies) expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('sends the security headers on every response, refusals included', async () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
      `connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;
    for (const r of [await request(server.port, '/'), await request(server.port, '/api/state'), await exchange('nope')]) {
      expect(r.headers['content-security-policy']).toBe(csp);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('startWebServer: sessions (only a page let in reads the network)', () => {
  it('exchanges the printed token for a new session each time, and refuses any other value', async () => {
    const a = await exchange(server.token);
    const b = await exchange(server.token);
    expect(a.status).toBe(200);
    const sa = (JSON.parse(a.body) as { session: string }).session;
    const sb = (JSON.parse(b.body) as { session: string }).session;
    expect(sa).toMatch(/^[0-9a-f]{64}$/);
    expect(sb).not.toBe(sa);
    expect(sa).not.toBe(server.token);
    const sameLength = server.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    for (const wrong of ['nope', sameLength, '', 42, null, session, { token: server.token }]) {
      const r = await exchange(wrong);
      expect(r.status, JSON.stringify(wrong)).toBe(401);
      expect(r.body).toMatch(/carnet web/);
    }
    expect((await request(server.port, '/api/session', { method: 'POST', body: 'not json' })).status).toBe(401);
    expect((await request(server.port, `/api/session?token=${server.token}`)).status).toBe(405);
    expect((await request(server.port, '/api/session', { method: 'POST', body: JSON.stringify({ token: 'x'.repeat(5000) }) })).status).toBe(413);
    expect((await exchange(server.token, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('opens a session once with a launch link, never twice', async () => {
    const link = new URL(server.launchUrl());
    expect(link.origin).toBe(`http://127.0.0.1:${server.port}`);
    const code = link.searchParams.get('token')!;
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    expect(code).not.toBe(server.token);
    expect(new URL(server.launchUrl()).searchParams.get('token')).not.toBe(code);
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect((await exchange(code)).status).toBe(401);
    const opened = (JSON.parse(first.body) as { session: string }).session;
    expect((await request(server.port, '/api/state', { headers: bearer(opened) })).status).toBe(200);
  });

  it('leaves out a plan too big for a header, and sends none when the backend has none', async () => {
    const saved = statePlan;
    try {
      setStatePlan({ array: false, ops: Array.from({ length: 20_000 }, (_, i) => ({ op: 'part' as const, from: i, to: i })) });
      const big = await request(server.port, '/api/state', { headers: bearer(session) });
      expect(big.status).toBe(200);
      expect(big.body).toBe(STATE_TEXT);
      expect(big.headers['x-carnet-parts']).toBeUndefined();
      setStatePlan(null);
      expect((await request(server.port, '/api/state', { headers: bearer(session) })).headers['x-carnet-parts']).toBeUndefined();
    } finally {
      setStatePlan(saved);
    }
  });

  it('writes the state the backend gives as UTF-8 pieces as they are, with their length and plan', async () => {
    const text = JSON.stringify({ doc: { contacts: { c1: { name: 'Zoé 東京 🦊', notes: 'a\nb' } } }, revision: 4 });
    const at = text.indexOf('{"contacts"');
    const bytes = new Uint8Array(new SharedArrayBuffer(Buffer.byteLength(text.slice(at, -1))));
    Buffer.from(bytes.buffer).write(text.slice(at, -1));
    const plan = planParts(text, 8);
    const own = await startWebServer({ backend: { ...fakeBackend(), stateBytes: async () => ({ pieces: [text.slice(0, at), bytes, text.slice(-1)], plan }) }, staticDir });
    try {
      const opened = await sessionFor(own.port, own.token);
      const r = await request(own.port, '/api/state', { headers: bearer(opened) });
      expect(r.status).toBe(200);
      expect(r.body).toBe(text);
      expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(text));
      expect(JSON.parse(decodeURIComponent(String(r.headers['x-carnet-parts'])))).toEqual(plan);
      const head = await request(own.port, '/api/state', { method: 'HEAD', headers: bearer(opened) });
      expect(head.body).toBe('');
      expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(text));
    } finally {
      await own.close();
    }
  });

  it('reads the state with a session in the Authorization header, and with nothing else', async () => {
    const r = await request(server.port, '/api/state', { headers: bearer(session) });
    expect(r.status).toBe(200);
    expect(r.body).toBe(STATE_TEXT);
    // The plan of its parse in parts rides beside it, and parses it as JSON.parse does.
    const plan = JSON.parse(decodeURIComponent(String(r.headers['x-carnet-parts']))) as PartPlan;
    expect(plan).toEqual(statePlan);
    expect(await parseInParts(r.body, plan)).toEqual(JSON.parse(STATE_TEXT));
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-security-policy']).toBeTruthy();
    // The printed token, however it is sent, and the session anywhere but its header, read nothing.
    const attempts: [string, Record<string, string>][] = [
      ['/api/state', {}],
      ['/api/state', bearer(server.token)],
      [`/api/state?token=${server.token}`, {}],
      [`/api/state?token=${session}`, {}],
      ['/api/state', { cookie: `carnet_token=${server.token}` }],
      ['/api/state', { cookie: `carnet_session=${session}` }],
      ['/api/state', bearer(`${session}x`)],
      ['/api/state', { authorization: session }],
    ];
    for (const [path, headers] of attempts) {
      const refused = await request(server.port, path, { headers });
      expect(refused.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
      expect(refused.body).not.toContain('Zoé');
    }
    expect((await request(server.port, '/api/state', { headers: { ...bearer(session), origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request(server.port, '/api/state', { method: 'POST', headers: bearer(session) })).status).toBe(405);
  });

  it('does not honour a session of another server', async () => {
    const other = await startWebServer({ backend: fakeBackend(), staticDir });
    try {
      const foreign = await sessionFor(other.port, other.token);
      expect((await request(server.port, '/api/state', { headers: bearer(foreign) })).status).toBe(401);
      expect(await upgradeStatus(apiSocket(), {}, sessionProtocols(foreign))).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('startWebServer: Host and Origin (DNS rebinding)', () => {
  it('refuses a Host that is not loopback with our port', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `127.0.0.2:${server.port}`, `0.0.0.0:${server.port}`]) {
      for (const path of ['/', '/api/state']) expect((await request(server.port, path, { headers: { host, ...bearer(session) } })).status, host).toBe(403);
      expect((await exchange(server.token, { host })).status, host).toBe(403);
    }
  });

  it('accepts 127.0.0.1, localhost and [::1] with our port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `[::1]:${server.port}`]) {
      expect((await request(server.port, '/api/state', { headers: { host, ...bearer(session) } })).status, host).toBe(200);
    }
  });

  it('refuses an Origin that is not loopback with our port, and Origin: null', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${server.port}`, `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`, 'null']) {
      expect((await request(server.port, '/', { headers: { origin } })).status, origin).toBe(403);
    }
    expect((await request(server.port, '/', { headers: { origin: `http://localhost:${server.port}` } })).status).toBe(200);
  });
});

describe('startWebServer: static files', () => {
  it('serves files with their MIME type', async () => {
    const types: Record<string, string> = {
      '/assets/app.js': 'text/javascript; charset=utf-8',
      '/assets/app.css': 'text/css; charset=utf-8',
      '/assets/logo.svg': 'image/svg+xml',
      '/assets/font.woff2': 'font/woff2',
      '/assets/data.bin': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(types)) {
      const r = await request(server.port, path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe(type);
      expect(r.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('never serves a file outside the folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2E%2E/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/assets/link.txt',
      '/index.html%00.js',
      '/%',
      `/${encodeURIComponent(join(base, 'secret.txt'))}`,
    ];
    for (const path of attempts) {
      const r = await request(server.port, path);
      expect([400, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain('TOP SECRET');
    }
  });

  it('answers 404 for a missing file, 405 for other methods, 426 for /api over plain HTTP, and HEAD without a body', async () => {
    expect((await request(server.port, '/missing.js')).status).toBe(404);
    const post = await request(server.port, '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await request(server.port, '/api')).status).toBe(426);
    const head = await request(server.port, '/assets/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String('console.log("carnet")'.length));
  });
});

describe('startWebServer: WebSocket RPC', () => {
  const open = (headers: Record<string, string> = {}) => connect(apiSocket(), headers, sessionProtocols(session));

  it('checks the session, Host, Origin and path on the upgrade', async () => {
    const offered = sessionProtocols(session);
    expect(await upgradeStatus(apiSocket(), {}, offered)).toBe(101);
    expect(await upgradeStatus(apiSocket())).toBe(401);
    expect(await upgradeStatus(`${apiSocket()}?token=${server.token}`)).toBe(401);
    expect(await upgradeStatus(`${apiSocket()}?session=${session}`)).toBe(401);
    expect(await upgradeStatus(apiSocket(), { cookie: `carnet_token=${server.token}` })).toBe(401);
    expect(await upgradeStatus(apiSocket(), {}, sessionProtocols(server.token))).toBe(401);
    expect(await upgradeStatus(apiSocket(), {}, ['carnet', 'carnet.session.wrong'])).toBe(401);
    expect(await upgradeStatus(apiSocket(), { origin: 'http://evil.example' }, offered)).toBe(403);
    expect(await upgradeStatus(apiSocket(), { origin: `http://127.0.0.1:${server.port}` }, offered)).toBe(101);
    expect(await upgradeStatus(apiSocket(), { host: `evil.example:${server.port}` }, offered)).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/other`, {}, offered)).toBe(404);
  });

  it('echoes the "carnet" subprotocol, never the session', async () => {
    const client = await open();
    try {
      expect(client.ws.protocol).toBe('carnet');
    } finally {
      await client.close();
    }
  });

  it('answers a call with its id and the backend’s result', async () => {
    const client = await open();
    try {
      expect(await client.call('getState')).toEqual({ id: 1, result: { method: 'getState', args: [] } });
      expect(await client.call('setLanguage', ['fr'])).toEqual({ id: 2, result: { method: 'setLanguage', args: ['fr'] } });
      expect(await client.raw(JSON.stringify({ id: 'abc', method: 'undo' }), 'abc')).toEqual({ id: 'abc', result: { method: 'undo', args: [] } });
    } finally {
      await client.close();
    }
  });

  it('returns errors as {id, error: {message, path}}', async () => {
    const client = await open();
    try {
      const unknown = await client.call('dropDatabase');
      expect(unknown).toEqual({ id: 1, error: { message: 'dropDatabase: invalid argument at $: unknown method', path: '$' } });
      const badArg = await client.call('setLanguage', ['de']);
      expect(badArg.id).toBe(2);
      expect(badArg.error).toMatchObject({ path: '$[0]' });
      expect(await client.call('openDocument', ['/nope.json'])).toEqual({ id: 3, error: { message: 'cannot open "/nope.json": no such file', path: '$[0]' } });
      expect(await client.call('saveDocumentAs', ['/x.json'])).toEqual({ id: 4, error: { message: 'disk full' } });
    } finally {
      await client.close();
    }
  });

  it('answers getStateJson over the socket too, with the text intact', async () => {
    const client = await open();
    try {
      expect(await client.call('getStateJson')).toEqual({ id: 1, result: STATE_TEXT });
    } finally {
      await client.close();
    }
  });

  it('answers malformed frames with an error and keeps serving', async () => {
    const client = await open();
    try {
      client.ws.send('{not json');
      expect(await client.nextOrphan()).toMatchObject({ id: null, error: { path: '$', message: expect.stringMatching(/^malformed frame: not JSON/) } });
      client.ws.send('[1,2]');
      expect(await client.nextOrphan()).toMatchObject({ id: null, error: { path: '$' } });
      client.ws.send(JSON.stringify({ method: 'getState' }));
      expect(await client.nextOrphan()).toMatchObject({ id: null, error: { path: '$.id' } });
      expect(await client.raw(JSON.stringify({ id: 7, method: 42 }), 7)).toMatchObject({ id: 7, error: { path: '$.method' } });
      expect(await client.raw(JSON.stringify({ id: 8, method: 'getState', args: 'x' }), 8)).toMatchObject({ id: 8, error: { path: '$.args' } });
      client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
      expect(await client.nextOrphan()).toMatchObject({ id: null, error: { message: expect.stringMatching(/binary/) } });
      expect(await client.call('getState')).toMatchObject({ result: { method: 'getState' } });
    } finally {
      await client.close();
    }
  });

  it('carries a multi-megabyte apply (an import batch), and refuses a small method’s call of that size', async () => {
    const client = await open();
    try {
      const changes = Array.from({ length: 40_000 }, (_, i) => ({ op: 'del', coll: 'contacts', id: `c_${i}_${'x'.repeat(100)}` }));
      const reply = await client.call('apply', [{ label: { key: 'import.undoFile', params: { name: 'x.csv' } }, changes }]);
      expect((reply.result as { args: [{ changes: unknown[] }] }).args[0].changes).toHaveLength(40_000);
      const before = backend.calls.length;
      const big = await client.call('setLanguage', ['x'.repeat(DEFAULT_CALL_BYTES)]);
      expect(big.error).toEqual({ message: 'setLanguage: the call weighs 1.0 MB; this method takes at most 1.0 MB', path: '$' });
      expect(backend.calls.length).toBe(before);
      expect(await client.call('getState')).toMatchObject({ result: { method: 'getState' } });
    } finally {
      await client.close();
    }
  });

  it('closes a socket that sends more than any call may weigh, and keeps serving', async () => {
    const client = await open();
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)));
    client.ws.send(Buffer.alloc(MAX_CALL_BYTES + 1, 0x20));
    expect(await closed).toBe(1009);
    const again = await open();
    try {
      expect(await again.call('getState')).toMatchObject({ result: { method: 'getState' } });
    } finally {
      await again.close();
    }
  });

  it('pushes backend events to every connected socket', async () => {
    const a = await open();
    const b = await open();
    try {
      backend.emit('notice', { level: 'info', code: 'test', message: 'hello' });
      for (let i = 0; i < 100 && (a.events.length === 0 || b.events.length === 0); i++) await new Promise((r) => setTimeout(r, 10));
      expect(a.events).toEqual([{ event: 'notice', payload: { level: 'info', code: 'test', message: 'hello' } }]);
      expect(b.events).toEqual(a.events);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

/** Writes `text` on a fresh connection and resolves with everything the server answered before closing it. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.setEncoding('utf8').on('data', (d: string) => (out += d));
    socket.once('close', () => resolve(out));
    socket.once('error', reject);
  });
}

describe('startWebServer: hostile connections', () => {
  it('answers 400 to a request or an upgrade with two Host or two Origin headers', async () => {
    const host = `127.0.0.1:${server.port}`;
    const twice = [
      `GET /api/state HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nAuthorization: Bearer ${session}\r\nConnection: close\r\n\r\n`,
      `GET /api/state HTTP/1.1\r\nHost: evil.example\r\nHost: ${host}\r\nAuthorization: Bearer ${session}\r\nConnection: close\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://${host}\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n`,
      `GET /api/state HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${session}\r\nAuthorization: Bearer x\r\nConnection: close\r\n\r\n`,
      `GET /api HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: ${sessionProtocols(session).join(', ')}\r\n\r\n`,
    ];
    for (const text of twice) {
      const answer = await rawExchange(server.port, text);
      expect(answer, text).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).not.toContain('Zoé');
    }
    const once = await rawExchange(server.port, `GET /api/state HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${session}\r\nConnection: close\r\n\r\n`);
    expect(once).toMatch(/^HTTP\/1\.1 200 /);
  });

  it(`holds at most ${MAX_CONNECTIONS} connections at once, and takes new ones as others close`, async () => {
    const own = await startWebServer({ backend: fakeBackend(), staticDir });
    const held: net.Socket[] = [];
    try {
      const openOne = () =>
        new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(own.port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
      for (let i = 0; i < MAX_CONNECTIONS; i++) held.push(await openOne());
      // Each held connection is served: the server has accepted every one of them.
      const served = await new Promise<string>((resolve) => {
        let out = '';
        held[0]!.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          if (out.includes('\r\n\r\n')) resolve(out);
        });
        held[0]!.write(`HEAD / HTTP/1.1\r\nHost: 127.0.0.1:${own.port}\r\n\r\n`);
      });
      expect(served).toMatch(/^HTTP\/1\.1 200 /);
      const extra = await rawExchange(own.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${own.port}\r\nConnection: close\r\n\r\n`).catch(() => '');
      expect(extra).toBe('');
      held.pop()!.destroy();
      let after = '';
      for (let i = 0; i < 50 && !after; i++) {
        after = await rawExchange(own.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${own.port}\r\nConnection: close\r\n\r\n`).catch(() => '');
        if (!after) await new Promise((r) => setTimeout(r, 20));
      }
      expect(after).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      for (const s of held) s.destroy();
      await own.close();
    }
  });
});

describe('startWebServer: lifecycle', () => {
  it('refuses a short or unsafe token', async () => {
    await expect(startWebServer({ backend: fakeBackend(), staticDir, token: 'short' })).rejects.toThrow(/16 to 200/);
    await expect(startWebServer({ backend: fakeBackend(), staticDir, token: 'a;b=c'.repeat(5) })).rejects.toThrow(/16 to 200/);
  });

  it('says so when the port is taken', async () => {
    await expect(startWebServer({ backend: fakeBackend(), staticDir, port: server.port })).rejects.toThrow(`port ${server.port} on 127.0.0.1 is already in use`);
  });

  it('closes sockets, stops listening and unsubscribes from the backend', async () => {
    const own = fakeBackend();
    const s = await startWebServer({ backend: own, staticDir, token: 'a'.repeat(32) });
    expect(own.listenerCount()).toBeGreaterThan(0);
    const client = await connect(`ws://127.0.0.1:${s.port}/api`, {}, sessionProtocols(await sessionFor(s.port, 'a'.repeat(32))));
    const closed = new Promise<void>((resolve) => client.ws.once('close', () => resolve()));
    await s.close();
    await closed;
    expect(own.listenerCount()).toBe(0);
    await expect(request(s.port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
