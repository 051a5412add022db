/** Small clients for the browser-mode server tests: raw HTTP (to set any Host/Origin) and WebSocket RPC. */
import http from 'node:http';
import { WebSocket } from 'ws';
import { parseCall, type Events } from '../../../shared/api/contract.js';
import { planParts, type PartPlan } from '../../../shared/json/partPlan.js';
import type { WebBackend } from '../../../electron/services/webServer.js';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request with exactly the path and headers given (no normalisation of `..`). */
export function request(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** What the fake backend answers getStateJson: JSON text with quotes, escapes and accents. */
export const STATE_TEXT = JSON.stringify({ doc: { contacts: { c1: { name: 'Zoé "Zo" Ölçer', notes: 'line 1\nline 2' } } }, revision: 3 });

/** The plan of STATE_TEXT's parse in parts, cut small, that the fake answers with it. */
export let statePlan: PartPlan | null = planParts(STATE_TEXT, 16);
/** Sets the plan the fake backend answers getStateParts with. */
export function setStatePlan(plan: PartPlan | null): void {
  statePlan = plan;
}

/**
 * A backend that validates calls like the real one (parseCall) and answers
 * with what it was asked; `fail` makes a method throw.
 */
export function fakeBackend() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { method: string; args: unknown[] }[] = [];
  /** The caller of each call, and the callers released, in order. */
  const callers: (string | undefined)[] = [];
  const released: string[] = [];
  const backend: WebBackend & {
    emit<E extends keyof Events>(event: E, payload: Events[E]): void;
    listenerCount(): number;
    calls: typeof calls;
    callers: typeof callers;
    released: typeof released;
  } = {
    calls,
    callers,
    released,
    async call(method, args, caller) {
      const parsed = parseCall(method, args);
      calls.push(parsed);
      callers.push(caller);
      if (parsed.method === 'openDocument') {
        throw Object.assign(new Error(`cannot open "${String(parsed.args[0])}": no such file`), { path: '$[0]' });
      }
      if (parsed.method === 'saveDocumentAs') throw new Error('disk full');
      if (parsed.method === 'getStateJson') return STATE_TEXT;
      if (parsed.method === 'getStateParts') return { json: STATE_TEXT, plan: statePlan };
      return { method: parsed.method, args: parsed.args };
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    /** An edit's undo state names the caller it was made for; other events pass as they are. */
    eventFor(caller, event, payload) {
      if (event !== 'edit') return payload;
      return { ...(payload as Events['edit']), undo: { canUndo: true, canRedo: false, undoLabel: { key: caller }, redoLabel: null } } as typeof payload;
    },
    release(caller) {
      released.push(caller);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    listenerCount() {
      let n = 0;
      for (const set of listeners.values()) n += set.size;
      return n;
    },
  };
  return backend;
}

/** An RPC client over ws that matches answers to ids and records pushed events. */
export async function connect(url: string, headers: Record<string, string> = {}, protocols: string[] = []) {
  const ws = new WebSocket(url, protocols, { headers });
  const pending = new Map<unknown, (frame: Record<string, unknown>) => void>();
  const events: Record<string, unknown>[] = [];
  const orphans: Record<string, unknown>[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    if ('event' in frame) events.push(frame);
    else if (pending.has(frame.id)) {
      pending.get(frame.id)!(frame);
      pending.delete(frame.id);
    } else orphans.push(frame);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  return {
    ws,
    events,
    orphans,
    call(method: string, args: unknown[] = []): Promise<Record<string, unknown>> {
      const id = next++;
      return this.raw(JSON.stringify({ id, method, args }), id);
    },
    raw(text: string | Buffer, id: unknown): Promise<Record<string, unknown>> {
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(text);
      });
    },
    /** The next frame that answers no pending id (replies to malformed frames carry id null). */
    async nextOrphan(): Promise<Record<string, unknown>> {
      for (let i = 0; i < 200 && orphans.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      return orphans.shift()!;
    },
    close: () => new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
    }),
  };
}

/** The HTTP status the server refused a WebSocket upgrade with, or 101 if it was accepted. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}, protocols: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.once('error', (e) => {
      if (!/Unexpected server response/.test(e.message)) reject(e);
    });
  });
}
