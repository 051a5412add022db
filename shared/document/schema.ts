/**
 * The Carnet document: the whole contact graph of one user, as saved to disk.
 *
 * Collections are objects keyed by id (not arrays) so that an operation touches
 * one entry in O(1) even at 30,000 contacts, and so that a change can be stated
 * as "put this entity" / "delete this id" (see operations.ts).
 */
import { z } from 'zod';
import { emptyIdMap, idRecord } from './idMap.js';

export const FORMAT = 'carnet' as const;
/** Current document version. Bump it together with a migration in migrations.ts. */
export const CURRENT_VERSION = 1 as const;

const id = z.string().min(1).max(200);
/** A calendar date `YYYY-MM-DD` or a full ISO 8601 timestamp. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected a date YYYY-MM-DD or an ISO 8601 timestamp');

/** Where a value came from: the file it was imported from (absent for values typed in Carnet). */
const source = z.string().max(1000).optional();

export const LabeledValue = z.object({
  value: z.string().min(1).max(2000),
  label: z.string().max(200).optional(),
  source,
});
export type LabeledValue = z.infer<typeof LabeledValue>;

export const Organization = z.object({
  name: z.string().min(1).max(500),
  title: z.string().max(500).optional(),
  department: z.string().max(500).optional(),
  sector: z.string().max(200).optional(),
  /** false for a past employer. */
  current: z.boolean().default(true),
  start: isoDate.optional(),
  end: isoDate.optional(),
  source,
});
export type Organization = z.infer<typeof Organization>;

export const School = z.object({
  name: z.string().min(1).max(500),
  degree: z.string().max(500).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  source,
});
export type School = z.infer<typeof School>;

export const Address = z.object({
  street: z.string().max(1000).optional(),
  city: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  postalCode: z.string().max(50).optional(),
  country: z.string().max(200).optional(),
  label: z.string().max(200).optional(),
  source,
});
export type Address = z.infer<typeof Address>;

/** Where a contact record came from: one entry per import that created or enriched it. */
export const ContactSource = z.object({
  file: z.string().max(1000),
  format: z.string().max(100),
  importedAt: isoDate,
  /** Line (CSV) or card number (vCard) in that file. */
  ref: z.string().max(100).optional(),
});
export type ContactSource = z.infer<typeof ContactSource>;

export const Contact = z.object({
  id,
  /** Display name. */
  name: z.string().min(1).max(500),
  givenName: z.string().max(200).optional(),
  familyName: z.string().max(200).optional(),
  emails: z.array(LabeledValue).default([]),
  phones: z.array(LabeledValue).default([]),
  urls: z.array(LabeledValue).default([]),
  /** The person's LinkedIn (or other network) profile URL, used to match imports. */
  profileUrl: z.string().max(2000).optional(),
  organizations: z.array(Organization).default([]),
  schools: z.array(School).default([]),
  addresses: z.array(Address).default([]),
  /** Main city, used for affinities and personas. */
  city: z.string().max(200).optional(),
  tags: z.array(z.string().min(1).max(200)).default([]),
  /** Ids of categories (see `categories`). */
  categories: z.array(id).default([]),
  notes: z.string().max(100_000).optional(),
  birthday: z.string().max(50).optional(),
  /** A small thumbnail as a data: URL (imports shrink or drop bigger photos). */
  photo: z.string().max(200_000).optional(),
  /** Closeness of the relationship with the user, 1 (acquaintance) to 5 (intimate). */
  strength: z.number().int().min(1).max(5).optional(),
  /** Days between contacts the user wants with this person; overrides the category's cadence. */
  cadenceDays: z.number().int().min(1).max(3650).optional(),
  connectedOn: isoDate.optional(),
  archived: z.boolean().optional(),
  sources: z.array(ContactSource).default([]),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Contact = z.infer<typeof Contact>;
export type ContactInput = z.input<typeof Contact>;

/** An explicit tie between two contacts (the user knows they know each other). */
export const Tie = z.object({
  id,
  from: id,
  to: id,
  type: z.string().max(200).optional(),
  /** 0 (weak) to 1 (strong). */
  strength: z.number().min(0).max(1).default(0.5),
  note: z.string().max(10_000).optional(),
  source,
});
export type Tie = z.infer<typeof Tie>;

export const CHANNELS = ['in-person', 'call', 'video', 'message', 'email', 'event', 'other'] as const;
export const DIRECTIONS = ['gave', 'received', 'mutual'] as const;
/** What an interaction was, beyond its channel: what activity goals such as "a lunch a week" count. */
export const INTERACTION_KINDS = ['lunch', 'coffee', 'meeting', 'introduction'] as const;

/** Something that happened between the user and one or more contacts. */
export const Interaction = z.object({
  id,
  date: isoDate,
  contacts: z.array(id).min(1),
  channel: z.enum(CHANNELS),
  /** From the user's point of view: the user gave (helped, introduced, thanked), received, or both. */
  direction: z.enum(DIRECTIONS).default('mutual'),
  /** What it was (a lunch, a coffee…), when the user said so. */
  kind: z.enum(INTERACTION_KINDS).optional(),
  note: z.string().max(100_000).optional(),
  source,
});
export type Interaction = z.infer<typeof Interaction>;

export const Category = z.object({
  id,
  name: z.string().min(1).max(200),
  /** CSS colour `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour #rrggbb'),
  cadenceDays: z.number().int().min(1).max(3650).optional(),
});
export type Category = z.infer<typeof Category>;

/** Keywords: any keyword within a field matches; every non-empty field must match. */
export const PersonaMatch = z.object({
  title: z.array(z.string().max(200)).default([]),
  organization: z.array(z.string().max(200)).default([]),
  location: z.array(z.string().max(200)).default([]),
  tags: z.array(z.string().max(200)).default([]),
  sector: z.array(z.string().max(200)).default([]),
  school: z.array(z.string().max(200)).default([]),
});
export type PersonaMatch = z.infer<typeof PersonaMatch>;

/** A target profile the user wants in their network ("investor in Rennes"), with how many. */
export const Persona = z.object({
  id,
  name: z.string().min(1).max(200),
  match: PersonaMatch,
  target: z.number().int().min(0).max(100_000),
  reviewDate: isoDate.optional(),
  notes: z.string().max(10_000).optional(),
});
export type Persona = z.infer<typeof Persona>;

export const Position = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  /** Put there by the user: layouts must not move it. */
  pinned: z.boolean().optional(),
});
export type Position = z.infer<typeof Position>;

/** The user's own profile: what "common points" are computed against. */
export const Me = z.object({
  name: z.string().max(500).optional(),
  /** One line about the user ("Product designer, fintech"), as LinkedIn's headline. */
  headline: z.string().max(500).optional(),
  organizations: z.array(Organization).default([]),
  schools: z.array(School).default([]),
  city: z.string().max(200).optional(),
  sector: z.string().max(200).optional(),
  tags: z.array(z.string().max(200)).default([]),
  profileUrl: z.string().max(2000).optional(),
});
export type Me = z.infer<typeof Me>;

/** A suggestion the user snoozed (until a date) or dismissed. Keyed by suggestion key. */
export const SuggestionState = z.object({
  id,
  status: z.enum(['snoozed', 'dismissed']),
  until: isoDate.optional(),
});
export type SuggestionState = z.infer<typeof SuggestionState>;

/** A user's name and colour for an affinity cluster (cluster ids are stable across runs). */
export const ClusterStyle = z.object({
  id,
  label: z.string().max(200).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
});
export type ClusterStyle = z.infer<typeof ClusterStyle>;

/**
 * One cluster of the last analysis, as the map drew it: the map opens on these
 * at once, before the fresh analysis answers (shared/document/clusterCache.ts).
 * Written by the app on its own, never an undo step. `members` are soft
 * references: an id that is no contact (any more) is ignored, not an error.
 */
/** The longest label a cached cluster keeps (clusterCache.ts shortens a longer one). */
export const CACHED_LABEL_MAX = 1000;
export const CachedCluster = z.object({
  id,
  label: z.string().max(CACHED_LABEL_MAX).default(''),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour #rrggbb'),
  members: z.array(id).max(1_000_000),
});
export type CachedCluster = z.infer<typeof CachedCluster>;

// ---- The routine: objectives, activity goals, week plans, reviews (shared/routine) ----

/** The stages of seed article 000, also what the analysis measures (shared/analysis/stage.ts). */
export const STAGES = ['development', 'consolidation', 'maintenance'] as const;

/**
 * A sentence as data: a key of the shared catalog (shared/i18n) and its
 * parameters, so a stored text reads in the language of whoever shows it.
 * Parameter names are identifiers (never `__proto__`).
 */
export const Phrase = z.object({
  key: z.string().min(1).max(200),
  params: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,49}$/, 'expected a parameter name'), z.union([z.string().max(2000), z.number()])).optional(),
});
export type Phrase = z.infer<typeof Phrase>;

/** A sub-objective with its own date: the steps spread an objective over the weeks. */
export const ObjectiveStep = z.object({
  id,
  text: z.string().min(1).max(1000),
  due: isoDate,
  /** When the user marked it done. */
  done: isoDate.optional(),
});
export type ObjectiveStep = z.infer<typeof ObjectiveStep>;

export const OBJECTIVE_FIELDS = ['title', 'personas', 'clusters', 'categories', 'why', 'by', 'stage', 'steps', 'reviewDate', 'status'] as const;

/** One revision of an objective: when, and what changed (as it read then: names, not ids). */
export const ObjectiveRevision = z.object({
  at: isoDate,
  kind: z.enum(['created', 'edited', 'reviewed']),
  changes: z
    .array(z.object({ field: z.enum(OBJECTIVE_FIELDS), from: z.string().max(5000).optional(), to: z.string().max(5000).optional() }))
    .max(OBJECTIVE_FIELDS.length)
    .default([]),
  note: z.string().max(2000).optional(),
});
export type ObjectiveRevision = z.infer<typeof ObjectiveRevision>;

/**
 * What the user is networking for ("raise a seed round"), for whom (personas,
 * clusters, categories: soft references, an objective outlives them), why, by
 * when, and the stage it calls for. Every change is kept in `history`.
 */
export const Objective = z.object({
  id,
  title: z.string().min(1).max(500),
  personas: z.array(id).max(1000).default([]),
  clusters: z.array(id).max(1000).default([]),
  categories: z.array(id).max(1000).default([]),
  why: z.string().max(5000).optional(),
  by: isoDate.optional(),
  stage: z.enum(STAGES).optional(),
  steps: z.array(ObjectiveStep).max(500).default([]),
  /** When Carnet asks the user to look at the objective again. */
  reviewDate: isoDate.optional(),
  status: z.enum(['active', 'achieved', 'dropped']).default('active'),
  history: z.array(ObjectiveRevision).max(10_000).default([]),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Objective = z.infer<typeof Objective>;
export type ObjectiveInput = z.input<typeof Objective>;

export const PERIOD_UNITS = ['day', 'week', 'month'] as const;

/**
 * A cadence of activity counted from the interaction log: `count`
 * interactions of these channels and kinds (any, when both lists are empty)
 * every `every` days, weeks (Monday to Sunday) or calendar months, from `since`.
 */
export const ActivityGoal = z.object({
  id,
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  kinds: z.array(z.enum(INTERACTION_KINDS)).max(INTERACTION_KINDS.length).default([]),
  count: z.number().int().min(1).max(1000),
  every: z.number().int().min(1).max(366),
  unit: z.enum(PERIOD_UNITS),
  /** The first period starts on this day (day periods) or contains it (weeks, months). */
  since: isoDate,
  /** The objective the goal serves (a soft reference). */
  objective: id.optional(),
  paused: z.boolean().optional(),
});
export type ActivityGoal = z.infer<typeof ActivityGoal>;

export const PLAN_ACTION_KINDS = ['step', 'birthday', 'overdue', 'introducer', 'dormant', 'meet'] as const;
export const PLAN_STATUSES = ['open', 'done', 'snoozed', 'postponed', 'skipped'] as const;

/** One thing to do this week: who, why, a first step that gives, and the user's if-then plan. */
export const PlanAction = z.object({
  /** Stable key of what the action is about (`overdue:<contact>`, `step:<objective>:<step>`…). */
  key: z.string().min(1).max(500),
  kind: z.enum(PLAN_ACTION_KINDS),
  /** Who (soft references: a deleted contact leaves the action in the history). */
  contacts: z.array(id).max(50).default([]),
  objective: id.optional(),
  step: id.optional(),
  persona: id.optional(),
  why: z.array(Phrase).min(1).max(10),
  firstStep: Phrase,
  /** The channel a "done" is logged with by default. */
  channel: z.enum(CHANNELS),
  /** The user's if-then plan: when and where they will do it. */
  when: z.string().max(500).optional(),
  where: z.string().max(500).optional(),
  status: z.enum(PLAN_STATUSES).default('open'),
  /** Snoozed until this day. */
  until: isoDate.optional(),
  /** The week (its Monday) it was first planned, when carried over. */
  carriedFrom: isoDate.optional(),
  /** The interaction logged when it was marked done. */
  interaction: id.optional(),
  doneAt: isoDate.optional(),
});
export type PlanAction = z.infer<typeof PlanAction>;

/** The plan of one week, keyed by its Monday (`YYYY-MM-DD`): made once, then only the user changes it. */
export const WeekPlan = z.object({
  id,
  createdAt: isoDate,
  /** How many actions the user wants a week (3 to 7); the next week's plan takes the same. */
  size: z.number().int().min(3).max(7),
  actions: z.array(PlanAction).max(50),
});
export type WeekPlan = z.infer<typeof WeekPlan>;

export const REVIEW_SETS = ['all', 'category', 'cluster', 'imported', 'never', 'year'] as const;

/**
 * A walk through a set of contacts, one at a time: the set as it was at the
 * start, written once. What the user decided is in `reviewMarks`, one small
 * entity per contact, so a keypress costs the same in a review of 20 or of
 * 30,000 contacts.
 */
export const ReviewSession = z.object({
  id,
  set: z.object({
    kind: z.enum(REVIEW_SETS),
    /** The category or cluster id. */
    ref: id.optional(),
    /** Its name when the review started. */
    label: z.string().max(500).optional(),
  }),
  contacts: z.array(id).max(100_000),
  startedAt: isoDate,
});
export type ReviewSession = z.infer<typeof ReviewSession>;

/** What the user decided about one contact of a review. Keyed `<review id>.<index in its contacts>`. */
export const ReviewMark = z.object({
  id,
  review: id,
  index: z.number().int().min(0).max(100_000),
  contact: id,
  decision: z.enum(['kept', 'archived']),
  at: isoDate,
});
export type ReviewMark = z.infer<typeof ReviewMark>;

/** The map's filters as a saved view keeps them (renderer/src/filters/filterModel.ts reads them). */
export const ViewFilters = z.object({
  categories: z.array(id).max(1000).default([]),
  clusters: z.array(id).max(1000).default([]),
  tags: z.array(z.string().min(1).max(200)).max(1000).default([]),
  strengths: z.array(z.number().int().min(1).max(5)).max(5).default([]),
  status: z.array(z.enum(['overdue', 'dormant'])).max(2).default([]),
  sources: z.array(z.string().min(1).max(100)).max(100).default([]),
  lastFrom: isoDate.nullable().default(null),
  lastTo: isoDate.nullable().default(null),
});
export type ViewFilters = z.infer<typeof ViewFilters>;

/**
 * A view of the map the user saved under a name: the filters, the part of
 * the map shown (map coordinates), the map options and an ego view. The
 * categories, clusters or contact it names may have gone since: they are
 * then left out when the view is shown.
 */
export const SavedView = z.object({
  id,
  name: z.string().min(1).max(200),
  viewport: z
    .object({ x1: z.number().finite(), y1: z.number().finite(), x2: z.number().finite(), y2: z.number().finite() })
    .refine((v) => v.x2 > v.x1 && v.y2 > v.y1, 'expected x2 > x1 and y2 > y1'),
  filters: ViewFilters,
  options: z
    .object({
      sizeBy: z.enum(['strength', 'brokerage']).optional(),
      showMe: z.boolean().optional(),
      showGaps: z.boolean().optional(),
      showCategories: z.boolean().optional(),
    })
    .default({}),
  /** The contact in the middle of an ego view, and how many ties away its circle reaches. */
  ego: z.object({ contact: id, depth: z.union([z.literal(1), z.literal(2)]) }).optional(),
  createdAt: isoDate,
});
export type SavedView = z.infer<typeof SavedView>;

export const CarnetDocument = z.object({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  meta: z.object({
    title: z.string().max(500).default('Carnet'),
    createdAt: isoDate,
    /** Number of the last change applied; the journal replays changes after it. */
    revision: z.number().int().min(0).default(0),
  }),
  me: Me.default({ organizations: [], schools: [], tags: [] }),
  // idRecord, not z.record: ids such as "__proto__" or "constructor" are data (see idMap.ts).
  contacts: idRecord(id, Contact).prefault({}),
  ties: idRecord(id, Tie).prefault({}),
  interactions: idRecord(id, Interaction).prefault({}),
  categories: idRecord(id, Category).prefault({}),
  personas: idRecord(id, Persona).prefault({}),
  positions: idRecord(id, Position).prefault({}),
  suggestions: idRecord(id, SuggestionState).prefault({}),
  clusters: idRecord(id, ClusterStyle).prefault({}),
  objectives: idRecord(id, Objective).prefault({}),
  goals: idRecord(id, ActivityGoal).prefault({}),
  plans: idRecord(id, WeekPlan).prefault({}),
  reviews: idRecord(id, ReviewSession).prefault({}),
  reviewMarks: idRecord(id, ReviewMark).prefault({}),
  views: idRecord(id, SavedView).prefault({}),
  clusterCache: idRecord(id, CachedCluster).prefault({}),
});
export type CarnetDocument = z.infer<typeof CarnetDocument>;

/** The collections an operation can put into or delete from. */
export const COLLECTIONS = [
  'contacts',
  'ties',
  'interactions',
  'categories',
  'personas',
  'positions',
  'suggestions',
  'clusters',
  'objectives',
  'goals',
  'plans',
  'reviews',
  'reviewMarks',
  'views',
  'clusterCache',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** The schema of one entity of each collection, to validate a put. */
export const ENTITY_SCHEMAS = {
  contacts: Contact,
  ties: Tie,
  interactions: Interaction,
  categories: Category,
  personas: Persona,
  positions: Position,
  suggestions: SuggestionState,
  clusters: ClusterStyle,
  objectives: Objective,
  goals: ActivityGoal,
  plans: WeekPlan,
  reviews: ReviewSession,
  reviewMarks: ReviewMark,
  views: SavedView,
  clusterCache: CachedCluster,
} as const satisfies Record<CollectionName, z.ZodType>;

export type EntityOf<C extends CollectionName> = z.infer<(typeof ENTITY_SCHEMAS)[C]>;

/** A fresh, empty document. */
export function emptyDocument(now: string, title = 'Carnet'): CarnetDocument {
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    meta: { title, createdAt: now, revision: 0 },
    me: { organizations: [], schools: [], tags: [] },
    contacts: emptyIdMap(),
    ties: emptyIdMap(),
    interactions: emptyIdMap(),
    categories: emptyIdMap(),
    personas: emptyIdMap(),
    positions: emptyIdMap(),
    suggestions: emptyIdMap(),
    clusters: emptyIdMap(),
    objectives: emptyIdMap(),
    goals: emptyIdMap(),
    plans: emptyIdMap(),
    reviews: emptyIdMap(),
    reviewMarks: emptyIdMap(),
    views: emptyIdMap(),
    clusterCache: emptyIdMap(),
  };
}

/**
 * Takes the prototype off the collections of a document that came as plain
 * JSON (a JSON.parse, a structured clone) rather than through the schema:
 * a lookup of an id such as "constructor" then finds nothing instead of
 * Object.prototype's member (see idMap.ts). A collection newer than the
 * Carnet that wrote the text (`clusterCache`) is added empty, as the schema would.
 */
export function withoutPrototypes<T extends Pick<CarnetDocument, CollectionName>>(doc: T): T {
  for (const coll of COLLECTIONS) {
    const c = doc[coll] as object | undefined;
    if (c === undefined) (doc as Record<string, unknown>)[coll] = emptyIdMap();
    else if (c && typeof c === 'object' && Object.getPrototypeOf(c) !== null) Object.setPrototypeOf(c, null);
  }
  return doc;
}
