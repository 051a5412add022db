/**
 * Browser mode runs each call as the tab's session, so that each tab has its own undo history:
 * the caller comes from the session the socket (or the state request) authenticated with, never
 * from the frame, and a tab's history is freed once its last socket has been gone for a while.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/services/webServer.js';
import { sessionFor, sessionProtocols } from '../../helpers/session.js';
import { connect, fakeBackend, request } from './helpers.js';

let dir: string;
let server: WebServer;
let backend: ReturnType<typeof fakeBackend>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carnet-callers-'));
  backend = fakeBackend();
  server = await startWebServer({ backend, staticDir: dir, releaseAfterMs: 50 });
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const tab = async () => {
  const session = await sessionFor(server.port, server.token);
  return { session, socket: await connect(`ws://127.0.0.1:${server.port}/api`, {}, sessionProtocols(session)) };
};
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('the caller of a browser-mode call', () => {
  it("is the tab's session, the same over the socket and the state request, and differs between tabs", async () => {
    const a = await tab();
    const b = await tab();
    try {
      await a.socket.call('undo');
      await b.socket.call('undo');
      await a.socket.call('apply', [{ label: { key: 'labels.move' }, changes: [] }, { base: { openId: 'o', revision: 1 } }]);
      expect((await request(server.port, '/api/state', { headers: { authorization: `Bearer ${a.session}` } })).status).toBe(200);
      const [ca, cb, ca2, cstate] = backend.callers;
      expect(ca).toMatch(/^session:[0-9a-f]{64}$/);
      expect(cb).toMatch(/^session:[0-9a-f]{64}$/);
      expect(cb).not.toBe(ca);
      expect(ca2).toBe(ca);
      expect(cstate).toBe(ca);
      // What the backend keeps names the session without being it.
      expect(ca).not.toContain(a.session);
    } finally {
      await a.socket.close();
      await b.socket.close();
    }
  });

  it('cannot be named by the page: an extra field of the frame or argument is not a caller', async () => {
    const a = await tab();
    try {
      await a.socket.raw(JSON.stringify({ id: 1, method: 'undo', args: [], caller: 'session:forged' }), 1);
      expect((await a.socket.call('undo', ['session:forged'])).error).toMatchObject({ path: '$' });
      expect(backend.callers).toHaveLength(1);
      expect(backend.callers[0]).not.toBe('session:forged');
    } finally {
      await a.socket.close();
    }
  });

  it("sends each tab the edit event with its own undo state", async () => {
    const a = await tab();
    const b = await tab();
    try {
      await a.socket.call('getState');
      await b.socket.call('getState');
      const [ca, cb] = backend.callers;
      backend.emit('edit', { applied: null, revision: 4, undo: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null } });
      await until(() => a.socket.events.length > 0 && b.socket.events.length > 0);
      expect(a.socket.events).toEqual([{ event: 'edit', payload: expect.objectContaining({ revision: 4, undo: expect.objectContaining({ undoLabel: { key: ca } }) }) }]);
      expect(b.socket.events).toEqual([{ event: 'edit', payload: expect.objectContaining({ revision: 4, undo: expect.objectContaining({ undoLabel: { key: cb } }) }) }]);
    } finally {
      await a.socket.close();
      await b.socket.close();
    }
  });

  it("frees a tab's history once its last socket has been closed for a while, not when it reconnects in time", async () => {
    const a = await tab();
    await a.socket.call('getState');
    const caller = backend.callers[0]!;
    // A reload: the old socket closes and a new one, with the same session, opens at once.
    await a.socket.close();
    const again = await connect(`ws://127.0.0.1:${server.port}/api`, {}, sessionProtocols(a.session));
    await new Promise((r) => setTimeout(r, 150));
    expect(backend.released).toEqual([]);
    await again.close();
    await until(() => backend.released.length > 0);
    expect(backend.released).toEqual([caller]);
  });
});
