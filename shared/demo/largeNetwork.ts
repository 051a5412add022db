/**
 * Big synthetic documents for benchmarks and scale tests (LinkedIn's cap is
 * 30,000 connections). Contacts are planted in communities that share an
 * organization, a city and a school, and most ties stay inside a community,
 * so clustering has real structure to find. Deterministic for a given seed.
 */
import type { CarnetDocument, Category, Contact, Interaction, Tie } from '../document/schema.js';
import { CHANNELS, DIRECTIONS, emptyDocument } from '../document/schema.js';
import { ENGLISH_FAMILY, ENGLISH_GIVEN, FRENCH_FAMILY, FRENCH_GIVEN, ORGS, SCHOOLS } from './demoCatalog.js';
import { createClock } from './demoDates.js';
import { createRandom } from './random.js';

export type LargeNetworkOptions = {
  contacts: number;
  ties: number;
  interactions: number;
  seed?: number;
  now?: string;
  /** Planted communities; defaults to one per 250 contacts. */
  communities?: number;
};

/** Share of ties drawn inside a community; the rest bridge two communities. */
const INTRA_SHARE = 0.85;
const HISTORY_DAYS = 6 * 365;
const CITIES = ['Paris', 'Lyon', 'Rennes', 'Nantes', 'Lille', 'Bordeaux', 'Marseille', 'Toulouse', 'London', 'Bruxelles', 'Genève', 'Montréal'];
const SECTORS = ['Fintech', 'Conseil', 'Santé', 'Énergie', 'Logiciel', 'Distribution', 'Assurance', 'Télécommunications', 'Éducation', 'Luxe'];
const TITLES = ['Product Manager', 'Directeur financier', 'Consultante', 'Ingénieur logiciel', 'Responsable marketing', 'Data Scientist', 'UX Designer', 'Chef de projet', 'Partner', 'Sales Manager', 'Recruteuse', 'CTO'];
const TAGS = ['produit', 'finance', 'UX', 'data', 'IA', 'voile', 'running', 'mentorat', 'marketing', 'climat'];
const CATEGORY_COLORS = ['#2563eb', '#7c3aed', '#059669', '#d97706', '#dc2626', '#0891b2', '#db2777', '#65a30d'];
const CATEGORY_NAMES = ['Collègues', 'Anciens collègues', 'Alumni', 'Clients', 'Investisseurs', 'Communauté', 'Amis', 'Partenaires'];

/** A document of the requested size. Throws if more ties are asked than distinct pairs exist. */
export function generateLargeNetwork(opts: LargeNetworkOptions): CarnetDocument {
  const n = Math.floor(opts.contacts);
  const maxPairs = (n * (n - 1)) / 2;
  if (opts.ties > maxPairs) throw new Error(`${opts.ties} ties asked but ${n} contacts have only ${maxPairs} distinct pairs`);
  if (opts.interactions > 0 && n === 0) throw new Error('interactions need at least one contact');
  const r = createRandom(opts.seed ?? 1);
  const clock = createClock(opts.now ?? new Date().toISOString());
  const k = Math.max(1, Math.floor(opts.communities ?? Math.max(1, Math.round(n / 250))));

  const orgNames = Object.values(ORGS).map((o) => o.name);
  const schoolNames = Object.values(SCHOOLS).map((s) => s.name);
  const groups = Array.from({ length: k }, (_, i) => ({
    org: i < orgNames.length ? orgNames[i]! : `${r.pick(FRENCH_FAMILY)} & Associés ${i}`,
    sector: r.pick(SECTORS),
    city: r.pick(CITIES),
    school: r.pick(schoolNames),
    category: `cat_${i % CATEGORY_NAMES.length}`,
    weight: 0.3 + r.next(),
    members: [] as number[],
  }));
  const cumulative: number[] = [];
  let total = 0;
  for (const g of groups) cumulative.push((total += g.weight));

  const doc: CarnetDocument = emptyDocument(clock.stamp(0), `Réseau synthétique (${n} contacts)`);
  doc.me = { name: 'Camille Laurent', organizations: [], schools: [{ name: schoolNames[0]! }], city: 'Paris', tags: ['produit'] };
  for (let i = 0; i < Math.min(k, CATEGORY_NAMES.length); i++) {
    const category: Category = { id: `cat_${i}`, name: CATEGORY_NAMES[i]!, color: CATEGORY_COLORS[i]!, cadenceDays: [30, 90, 180, 365][i % 4]! };
    doc.categories[category.id] = category;
  }

  const cw = String(n).length;
  const ids: string[] = new Array(n);
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = r.next() * total;
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const g = groups[lo]!;
    g.members.push(i);
    groupOf[i] = lo;
    const english = g.city === 'London' ? r.chance(0.8) : r.chance(0.05);
    const given = r.pick(english ? ENGLISH_GIVEN : FRENCH_GIVEN);
    const family = r.pick(english ? ENGLISH_FAMILY : FRENCH_FAMILY);
    const id = `c${String(i + 1).padStart(cw, '0')}`;
    ids[i] = id;
    const stamp = clock.stamp(r.int(0, 900));
    const contact: Contact = {
      id,
      name: `${given} ${family}`,
      givenName: given,
      familyName: family,
      emails: [],
      phones: [],
      urls: [],
      organizations: [{ name: r.chance(0.8) ? g.org : r.pick(orgNames), title: r.pick(TITLES), sector: g.sector, current: true }],
      schools: r.chance(0.5) ? [{ name: g.school }] : [],
      addresses: [],
      city: r.chance(0.8) ? g.city : r.pick(CITIES),
      tags: r.chance(0.3) ? [r.pick(TAGS)] : [],
      categories: r.chance(0.6) && doc.categories[g.category] ? [g.category] : [],
      sources: [],
      connectedOn: clock.day(r.int(30, 4000)),
      createdAt: stamp,
      updatedAt: stamp,
    };
    doc.contacts[id] = contact;
  }

  addTies(opts.ties, n, ids, groups, groupOf, r, doc.ties);
  addInteractions(opts.interactions, n, ids, groups, groupOf, r, clock.day, doc.interactions);
  return doc;
}

type Group = { members: number[] };

function addTies(
  count: number,
  n: number,
  ids: string[],
  groups: Group[],
  groupOf: Int32Array,
  r: ReturnType<typeof createRandom>,
  out: Record<string, Tie>,
): void {
  const seen = new Set<number>();
  const tw = String(count).length;
  let made = 0;
  // Attempts are bounded so that a nearly complete graph fails loudly instead of spinning.
  for (let attempts = 0; made < count; attempts++) {
    if (attempts > count * 50 + 1000) throw new Error(`could not draw ${count} distinct ties among ${n} contacts`);
    const a = r.int(0, n - 1);
    const group = groups[groupOf[a]!]!.members;
    const b = group.length > 1 && r.chance(INTRA_SHARE) ? group[r.int(0, group.length - 1)]! : r.int(0, n - 1);
    if (a === b) continue;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) continue;
    seen.add(key);
    made++;
    const id = `t${String(made).padStart(tw, '0')}`;
    out[id] = { id, from: ids[a]!, to: ids[b]!, strength: r.int(1, 10) / 10 };
  }
}

function addInteractions(
  count: number,
  n: number,
  ids: string[],
  groups: Group[],
  groupOf: Int32Array,
  r: ReturnType<typeof createRandom>,
  day: (days: number) => string,
  out: Record<string, Interaction>,
): void {
  const iw = String(count).length;
  for (let i = 1; i <= count; i++) {
    // Squaring skews activity: a minority of contacts gets most of the interactions, as in real logs.
    const a = Math.floor(r.next() ** 2 * n);
    const contacts = [ids[a]!];
    if (r.chance(0.05)) {
      const group = groups[groupOf[a]!]!.members;
      for (const m of r.sample(group, r.int(1, 3))) if (m !== a) contacts.push(ids[m]!);
    }
    const id = `i${String(i).padStart(iw, '0')}`;
    out[id] = {
      id,
      date: day(r.int(0, HISTORY_DAYS)),
      contacts,
      channel: r.pick(CHANNELS),
      direction: r.pick(DIRECTIONS),
    };
  }
}
