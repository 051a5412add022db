/**
 * Networks with planted communities ("circles"), to measure how well the
 * affinity clusters recover them.
 *
 * Ties follow the LFR benchmark (Lancichinetti, Fortunato & Radicchi 2008):
 * community sizes and degrees drawn from power laws, each contact sending a
 * share `mixing` of its ties outside its circle.
 *
 * With `attributes`, contacts also carry what real address books hold, drawn
 * the way real networks are skewed: each circle has an employer, a city and
 * a school, picked with Zipf's law from pools that grow slower than the
 * number of circles — so at 30,000 contacts one employer spans a hundred
 * circles and one city a third of the network, as "Alan" or "Paris" do in a
 * big LinkedIn network. A member takes the circle's value with probability
 * 1 − mixing, else any value (again Zipf); past employers and tags are noise.
 * Attributes alone cannot tell two circles of one employer apart: ties must.
 */
import { createRandom, type Random } from '../../shared/demo/random.js';
import { Contact, emptyDocument, type CarnetDocument } from '../../shared/document/schema.js';

export type PlantedOptions = {
  n: number;
  mixing: number;
  seed: number;
  minSize?: number;
  maxSize?: number;
  minDegree?: number;
  maxDegree?: number;
  /** Employers, cities, schools, sectors and tags as well as ties. */
  attributes?: boolean;
};

export type Planted = { doc: CarnetDocument; truth: Map<string, number> };

const CITIES = ['Paris', 'Lyon', 'Lille', 'Nantes', 'Rennes', 'Bordeaux', 'Toulouse', 'Marseille', 'Strasbourg', 'Grenoble', 'Montpellier', 'Nice'];
const SECTORS = ['Software', 'Banking', 'Insurance', 'Health', 'Energy', 'Retail', 'Consulting', 'Telecom', 'Media', 'Education'];
const TAGS = ['ai', 'design', 'product', 'running', 'sailing', 'climate', 'data', 'mentoring', 'music', 'finance'];

export const plantedId = (i: number): string => `c${String(i).padStart(5, '0')}`;

/** Index in 0 … size − 1 drawn with probability ∝ 1 / (rank + 1) (Zipf, exponent 1). */
function zipf(r: Random, cumulative: Float64Array): number {
  const x = r.next() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function zipfTable(size: number): Float64Array {
  const c = new Float64Array(size);
  let s = 0;
  for (let k = 0; k < size; k++) c[k] = s += 1 / (k + 1);
  return c;
}

export function plantedNetwork(opts: PlantedOptions): Planted {
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
  const d = emptyDocument('2015-01-01T00:00:00Z');
  const stamp = '2015-01-01T00:00:00Z';
  const attrs = opts.attributes ? circleAttributes(members.length, rnd) : null;
  for (let i = 0; i < n; i++) {
    d.contacts[plantedId(i)] = Contact.parse({ id: plantedId(i), name: `Person ${i}`, createdAt: stamp, updatedAt: stamp, ...(attrs ? attrs.member(community[i]!, mixing) : {}) });
  }
  const seen = new Set<string>();
  const link = (a: number, b: number): void => {
    if (a === b) return;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) return;
    seen.add(key);
    const id = `t_${key}`;
    d.ties[id] = { id, from: plantedId(Math.min(a, b)), to: plantedId(Math.max(a, b)), strength: 0.5 };
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
  return { doc: d, truth: new Map(community.map((c, i) => [plantedId(i), c])) };
}

function circleAttributes(circles: number, rnd: Random) {
  const employers = Math.max(2, Math.ceil(circles / 3));
  const schools = Math.max(2, Math.ceil(circles / 2));
  const employerTable = zipfTable(employers);
  const cityTable = zipfTable(CITIES.length);
  const schoolTable = zipfTable(schools);
  const sectorOf = Array.from({ length: employers }, () => rnd.pick(SECTORS));
  const circle = Array.from({ length: circles }, () => ({
    employer: zipf(rnd, employerTable),
    city: zipf(rnd, cityTable),
    school: zipf(rnd, schoolTable),
  }));
  const employer = (e: number) => ({ name: `Employer ${e}`, sector: sectorOf[e]!, current: true });
  return {
    member(c: number, mixing: number) {
      const home = circle[c]!;
      const keep = () => !rnd.chance(mixing);
      const e = keep() ? home.employer : zipf(rnd, employerTable);
      const organizations = [employer(e)];
      if (rnd.chance(0.3)) organizations.push({ ...employer(zipf(rnd, employerTable)), current: false });
      return {
        organizations,
        city: CITIES[keep() ? home.city : zipf(rnd, cityTable)],
        schools: rnd.chance(0.5) ? [{ name: `School ${keep() ? home.school : zipf(rnd, schoolTable)}` }] : [],
        tags: rnd.chance(0.3) ? [rnd.pick(TAGS)] : [],
      };
    },
  };
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
