import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/services/webServer.js';
import { STATE_TEXT, connect, fakeBackend, request, upgradeStatus } from './helpers.js';

let base: string;
let staticDir: string;
let server: WebServer;
let backend: ReturnType<typeof fakeBackend>;

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
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

const withToken = (path: string) => `${path}${path.includes('?') ? '&' : '?'}token=${server.token}`;

describe('startWebServer: address and token', () => {
  it('listens on 127.0.0.1 with a fresh 64-hex-digit token', async () => {
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

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await request(server.port, '/')).status).toBe(401);
    expect((await request(server.port, '/?token=nope')).status).toBe(401);
    const sameLength = server.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await request(server.port, `/?token=${sameLength}`)).status).toBe(401);
    expect((await request(server.port, '/', { headers: { cookie: 'carnet_token=wrong' } })).status).toBe(401);
    const r = await request(server.port, '/');
    expect(r.body).toMatch(/carnet web/);
    expect(r.body).not.toContain('<title>');
  });

  it('serves index.html for / with the token and sets the HttpOnly, SameSite=Strict cookie', async () => {
    const r = await request(server.port, withToken('/'));
    expect(r.status).toBe(200);
    expect(r.body).toBe('<!doctype html><title>Carnet</title>');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['set-cookie']).toEqual([`carnet_token=${server.token}; HttpOnly; SameSite=Strict; Path=/`]);
  });

  it('accepts the cookie instead of the query token', async () => {
    const r = await request(server.port, '/assets/app.js', { headers: { cookie: `other=1; carnet_token=${server.token}` } });
    expect(r.status).toBe(200);
    expect(r.body).toBe('console.log("carnet")');
  });

  it('sends the security headers on every response, refusals included', async () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
      `connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;
    for (const r of [await request(server.port, withToken('/')), await request(server.port, '/')]) {
      expect(r.headers['content-security-policy']).toBe(csp);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('startWebServer: Host and Origin (DNS rebinding)', () => {
  it('refuses a Host that is not loopback with our port', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `127.0.0.2:${server.port}`, `0.0.0.0:${server.port}`]) {
      const r = await request(server.port, withToken('/'), { headers: { host } });
      expect(r.status, host).toBe(403);
      expect(r.headers['set-cookie'], host).toBeUndefined();
    }
  });

  it('accepts 127.0.0.1, localhost and [::1] with our port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `[::1]:${server.port}`]) {
      expect((await request(server.port, withToken('/'), { headers: { host } })).status, host).toBe(200);
    }
  });

  it('refuses an Origin that is not loopback with our port, and Origin: null', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${server.port}`, `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`, 'null']) {
      expect((await request(server.port, withToken('/'), { headers: { origin } })).status, origin).toBe(403);
    }
    expect((await request(server.port, withToken('/'), { headers: { origin: `http://localhost:${server.port}` } })).status).toBe(200);
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
      const r = await request(server.port, withToken(path));
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
      const r = await request(server.port, withToken(path));
      expect([400, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain('TOP SECRET');
    }
  });

  it('serves the state as JSON text at /api/state, only with the token', async () => {
    const r = await request(server.port, withToken('/api/state'));
    expect(r.status).toBe(200);
    expect(r.body).toBe(STATE_TEXT);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-security-policy']).toBeTruthy();
    expect((await request(server.port, '/api/state')).status).toBe(401);
    expect((await request(server.port, withToken('/api/state'), { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request(server.port, withToken('/api/state'), { method: 'POST' })).status).toBe(405);
  });

  it('answers 404 for a missing file, 405 for other methods, 426 for /api over plain HTTP, and HEAD without a body', async () => {
    expect((await request(server.port, withToken('/missing.js'))).status).toBe(404);
    const post = await request(server.port, withToken('/'), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await request(server.port, withToken('/api'))).status).toBe(426);
    const head = await request(server.port, withToken('/assets/app.js'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String('console.log("carnet")'.length));
  });
});

describe('startWebServer: WebSocket RPC', () => {
  const wsUrl = (token = server.token, path = '/api') => `ws://127.0.0.1:${server.port}${path}?token=${token}`;

  it('checks the token, Host, Origin and path on the upgrade', async () => {
    expect(await upgradeStatus(wsUrl())).toBe(101);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/api`)).toBe(401);
    expect(await upgradeStatus(wsUrl('wrong-token-wrong-token'))).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/api`, { cookie: `carnet_token=${server.token}` })).toBe(101);
    expect(await upgradeStatus(wsUrl(), { origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(wsUrl(), { origin: `http://127.0.0.1:${server.port}` })).toBe(101);
    expect(await upgradeStatus(wsUrl(), { host: `evil.example:${server.port}` })).toBe(403);
    expect(await upgradeStatus(wsUrl(server.token, '/other'))).toBe(404);
  });

  it('answers a call with its id and the backend’s result', async () => {
    const client = await connect(wsUrl());
    try {
      expect(await client.call('getState')).toEqual({ id: 1, result: { method: 'getState', args: [] } });
      expect(await client.call('setLanguage', ['fr'])).toEqual({ id: 2, result: { method: 'setLanguage', args: ['fr'] } });
      expect(await client.raw(JSON.stringify({ id: 'abc', method: 'undo' }), 'abc')).toEqual({ id: 'abc', result: { method: 'undo', args: [] } });
    } finally {
      await client.close();
    }
  });

  it('returns errors as {id, error: {message, path}}', async () => {
    const client = await connect(wsUrl());
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
    const client = await connect(wsUrl());
    try {
      expect(await client.call('getStateJson')).toEqual({ id: 1, result: STATE_TEXT });
    } finally {
      await client.close();
    }
  });

  it('answers malformed frames with an error and keeps serving', async () => {
    const client = await connect(wsUrl());
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

  it('carries a multi-megabyte frame (an import batch)', async () => {
    const client = await connect(wsUrl());
    try {
      const changes = Array.from({ length: 20_000 }, (_, i) => ({ op: 'del', coll: 'contacts', id: `c_${i}_${'x'.repeat(100)}` }));
      const reply = await client.call('apply', [{ label: { key: 'import.undoFile', params: { name: 'x.csv' } }, changes }]);
      expect((reply.result as { args: [{ changes: unknown[] }] }).args[0].changes).toHaveLength(20_000);
    } finally {
      await client.close();
    }
  });

  it('pushes backend events to every connected socket', async () => {
    const a = await connect(wsUrl());
    const b = await connect(wsUrl());
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

describe('startWebServer: lifecycle', () => {
  it('refuses a short or unsafe token', async () => {
    await expect(startWebServer({ backend: fakeBackend(), staticDir, token: 'short' })).rejects.toThrow(/at least 16/);
    await expect(startWebServer({ backend: fakeBackend(), staticDir, token: 'a;b=c'.repeat(5) })).rejects.toThrow(/at least 16/);
  });

  it('says so when the port is taken', async () => {
    await expect(startWebServer({ backend: fakeBackend(), staticDir, port: server.port })).rejects.toThrow(`port ${server.port} on 127.0.0.1 is already in use`);
  });

  it('closes sockets, stops listening and unsubscribes from the backend', async () => {
    const own = fakeBackend();
    const s = await startWebServer({ backend: own, staticDir, token: 'a'.repeat(32) });
    expect(own.listenerCount()).toBeGreaterThan(0);
    const client = await connect(`ws://127.0.0.1:${s.port}/api?token=${'a'.repeat(32)}`);
    const closed = new Promise<void>((resolve) => client.ws.once('close', () => resolve()));
    await s.close();
    await closed;
    expect(own.listenerCount()).toBe(0);
    await expect(request(s.port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
