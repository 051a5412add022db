/**
 * Talks to a running `carnet web` over its WebSocket API, as the renderer
 * does, to check what the server holds independently of what the page shows.
 */
import WebSocket from 'ws';
import type { Method, Results } from '../../shared/api/contract.js';
import type { CarnetServer } from './server.js';
import { sessionFor, sessionProtocols } from './session.js';

/** Calls one API method and closes the connection. */
export async function callApi<M extends Method>(server: CarnetServer, method: M, ...args: unknown[]): Promise<Results[M]> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api`, sessionProtocols(await sessionFor(server.port, server.token)));
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return await new Promise<Results[M]>((resolve, reject) => {
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string; path?: string } };
        if (msg.id !== 1) return;
        if (msg.error) reject(new Error(`${method} failed: ${msg.error.message} (${msg.error.path ?? '$'})`));
        else resolve(msg.result as Results[M]);
      });
      ws.send(JSON.stringify({ id: 1, method, args }));
    });
  } finally {
    ws.close();
  }
}

/** Names of the contacts of the document the server has open. */
export async function contactNames(server: CarnetServer): Promise<string[]> {
  const state = await callApi(server, 'getState');
  return Object.values(state.doc.contacts).map((c) => c.name);
}
