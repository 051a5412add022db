/**
 * Browser mode: serves the built renderer and the Carnet API (JSON-RPC over
 * a WebSocket) on 127.0.0.1 only. Host and Origin must be loopback with our
 * port (no other site open in the same browser, even through DNS rebinding),
 * and the document is only reached with a session a page obtained from the
 * printed token or a one-time launch code (webSessions.ts): nothing the
 * browser sends to other local servers, and nothing on a command line, is a
 * credential. The built renderer itself is public: it holds no user data.
 * Each call runs as its tab's session (WebSessions.callerOf), never as a
 * caller the page names: each tab has its own undo history.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { EVENTS, MAX_CALL_BYTES, maxCallBytes, type Events, type StateParts } from '../../shared/api/contract.js';
import type { PartPlan } from '../../shared/json/partPlan.js';
import { API_PATH, MAX_PLAN_HEADER, PLAN_HEADER, SESSION_PATH, SESSION_PROTOCOL_PREFIX, STATE_PATH, TOKEN_PARAM, WS_PROTOCOL } from '../../shared/api/webTransport.js';
import { duplicatedHeader, isAllowedOrigin, isLoopbackHost } from './originCheck.js';
import { mimeType, resolveStatic } from './staticFiles.js';
import { WebSessions } from './webSessions.js';

/** What the server needs of the backend (electron/services/backend.ts). */
export type WebBackend = {
  call(method: unknown, args: unknown, caller?: string): Promise<unknown>;
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): unknown;
  /** The event as `caller` receives it (its own undo state). */
  eventFor<E extends keyof Events>(caller: string, event: E, payload: Events[E]): Events[E];
  /** The caller's tab is gone. */
  release(caller: string): void;
  /** getStateParts as UTF-8 pieces; without it, the state is getStateParts' text. */
  stateBytes?(caller: string): Promise<StateBytes>;
};

/** A state's JSON in pieces (text, or UTF-8 bytes), written one after the other, and the plan of its parse. */
export type StateBytes = { pieces: (string | Uint8Array)[]; plan: PartPlan | null };

export type WebServerOptions = {
  backend: WebBackend;
  /** Folder of the built renderer (dist/renderer). */
  staticDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Defaults to 32 random bytes in hex. */
  token?: string;
  /** How long a tab's undo history outlives its last socket (RELEASE_AFTER_MS; tests shorten it). */
  releaseAfterMs?: number;
};

export type WebServer = {
  /** The link printed on the terminal: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  port: number;
  /** The launch token of `url`. */
  token: string;
  /** A link with a new one-time launch code instead of the token: for the browser Carnet opens itself. */
  launchUrl(): string;
  close(): Promise<void>;
};

/** Connections open at once (a tab uses its WebSocket and a few HTTP connections); more are dropped. */
export const MAX_CONNECTIONS = 32;
/** A request must have sent its headers within this time, so idle connections cannot hold the slots. */
export const HEADERS_TIMEOUT_MS = 10_000;
/**
 * A tab's undo history is freed this long after its last socket closed: a reload or a dropped
 * connection comes back within it and finds its history; a closed tab never comes back.
 */
export const RELEASE_AFTER_MS = 60_000;
/** `POST /api/session` carries one token. */
const MAX_SESSION_BODY = 4096;
const HOST = '127.0.0.1';
/** Headers a request must not repeat: two Hosts or two Origins could be read differently by two checks. */
const SINGLE_HEADERS = ['host', 'origin', 'authorization'];

/** Starts the server; resolves once it listens. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  // The token goes into a URL unescaped: keep it to URL-safe characters.
  if (!/^[A-Za-z0-9_-]{16,200}$/.test(token)) throw new Error('the browser-mode token must be 16 to 200 letters, digits, "-" or "_"');
  const sessions = new WebSessions(token);

  const server = http.createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: 30_000 });
  server.maxConnections = MAX_CONNECTIONS;
  const port = await listen(server, opts.port ?? 0);
  const headers = securityHeaders(port);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CALL_BYTES,
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  /** Why a request must be refused, or null. Host and Origin come first: they say who is asking. */
  const refusal = (req: http.IncomingMessage, url: URL | null): [number, string] | null => {
    const repeated = duplicatedHeader(req.rawHeaders, SINGLE_HEADERS);
    if (repeated) return [400, `Bad request: more than one ${repeated} header`];
    if (!isLoopbackHost(req.headers.host, port)) return [403, `Forbidden: the Host header must be 127.0.0.1:${port}, localhost:${port} or [::1]:${port}`];
    if (!isAllowedOrigin(req.headers.origin, port)) return [403, 'Forbidden: requests from another origin are refused'];
    if (!url) return [400, 'Bad request: malformed URL'];
    return null;
  };
  const UNAUTHORIZED: [number, string] = [401, 'Unauthorized: open Carnet with the link printed by `carnet web`'];

  server.on('request', (req, res) => {
    handleRequest(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${(err as Error).message}`, headers);
      else res.destroy();
    });
  });

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = parseUrl(req.url);
    const refused = refusal(req, url);
    if (refused) return sendText(res, refused[0], refused[1], headers);
    const pathname = url!.pathname;
    if (pathname === SESSION_PATH) {
      if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed', { ...headers, Allow: 'POST' });
      const body = await readBody(req, MAX_SESSION_BODY);
      if (body === null) return sendText(res, 413, `Payload too large: at most ${MAX_SESSION_BODY} bytes`, { ...headers, Connection: 'close' });
      const session = sessions.exchange(tokenOf(body));
      if (!session) return sendText(res, 401, 'Unauthorized: this link was already used or has expired; open Carnet with the link printed by `carnet web`', headers);
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify({ session }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed', { ...headers, Allow: 'GET, HEAD' });
    }
    if (pathname === STATE_PATH) {
      const caller = sessions.callerOf(bearer(req.headers.authorization));
      if (!caller) return sendText(res, UNAUTHORIZED[0], UNAUTHORIZED[1], headers);
      // getStateJson over plain HTTP: Chromium hands a response body to the page several times faster than a
      // WebSocket message of the same 30 MB (measured: about 0.2 s against 0.45–0.7 s at 30,000 contacts).
      // The plan of its parse in parts (shared/json/partPlan.ts) rides in a header, so the body stays the
      // state's JSON; a plan too big for a header is left out (the page then parses the text whole).
      // The document comes as the save worker's UTF-8 bytes where the backend has them: encoding the 45 MB
      // text of 30,000 contacts here, joined to the rest of the state, held this thread for 0.2–0.3 s.
      const { pieces, plan } = await stateOf(opts.backend, caller);
      const planHeader = plan ? encodeURIComponent(JSON.stringify(plan)) : '';
      const length = pieces.reduce((sum, p) => sum + (typeof p === 'string' ? Buffer.byteLength(p, 'utf8') : p.byteLength), 0);
      res.writeHead(200, {
        ...headers,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(length),
        'Cache-Control': 'no-store',
        ...(planHeader && planHeader.length <= MAX_PLAN_HEADER ? { [PLAN_HEADER]: planHeader } : {}),
      });
      if (req.method === 'HEAD') return void res.end();
      for (const p of pieces) res.write(p);
      return void res.end();
    }
    if (pathname === API_PATH) return sendText(res, 426, `The API is a WebSocket: connect to ws://127.0.0.1:${port}${API_PATH}`, headers);
    const found = await resolveStatic(opts.staticDir, pathname);
    if ('error' in found) return sendText(res, found.error, found.error === 404 ? 'Not found' : 'Bad request', headers);
    const type = mimeType(found.file);
    res.writeHead(200, {
      ...headers,
      'Content-Type': type,
      'Content-Length': String(found.size),
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = parseUrl(req.url);
    const caller = sessions.callerOf(protocolSession(req.headers['sec-websocket-protocol']));
    const refused =
      refusal(req, url) ??
      (url!.pathname !== API_PATH ? ([404, 'Not found'] as [number, string]) : null) ??
      (caller ? null : UNAUTHORIZED);
    if (refused) {
      socket.end(`HTTP/1.1 ${refused[0]} ${http.STATUS_CODES[refused[0]]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(refused[1])}\r\n\r\n${refused[1]}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => connected(ws, caller!));
  });

  /** The caller of each socket, and the open sockets and pending release of each caller. */
  const callers = new WeakMap<WebSocket, string>();
  const sockets = new Map<string, number>();
  const releases = new Map<string, ReturnType<typeof setTimeout>>();
  const releaseAfter = opts.releaseAfterMs ?? RELEASE_AFTER_MS;
  let closed = false;

  function connected(ws: WebSocket, caller: string): void {
    callers.set(ws, caller);
    sockets.set(caller, (sockets.get(caller) ?? 0) + 1);
    clearTimeout(releases.get(caller));
    releases.delete(caller);
    // A frame over maxPayload makes ws close the socket with 1009 and emit this; it must not crash the server.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      void handleFrame(opts.backend, ws, data, isBinary, caller);
    });
    ws.on('close', () => {
      const left = (sockets.get(caller) ?? 1) - 1;
      if (left > 0) return void sockets.set(caller, left);
      sockets.delete(caller);
      if (closed) return;
      const timer = setTimeout(() => {
        releases.delete(caller);
        opts.backend.release(caller);
      }, releaseAfter);
      // A history waiting to be freed must not keep the process alive.
      timer.unref();
      releases.set(caller, timer);
    });
  }

  const unsubscribers: unknown[] = EVENTS.map((event) =>
    opts.backend.on(event, (payload) => {
      // Each tab gets the event with its own undo state: one frame per caller (a tab has one socket, or two while it reloads).
      const frames = new Map<string, string>();
      for (const client of wss.clients) {
        const caller = callers.get(client);
        if (client.readyState !== client.OPEN || !caller) continue;
        let frame = frames.get(caller);
        if (frame === undefined) frames.set(caller, (frame = JSON.stringify({ event, payload: opts.backend.eventFor(caller, event, payload) })));
        client.send(frame);
      }
    }),
  );

  const link = (secret: string) => `http://${HOST}:${port}/?${TOKEN_PARAM}=${secret}`;
  return {
    url: link(token),
    port,
    token,
    launchUrl: () => link(sessions.newLaunchCode()),
    async close() {
      closed = true;
      for (const off of unsubscribers) if (typeof off === 'function') off();
      for (const client of wss.clients) client.terminate();
      for (const timer of releases.values()) clearTimeout(timer);
      releases.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The `token` of a `{"token": "…"}` body, or undefined. */
function tokenOf(body: string): unknown {
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, 'token') ? (parsed as { token: unknown }).token : undefined;
  } catch {
    return undefined;
  }
}

/** The secret of `Authorization: Bearer <secret>`. */
function bearer(header: string | undefined): string | null {
  const m = header ? /^Bearer ([^\s,]+)$/i.exec(header.trim()) : null;
  return m ? m[1]! : null;
}

/** The session a WebSocket handshake offers as a subprotocol (`carnet.session.<session>`). */
function protocolSession(header: string | undefined): string | null {
  for (const p of header?.split(',') ?? []) {
    const name = p.trim();
    if (name.startsWith(SESSION_PROTOCOL_PREFIX)) return name.slice(SESSION_PROTOCOL_PREFIX.length);
  }
  return null;
}

/** The request body as text, or null once it exceeds `limit` bytes (the rest is read and dropped). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else resolve(null);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks).toString('utf8') : null));
    req.on('error', reject);
  });
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on ${HOST} is already in use; choose another with --port`) : err);
    };
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    });
  });
}

/** Headers sent with every response; the CSP names our own port for the WebSocket. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function parseUrl(raw: string | undefined): URL | null {
  if (!raw || !raw.startsWith('/')) return null;
  try {
    return new URL(raw, `http://${HOST}`);
  } catch {
    return null;
  }
}

function sendText(res: http.ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

type ErrorBody = { message: string; path?: string };

function send(ws: WebSocket, frame: { id: unknown; result?: unknown; error?: ErrorBody }): void {
  if (ws.readyState !== ws.OPEN) return;
  let text: string;
  try {
    text = JSON.stringify('error' in frame ? frame : { id: frame.id, result: frame.result ?? null });
  } catch (e) {
    text = JSON.stringify({ id: frame.id, error: { message: `the result could not be sent: ${(e as Error).message}` } });
  }
  ws.send(text);
}

function errorBody(e: unknown): ErrorBody {
  const message = e instanceof Error ? e.message : String(e);
  const path = (e as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? { message, path } : { message };
}

/** The caller's state in pieces: the backend's bytes, or its getStateParts text. */
async function stateOf(backend: WebBackend, caller: string): Promise<StateBytes> {
  if (backend.stateBytes) return backend.stateBytes(caller);
  const { json, plan } = (await backend.call('getStateParts', [], caller)) as StateParts;
  return { pieces: [json], plan };
}

/** One RPC frame: `{id, method, args}` in, `{id, result}` or `{id, error}` out. Never throws. */
async function handleFrame(backend: WebBackend, ws: WebSocket, data: RawData, isBinary: boolean, caller: string): Promise<void> {
  if (isBinary) return send(ws, { id: null, error: { message: 'malformed frame: binary frames are not supported, send JSON text', path: '$' } });
  let msg: unknown;
  try {
    msg = JSON.parse(rawText(data));
  } catch (e) {
    return send(ws, { id: null, error: { message: `malformed frame: not JSON (${(e as Error).message})`, path: '$' } });
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
    return send(ws, { id: null, error: { message: 'malformed frame: expected an object {"id", "method", "args"}', path: '$' } });
  }
  const { id, method, args } = msg as Record<string, unknown>;
  if ((typeof id !== 'number' || !Number.isFinite(id)) && typeof id !== 'string') {
    return send(ws, { id: null, error: { message: 'malformed frame: "id" must be a number or a string', path: '$.id' } });
  }
  if (typeof method !== 'string') return send(ws, { id, error: { message: 'malformed frame: "method" must be a string', path: '$.method' } });
  const bytes = rawBytes(data);
  if (bytes > maxCallBytes(method)) {
    const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
    return send(ws, { id, error: { message: `${method.slice(0, 100)}: the call weighs ${mb(bytes)}; this method takes at most ${mb(maxCallBytes(method))}`, path: '$' } });
  }
  if (args !== undefined && !Array.isArray(args)) return send(ws, { id, error: { message: 'malformed frame: "args" must be an array', path: '$.args' } });
  try {
    const result = await backend.call(method, args ?? [], caller);
    send(ws, { id, result });
  } catch (e) {
    send(ws, { id, error: errorBody(e) });
  }
}

function rawBytes(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data.byteLength;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
