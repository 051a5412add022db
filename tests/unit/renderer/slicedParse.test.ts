/**
 * The open's parse in slices gives exactly what JSON.parse gives (same keys in the same order, own
 * properties whatever the key, same values), refuses what JSON.parse refuses with its words, and really
 * splits the work: parts, not one JSON.parse of the whole text, with a yield between slices.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { slicedParse, slicedParseStream, type SlicedParseOptions } from '../../../renderer/src/state/slicedParse.js';
import { largeDocument } from '../../helpers/largeDocument.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The same value as JSON.parse makes: prototypes, own keys in order, property attributes, -0. */
function expectSame(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected !== 'object' || expected === null) {
    if (!Object.is(actual, expected)) throw new Error(`${path}: ${String(actual)} instead of ${String(expected)}`);
    return;
  }
  if (typeof actual !== 'object' || actual === null) throw new Error(`${path}: ${String(actual)} instead of an object`);
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) throw new Error(`${path}: another prototype`);
  if (Array.isArray(actual) !== Array.isArray(expected)) throw new Error(`${path}: array and object`);
  const keys = Reflect.ownKeys(actual);
  const wanted = Reflect.ownKeys(expected);
  if (keys.length !== wanted.length || keys.some((k, i) => k !== wanted[i])) {
    throw new Error(`${path}: keys ${JSON.stringify(keys.map(String))} instead of ${JSON.stringify(wanted.map(String))}`);
  }
  for (const k of wanted) {
    const a = Object.getOwnPropertyDescriptor(actual, k)!;
    const e = Object.getOwnPropertyDescriptor(expected, k)!;
    if (a.writable !== e.writable || a.enumerable !== e.enumerable || a.configurable !== e.configurable) throw new Error(`${path}.${String(k)}: other attributes`);
    expectSame(a.value, e.value, `${path}.${String(k)}`);
  }
}

/** Parses in slices with splitting forced; fails if the scan refused the text and the whole of it went to JSON.parse instead. */
async function parseSplit(text: string, options: SlicedParseOptions = {}): Promise<unknown> {
  const complaint = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const value = await slicedParse(text, { minLength: 0, partLength: 8, yieldTask: () => Promise.resolve(), ...options });
    expect(complaint).not.toHaveBeenCalled();
    return value;
  } finally {
    complaint.mockRestore();
  }
}

/** `text` in pieces cut at the given places, each handed over in a later turn, as a response body is read. */
async function* pieces(text: string, at: number[]): AsyncGenerator<string> {
  const cuts = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const c of [...cuts, text.length]) {
    await new Promise<void>((r) => setImmediate(r));
    if (c > from) yield text.slice(from, c);
    from = Math.max(from, c);
  }
}

async function outcome(run: () => unknown): Promise<{ value: unknown } | { error: string }> {
  try {
    return { value: await run() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

// A JSON text generator, not JSON.stringify of values: objects may repeat a key, keys may be `__proto__`,
// numbers and blanks are written in every way JSON allows.
type Node = { text: string };
const unit = fc.oneof(
  fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '/', ' ', '\n', '\t', '\u0000', '\u001f', '\u2028', 'é', '😀', '\ud800'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const str = fc.string({ unit, maxLength: 10 });
const key = fc.oneof(str, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '0', '1', '10', '01', '4294967295', '-1', ''));
const blank = fc.constantFrom('', '', ' ', '\n  ', '\t', '\r\n');
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.integer().map(String),
  fc.constantFrom('-0', '0', '1e400', '-1E-7', '12.50', '2E+3', '123456789012345678901234567890'),
);
/** A string written with escapes (`\u00e9`, `\/`) where JSON allows them. */
const stringText = fc.tuple(str, fc.boolean()).map(([s, escaped]) =>
  escaped ? JSON.stringify(s).replace(/[^"\\\u0000-\u001f]/gu, (c) => (c === '/' ? '\\/' : c.length === 1 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)) : JSON.stringify(s),
);
const tree = fc.letrec<{ json: Node; array: Node; object: Node }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('null', 'true', 'false').map((text) => ({ text })),
    number.map((text) => ({ text })),
    stringText.map((text) => ({ text })),
    tie('array'),
    tie('object'),
  ),
  array: fc.tuple(fc.array(fc.tuple(blank, tie('json'), blank), { maxLength: 8 }), blank).map(([items, b]) => ({
    text: items.length === 0 ? `[${b}]` : `[${items.map(([x, v, y]) => x + v.text + y).join(',')}]`,
  })),
  object: fc.tuple(fc.array(fc.tuple(blank, key, blank, tie('json'), blank), { maxLength: 8 }), blank).map(([members, b]) => ({
    text: members.length === 0 ? `{${b}}` : `{${members.map(([x, k, y, v, z]) => `${x}${JSON.stringify(k)}${y}:${z}${v.text}${x}`).join(',')}}`,
  })),
}));
/** A text whose value is an array or an object, the values the parse splits. */
const container = fc.tuple(blank, fc.oneof(tree.array, tree.object), blank).map(([a, n, b]) => a + n.text + b);

describe('slicedParse', () => {
  it('gives what JSON.parse gives, whatever the text, the part length and the nesting', async () => {
    await fc.assert(
      fc.asyncProperty(container, fc.integer({ min: 1, max: 64 }), async (text, partLength) => {
        expectSame(await parseSplit(text, { partLength }), JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what JSON.parse refuses, with its message, and accepts nothing else', async () => {
    const mutated = fc.tuple(container, fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', 'x', '1', '-', '\u0001'));
    await fc.assert(
      fc.asyncProperty(mutated, fc.integer({ min: 1, max: 32 }), async ([valid, at, how, c], partLength) => {
        const i = valid.length === 0 ? 0 : at % valid.length;
        const text = how === 'delete' ? valid.slice(0, i) + valid.slice(i + 1) : how === 'insert' ? valid.slice(0, i) + c + valid.slice(i) : valid.slice(0, i) + c + valid.slice(i + 1);
        const expected = await outcome(() => JSON.parse(text));
        if ('error' in expected) expect(await outcome(() => slicedParse(text, { minLength: 0, partLength, yieldTask: () => Promise.resolve() }))).toEqual(expected);
        else expectSame(await parseSplit(text, { partLength }), expected.value);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses the broken structures a split could hide, as JSON.parse does', async () => {
    const long = (s: string) => `{"pad":"${'x'.repeat(40)}","items":${s}}`;
    const broken = [
      long('[1,2,3,]'),
      long('[,1,2]'),
      long('[1,,2]'),
      long('[1 2]'),
      long('[{"a":1} {"b":2}]'),
      long('[{"a":1},]'),
      long('{"a":1,}'),
      long('{"a" 1}'),
      long('{"a":1 "b":2}'),
      long('{a:1}'),
      long('[1,2}'),
      long('[[1,2,3,4,5,6,7,8] 9]'),
      long('{"a":[1,2,3,4,5,6,7,8] "b":1}'),
      long('{b:[1,2,3,4,5,6,7,"8"]}'),
      `{"pad":"${'x'.repeat(40)}","items":[1,2,3,4,5,6,7,8}]`,
      long('{"a":[1,2}'),
      long('["abc]'),
      long('["a\u0001b"]'),
      long('["\\x"]'),
      `${long('[]')} x`,
      `x ${long('[]')}`,
      `${long('[]')}}`,
      long('[1,2'),
      '[' + '[1,2],'.repeat(50),
      `{"a":${'[0,'.repeat(30)}}`,
    ];
    for (const text of broken) {
      const expected = await outcome(() => JSON.parse(text));
      expect(expected, text).toHaveProperty('error');
      expect(await outcome(() => slicedParse(text, { minLength: 0, partLength: 4, yieldTask: () => Promise.resolve() })), text).toEqual(expected);
    }
  });

  it('keeps ids such as __proto__, constructor and toString as plain own keys, in their place, even when assembled', async () => {
    const big = `[${Array.from({ length: 50 }, (_, i) => i).join(',')}]`;
    const text = `{"toString":${big},"__proto__":${big},"constructor":{"__proto__":{"polluted":true},"x":${big}},"1":1,"0":${big},"a":1,"a":${big}}`;
    const value = (await parseSplit(text, { partLength: 16 })) as Record<string, unknown>;
    expectSame(value, JSON.parse(text));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['0', '1', 'toString', '__proto__', 'constructor', 'a']);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(value.a).toHaveLength(50);
  });

  it('parses a big document in parts across many slices, giving the same document', async () => {
    const doc = largeDocument({ contacts: 3000, ties: 12000, interactions: 4000 });
    const text = JSON.stringify({ path: '/tmp/big.carnet', revision: 4, notices: [], doc });
    expect(text.length).toBeGreaterThan(1 << 20);
    let clock = 0;
    let yields = 0;
    // Every look at the clock finds the slice's time spent: each slice scans a few thousand characters and ends.
    const value = await parseSplit(text, { minLength: undefined, partLength: undefined, sliceMs: 1, now: () => (clock += 1), yieldTask: async () => void yields++ });
    expectSame(value, JSON.parse(text));
    expect(yields).toBeGreaterThan(50);

    // Read as a response body in pieces of 64 KB: most of the parse is done before the last piece is there.
    let delivered = false;
    let before = 0;
    async function* body() {
      for (let i = 0; i < text.length; i += 1 << 16) {
        await new Promise<void>((r) => setTimeout(r, 0));
        yield text.slice(i, i + (1 << 16));
      }
      delivered = true;
    }
    const streamed = await slicedParseStream(body(), { sliceMs: 1, now: () => (clock += 1), yieldTask: async () => void (delivered || before++) });
    expect(streamed.text).toBe(text);
    expectSame(streamed.value, JSON.parse(text));
    expect(before).toBeGreaterThan(yields / 2);
  });

  it('takes a text shorter than its minimum in one go, and a deep nesting in linear steps', async () => {
    let yields = 0;
    const small = JSON.stringify(largeDocument({ contacts: 20, ties: 30, interactions: 10 }));
    expectSame(await slicedParse(small, { yieldTask: async () => void yields++, now: () => yields * 1000 }), JSON.parse(small));
    expect(yields).toBe(0);

    const deep = `${'[{"a":'.repeat(3000)}1${'}]'.repeat(3000)}`;
    expectSame(await parseSplit(deep, { partLength: 2 }), JSON.parse(deep));
  });

  it('parses a text that arrives in pieces while it arrives, and hands on the whole text', async () => {
    const cuts = fc.array(fc.nat(), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(container, cuts, fc.integer({ min: 1, max: 32 }), async (text, at, partLength) => {
        const complaint = vi.spyOn(console, 'error').mockImplementation(() => {});
        const got = await slicedParseStream(pieces(text, at), { minLength: 0, partLength, yieldTask: () => Promise.resolve() });
        expect(complaint).not.toHaveBeenCalled();
        complaint.mockRestore();
        expect(got.text).toBe(text);
        expectSame(got.value, JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a broken text that arrives in pieces as JSON.parse does, and a body cut off by its reading error', async () => {
    const text = `{"a":[${'1,'.repeat(40)}],"b":2}`;
    const expected = await outcome(() => JSON.parse(text));
    for (const minLength of [0, undefined]) {
      expect(await outcome(() => slicedParseStream(pieces(text, [10, 30, 50]), { minLength, partLength: 4, yieldTask: () => Promise.resolve() }))).toEqual(expected);
    }

    const lost = new TypeError('network error');
    async function* cut() {
      yield '{"a":[1,2,3,';
      throw lost;
    }
    await expect(slicedParseStream(cut(), { minLength: 0, partLength: 4, yieldTask: () => Promise.resolve() })).rejects.toBe(lost);
    await expect(slicedParseStream(cut())).rejects.toBe(lost);
  });

  it('yields with scheduler.yield where the page has it', async () => {
    const text = JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ id: `c_${i}`, name: `Contact ${i}` })));
    const yieldSpy = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yieldSpy });
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    expectSame(await slicedParse(text, { minLength: 0 }), JSON.parse(text));
    expect(yieldSpy.mock.calls.length).toBeGreaterThan(5);
  });
});
