import { PLAN_HEADER } from '../../../shared/api/webTransport.js';
import { fits, type PartPlan } from '../../../shared/json/partPlan.js';
import type { FetchedState } from '../state/stateText.js';
import { ApiError, ConnectionError } from './apiError.js';

/** The workers that keep a copy of the document from its text (analysis, search): one copy of the bytes each. */
export const WORKER_COPIES = 2;
/** A body announced as bigger than this is read as text alone (no copies of its bytes are made). */
const MAX_COPIED_BYTES = 512 * 1024 * 1024;

/**
 * The state's text from `url` (STATE_PATH, the session in its Authorization header), and the plan of its parse
 * in parts from its header (null when absent or unreadable: the text is then parsed whole). With `copies`, the
 * body's UTF-8 bytes are also copied, as they arrive, into that many buffers of the announced length, which
 * the workers are handed without a copy (state/stateText.ts); a body without a length, or not of the length
 * it announced, comes without them.
 */
export async function fetchState(url: string, session: string | undefined, copies = 0): Promise<FetchedState> {
  const res = await fetchResponse(url, session);
  const { json, bytes } = await readBody(res, res.ok ? copies : 0);
  if (!res.ok) throw new ApiError(`the document could not be loaded (${res.status}): ${json.slice(0, 300)}`);
  let plan: PartPlan | null = null;
  try {
    const header = res.headers.get(PLAN_HEADER);
    const parsed: unknown = header ? JSON.parse(decodeURIComponent(header)) : null;
    if (fits(parsed, json.length)) plan = parsed;
  } catch {
    // An unreadable plan: the text is parsed whole.
  }
  return bytes.length > 0 ? { json, plan, copies: bytes } : { json, plan };
}

/**
 * The body as text, decoded as it arrives (as Response.text() does), and copied into `copies` buffers. Each
 * chunk costs a decode and a copy or two of a few tens of KB, in the task that receives it, where copying the
 * whole text at the end would be one task of a hundred ms or more.
 */
async function readBody(res: Response, copies: number): Promise<{ json: string; bytes: Uint8Array[] }> {
  const length = Number(res.headers.get('Content-Length') ?? Number.NaN);
  const copied = copies > 0 && res.body !== null && Number.isSafeInteger(length) && length > 0 && length <= MAX_COPIED_BYTES;
  if (!copied) return { json: await readText(res), bytes: [] };
  let bytes: Uint8Array[];
  try {
    bytes = Array.from({ length: copies }, () => new Uint8Array(length));
  } catch {
    // No memory for the copies: the workers are sent the text, as they were before.
    return { json: await readText(res), bytes: [] };
  }
  const decoder = new TextDecoder();
  const pieces: string[] = [];
  const reader = res.body.getReader();
  let at = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pieces.push(decoder.decode(value, { stream: true }));
      // More than announced: the copies are dropped, the text goes on.
      if (bytes.length > 0 && at + value.byteLength > length) bytes = [];
      for (const b of bytes) b.set(value, at);
      at += value.byteLength;
    }
  } catch (e) {
    throw new ConnectionError(`the document could not be loaded from Carnet: ${(e as Error).message}`);
  }
  pieces.push(decoder.decode());
  return { json: pieces.join(''), bytes: at === length ? bytes : [] };
}

async function readText(res: Response): Promise<string> {
  try {
    return await res.text();
  } catch (e) {
    throw new ConnectionError(`the document could not be loaded from Carnet: ${(e as Error).message}`);
  }
}

async function fetchResponse(url: string, session: string | undefined): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store', ...(session ? { headers: { Authorization: `Bearer ${session}` } } : {}) });
  } catch (e) {
    throw new ConnectionError(`the document could not be loaded from Carnet: ${(e as Error).message}`);
  }
  return res;
}
