import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { ApiError, ConnectionError } from '../../../renderer/src/api/apiError.js';
import { SessionRefused } from '../../../renderer/src/api/session.js';
import { CONNECTION_LOST, CONNECTION_RESTORED, WebSocketClient, webSocketApi } from '../../../renderer/src/api/webSocketClient.js';
import type { Events, Notice } from '../../../shared/api/contract.js';
import { planParts } from '../../../shared/json/partPlan.js';

type Frame = { id: number; method: string; args: unknown[] };

/** A stand-in for `carnet web`'s API socket: answers with `reply`, remembers the sockets. */
async function fakeServer(reply: (f: Frame, ws: ServerSocket) => void, port = 0) {
  const wss = new WebSocketServer({ port, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const sockets: ServerSocket[] = [];
  const protocols: (string | undefined)[] = [];
  wss.on('connection', (ws, req) => {
    sockets.push(ws);
    protocols.push(req.headers['sec-websocket-protocol']);
    ws.on('message', (d) => reply(JSON.parse(String(d)) as Frame, ws));
  });
  const actualPort = (wss.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${actualPort}/api?token=t`,
    port: actualPort,
    sockets,
    protocols,
    close: () => new Promise<void>((r) => { for (const s of wss.clients) s.terminate(); wss.close(() => r()); }),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An HTTP server answering the state with `answer`, and a client of a stand-in API socket: what webSocketApi needs. */
async function stateServer(answer: (res: import('node:http').ServerResponse) => void) {
  const http = await import('node:http');
  const web = http.createServer((_req, res) => answer(res));
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
  cleanups.push(() => new Promise((r) => web.close(r)));
  const url = `http://127.0.0.1:${(web.address() as { port: number }).port}/api/state`;
  const server = await fakeServer(() => {});
  cleanups.push(server.close);
  const client = new WebSocketClient(server.url);
  cleanups.push(() => client.close());
  return { url, client };
}

describe('WebSocketClient', () => {
  it('matches answers to calls by id, and turns error frames into ApiError with their path', async () => {
    const server = await fakeServer((f, ws) => {
      // Answer out of order: the second call first.
      const answer = f.method === 'getSettings' ? { id: f.id, result: { n: f.id } } : { id: f.id, error: { message: 'bad', path: '$[0].label' } };
      setTimeout(() => ws.send(JSON.stringify(answer)), f.method === 'getSettings' ? 30 : 0);
    });
    cleanups.push(server.close);
    const client = new WebSocketClient(server.url);
    cleanups.push(() => client.close());
    const api = webSocketApi(client);

    const settings = api.getSettings();
    const applied = api.apply({ label: { key: 'x' }, changes: [] });
    await expect(applied).rejects.toBeInstanceOf(ApiError);
    await expect(applied).rejects.toMatchObject({ message: 'bad', path: '$[0].label' });
    expect(await settings).toEqual({ n: 1 });
  });

  it('fetches getStateJson over HTTP when given the state URL, and names the status of a refusal', async () => {
    const body = JSON.stringify({ doc: { contacts: {} }, revision: 9 });
    const http = await import('node:http');
    const web = http.createServer((req, res) => {
      if (req.url === '/api/state' && req.headers.authorization === `Bearer ${'a'.repeat(64)}`) res.end(body);
      else res.writeHead(401).end('Unauthorized: open Carnet with the link');
    });
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise((r) => web.close(r)));
    const port = (web.address() as { port: number }).port;
    const server = await fakeServer(() => {});
    cleanups.push(server.close);
    const client = new WebSocketClient(server.url);
    cleanups.push(() => client.close());
    expect(await webSocketApi(client, `http://127.0.0.1:${port}/api/state`, Promise.resolve('a'.repeat(64))).getStateJson()).toBe(body);
    const refused = webSocketApi(client, `http://127.0.0.1:${port}/api/state`, Promise.resolve('b'.repeat(64))).getStateJson();
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toThrow(/401.*Unauthorized/);
  });

  it('answers the first getStateParts with the state the page asked for at its start, and fetches every later one', async () => {
    let served = 0;
    const { url, client } = await stateServer((res) => res.writeHead(200).end(JSON.stringify({ revision: ++served })));
    const early = { json: JSON.stringify({ revision: 0 }), plan: null };
    const api = webSocketApi(client, url, Promise.resolve('a'.repeat(64)), Promise.resolve(early));
    expect(await api.getStateParts()).toBe(early);
    expect(served).toBe(0);
    // A resync after that is a new request: the early text is never answered twice.
    expect(JSON.parse((await api.getStateParts()).json)).toEqual({ revision: 1 });
    expect(JSON.parse((await api.getStateParts()).json)).toEqual({ revision: 2 });
    // A failed early request fails the first call only.
    const failing = webSocketApi(client, url, Promise.resolve('a'.repeat(64)), Promise.reject(new Error('refused')));
    await expect(failing.getStateParts()).rejects.toThrow('refused');
    expect(JSON.parse((await failing.getStateParts()).json)).toEqual({ revision: 3 });
  });

  it('reads the plan of the parse in parts from its header, and drops one that is unreadable or does not fit', async () => {
    const body = JSON.stringify({ doc: { contacts: { c1: { name: 'Zoé' }, c2: { name: 'Ana' } } }, revision: 9 });
    const plan = planParts(body, 8)!;
    let header: string | null = null;
    const { url, client } = await stateServer((res) => res.writeHead(200, header === null ? {} : { 'X-Carnet-Parts': header }).end(body));
    const api = webSocketApi(client, url, Promise.resolve('a'.repeat(64)));
    const parts = async () => {
      const { json, plan } = await api.getStateParts();
      return { json, plan };
    };
    header = encodeURIComponent(JSON.stringify(plan));
    expect(await parts()).toEqual({ json: body, plan });
    for (const bad of ['%E0%A4%A', encodeURIComponent('{"array":false'), encodeURIComponent(JSON.stringify({ array: false, ops: [{ op: 'part', from: 0, to: body.length + 5 }] }))]) {
      header = bad;
      expect(await parts()).toEqual({ json: body, plan: null });
    }
    header = null;
    expect(await parts()).toEqual({ json: body, plan: null });
    expect(await api.getStateJson()).toBe(body);
  });

  it('hands pushed events to their listeners only', async () => {
    const server = await fakeServer(() => {});
    cleanups.push(server.close);
    const client = new WebSocketClient(server.url);
    cleanups.push(() => client.close());
    const edits: Events['edit'][] = [];
    const menus: string[] = [];
    client.on('edit', (e) => edits.push(e));
    const off = client.on('menu', (m) => menus.push(m));
    off();
    await expect.poll(() => server.sockets.length).toBe(1);
    const edit = { applied: null, revision: 3, undo: { canUndo: true, canRedo: false, undoLabel: { key: 'labels.move' }, redoLabel: null } };
    server.sockets[0]!.send(JSON.stringify({ event: 'edit', payload: edit }));
    server.sockets[0]!.send(JSON.stringify({ event: 'menu', payload: 'new' }));
    server.sockets[0]!.send(JSON.stringify({ event: 'unknown', payload: 1 }));
    await expect.poll(() => edits).toEqual([edit]);
    expect(menus).toEqual([]);
  });

  it('fails the call in flight when the connection drops, reconnects, and reloads the state', async () => {
    let hang = true;
    const server = await fakeServer((f, ws) => {
      if (f.method === 'apply' && hang) return; // never answered: the socket dies first
      ws.send(JSON.stringify({ id: f.id, result: f.method === 'getState' ? { revision: 7 } : 'ok' }));
    });
    cleanups.push(server.close);
    const client = new WebSocketClient(server.url, { initialMs: 20, maxMs: 50 });
    cleanups.push(() => client.close());
    const notices: Notice[] = [];
    const documents: unknown[] = [];
    client.on('notice', (n) => notices.push(n));
    client.on('document', (d) => documents.push(d));

    expect(await client.call('getSettings', [])).toBe('ok');
    const inFlight = client.call('apply', [{ label: { key: 'x' }, changes: [] }]);
    await expect.poll(() => server.sockets.length).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    server.sockets[0]!.terminate();
    await expect(inFlight).rejects.toBeInstanceOf(ConnectionError);

    hang = false;
    await expect.poll(() => documents).toEqual([{ revision: 7 }]);
    expect(notices.map((n) => n.code)).toEqual([CONNECTION_LOST, CONNECTION_RESTORED]);
    expect(await client.call('apply', [{ label: { key: 'y' }, changes: [] }])).toBe('ok');
  });

  it('keeps calls made while the server is away and sends them once it is back', async () => {
    const first = await fakeServer((f, ws) => ws.send(JSON.stringify({ id: f.id, result: f.method })));
    const port = first.port;
    const client = new WebSocketClient(first.url, { initialMs: 20, maxMs: 40 });
    cleanups.push(() => client.close());
    const lost = new Promise<void>((r) => client.on('notice', (n) => n.code === CONNECTION_LOST && r()));
    expect(await client.call('getSettings', [])).toBe('getSettings');
    await first.close();
    await lost;

    const pending = client.call('undo', []);
    const second = await fakeServer((f, ws) => ws.send(JSON.stringify({ id: f.id, result: f.method })), port);
    cleanups.push(second.close);
    expect(await pending).toBe('undo');
  });


  it('offers its session as a WebSocket subprotocol once the session is known', async () => {
    const server = await fakeServer((f, ws) => ws.send(JSON.stringify({ id: f.id, result: f.method })));
    cleanups.push(server.close);
    let open!: (s: string) => void;
    const session = new Promise<string>((r) => (open = r));
    const client = new WebSocketClient(server.url.replace('?token=t', ''), undefined, session);
    cleanups.push(() => client.close());
    const answer = client.call('getSettings', []);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.sockets).toHaveLength(0);
    open('c'.repeat(64));
    expect(await answer).toBe('getSettings');
    expect(server.sockets[0]!.protocol).toBe('carnet');
    expect(server.protocols).toEqual([`carnet, carnet.session.${'c'.repeat(64)}`]);
  });

  it('fails every call with the reason when the page gets no session, and opens no socket', async () => {
    const server = await fakeServer(() => {});
    cleanups.push(server.close);
    const refusal = new SessionRefused('this link was already used');
    const client = new WebSocketClient(server.url, undefined, Promise.reject(refusal));
    cleanups.push(() => client.close());
    await expect(client.call('getSettings', [])).rejects.toBe(refusal);
    await expect(client.call('undo', [])).rejects.toBe(refusal);
    await expect(webSocketApi(client, 'http://127.0.0.1:1/api/state', Promise.reject(refusal)).getStateJson()).rejects.toBe(refusal);
    expect(server.sockets).toHaveLength(0);
  });
});
