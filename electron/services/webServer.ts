/**
 * Browser mode: serves the built renderer and the Carnet API (JSON-RPC over
 * a WebSocket) on 127.0.0.1 only. Every request must carry the per-launch
 * token, and Host/Origin must be loopback with our port, so neither another
 * site open in the same browser (CSRF, DNS rebinding) nor another machine can
 * reach the user's contacts.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { EVENTS, type Events } from '../../shared/api/contract.js';
import { isAllowedOrigin, isLoopbackHost, readCookie, tokensMatch } from './originCheck.js';
import { mimeType, resolveStatic } from './staticFiles.js';

/** What the server needs of the backend (electron/services/backend.ts). */
export type WebBackend = {
  call(method: unknown, args: unknown): Promise<unknown>;
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): unknown;
};

export type WebServerOptions = {
  backend: WebBackend;
  /** Folder of the built renderer (dist/renderer). */
  staticDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Defaults to 32 random bytes in hex. */
  token?: string;
};

export type WebServer = { url: string; port: number; token: string; close(): Promise<void> };

export const TOKEN_COOKIE = 'carnet_token';
/** An import batch of a 30,000-contact export is tens of MB of JSON; leave room. */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;
const HOST = '127.0.0.1';
/** GET: the open document's state as JSON text (the `getStateJson` method). */
export const STATE_PATH = '/api/state';

/** Starts the server; resolves once it listens. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  // The token goes into a URL and a cookie unescaped: keep it to URL-safe characters.
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) throw new Error('the browser-mode token must be at least 16 letters, digits, "-" or "_"');

  const server = http.createServer();
  const port = await listen(server, opts.port ?? 0);
  const headers = securityHeaders(port);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  const requestToken = (req: http.IncomingMessage, url: URL): string | undefined =>
    url.searchParams.get('token') ?? readCookie(req.headers.cookie, TOKEN_COOKIE);

  /** Why a request must be refused, or null. Host and Origin come before the token: they say who is asking. */
  const refusal = (req: http.IncomingMessage, url: URL | null): [number, string] | null => {
    if (!isLoopbackHost(req.headers.host, port)) return [403, `Forbidden: the Host header must be 127.0.0.1:${port}, localhost:${port} or [::1]:${port}`];
    if (!isAllowedOrigin(req.headers.origin, port)) return [403, 'Forbidden: requests from another origin are refused'];
    if (!url) return [400, 'Bad request: malformed URL'];
    if (!tokensMatch(requestToken(req, url), token)) {
      return [401, 'Unauthorized: open Carnet with the link printed by `carnet web` (it carries the access token)'];
    }
    return null;
  };

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
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed', { ...headers, Allow: 'GET, HEAD' });
    }
    const pathname = url!.pathname;
    if (pathname === STATE_PATH) {
      // getStateJson over plain HTTP: Chromium hands a response body to the page several times faster than a
      // WebSocket message of the same 30 MB (measured: about 0.2 s against 0.45–0.7 s at 30,000 contacts).
      const text = (await opts.backend.call('getStateJson', [])) as string;
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(req.method === 'HEAD' ? undefined : text);
    }
    if (pathname === '/api') return sendText(res, 426, 'The API is a WebSocket: connect to ws://127.0.0.1:' + port + '/api', headers);
    const found = await resolveStatic(opts.staticDir, pathname);
    if ('error' in found) return sendText(res, found.error, found.error === 404 ? 'Not found' : 'Bad request', headers);
    const type = mimeType(found.file);
    res.writeHead(200, {
      ...headers,
      'Content-Type': type,
      'Content-Length': String(found.size),
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
      'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    });
    if (req.method === 'HEAD') return void res.end();
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = parseUrl(req.url);
    const refused = refusal(req, url) ?? (url!.pathname === '/api' ? null : ([404, 'Not found'] as [number, string]));
    if (refused) {
      socket.end(`HTTP/1.1 ${refused[0]} ${http.STATUS_CODES[refused[0]]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(refused[1])}\r\n\r\n${refused[1]}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    // A frame over maxPayload makes ws close the socket with 1009 and emit this; it must not crash the server.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      void handleFrame(opts.backend, ws, data, isBinary);
    });
  });

  const unsubscribers: unknown[] = EVENTS.map((event) =>
    opts.backend.on(event, (payload) => {
      const frame = JSON.stringify({ event, payload });
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(frame);
    }),
  );

  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const off of unsubscribers) if (typeof off === 'function') off();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
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

/** One RPC frame: `{id, method, args}` in, `{id, result}` or `{id, error}` out Never throws. */
async function handleFrame(backend: WebBackend, ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
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
  if (args !== undefined && !Array.isArray(args)) return send(ws, { id, error: { message: 'malformed frame: "args" must be an array', path: '$.args' } });
  try {
    const result = await backend.call(method, args ?? []);
    send(ws, { id, result });
  } catch (e) {
    send(ws, { id, error: errorBody(e) });
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
