/**
 * The circles of the demo user, Camille Laurent (Head of Product at a Paris
 * fintech, formerly in telecoms in Rennes and at a design studio in Nantes):
 * who is in each circle, where they work, how often Camille sees them, and
 * how. The generator in demoNetwork.ts turns these into contacts, ties and
 * interactions.
 */
import type { Organization, School } from '../document/schema.js';
import { CHANNELS, DIRECTIONS } from '../document/schema.js';
import { ORGS, SCHOOLS, type DemoOrg } from './demoCatalog.js';
import type { Clock } from './demoDates.js';
import type { Random } from './random.js';

export type Channel = (typeof CHANNELS)[number];
export type Direction = (typeof DIRECTIONS)[number];
/** How the relationship stands today: it decides when the last interaction happened. */
export type Status = 'recent' | 'overdue' | 'dormant' | 'none';

export type Profile = {
  organizations: Organization[];
  schools: School[];
  city: string;
  tags: string[];
  /** Days since the user first could have met this person (a colleague who joined last year). */
  knownSince?: number;
  /** Extra categories beyond the circle's own (an alumnus who is also a client). */
  extraCategories?: string[];
};

export type Community = {
  key: string;
  size: number;
  categories: string[];
  /** Share of members with English names. */
  english: number;
  /** Days between contacts the user wants with this circle, for statuses. */
  cadence: number;
  profile(r: Random, clock: Clock, person: { given: string; family: string; english: boolean }): Profile;
  status: readonly (readonly [Status, number])[];
  channels: readonly (readonly [Channel, number])[];
  directions: readonly (readonly [Direction, number])[];
  /** Ties each member makes inside the circle. */
  ties: readonly [number, number];
  tieType: string;
  /** Closeness (1–5) when the tie is alive. */
  strength: readonly [number, number];
  personalMail: boolean;
};

export const DEMO_CATEGORIES = [
  { id: 'cat_colleagues', name: 'Collègues', color: '#2563eb', cadenceDays: 30 },
  { id: 'cat_former', name: 'Anciens collègues', color: '#7c3aed', cadenceDays: 180 },
  { id: 'cat_alumni', name: 'Alumni ESAC', color: '#059669', cadenceDays: 365 },
  { id: 'cat_clients', name: 'Clients', color: '#d97706', cadenceDays: 60 },
  { id: 'cat_investors', name: 'Investisseurs', color: '#dc2626', cadenceDays: 90 },
  { id: 'cat_community', name: 'Communauté produit', color: '#0891b2', cadenceDays: 120 },
  { id: 'cat_friends', name: 'Famille & amis', color: '#db2777', cadenceDays: 30 },
] as const;

/** A job at `o`: current jobs started `start` days ago; past ones also ended `end` days ago. */
export function job(
  clock: Clock,
  o: DemoOrg,
  title: string,
  when: { start: number; end?: number; department?: string },
): Organization {
  return {
    name: o.name,
    title,
    ...(when.department ? { department: when.department } : {}),
    sector: o.sector,
    current: when.end === undefined,
    start: clock.day(when.start),
    ...(when.end !== undefined ? { end: clock.day(when.end) } : {}),
  };
}

function school(key: keyof typeof SCHOOLS, year: number): School {
  return { ...SCHOOLS[key], year };
}

function tags(r: Random, pool: readonly string[], max: number): string[] {
  return r.sample(pool, r.int(0, max));
}

/** Days since the demo user joined Banque Lumière (see `me` in demoNetwork.ts). */
export const ME_AT_LUMIERE = 4 * 365 + 40;

const CLIENT_ORGS = [ORGS.hexa, ORGS.sainteClaire, ORGS.energieRhone, ORGS.garonne, ORGS.vernet, ORGS.flandre, ORGS.caradec];
const CLIENT_NAMES: ReadonlySet<string> = new Set(CLIENT_ORGS.map((o) => o.name));

const COLLEAGUE_TITLES = [
  ['Product Manager', 'Produit'], ['Product Designer', 'Produit'], ['UX Researcher', 'Produit'],
  ['Développeur back-end', 'Tech'], ['Développeuse front-end', 'Tech'], ['Tech Lead', 'Tech'],
  ['Engineering Manager', 'Tech'], ['Data Scientist', 'Data'], ['Data Engineer', 'Data'],
  ['Responsable conformité', 'Conformité'], ['Analyste risques', 'Risques'], ['Chargée de marketing', 'Marketing'],
  ['Responsable partenariats', 'Commercial'], ['Key Account Manager', 'Commercial'], ['Contrôleuse de gestion', 'Finance'],
  ['Responsable RH', 'RH'], ['Juriste', 'Juridique'], ['Lead UX Designer', 'Produit'],
] as const;

export const COMMUNITIES: readonly Community[] = [
  {
    key: 'colleagues',
    size: 45,
    categories: ['cat_colleagues'],
    english: 0.05,
    cadence: 30,
    profile(r, clock) {
      const [title, department] = r.pick(COLLEAGUE_TITLES);
      const start = r.int(120, 2600);
      const organizations = [job(clock, ORGS.lumiere, title, { start, department })];
      if (r.chance(0.6)) {
        const past = r.pick([ORGS.tresorio, ORGS.mobilis, ORGS.sainteClaire, ORGS.vauban, ORGS.caradec, ORGS.paylette]);
        organizations.push(job(clock, past, r.pick(['Chef de projet', 'Analyste', 'Consultant', 'Développeur', 'Chargée d’études']), {
          start: start + r.int(500, 2000),
          end: start + r.int(10, 60),
        }));
      }
      const schools = r.chance(0.4) ? [school(r.pick(['lyon', 'sciences', 'eir', 'rennes'] as const), clock.year - r.int(3, 20))] : [];
      return { organizations, schools, knownSince: Math.min(start, ME_AT_LUMIERE), city: r.chance(0.9) ? 'Paris' : 'Nantes', tags: tags(r, ['fintech', 'produit', 'data', 'conformité', 'open banking', 'UX', 'paiements', 'running'], 3) };
    },
    status: [['recent', 70], ['overdue', 25], ['none', 5]],
    channels: [['in-person', 5], ['message', 3], ['video', 2], ['call', 1], ['email', 1]],
    directions: [['mutual', 6], ['gave', 2], ['received', 2]],
    ties: [2, 5],
    tieType: 'collègues',
    strength: [2, 4],
    personalMail: false,
  },
  {
    key: 'telecom',
    size: 48,
    categories: ['cat_former'],
    english: 0,
    cadence: 180,
    profile(r, clock) {
      const title = r.pick(['Chef de produit', 'Ingénieur réseau', 'Architecte SI', 'Responsable marketing', 'Chargé d’affaires', 'Développeuse mobile', 'Directeur technique', 'Scrum Master', 'Designer UX', 'Analyste data', 'Responsable offre entreprises']);
      const start = r.int(2400, 4500);
      const stayed = r.chance(0.35);
      const organizations = stayed
        ? [job(clock, ORGS.telecomOuest, title, { start })]
        : [
            job(clock, r.pick([ORGS.reseauxAtlantique, ORGS.breizhCloud, ORGS.armorData, ORGS.mobilis, ORGS.lumenAi, ORGS.quaiApps]), r.pick(['Head of Product', 'Directeur technique', 'Product Owner', 'Consultant senior', 'Responsable infrastructure', 'CTO']), { start: r.int(200, 1800) }),
            job(clock, ORGS.telecomOuest, title, { start, end: r.int(1800, 2300) }),
          ];
      const schools = r.chance(0.7) ? [school(r.weighted([['eir', 4], ['rennes', 3]] as const), clock.year - r.int(10, 22))] : [];
      const city = r.weighted([['Rennes', 70], ['Nantes', 15], ['Paris', 15]] as const);
      return { organizations, schools, city, tags: tags(r, ['télécoms', '5G', 'Bretagne', 'voile', 'mobile', 'réseau'], 3) };
    },
    status: [['recent', 10], ['overdue', 25], ['dormant', 55], ['none', 10]],
    channels: [['in-person', 3], ['message', 3], ['call', 2], ['email', 1], ['event', 1]],
    directions: [['mutual', 5], ['gave', 3], ['received', 2]],
    ties: [2, 5],
    tieType: 'anciens collègues',
    strength: [2, 4],
    personalMail: false,
  },
  {
    key: 'studio',
    size: 18,
    categories: ['cat_former'],
    english: 0,
    cadence: 180,
    profile(r, clock) {
      const current = r.pick([ORGS.atelierLoire, ORGS.pixelSel, ORGS.quaiApps, ORGS.brume]);
      const organizations = [job(clock, current, r.pick(['Directrice artistique', 'Designer graphique', 'Motion designer', 'Lead UX Designer', 'Illustratrice', 'Développeur créatif']), { start: r.int(300, 3000) })];
      if (current !== ORGS.brume) organizations.push(job(clock, ORGS.brume, r.pick(['Designer junior', 'Graphiste', 'Intégrateur web']), { start: r.int(3300, 4400), end: r.int(2500, 3200) }));
      const schools = r.chance(0.6) ? [school('design', clock.year - r.int(10, 18))] : [];
      return { organizations, schools, city: r.chance(0.8) ? 'Nantes' : 'Paris', tags: tags(r, ['design', 'illustration', 'UX', 'motion', 'freelance'], 3) };
    },
    status: [['recent', 5], ['overdue', 15], ['dormant', 70], ['none', 10]],
    channels: [['in-person', 3], ['message', 3], ['email', 1], ['event', 1]],
    directions: [['mutual', 6], ['gave', 2], ['received', 2]],
    ties: [2, 4],
    tieType: 'anciens collègues',
    strength: [2, 4],
    personalMail: false,
  },
  {
    key: 'alumni',
    size: 50,
    categories: ['cat_alumni'],
    english: 0.1,
    cadence: 365,
    profile(r, clock, person) {
      const o = person.english
        ? ORGS.nordlys
        : r.pick([ORGS.aubier, ORGS.vauban, ORGS.hexa, ORGS.sainteClaire, ORGS.energieRhone, ORGS.caradec, ORGS.nordlys, ORGS.garonne, ORGS.vernet, ORGS.flandre, ORGS.tresorio, ORGS.horizon]);
      const title = r.pick(['Consultant senior', 'Manager', 'Directrice marketing', 'Contrôleur de gestion', 'Chef de produit', 'Responsable achats', 'Directeur commercial', 'Associée', 'Chargé d’affaires', 'Brand Manager', 'Directeur financier', 'Head of Strategy']);
      const organizations = [job(clock, o, title, { start: r.int(200, 3000) })];
      const extraCategories = CLIENT_NAMES.has(o.name) && r.chance(0.35) ? ['cat_clients'] : [];
      return {
        organizations,
        schools: [school('esac', clock.year - r.int(11, 15))],
        city: o.city,
        tags: tags(r, ['ESAC', 'conseil', 'finance', 'marketing', 'golf', 'œnologie'], 2),
        extraCategories,
      };
    },
    status: [['recent', 20], ['overdue', 35], ['dormant', 30], ['none', 15]],
    channels: [['event', 3], ['in-person', 2], ['message', 3], ['email', 1], ['call', 1]],
    directions: [['mutual', 5], ['gave', 2], ['received', 3]],
    ties: [1, 4],
    tieType: 'promo ESAC',
    strength: [1, 3],
    personalMail: false,
  },
  {
    key: 'clients',
    size: 40,
    categories: ['cat_clients'],
    english: 0,
    cadence: 60,
    profile(r, clock) {
      const o = r.weighted(CLIENT_ORGS.map((c, i) => [c, 7 - i] as const));
      const title = r.pick(['Directeur financier', 'Directrice financière', 'Trésorier', 'Responsable trésorerie', 'DSI', 'Chef de projet digital', 'Responsable achats', 'Directrice des opérations', 'Head of Payments', 'Directeur administratif et financier']);
      const schools = r.chance(0.3) ? [school(r.pick(['lyon', 'sciences', 'kingsbridge'] as const), clock.year - r.int(8, 25))] : [];
      const start = r.int(300, 4000);
      return { organizations: [job(clock, o, title, { start })], schools, knownSince: Math.min(start, ME_AT_LUMIERE), city: o.city, tags: tags(r, ['trésorerie', 'paiements', 'grand compte', 'ETI'], 2) };
    },
    status: [['recent', 55], ['overdue', 35], ['dormant', 5], ['none', 5]],
    channels: [['video', 4], ['in-person', 3], ['email', 3], ['call', 3], ['event', 1]],
    directions: [['gave', 5], ['mutual', 4], ['received', 1]],
    ties: [1, 3],
    tieType: 'même entreprise',
    strength: [2, 3],
    personalMail: false,
  },
  {
    key: 'investors',
    size: 28,
    categories: ['cat_investors'],
    english: 0.2,
    cadence: 90,
    profile(r, clock, person) {
      if (!person.english && r.chance(0.2)) {
        const holding = { name: `${person.family} Invest`, sector: 'Capital-risque', domain: '', city: 'Paris' };
        return {
          organizations: [job(clock, holding, 'Business angel', { start: r.int(300, 2500) })],
          schools: r.chance(0.5) ? [school('esac', clock.year - r.int(20, 30))] : [],
          city: r.pick(['Paris', 'Lyon', 'Nantes']),
          tags: ['business angel', ...tags(r, ['fintech', 'seed', 'mentorat'], 2)],
        };
      }
      const o = person.english ? ORGS.thames : r.weighted([[ORGS.horizon, 8], [ORGS.seine, 7], [ORGS.armorique, 1]] as const);
      const title = r.pick(['Partner', 'Associée', 'Principal', 'Analyste', 'Venture Partner', 'Investment Manager']);
      const schools = r.chance(0.5) ? [school(person.english ? 'kingsbridge' : r.pick(['esac', 'sciences'] as const), clock.year - r.int(5, 25))] : [];
      return { organizations: [job(clock, o, title, { start: r.int(200, 3000) })], schools, city: o.city, tags: tags(r, ['VC', 'seed', 'fintech', 'série A'], 2) };
    },
    status: [['recent', 35], ['overdue', 35], ['dormant', 10], ['none', 20]],
    channels: [['video', 3], ['in-person', 2], ['email', 3], ['event', 3], ['call', 1]],
    directions: [['received', 3], ['gave', 2], ['mutual', 4]],
    ties: [1, 4],
    tieType: 'co-investissement',
    strength: [1, 3],
    personalMail: false,
  },
  {
    key: 'community',
    size: 36,
    categories: ['cat_community'],
    english: 0.2,
    cadence: 120,
    profile(r, clock, person) {
      const o = person.english
        ? r.pick([ORGS.lumenAi, ORGS.paylette])
        : r.pick([ORGS.santeConnect, ORGS.klaxon, ORGS.quaiApps, ORGS.tresorio, ORGS.breizhCloud, ORGS.caradec, ORGS.santeConnect]);
      const title = r.pick(['Head of Product', 'Product Manager', 'UX Lead', 'Product Designer', 'Lead UX Designer', 'Engineering Manager', 'Product Owner', 'VP Product', 'Design Director']);
      const schools = r.chance(0.4) ? [school(person.english ? 'kingsbridge' : r.pick(['design', 'eir', 'lyon'] as const), clock.year - r.int(5, 18))] : [];
      return { organizations: [job(clock, o, title, { start: r.int(150, 2500) })], schools, city: o.city, tags: tags(r, ['produit', 'UX', 'meetup', 'design system', 'IA', 'mentorat'], 3) };
    },
    status: [['recent', 30], ['overdue', 35], ['dormant', 15], ['none', 20]],
    channels: [['event', 5], ['message', 2], ['video', 2], ['in-person', 1]],
    directions: [['gave', 3], ['mutual', 4], ['received', 3]],
    ties: [1, 3],
    tieType: 'meetup',
    strength: [1, 3],
    personalMail: false,
  },
  {
    key: 'friends',
    size: 26,
    categories: ['cat_friends'],
    english: 0.05,
    cadence: 30,
    profile(r, clock) {
      const [o, title] = r.pick([
        [ORGS.lenoirArchi, 'Architecte'], [ORGS.cliniqueLilas, 'Infirmière'], [ORGS.collegeVerne, 'Professeur de mathématiques'],
        [ORGS.fournil, 'Boulanger'], [ORGS.voileClub, 'Moniteur de voile'], [ORGS.cliniqueLilas, 'Médecin'],
        [null, 'Avocate'], [null, 'Journaliste'], [ORGS.breizhCloud, 'Ingénieure logiciel'],
      ] as const);
      const organizations = o ? [job(clock, o, title, { start: r.int(300, 5000) })] : [];
      const city = o ? o.city : r.pick(['Rennes', 'Nantes', 'Paris']);
      return { organizations, schools: r.chance(0.3) ? [school('rennes', clock.year - r.int(12, 20))] : [], city, tags: tags(r, ['amis', 'voile', 'running', 'cuisine', 'randonnée'], 2) };
    },
    status: [['recent', 75], ['overdue', 20], ['dormant', 5]],
    channels: [['in-person', 5], ['message', 4], ['call', 3]],
    directions: [['mutual', 8], ['gave', 1], ['received', 1]],
    ties: [2, 5],
    tieType: 'amis',
    strength: [3, 5],
    personalMail: true,
  },
  {
    key: 'linkedin',
    size: 14,
    categories: [],
    english: 0.3,
    cadence: 365,
    profile(r, clock, person) {
      const recruiter = r.chance(0.3);
      const o = recruiter ? (person.english ? ORGS.talentBridge : ORGS.chasseurs) : r.pick([ORGS.klaxon, ORGS.santeConnect, ORGS.vernet, ORGS.garonne, ORGS.lumenAi]);
      const title = recruiter ? r.pick(['Talent Partner', 'Recruteuse tech', 'Chasseur de têtes']) : r.pick(['Business Developer', 'Sales Manager', 'Growth Marketer', 'Office Manager']);
      return { organizations: [job(clock, o, title, { start: r.int(100, 2000) })], schools: [], city: o.city, tags: [] };
    },
    status: [['none', 75], ['dormant', 25]],
    channels: [['message', 4], ['email', 1]],
    directions: [['received', 3], ['mutual', 1]],
    ties: [0, 0],
    tieType: 'connaissance',
    strength: [1, 1],
    personalMail: false,
  },
];

/** Cross-circle ties: the bridges that make structural holes visible. */
export const BRIDGES: readonly (readonly [string, string, number])[] = [
  ['alumni', 'clients', 5],
  ['alumni', 'investors', 3],
  ['telecom', 'community', 3],
  ['investors', 'community', 3],
  ['colleagues', 'community', 2],
  ['friends', 'telecom', 2],
  ['colleagues', 'clients', 2],
  ['studio', 'community', 1],
];

/** Group interactions: a dinner of the class, a meetup, a team seminar. */
export const GROUP_EVENTS: readonly { community: string; note: string; channel: Channel; count: number; size: readonly [number, number] }[] = [
  { community: 'alumni', note: 'Dîner de promo ESAC', channel: 'event', count: 6, size: [3, 6] },
  { community: 'community', note: 'Meetup Product Paris', channel: 'event', count: 8, size: [2, 5] },
  { community: 'telecom', note: 'Afterwork des anciens de Télécom Ouest', channel: 'in-person', count: 3, size: [3, 6] },
  { community: 'colleagues', note: "Séminaire d'équipe", channel: 'in-person', count: 4, size: [4, 8] },
  { community: 'investors', note: 'Demo day', channel: 'event', count: 3, size: [2, 4] },
  { community: 'friends', note: 'Week-end voile à Saint-Malo', channel: 'in-person', count: 3, size: [3, 5] },
];

export const NOTES: Record<Channel, readonly string[]> = {
  'in-person': ['Déjeuner', 'Café', 'Déjeuner près du bureau', 'Apéro après le travail', 'Lunch', 'Coffee'],
  call: ['Appel de suivi', 'Point téléphonique', 'Conseil sur une négociation'],
  video: ['Visio de suivi', 'Démo produit', 'Point trimestriel'],
  message: ['Échange sur LinkedIn', 'Félicitations pour le nouveau poste', 'Vœux de nouvel an'],
  email: ['Envoi d’un article', 'Mise en relation', 'Remerciements pour l’intro'],
  event: ['Conférence Paris Fintech Forum', 'Meetup produit', 'Salon Tech Ouest'],
  other: ['Carte de vœux'],
};

export const DIRECTION_NOTES: Record<Direction, readonly string[]> = {
  gave: ['Relecture de son CV', 'Recommandation LinkedIn', 'Intro à un recruteur', 'Conseils sur sa levée de fonds'],
  received: ['Intro à un investisseur', 'Conseils sur la roadmap', 'Recommandation pour une mission', 'Retour sur le pitch'],
  mutual: ['Échange de bonnes pratiques', 'Nouvelles de chacun'],
};
