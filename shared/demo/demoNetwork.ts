/**
 * The demo document: about 300 fictional contacts of a French professional
 * (Camille Laurent), in circles that look like a real network — colleagues,
 * former colleagues gone dormant, school alumni, clients, investors, a
 * product community, family and friends, and a few LinkedIn-only contacts —
 * with ties mostly inside circles, a few bridges between them, and six years
 * of interactions. Deterministic: the same seed and `now` give the same
 * document, byte for byte.
 */
import type { CarnetDocument, Contact, Interaction, Persona, PersonaMatch, Tie } from '../document/schema.js';
import { CURRENT_VERSION, FORMAT } from '../document/schema.js';
import { ENGLISH_FAMILY, ENGLISH_GIVEN, FRENCH_FAMILY, FRENCH_GIVEN, ORGS, PERSONAL_MAIL_DOMAIN } from './demoCatalog.js';
import {
  BRIDGES,
  COMMUNITIES,
  DEMO_CATEGORIES,
  DIRECTION_NOTES,
  GROUP_EVENTS,
  NOTES,
  job,
  ME_AT_LUMIERE,
  type Community,
  type Status,
} from './demoCommunities.js';
import { createClock, type Clock } from './demoDates.js';
import { demoGoals, demoObjectives, kindOfNote } from './demoRoutine.js';
import { createRandom, type Random } from './random.js';
import { DEMO_TITLE } from './demoTitle.js';

export const DEMO_SEED = 20240917;
/** Interactions go back this far (six years). */
const HISTORY_DAYS = 6 * 365;
/** Out of touch for longer than this = a dormant tie (Levin, Walter & Murnighan). */
const DORMANT_DAYS = 3 * 365;

const DOMAINS: ReadonlyMap<string, string> = new Map(Object.values(ORGS).map((o) => [o.name, o.domain]));

type Member = {
  contact: Contact;
  community: Community;
  english: boolean;
  status: Status;
  /** Days ago of the first and last interaction of the relationship (history window). */
  first: number;
  last: number;
};

/** A deterministic demo document; `now` defaults to the current time so that "recent" means recent. */
export function generateDemoDocument(opts: { seed?: number; now?: string } = {}): CarnetDocument {
  const r = createRandom(opts.seed ?? DEMO_SEED);
  const clock = createClock(opts.now ?? new Date().toISOString());

  const doc: CarnetDocument = {
    format: FORMAT,
    version: CURRENT_VERSION,
    meta: { title: DEMO_TITLE, createdAt: clock.stamp(0), revision: 0 },
    me: {
      name: 'Camille Laurent',
      organizations: [
        job(clock, ORGS.lumiere, 'Head of Product', { start: ME_AT_LUMIERE, department: 'Produit' }),
        job(clock, ORGS.telecomOuest, 'Product Manager', { start: 9 * 365, end: 4 * 365 + 60 }),
        job(clock, ORGS.brume, 'Cheffe de projet digital', { start: 12 * 365, end: 9 * 365 + 30 }),
      ],
      schools: [
        { name: 'ESAC Business School', degree: 'Master Grande École', year: clock.year - 13 },
        { name: 'Université Rennes Armorique', degree: "Licence d'économie", year: clock.year - 15 },
      ],
      city: 'Paris',
      tags: ['produit', 'fintech', 'UX', 'voile', 'mentorat'],
      profileUrl: 'https://www.linkedin.com/in/camille-laurent-demo',
    },
    contacts: {},
    ties: {},
    interactions: {},
    categories: Object.fromEntries(DEMO_CATEGORIES.map((c) => [c.id, { ...c }])),
    personas: PERSONAS,
    positions: {},
    suggestions: {},
    clusters: {},
    objectives: demoObjectives(clock),
    goals: demoGoals(clock),
    plans: {},
    reviews: {},
    reviewMarks: {},
    views: {},
    clusterCache: {},
  };

  const members = makeMembers(r, clock);
  for (const m of members) doc.contacts[m.contact.id] = m.contact;
  addTies(r, members, doc.ties);
  addInteractions(r, clock, members, doc.interactions);
  return doc;
}

type PersonaSeed = [id: string, name: string, match: Partial<PersonaMatch>, target: number, notes?: string];

const PERSONA_SEEDS: readonly PersonaSeed[] = [
  ['p_investor_rennes', 'Investisseur à Rennes', { title: ['partner', 'associé', 'business angel', 'principal', 'investment'], location: ['Rennes'] }, 3, 'Pour préparer la levée de fonds de la filiale de Rennes.'],
  ['p_ux_fintech', 'UX lead en fintech', { title: ['UX', 'design'], sector: ['Fintech'] }, 4, 'Recrutement de l’équipe design.'],
  ['p_recruiter_london', 'Recruteur tech à Londres', { title: ['recruit', 'talent'], location: ['London', 'Londres'] }, 2],
  ['p_cfo', 'Directeur financier d’ETI', { title: ['directeur financier', 'directrice financière', 'CFO', 'administratif et financier'] }, 6, 'Cible commerciale : trésorerie des ETI.'],
  ['p_mentor', 'Mentor produit', { tags: ['mentorat'] }, 2],
];

const PERSONAS: Record<string, Persona> = Object.fromEntries(
  PERSONA_SEEDS.map(([id, name, match, target, notes]): [string, Persona] => [
    id,
    {
      id,
      name,
      match: { title: [], organization: [], location: [], tags: [], sector: [], school: [], ...match },
      target,
      ...(notes ? { notes } : {}),
    },
  ]),
);

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Numbers from the ranges regulators reserve for fiction (ARCEP 06 39 98…, Ofcom 07700 900…). */
function phone(r: Random, english: boolean): string {
  return english ? `+44 7700 900${pad(r.int(0, 999), 3)}` : `+33 6 39 98 ${pad(r.int(0, 99), 2)} ${pad(r.int(0, 99), 2)}`;
}

function makeMembers(r: Random, clock: Clock): Member[] {
  const usedNames = new Set<string>(['Camille Laurent']);
  const members: Member[] = [];
  let n = 0;
  for (const community of COMMUNITIES) {
    for (let i = 0; i < community.size; i++) {
      const english = r.chance(community.english);
      let given: string;
      let family: string;
      do {
        given = r.pick(english ? ENGLISH_GIVEN : FRENCH_GIVEN);
        family = community.key === 'friends' && r.chance(0.2) ? 'Laurent' : r.pick(english ? ENGLISH_FAMILY : FRENCH_FAMILY);
      } while (usedNames.has(`${given} ${family}`));
      usedNames.add(`${given} ${family}`);
      n++;
      members.push(makeMember(r, clock, community, { id: `c${pad(n, 3)}`, given, family, english, line: n }));
    }
  }
  return members;
}

function makeMember(
  r: Random,
  clock: Clock,
  community: Community,
  p: { id: string; given: string; family: string; english: boolean; line: number },
): Member {
  const profile = community.profile(r, clock, { given: p.given, family: p.family, english: p.english });
  const status = r.weighted(community.status);
  const cadence = community.cadence;
  let last = 0;
  let first = 0;
  if (status === 'recent') last = r.int(1, Math.max(3, Math.floor(Math.min(cadence, 120) * 0.9)));
  else if (status === 'overdue') last = cadence + 7 + Math.floor(r.next() ** 2 * (DORMANT_DAYS - 60 - cadence));
  else if (status === 'dormant') last = r.int(DORMANT_DAYS + 30, HISTORY_DAYS - 150);
  if (status !== 'none') first = Math.min(HISTORY_DAYS, profile.knownSince ?? HISTORY_DAYS, last + r.int(30, 1500));
  // Someone met recently cannot have been seen years ago: squeeze the history into the time known.
  if (last > first) last = r.int(1, Math.max(1, first));

  const connected = status === 'none' ? r.int(60, 3000) : first + r.int(0, 400);
  const created = r.int(150, 700);
  const mainOrg = profile.organizations.find((o) => o.current) ?? profile.organizations[0];
  const domain = mainOrg && !community.personalMail ? DOMAINS.get(mainOrg.name) : undefined;
  const localPart = `${slug(p.given)}.${slug(p.family)}`;
  const isLinkedIn = community.key === 'linkedin';

  const contact: Contact = {
    id: p.id,
    name: `${p.given} ${p.family}`,
    givenName: p.given,
    familyName: p.family,
    emails: r.chance(community.personalMail ? 0.9 : 0.85)
      ? [domain ? { value: `${localPart}@${domain}`, label: 'travail' } : { value: `${localPart}@${PERSONAL_MAIL_DOMAIN}`, label: 'perso' }]
      : [],
    phones: r.chance(community.personalMail ? 0.9 : 0.4) ? [{ value: phone(r, p.english), label: 'mobile' }] : [],
    urls: [],
    organizations: profile.organizations,
    schools: profile.schools,
    addresses: r.chance(0.3) ? [{ city: profile.city, country: profile.city === 'London' ? 'Royaume-Uni' : 'France', label: community.personalMail ? 'domicile' : 'travail' }] : [],
    city: profile.city,
    tags: profile.tags,
    categories: [...community.categories, ...(profile.extraCategories ?? [])],
    sources: [],
    createdAt: clock.stamp(created),
    updatedAt: clock.stamp(r.int(0, created)),
  };
  if (!community.personalMail && r.chance(isLinkedIn ? 1 : 0.7)) {
    contact.profileUrl = `https://www.linkedin.com/in/${slug(p.given)}-${slug(p.family)}-${r.int(0, 0xffff).toString(16).padStart(4, '0')}`;
  }
  if (status !== 'none' || r.chance(0.5)) contact.connectedOn = clock.day(Math.min(connected, 5000));
  if (status !== 'none') {
    const [lo, hi] = community.strength;
    contact.strength = status === 'dormant' ? Math.max(1, r.int(lo, hi) - 1) : r.int(lo, hi);
  }
  if (r.chance(0.08)) contact.cadenceDays = r.pick([14, 30, 60, 90, 180]);
  if (community.personalMail && r.chance(0.6)) {
    contact.birthday = `${clock.year - r.int(28, 60)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`;
  }
  if (r.chance(0.12)) {
    contact.notes = r.pick([
      'Rencontre au Paris Fintech Forum.',
      'Très bon contact pour parler paiements B2B.',
      'A proposé de relire le deck produit.',
      'Cherche un poste à Londres.',
      'Passionné(e) de voile, à revoir à Saint-Malo.',
      'Connaît bien l’écosystème rennais.',
    ]);
  }
  if (isLinkedIn) {
    contact.sources = [{ file: 'Connections.csv', format: 'linkedin-csv', importedAt: contact.createdAt, ref: `line ${p.line}` }];
    if (r.chance(0.15)) contact.archived = true;
  } else if (r.chance(0.25)) {
    contact.sources = [{ file: 'contacts.csv', format: 'google-csv', importedAt: contact.createdAt, ref: `line ${p.line}` }];
  }
  return { contact, community, english: p.english, status, first, last };
}

function tieKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function addTies(r: Random, members: Member[], ties: Record<string, Tie>): void {
  const seen = new Set<string>();
  let n = 0;
  const put = (a: Member, b: Member, type: string, lo: number, hi: number): void => {
    if (a === b) return;
    const key = tieKey(a.contact.id, b.contact.id);
    if (seen.has(key)) return;
    seen.add(key);
    n++;
    const id = `t${pad(n, 4)}`;
    ties[id] = { id, from: a.contact.id, to: b.contact.id, type, strength: r.int(lo * 10, hi * 10) / 10 };
  };
  const byCommunity = new Map<string, Member[]>();
  for (const m of members) byCommunity.set(m.community.key, [...(byCommunity.get(m.community.key) ?? []), m]);

  for (const m of members) {
    const circle = byCommunity.get(m.community.key)!;
    const sameOrg = circle.filter((o) => o !== m && o.contact.organizations[0]?.name === m.contact.organizations[0]?.name);
    const [lo, hi] = m.community.ties;
    for (let k = r.int(lo, hi); k > 0; k--) {
      const other = sameOrg.length > 0 && r.chance(0.6) ? r.pick(sameOrg) : r.pick(circle);
      const type = m.community.key === 'friends' && m.contact.familyName === 'Laurent' && other.contact.familyName === 'Laurent' ? 'famille' : m.community.tieType;
      put(m, other, type, 0.3, 0.9);
    }
  }
  for (const [a, b, count] of BRIDGES) {
    const left = byCommunity.get(a)!;
    const right = byCommunity.get(b)!;
    for (let k = 0; k < count; k++) put(r.pick(left), r.pick(right), 'connaissance', 0.2, 0.5);
  }
}

function addInteractions(r: Random, clock: Clock, members: Member[], interactions: Record<string, Interaction>): void {
  let n = 0;
  const put = (it: Omit<Interaction, 'id'>): void => {
    n++;
    const id = `i${pad(n, 5)}`;
    interactions[id] = { id, ...it };
  };
  for (const m of members) {
    if (m.status === 'none') continue;
    const count = m.status === 'dormant' ? r.int(1, 6) : r.int(2, m.community.key === 'friends' ? 16 : 12);
    const days = [m.last];
    for (let k = 1; k < count; k++) days.push(r.int(m.last, m.first));
    for (const d of days) {
      const channel = r.weighted(m.community.channels);
      const direction = r.weighted(m.community.directions);
      const it: Omit<Interaction, 'id'> = { date: clock.day(d), contacts: [m.contact.id], channel, direction };
      if (r.chance(0.35)) it.note = r.pick(direction === 'mutual' ? NOTES[channel] : DIRECTION_NOTES[direction]);
      const kind = kindOfNote(it.note);
      if (kind) it.kind = kind;
      put(it);
    }
  }
  for (const event of GROUP_EVENTS) {
    for (let k = 0; k < event.count; k++) {
      const day = r.int(20, HISTORY_DAYS - 30);
      // Only people whose history spans that day come, so group events never wake a dormant tie up.
      const present = members.filter((m) => m.community.key === event.community && m.status !== 'none' && m.last <= day && day <= m.first);
      const guests = r.sample(present, r.int(event.size[0], event.size[1]));
      if (guests.length < 2) continue;
      put({ date: clock.day(day), contacts: guests.map((g) => g.contact.id), channel: event.channel, direction: 'mutual', note: event.note });
    }
  }
}
