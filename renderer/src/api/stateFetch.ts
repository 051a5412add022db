import type { StateParts } from '../../../shared/api/contract.js';
import { PLAN_HEADER } from '../../../shared/api/webTransport.js';
import { fits, type PartPlan } from '../../../shared/json/partPlan.js';
import { ApiError, ConnectionError } from './apiError.js';

/**
 * The state's text from `url` (STATE_PATH, the session in its Authorization header), and the plan of its parse
 * in parts from its header (null when absent or unreadable: the text is then parsed whole).
 */
export async function fetchState(url: string, session: string | undefined): Promise<StateParts> {
  const res = await fetchResponse(url, session);
  const json = await res.text();
  if (!res.ok) throw new ApiError(`the document could not be loaded (${res.status}): ${json.slice(0, 300)}`);
  let plan: PartPlan | null = null;
  try {
    const header = res.headers.get(PLAN_HEADER);
    const parsed: unknown = header ? JSON.parse(decodeURIComponent(header)) : null;
    if (fits(parsed, json.length)) plan = parsed;
  } catch {
    // An unreadable plan: the text is parsed whole.
  }
  return { json, plan };
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
