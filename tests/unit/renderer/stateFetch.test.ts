// The state's HTTP body as the page reads it (browser mode): its text, and, where the body says its length,
// copies of its bytes for the workers, made as the chunks arrive, whatever the chunks cut.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/apiError.js';
import { fetchState, WORKER_COPIES } from '../../../renderer/src/api/stateFetch.js';
import { decodeStateText, stateTextOf } from '../../../renderer/src/state/stateText.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A server answering `body` in chunks of `chunk` bytes (cutting characters of 2, 3 and 4 bytes in two), with or without its length. */
async function serve(body: Buffer, opts: { chunk: number; length: boolean; status?: number }): Promise<string> {
  const server = http.createServer(async (_req, res) => {
    res.writeHead(opts.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', ...(opts.length ? { 'Content-Length': String(body.byteLength) } : {}) });
    for (let at = 0; at < body.byteLength; at += opts.chunk) {
      res.write(body.subarray(at, at + opts.chunk));
      // Each chunk in a read of its own.
      if (at % (opts.chunk * 64) === 0) await new Promise((r) => setTimeout(r, 1));
    }
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/api/state`;
}

const text = JSON.stringify({ revision: 3, doc: { contacts: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`c${i}`, { name: `Zoé Ölçer 東京 🦊 ’${i}’` }])) } });
const body = Buffer.from(text, 'utf8');

describe('fetchState', () => {
  it('gives the text and, for each worker, its own copy of the UTF-8 bytes, whatever the chunks cut', async () => {
    for (const chunk of [1, 3, 7, 4096]) {
      const got = await fetchState(await serve(body, { chunk, length: true }), 'a'.repeat(64), WORKER_COPIES);
      expect(got.json).toBe(text);
      expect(got.copies).toHaveLength(WORKER_COPIES);
      for (const c of got.copies!) expect(Buffer.from(c.buffer, c.byteOffset, c.byteLength).equals(body)).toBe(true);
      // Whole buffers of their own, which can be handed over without taking the other with them.
      expect(got.copies![0]!.buffer).not.toBe(got.copies![1]!.buffer);
      expect(got.copies![0]!.byteLength).toBe(got.copies![0]!.buffer.byteLength);
      const state = stateTextOf(got);
      expect(decodeStateText(state.take().message)).toBe(text);
      expect(decodeStateText(state.take().message)).toBe(text);
      expect(state.take()).toEqual({ message: { stateJson: text }, transfer: [] });
    }
  });

  it('gives the text alone when the body does not say its length, or when no copy is asked for', async () => {
    const chunked = await fetchState(await serve(body, { chunk: 5, length: false }), undefined, WORKER_COPIES);
    expect(chunked).toEqual({ json: text, plan: null });
    const none = await fetchState(await serve(body, { chunk: 5, length: true }), undefined, 0);
    expect(none).toEqual({ json: text, plan: null });
  });

  it('says why the document could not be loaded, with the start of the answer', async () => {
    const failing = fetchState(await serve(Buffer.from('the session is unknown'), { chunk: 4, length: true, status: 401 }), 'x', WORKER_COPIES);
    await expect(failing).rejects.toThrow(ApiError);
    await expect(failing).rejects.toThrow('the document could not be loaded (401): the session is unknown');
  });
});
