/**
 * `JSON.parse` of a big text as a series of short tasks, so that input and frames get their turn while a
 * big document loads on the UI thread (30,000 contacts are about 30 MB of JSON: one `JSON.parse` of it is a
 * task of 200–300 ms). The result is the value `JSON.parse(text)` gives: same keys in the same order, same
 * values, own properties only.
 *
 * How: one forward scan, aware of strings and escapes, keeps the stack of the containers (objects and arrays)
 * it is inside. A container that turns out to be at least `partLength` characters long is assembled from
 * parts: its members are parsed in groups of about `partLength` characters, each group by `JSON.parse` of its
 * text wrapped in `{…}` or `[…]`, and a member that is itself that long is assembled the same way. Everything
 * smaller is left to `JSON.parse`, which validates it. A container's size is known from its position, the text
 * of a part is parsed once, and the scan goes back over at most `partLength` characters, once per container
 * that long (see `run`), so the time is linear in the text whatever its nesting. The scan stops and resumes at a
 * deadline: each task does about `sliceMs` of work.
 *
 * The cost, measured on a 30,000-contact state text (32 MB): the parts' JSON.parse take about what one
 * JSON.parse of the whole takes; putting them together defines each member of an assembled object once more
 * (about 250,000 `Object.defineProperty`, a fifth to a quarter of the parse) and the scan adds a little less.
 * In all, in Chromium, 1.2–1.4 times the time of the plain parse, spread over 30–60 tasks. In browser mode the
 * parse runs while the body arrives, which hides part of it.
 *
 * The scan checks the structure between the parts (commas, keys and colons of assembled members, matching
 * brackets); `JSON.parse` checks everything inside them. On any error the whole text is given to `JSON.parse`
 * once, so that invalid JSON fails with JSON.parse's own message (in one long task, but only then).
 */

export type SlicedParseOptions = {
  /** A text shorter than this is parsed in one go: below it, one `JSON.parse` is a short task anyway. */
  minLength?: number;
  /** Containers at least this long are assembled from parts of about this length. */
  partLength?: number;
  /** The work done in each task, in milliseconds. */
  sliceMs?: number;
  /** Ends the current task; resolves in a later one. */
  yieldTask?: () => Promise<void>;
  now?: () => number;
};

/** 1 MB of JSON is parsed in about 5–10 ms. */
const MIN_LENGTH = 1 << 20;
/**
 * About 1–2 ms of `JSON.parse` per part: short enough that a part never makes a slice late by much, long
 * enough that a 30 MB text is about a hundred parts (what assembling costs depends on the members, not on the
 * number of parts).
 */
const PART_LENGTH = 1 << 18;
/** Each task ends within a few ms of this: at most one part parse plus a few thousand characters of scan. */
const SLICE_MS = 12;
/** Characters scanned between two looks at the clock. */
const CHECK_EVERY = 1 << 14;

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const BACKSLASH = 92;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
/** JSON's whitespace, no more (not the Unicode spaces `\s` allows). */
const BLANK = /^[ \t\n\r]*$/;

/** Parses `text` as `JSON.parse` does, in tasks of about `sliceMs` each. */
export async function slicedParse(text: string, options: SlicedParseOptions = {}): Promise<unknown> {
  if (text.length < (options.minLength ?? MIN_LENGTH)) return JSON.parse(text);
  return (await parseSlices(text, null, options)).value;
}

/**
 * Parses a text that arrives in pieces (a response body as it is read), in slices, while it arrives: the
 * parse overlaps the transfer. Resolves with the value and the whole text.
 */
export async function slicedParseStream(chunks: AsyncIterable<string>, options: SlicedParseOptions = {}): Promise<{ value: unknown; text: string }> {
  return parseSlices('', chunks[Symbol.asyncIterator](), options);
}

/**
 * The text the parser scans must be one flat string, while a stream gives pieces: the pieces read so far are
 * joined into a new text when the parser has caught up with the last one, and only once there is at least a
 * quarter more (or the end), so that the joins copy the text a few times in all, not once per piece.
 */
async function parseSlices(first: string, rest: AsyncIterator<string> | null, options: SlicedParseOptions): Promise<{ value: unknown; text: string }> {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const yieldTask = options.yieldTask ?? defaultYield();
  const partLength = options.partLength ?? PART_LENGTH;
  // What was read and not yet joined to `text`; the reading goes on while the parser works.
  const input = { pieces: [] as string[], length: 0, ended: rest === null, failure: null as { error: unknown } | null, arrived: () => {} };
  const reading = (async () => {
    try {
      for (let r = await rest?.next(); r && !r.done; r = await rest!.next()) {
        input.pieces.push(r.value);
        input.length += r.value.length;
        input.arrived();
      }
    } catch (error) {
      input.failure = { error };
    }
    input.ended = true;
    input.arrived();
  })();
  /** A reading error is the outcome, whatever the parse has found so far. */
  const failure = (): void => {
    if (input.failure) throw input.failure.error;
  };
  let text = first;
  const take = () => {
    text += input.pieces.join('');
    input.pieces = [];
    input.length = 0;
  };
  const parser = new SliceParser(partLength);
  try {
    // A short text arriving in pieces is parsed in one go too, at its end.
    const minLength = options.minLength ?? MIN_LENGTH;
    while (rest && !input.ended && input.length < minLength) await new Promise<void>((resolve) => (input.arrived = resolve));
    failure();
    if (rest && input.ended && input.length < minLength) {
      take();
      return { value: JSON.parse(text), text };
    }
    for (;;) {
      failure();
      if (input.pieces.length > 0 && (input.ended || input.length >= Math.max(partLength, text.length / 4))) take();
      const ended = input.ended && input.pieces.length === 0;
      const status = parser.run(text, ended, now() + sliceMs, now);
      if (status === DONE) return { value: parser.result(), text };
      if (status === LATER) await (input.ended ? yieldTask() : (options.yieldTask ?? taskYield)());
      else if (!input.ended) await new Promise<void>((resolve) => (input.arrived = resolve));
    }
  } catch (e) {
    failure();
    await reading;
    failure();
    take();
    // Invalid JSON: JSON.parse throws its own error, with its position in the whole text.
    const value: unknown = JSON.parse(text);
    // The scan refused a valid text (it never should): the plain parse's value is the right answer all the same.
    console.error('Carnet: the parse in slices refused a valid text, parsed in one go instead', e);
    return { value, text };
  }
}

/**
 * `scheduler.yield()` where there is one (Chromium, Electron): it lets input and rendering run and resumes
 * before other queued tasks. Otherwise a timer: nested `setTimeout(0)` is clamped to 4 ms in browsers, a
 * cost paid only where `scheduler.yield` is missing.
 */
function defaultYield(): () => Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * While a body is still arriving, a slice ends with a task of ordinary priority instead: `scheduler.yield()`
 * resumes before other tasks, the reading of the body's pieces among them, and the transfer then waited for
 * the parse (measured: a 30 MB body took 1.1–1.8 s to arrive instead of 0.25 s).
 */
function taskYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void, o: { priority: string }) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What `run` stopped at: the value is complete; the deadline; the end of the text so far. */
const DONE = 0;
const LATER = 1;
const MORE = 2;

/** What the text of a frame from `from` on holds. */
const FIRST = 0; // nothing read yet: the frame's first member, if any
const NEXT = 1; // what follows a comma: a member must come
const AFTER = 2; // what follows an assembled member: only blanks, then a comma or the end

/** A container being assembled from parts. */
type Frame = {
  array: boolean;
  /** What was assembled so far; null until the first part or member. */
  value: unknown[] | Record<string, unknown> | null;
  /** Where the text not yet parsed begins. */
  from: number;
  state: typeof FIRST | typeof NEXT | typeof AFTER;
  /** The key this container goes under in its parent, when that is an object. */
  key: string;
};

class SliceParser {
  /** The text so far, and whether it is the whole of it. */
  private text = '';
  private ended = false;
  /** The scan's position. */
  private i = 0;
  /** The containers the scan is inside, outermost first: where each starts, whether it is an array, where its current member starts. */
  private readonly starts: number[] = [];
  private readonly arrays: boolean[] = [];
  private readonly members: number[] = [];
  private depth = 0;
  /** The containers being assembled: always the outermost `frames.length` ones of the stack above. */
  private readonly frames: Frame[] = [];
  /** Where the outermost value ends (then only blanks may follow), -1 before. */
  private end = -1;
  private value: unknown = undefined;

  constructor(private readonly partLength: number) {}

  /**
   * Scans `text` (the text so far: it extends the one of the previous call) until the value is complete, the
   * deadline, or the end of what can be scanned yet: short of the whole text, the last `partLength`
   * characters wait for what follows, so that a look ahead (a member's end, a key) never needs more.
   */
  run(text: string, ended: boolean, deadline: number, now: () => number): typeof DONE | typeof LATER | typeof MORE {
    this.text = text;
    this.ended = ended;
    const n = text.length;
    const limit = ended ? n : n - this.partLength;
    if (this.frames.length === 0 && this.end < 0) {
      const i = skipBlanks(text, 0);
      if (i >= limit) return this.starved();
      const c = text.charCodeAt(i);
      // A text that is not an object or an array (one long string): nothing to split, parsed whole at its end.
      if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) {
        if (!ended) return MORE;
        this.value = JSON.parse(text);
        return DONE;
      }
      this.open(i, c === OPEN_ARRAY);
      this.frames.push({ array: c === OPEN_ARRAY, value: null, from: i + 1, state: FIRST, key: '' });
      this.i = i + 1;
    }
    let i = this.i;
    let check = i + CHECK_EVERY;
    while (this.end < 0) {
      if (i >= limit) {
        this.i = i;
        return this.starved();
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const close = stringEnd(text, i);
        if (close < 0) {
          this.i = i;
          return this.starved();
        }
        i = close;
      } else if (c === COMMA) this.comma(i);
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        // A member of a frame that closes within a part's length stays in a part whatever it holds: skipped
        // at once (most of a document is such members). Otherwise the scan goes through it again, step by step:
        // at most `partLength` characters again, and not again inside it before it is that long, so linear.
        const end = this.depth === this.frames.length ? closeWithin(text, i, Math.min(n, i + this.partLength)) : -1;
        if (end >= 0) i = end;
        else this.open(i, c === OPEN_ARRAY);
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) this.close(i, c === CLOSE_ARRAY);
      i++;
      // By position rather than by step: a step may skip a long string, and the parts' cost follows the length.
      if (i >= check) {
        check = i + CHECK_EVERY;
        if (now() >= deadline) {
          this.i = i;
          return LATER;
        }
      }
    }
    this.i = i;
    // Only blanks after the value, which the whole text must show.
    if (!ended) return MORE;
    if (!BLANK.test(text.slice(this.end + 1))) throw new SyntaxError(`Unexpected non-whitespace character after JSON at position ${this.end + 1}`);
    return DONE;
  }

  result(): unknown {
    return this.value;
  }

  /** The scan reached the end of the text so far: an error if that is the whole text. */
  private starved(): typeof MORE {
    if (this.ended) throw new SyntaxError('Unexpected end of JSON input');
    return MORE;
  }

  private open(i: number, array: boolean): void {
    const d = this.depth++;
    this.starts[d] = i;
    this.arrays[d] = array;
    this.members[d] = i + 1;
    this.assembleLong(i);
  }

  private comma(i: number): void {
    const d = this.depth - 1;
    this.members[d] = i + 1;
    if (d === this.frames.length - 1) {
      const frame = this.frames[d]!;
      if (frame.state === AFTER || i - frame.from >= this.partLength) this.flush(frame, i, false);
    } else this.assembleLong(i);
  }

  private close(i: number, array: boolean): void {
    const d = --this.depth;
    if (d !== this.frames.length - 1) return this.assembleLong(i);
    const frame = this.frames.pop()!;
    if (frame.array !== array) throw new SyntaxError(`Unexpected '${this.text[i]}' in JSON at position ${i}`);
    this.flush(frame, i, true);
    const value = frame.value ?? (frame.array ? [] : {});
    const parent = this.frames.at(-1);
    if (!parent) {
      this.value = value;
      this.end = i;
      return;
    }
    add(parent, frame.key, value);
    parent.from = i + 1;
    parent.state = AFTER;
  }

  /**
   * The innermost frame's parts are parsed as they come; a container inside it is left to them until the scan
   * is `partLength` past its start: then it becomes a frame of its own (and so may one inside it).
   */
  private assembleLong(i: number): void {
    while (this.depth > this.frames.length && i - this.starts[this.frames.length]! >= this.partLength) this.becomeFrame();
  }

  /** The container just inside the innermost frame becomes a frame: the members before it are parsed, its key read. */
  private becomeFrame(): void {
    const d = this.frames.length;
    const parent = this.frames[d - 1]!;
    const member = this.members[d - 1]!;
    const start = this.starts[d]!;
    if (member > parent.from) this.flush(parent, member - 1, false);
    const text = this.text;
    let j = skipBlanks(text, member);
    let key = '';
    if (!parent.array) {
      // JSON.parse of the key refuses anything but a string there.
      const end = stringEnd(text, j);
      key = JSON.parse(text.slice(j, end + 1)) as string;
      j = skipBlanks(text, end + 1);
      if (text.charCodeAt(j) !== COLON) throw new SyntaxError(`Expected ':' after property name in JSON at position ${j}`);
      j = skipBlanks(text, j + 1);
    }
    if (j !== start) throw new SyntaxError(`Unexpected token in JSON at position ${j}`);
    this.frames.push({ array: this.arrays[d]!, value: null, from: start + 1, state: FIRST, key });
  }

  /** Parses the frame's text from `from` to `end` (a comma or its closing bracket) and adds what it holds. */
  private flush(frame: Frame, end: number, last: boolean): void {
    const text = this.text.slice(frame.from, end);
    if (BLANK.test(text)) {
      // Nothing between a comma and what follows it, or before the first comma.
      if (frame.state === NEXT || (frame.state === FIRST && !last)) throw new SyntaxError(`Unexpected '${this.text[end]}' in JSON at position ${end}`);
    } else {
      if (frame.state === AFTER) throw new SyntaxError(`Expected ',' after a value in JSON at position ${frame.from}`);
      addPart(frame, JSON.parse(frame.array ? `[${text}]` : `{${text}}`) as unknown[] | Record<string, unknown>);
    }
    frame.from = end + 1;
    frame.state = NEXT;
  }
}

/** Adds a finished container to its parent frame. */
function add(frame: Frame, key: string, value: unknown): void {
  if (frame.array) ((frame.value ??= []) as unknown[]).push(value);
  else defineOwn((frame.value ??= {}) as Record<string, unknown>, key, value);
}

/** Adds the members of a parsed part, in their order: the first part is taken as it is. */
function addPart(frame: Frame, part: unknown[] | Record<string, unknown>): void {
  if (frame.value === null) frame.value = part;
  else if (frame.array) {
    const into = frame.value as unknown[];
    for (const v of part as unknown[]) into.push(v);
  } else {
    const into = frame.value as Record<string, unknown>;
    const from = part as Record<string, unknown>;
    for (const k of Object.keys(from)) defineOwn(into, k, from[k]);
  }
}

/**
 * An own data property as JSON.parse makes it, whatever the key: an assignment would call the `__proto__`
 * setter. A key met again keeps its first place and takes the last value, as in JSON.parse.
 */
function defineOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The position of the quote closing the string that opens at `i` (the first one not escaped by a backslash); -1 if the text has none. */
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

/**
 * The position of the bracket that closes the container opening at `i`, when it comes before `limit`; -1 if
 * not. Brackets are counted, not matched: the container's part goes to JSON.parse, which checks them.
 */
function closeWithin(text: string, i: number, limit: number): number {
  let depth = 0;
  for (let j = i; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      j = stringEnd(text, j);
      if (j < 0) return -1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return j;
  }
  return -1;
}

function skipBlanks(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
    i++;
  }
}
