import { EVENTS, METHODS, type CarnetApi, type Events, type Method, type StateParts } from '../../../shared/api/contract.js';
import { sessionProtocols } from '../../../shared/api/webTransport.js';
import { ApiError, ConnectionError } from './apiError.js';
import { EventHub } from './emitter.js';
import { fetchState, WORKER_COPIES } from './stateFetch.js';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; method: Method };

export type Backoff = { initialMs: number; maxMs: number };

/** Codes of the notices this transport raises itself; the UI translates them like any other notice. */
export const CONNECTION_LOST = 'connection-lost';
export const CONNECTION_RESTORED = 'connection-restored';

/**
 * CarnetApi over the browser-mode WebSocket (`{id, method, args}` →
 * `{id, result}` | `{id, error}`, pushed `{event, payload}`).
 *
 * Calls made while disconnected wait for the next connection. A call in
 * flight when the socket drops is rejected with ConnectionError, since the
 * server may or may not have applied it; after reconnecting the client
 * reloads the state and emits it as a `document` event, so the renderer
 * never keeps a copy that drifted from the file.
 *
 * With a `session` (browser mode), every socket offers it as a subprotocol;
 * if the page gets no session, every call fails with that reason.
 */
export class WebSocketClient {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Frames waiting for a connection, by call id. */
  private readonly outbox = new Map<number, string>();
  private readonly hub = new EventHub();
  private attempt = 0;
  private everOpened = false;
  private lostNoticeShown = false;
  private closed = false;
  /** Why the page may not connect at all (no session), once known. */
  private refusal: Error | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly backoff: Backoff = { initialMs: 250, maxMs: 5000 },
    private readonly session?: Promise<string>,
  ) {
    this.session?.catch((e: Error) => this.refuse(e));
    this.connect();
  }

  call(method: Method, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(this.refusal ?? new ConnectionError('the connection to Carnet is closed'));
    const id = this.nextId++;
    const frame = JSON.stringify({ id, method, args });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame);
      else this.outbox.set(id, frame);
    });
  }

  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void {
    return this.hub.on(event, listener);
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private connect(): void {
    if (!this.session) return this.open([]);
    this.session.then(
      (s) => this.open(sessionProtocols(s)),
      () => {},
    );
  }

  /** No way in: every call, waiting or to come, fails with the reason. */
  private refuse(e: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.refusal = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.outbox.clear();
  }

  private open(protocols: string[]): void {
    if (this.closed) return;
    const socket = new WebSocket(this.url, protocols);
    this.socket = socket;
    socket.addEventListener('open', () => this.onOpen());
    socket.addEventListener('message', (e) => this.onMessage(e.data));
    socket.addEventListener('close', () => {
      if (this.socket === socket) this.onClose();
    });
  }

  private onOpen(): void {
    const reconnected = this.everOpened;
    this.everOpened = true;
    this.attempt = 0;
    for (const frame of this.outbox.values()) this.socket!.send(frame);
    this.outbox.clear();
    if (this.lostNoticeShown) {
      this.lostNoticeShown = false;
      this.hub.emit('notice', { level: 'info', code: CONNECTION_RESTORED, message: 'Connection to Carnet restored.' });
    }
    if (reconnected) {
      this.call('getState', []).then(
        (state) => this.hub.emit('document', state as Events['document']),
        (e: Error) => this.hub.emit('notice', { level: 'error', code: 'reload-failed', message: e.message }),
      );
    }
  }

  private onMessage(data: unknown): void {
    let msg: { id?: unknown; result?: unknown; error?: { message?: unknown; path?: unknown }; event?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(String(data));
    } catch {
      console.error('Carnet: unreadable message from the server', data);
      return;
    }
    if (typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) {
        const path = typeof msg.error.path === 'string' ? msg.error.path : undefined;
        p.reject(new ApiError(String(msg.error.message ?? `${p.method} failed`), path));
      } else {
        p.resolve(msg.result);
      }
    } else if (typeof msg.event === 'string' && (EVENTS as readonly string[]).includes(msg.event)) {
      this.hub.emit(msg.event as keyof Events, msg.payload as never);
    }
  }

  private onClose(): void {
    this.socket = null;
    for (const [id, p] of this.pending) {
      // Only calls already sent are in doubt; queued ones will go out on the next connection.
      if (!this.outbox.has(id)) {
        this.pending.delete(id);
        p.reject(new ConnectionError(`the connection to Carnet was lost during "${p.method}"`));
      }
    }
    if (this.closed) return;
    if (!this.lostNoticeShown) {
      this.lostNoticeShown = true;
      this.hub.emit('notice', {
        level: 'error',
        code: CONNECTION_LOST,
        message: this.everOpened
          ? 'Connection to Carnet lost; reconnecting…'
          : `Cannot reach the Carnet server at ${new URL(this.url).host}; is "carnet web" still running?`,
      });
    }
    const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempt++);
    this.retryTimer = setTimeout(() => this.connect(), delay * (0.75 + Math.random() * 0.5));
  }
}

/**
 * A CarnetApi whose every method is a call over `client`, except getStateJson: that one is a GET of
 * `stateUrl` (shared/api/webTransport.ts STATE_PATH, with the session in its Authorization header), since a
 * browser reads a big HTTP body several times faster than a WebSocket message of the same size.
 */
export function webSocketApi(client: WebSocketClient, stateUrl?: string, session?: Promise<string>, prefetched?: Promise<StateParts>): CarnetApi {
  const api: Record<string, unknown> = { on: client.on.bind(client) };
  for (const m of METHODS) api[m] = (...args: unknown[]) => client.call(m, args);
  if (stateUrl) {
    // The state asked for before the app's code was loaded (boot.ts) answers the first getStateParts.
    let first = prefetched;
    api.getStateJson = async () => (await fetchState(stateUrl, session ? await session : undefined)).json;
    api.getStateParts = async () => {
      const early = first;
      first = undefined;
      return early ?? fetchState(stateUrl, session ? await session : undefined, WORKER_COPIES);
    };
  }
  return api as CarnetApi;
}

