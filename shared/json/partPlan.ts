/**
 * The state of a 30,000-contact document is about 30 MB of JSON, and one `JSON.parse` of it is a single task
 * of 250–350 ms on the UI thread. This file parses it as `JSON.parse` does, in tasks of a few ms, in two steps:
 *
 * 1. `planParts`, where the text is made (the save worker, beside the document: `electron/services`), scans
 *    the text once, aware of strings and escapes, and says how to cut it: every object or array at least
 *    `partLength` characters long is cut between its members into parts of about that length; a member that
 *    is itself that long is cut the same way. The plan travels with the text (`getStateParts`).
 * 2. `parseInParts`, on the UI thread, follows the plan: each part is given to `JSON.parse` (wrapped in `{…}`
 *    or `[…]`) and its members are added to their container, and the work stops for a turn of input and
 *    rendering every `sliceMs`.
 *
 * Why the plan is made where the text is: the scan walks the text character by character in JavaScript. On
 * the UI thread (an earlier version), or in a renderer worker started for it, it came before the first part
 * could be parsed and made the open 0.2–0.7 s longer; the save worker makes it once per revision, before a
 * window asks for it.
 *
 * The value is the one `JSON.parse(text)` gives: same keys in the same order, own data properties only (a key
 * such as `__proto__` is plain data), a key met twice keeps its first place and its last value. The plan checks
 * the structure between parts (brackets, commas, the keys of long members); `JSON.parse` checks everything in a
 * part. On any doubt (`planParts` returns null, a part fails, the plan does not fit the text) the whole text
 * goes to `JSON.parse` once, so an invalid text fails with `JSON.parse`'s own message.
 */

/** One step of assembling the value, in the order of the text. */
export type PartOp =
  /** Members of the current container: the text from `from` to `to`, without the brackets. */
  | { op: 'part'; from: number; to: number }
  /** A member of the current container that is cut in parts itself: under `key` (null in an array). */
  | { op: 'open'; key: string | null; array: boolean }
  /** The end of the current container. */
  | { op: 'close' };

export type PartPlan = { array: boolean; ops: PartOp[] };

/** About 1–3 ms of `JSON.parse` per part; a 30 MB text is about 120 parts. */
export const PART_LENGTH = 1 << 18;

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const BACKSLASH = 92;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

/** A container long enough to be cut: where it opens and closes, where its members start, and its long members. */
type Node = { start: number; end: number; array: boolean; members: number[]; long: Node[] };
type Open = { start: number; array: boolean; members: number[]; long: Node[] };

/**
 * How to parse `text` in parts, or null when it is not worth it (shorter than `partLength`, not an object or
 * an array) or cannot be planned (not valid JSON: `JSON.parse` of the whole then says why).
 */
export function planParts(text: string, partLength = PART_LENGTH): PartPlan | null {
  if (text.length < partLength) return null;
  try {
    const root = scan(text, partLength);
    if (!root) return null;
    const ops: PartOp[] = [];
    if (!emit(text, root, ops, partLength)) return null;
    return { array: root.array, ops };
  } catch {
    // A nesting deeper than the stack: JSON.parse of the whole says what it says of it.
    return null;
  }
}

/**
 * The plan of `{<members of prefix>,"<key>":<inner>}`, the text `prefix` + `,"key":` + `inner` + `}` makes,
 * from the plan of `inner` (null when `inner` is not worth cutting). `prefix` is the JSON of an object with at
 * least one member, without its closing brace.
 */
export function planWrapped(prefixLength: number, key: string, inner: PartPlan | null): PartPlan | null {
  if (!inner) return null;
  const at = prefixLength + JSON.stringify(key).length + 2;
  const ops: PartOp[] = [{ op: 'part', from: 1, to: prefixLength }, { op: 'open', key, array: inner.array }];
  for (const op of inner.ops) ops.push(op.op === 'part' ? { op: 'part', from: op.from + at, to: op.to + at } : op);
  ops.push({ op: 'close' });
  return { array: false, ops };
}

/** The root container and its long descendants; null if the text's brackets do not match. */
function scan(text: string, partLength: number): Node | null {
  const n = text.length;
  let i = skipBlanks(text, 0);
  const first = text.charCodeAt(i);
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) return null;
  const stack: Open[] = [];
  let root: Node | null = null;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i);
      if (i < 0) return null;
    } else if (c === COMMA) {
      const top = stack[stack.length - 1];
      if (!top) return null;
      top.members.push(i + 1);
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (root) return null;
      stack.push({ start: i, array: c === OPEN_ARRAY, members: [i + 1], long: [] });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      const top = stack.pop();
      if (!top || top.array !== (c === CLOSE_ARRAY)) return null;
      const parent = stack[stack.length - 1];
      if (!parent) {
        root = { ...top, end: i };
        // Only blanks may follow the value.
        if (skipBlanks(text, i + 1) !== n) return null;
        break;
      }
      // A short container is left whole to the part holding it.
      if (i - top.start >= partLength) parent.long.push({ ...top, end: i });
    }
  }
  return root;
}

/** Appends the ops of `node`'s members; false if the structure between its parts is not JSON. */
function emit(text: string, node: Node, ops: PartOp[], partLength: number): boolean {
  const { members, long, end } = node;
  const count = members.length;
  let from = members[0]!;
  let next = 0;
  for (let k = 0; k < count; k++) {
    const start = members[k]!;
    // The member runs to the comma before the next one, or to the closing bracket.
    const stop = k + 1 < count ? members[k + 1]! - 1 : end;
    // An empty member: `[,1]`, `{"a":1,}`; `{}` and `[]` are the only containers with one blank member.
    if (count > 1 && skipBlanks(text, start) === stop) return false;
    const child = long[next];
    if (child && child.start < stop) {
      next++;
      if (start - 1 > from) ops.push({ op: 'part', from, to: start - 1 });
      let j = skipBlanks(text, start);
      let key: string | null = null;
      if (!node.array) {
        if (text.charCodeAt(j) !== QUOTE) return false;
        const close = stringEnd(text, j);
        try {
          key = JSON.parse(text.slice(j, close + 1)) as string;
        } catch {
          return false;
        }
        j = skipBlanks(text, close + 1);
        if (text.charCodeAt(j) !== COLON) return false;
        j = skipBlanks(text, j + 1);
      }
      if (j !== child.start || skipBlanks(text, child.end + 1) !== stop) return false;
      ops.push({ op: 'open', key, array: child.array });
      if (!emit(text, child, ops, partLength)) return false;
      ops.push({ op: 'close' });
      from = stop + 1;
    } else if (stop - from >= partLength) {
      ops.push({ op: 'part', from, to: stop });
      from = stop + 1;
    }
  }
  if (from < end && skipBlanks(text, from) < end) ops.push({ op: 'part', from, to: end });
  return true;
}

export type PartsOptions = {
  /** The work done in each task, in milliseconds. */
  sliceMs?: number;
  /** Ends the current task; resolves in a later one. */
  yieldTask?: () => Promise<void>;
  now?: () => number;
};

const SLICE_MS = 10;

type Container = { value: unknown[] | Record<string, unknown>; array: boolean };

/** The value of `text` as `JSON.parse` gives it, assembled by following `plan`, in tasks of about `sliceMs`. */
export async function parseInParts(text: string, plan: PartPlan, options: PartsOptions = {}): Promise<unknown> {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const yieldTask = options.yieldTask ?? defaultYield();
  const root = container(plan.array);
  const stack: Container[] = [root];
  let deadline = now() + sliceMs;
  try {
    if (!fits(plan, text.length)) throw new SyntaxError('the part plan does not fit the text');
    for (const op of plan.ops) {
      const top = stack[stack.length - 1]!;
      if (op.op === 'part') {
        const body = text.slice(op.from, op.to);
        const part = JSON.parse(top.array ? `[${body}]` : `{${body}}`) as unknown[] | Record<string, unknown>;
        if (top.array) {
          const into = top.value as unknown[];
          for (const v of part as unknown[]) into.push(v);
        } else {
          // The container has no prototype while it is assembled: an assignment of `__proto__` defines it as
          // data. A loop, not Object.assign: measured about twice as fast on a part's 2,000 members.
          const into = top.value as Record<string, unknown>;
          const from = part as Record<string, unknown>;
          for (const k of Object.keys(from)) into[k] = from[k];
        }
      } else if (op.op === 'open') {
        const child = container(op.array);
        if (top.array) (top.value as unknown[]).push(child.value);
        else (top.value as Record<string, unknown>)[op.key!] = child.value;
        stack.push(child);
      } else {
        finish(stack.pop()!);
      }
      if (now() >= deadline) {
        await yieldTask();
        deadline = now() + sliceMs;
      }
    }
    finish(root);
    return root.value;
  } catch (e) {
    // Invalid JSON: JSON.parse throws its own error, with its position in the whole text.
    const value: unknown = JSON.parse(text);
    // The plan refused a valid text (it never should): the plain parse's value is the right answer all the same.
    console.error('Carnet: the parse in parts refused a valid text, parsed in one go instead', e);
    return value;
  }
}

/**
 * Whether `plan` is a plan at all, and of a text of `length` characters: its parts in order, inside the text,
 * not overlapping, its containers balanced. It comes from the other side of a process boundary.
 */
export function fits(plan: unknown, length: number): plan is PartPlan {
  if (!plan || typeof plan !== 'object' || typeof (plan as PartPlan).array !== 'boolean' || !Array.isArray((plan as PartPlan).ops)) return false;
  const arrays: boolean[] = [(plan as PartPlan).array];
  let at = 0;
  for (const op of (plan as PartPlan).ops as unknown[]) {
    if (!op || typeof op !== 'object') return false;
    const o = op as Record<string, unknown>;
    if (o.op === 'part') {
      if (!Number.isInteger(o.from) || !Number.isInteger(o.to) || (o.from as number) < at || (o.to as number) < (o.from as number) || (o.to as number) > length) return false;
      at = o.to as number;
    } else if (o.op === 'open') {
      const inArray = arrays[arrays.length - 1]!;
      if (typeof o.array !== 'boolean' || (inArray ? o.key !== null : typeof o.key !== 'string')) return false;
      arrays.push(o.array);
    } else if (o.op === 'close') {
      if (arrays.length === 1) return false;
      arrays.pop();
    } else return false;
  }
  return arrays.length === 1;
}

function container(array: boolean): Container {
  return { value: array ? [] : (Object.create(null) as Record<string, unknown>), array };
}

/** An assembled object gets the prototype `JSON.parse` gives its objects. */
function finish(c: Container): void {
  if (!c.array) Object.setPrototypeOf(c.value, Object.prototype);
}

/**
 * `scheduler.yield()` where there is one (Chromium, Electron): it lets input and rendering run and resumes
 * before other queued tasks. Otherwise a timer (clamped to 4 ms when nested, paid only where it is missing).
 */
function defaultYield(): () => Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

/** The position of the quote closing the string that opens at `i` (the first one not escaped by a backslash); -1 if none. */
function stringEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    j = text.indexOf('"', j + 1);
    if (j < 0) return -1;
    let k = j - 1;
    while (text.charCodeAt(k) === BACKSLASH) k--;
    if ((j - 1 - k) % 2 === 0) return j;
  }
}

function skipBlanks(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
    i++;
  }
  return n;
}
