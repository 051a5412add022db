import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fits, parseInParts, planParts, planWrapped, type PartPlan } from '../../../shared/json/partPlan.js';

/** Every object of `v` has the prototype JSON.parse gives, and every property is an own, plain data property. */
function plainLikeJsonParse(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(plainLikeJsonParse);
  if (v === null || typeof v !== 'object') return true;
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Reflect.ownKeys(v).every((k) => {
    const d = Object.getOwnPropertyDescriptor(v, k)!;
    return typeof k === 'string' && 'value' in d && d.enumerable && d.writable && d.configurable && plainLikeJsonParse(d.value);
  });
}

/** Same value, same key order (JSON.stringify follows it), same shape of properties. */
async function expectSameAsJsonParse(text: string, partLength: number): Promise<PartPlan | null> {
  const plan = planParts(text, partLength);
  const expected: unknown = JSON.parse(text);
  const got = plan ? await parseInParts(text, plan, { sliceMs: 0, yieldTask: async () => {} }) : JSON.parse(text);
  expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
  expect(got).toEqual(expected);
  expect(plainLikeJsonParse(got)).toBe(true);
  return plan;
}

describe('the parse of a big JSON text in parts', () => {
  it('gives what JSON.parse gives, for any JSON value, compact or indented, cut at any length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 1, max: 80 }), fc.boolean(), async (value, partLength, indent) => {
        await expectSameAsJsonParse(JSON.stringify(value, null, indent ? 2 : undefined), partLength);
      }),
      { numRuns: 400 },
    );
  });

  it('cuts a document-like text into many parts, long members into parts of their own, and keeps the order of its keys', async () => {
    const contacts: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) contacts[i % 7 === 0 ? String(i) : `c${i}`] = { name: `Zoé "${i}" Ölçer`, notes: 'a}b{c],[d"\\'.repeat(i % 5), tags: [i, { x: null }] };
    const text = JSON.stringify({ language: 'fr', doc: { version: 3, contacts, ties: { t1: { from: 'c1', to: 'c2' } } }, revision: 9 });
    const plan = (await expectSameAsJsonParse(text, 400))!;
    expect(plan.ops.filter((o) => o.op === 'part').length).toBeGreaterThan(20);
    expect(plan.ops.filter((o) => o.op === 'open').map((o) => (o as { key: string }).key)).toEqual(['doc', 'contacts']);
  });

  it('keeps __proto__ and other keys of Object.prototype as plain data, and a key met twice at its first place with its last value', async () => {
    const member = (i: number) => `"k${i}":${JSON.stringify('x'.repeat(30))}`;
    const many = Array.from({ length: 40 }, (_, i) => member(i)).join(',');
    const text = `{"__proto__":{"polluted":true},${many},"constructor":{"prototype":1},"k3":"last","toString":[${many.replace(/"k\d+":/g, '')}]}`;
    await expectSameAsJsonParse(text, 64);
    const got = (await parseInParts(text, planParts(text, 64)!)) as Record<string, unknown>;
    expect(Object.keys(got).indexOf('k3')).toBe(4);
    expect(got.k3).toBe('last');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
  });

  it('fails on an invalid text with the error JSON.parse gives, and takes a still valid one as JSON.parse does', async () => {
    const base = JSON.stringify({ a: Array.from({ length: 60 }, (_, i) => ({ id: `x${i}`, v: [i, 'é'] })), b: { c: 'd' } });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: base.length - 1 }), fc.constantFrom('', ',', '}', ']', '"', '{', '[', ' ', ':', '\\', 'x'), fc.integer({ min: 8, max: 200 }), async (at, put, partLength) => {
        const text = base.slice(0, at) + put + base.slice(at + 1);
        let expected: { value: unknown } | { error: string };
        try {
          expected = { value: JSON.parse(text) };
        } catch (e) {
          expected = { error: (e as Error).message };
        }
        const plan = planParts(text, partLength);
        const run = plan ? parseInParts(text, plan, { sliceMs: 0, yieldTask: async () => {} }) : Promise.resolve().then(() => JSON.parse(text) as unknown);
        const quiet = console.error;
        console.error = () => {};
        try {
          if ('error' in expected) await expect(run).rejects.toThrow(expected.error);
          else expect(await run).toEqual(expected.value);
        } finally {
          console.error = quiet;
        }
      }),
      { numRuns: 600 },
    );
  });

  it('refuses an empty member beside a long one, as JSON.parse does', async () => {
    const long = JSON.stringify(Array.from({ length: 40 }, (_, i) => `v${i}`));
    const quiet = console.error;
    console.error = () => {};
    try {
      for (const text of [`{"a":${long},}`, `[${long},]`, `[,${long}]`, `{"a":${long},,"b":1}`, `{"a":${long} ,"b":1,}`, `[${long},,${long}]`, `{"a":${long}"b":1}`, `{"a" ${long}}`, `{a:${long}}`]) {
        expect(() => JSON.parse(text)).toThrow();
        // No plan (the text is then parsed whole, and fails), or a plan whose parse fails.
        const plan = planParts(text, 32);
        if (plan) await expect(parseInParts(text, plan)).rejects.toThrow(SyntaxError);
      }
    } finally {
      console.error = quiet;
    }
  });

  it('ends its task every sliceMs: a 2 MB text is parsed over many tasks', async () => {
    const text = JSON.stringify({ rows: Array.from({ length: 20_000 }, (_, i) => ({ id: `r${i}`, name: `Row ${i}`, v: [i, i * 2, 'abcdefghijklmnopqrstuvwxyz'] })) });
    let clock = 0;
    let yields = 0;
    const value = await parseInParts(text, planParts(text, 16_384)!, { sliceMs: 1, now: () => clock++, yieldTask: async () => void yields++ });
    expect(value).toEqual(JSON.parse(text));
    expect(yields).toBeGreaterThan(50);
  });

  it('refuses a plan that does not fit its text, and then parses the text whole', async () => {
    const text = JSON.stringify({ a: 'x'.repeat(100), b: Array.from({ length: 30 }, (_, i) => i) });
    const plan = planParts(text, 16)!;
    expect(fits(plan, text.length)).toBe(true);
    const bad: unknown[] = [
      null,
      { array: 'no', ops: [] },
      { array: false, ops: [{ op: 'part', from: 0, to: text.length + 1 }] },
      { array: false, ops: [{ op: 'part', from: 5, to: 3 }] },
      { array: false, ops: [{ op: 'part', from: 9, to: 12 }, { op: 'part', from: 2, to: 4 }] },
      { array: false, ops: [{ op: 'open', key: null, array: true }, { op: 'close' }] },
      { array: true, ops: [{ op: 'open', key: 'k', array: true }, { op: 'close' }] },
      { array: false, ops: [{ op: 'open', key: 'k', array: true }] },
      { array: false, ops: [{ op: 'close' }] },
      { array: false, ops: [{ op: 'eval' }] },
    ];
    for (const p of bad) expect(fits(p, text.length)).toBe(false);
    // A plan that fits the length but not the text: the parts fail, the text is parsed whole.
    const shifted: PartPlan = { array: false, ops: plan.ops.map((o) => (o.op === 'part' ? { ...o, from: Math.max(0, o.from - 3) } : o)) };
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(await parseInParts(text, shifted)).toEqual(JSON.parse(text));
    } finally {
      console.error = quiet;
    }
  });

  it('places the plan of a document under its key in the state text made around it', async () => {
    const doc = JSON.stringify({ contacts: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`c${i}`, { name: `N${i}` }])) });
    const prefix = JSON.stringify({ path: '/tmp/a "b".json', revision: 4 }).slice(0, -1);
    const text = `${prefix},"doc":${doc}}`;
    const plan = planWrapped(prefix.length, 'doc', planParts(doc, 256))!;
    expect(fits(plan, text.length)).toBe(true);
    expect(await parseInParts(text, plan)).toEqual(JSON.parse(text));
    expect(planWrapped(prefix.length, 'doc', null)).toBeNull();
  });
});
