// Builders for analysis tests: small documents written by hand, and
// LFR-style random networks with planted communities.
import { createRandom } from '../../../shared/demo/random.js';
import {
  Contact,
  emptyDocument,
  type CarnetDocument,
  type ContactInput,
  type Interaction,
} from '../../../shared/document/schema.js';

export const NOW = '2025-06-01';

export function doc(): CarnetDocument {
  return emptyDocument('2015-01-01T00:00:00Z');
}

export function addContact(d: CarnetDocument, input: Partial<ContactInput> & { id: string }): void {
  d.contacts[input.id] = Contact.parse({ name: input.id, createdAt: '2015-01-01T00:00:00Z', updatedAt: '2015-01-01T00:00:00Z', ...input });
}

export function addTie(d: CarnetDocument, from: string, to: string, strength = 0.5): void {
  const id = `t_${from}_${to}`;
  d.ties[id] = { id, from, to, strength };
}

let interactionSeq = 0;
export function addInteraction(d: CarnetDocument, contacts: string[], date: string, extra: Partial<Interaction> = {}): string {
  const id = extra.id ?? `i_${String(++interactionSeq).padStart(6, '0')}`;
  d.interactions[id] = { id, date, contacts, channel: 'in-person', direction: 'mutual', ...extra };
  return id;
}

/** `days` days before NOW, as YYYY-MM-DD. */
export function daysAgo(days: number): string {
  return new Date(Date.parse(`${NOW}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An LFR-style benchmark: community sizes and degrees drawn from power laws,
 * each node sending a share `mixing` of its ties outside its community.
 * Returns the document (ties only) and the planted community of each contact.
 */
export function plantedNetwork(opts: { n: number; mixing: number; seed: number; minSize?: number; maxSize?: number; minDegree?: number; maxDegree?: number }): {
  doc: CarnetDocument;
  truth: Map<string, number>;
} {
  const rnd = createRandom(opts.seed);
  const { n, mixing } = opts;
  const [minSize, maxSize] = [opts.minSize ?? 20, opts.maxSize ?? 60];
  const [minDeg, maxDeg] = [opts.minDegree ?? 10, opts.maxDegree ?? 30];
  const powerLaw = (min: number, max: number, exponent: number): number => {
    const u = rnd.next();
    const a = min ** (1 - exponent);
    const b = max ** (1 - exponent);
    return Math.round((a + u * (b - a)) ** (1 / (1 - exponent)));
  };
  const community: number[] = [];
  const members: number[][] = [];
  while (community.length < n) {
    const size = Math.min(powerLaw(minSize, maxSize, 1.5), n - community.length);
    const c = members.length;
    members.push([]);
    for (let k = 0; k < size; k++) {
      members[c]!.push(community.length);
      community.push(c);
    }
  }
  // A last community too small to hold its internal degree joins the previous one.
  const last = members.length - 1;
  if (members.length > 1 && members[last]!.length < minSize) {
    for (const v of members[last]!) {
      community[v] = last - 1;
      members[last - 1]!.push(v);
    }
    members.pop();
  }
  const d = doc();
  const id = (i: number): string => `c${String(i).padStart(5, '0')}`;
  for (let i = 0; i < n; i++) addContact(d, { id: id(i), name: `Person ${i}` });
  const seen = new Set<string>();
  const link = (a: number, b: number): void => {
    if (a === b) return;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) return;
    seen.add(key);
    addTie(d, id(Math.min(a, b)), id(Math.max(a, b)));
  };
  for (let i = 0; i < n; i++) {
    const k = powerLaw(minDeg, maxDeg, 2);
    const half = k / 2;
    const out = Math.round(half * mixing);
    const inside = Math.round(half) - out;
    const own = members[community[i]!]!;
    for (let e = 0; e < inside; e++) link(i, rnd.pick(own));
    for (let e = 0; e < out; e++) {
      let j = rnd.int(0, n - 1);
      while (community[j] === community[i]) j = rnd.int(0, n - 1);
      link(i, j);
    }
  }
  return { doc: d, truth: new Map(community.map((c, i) => [id(i), c])) };
}

/** Normalized mutual information (arithmetic mean normalization) between two labellings of the same items. */
export function nmi(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const n = a.length;
  const count = (xs: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const sa = a.map(String);
  const sb = b.map(String);
  const ca = count(sa);
  const cb = count(sb);
  const joint = count(sa.map((x, i) => `${x}\u0000${sb[i]}`));
  const entropy = (m: Map<string, number>): number => [...m.values()].reduce((s, c) => s - (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [key, c] of joint) {
    const [x, y] = key.split('\u0000') as [string, string];
    mi += (c / n) * Math.log((c * n) / (ca.get(x)! * cb.get(y)!));
  }
  const h = (entropy(ca) + entropy(cb)) / 2;
  return h === 0 ? 1 : mi / h;
}
