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

/** Something that happened between the user and one or more contacts. */
export const Interaction = z.object({
  id,
  date: isoDate,
  contacts: z.array(id).min(1),
  channel: z.enum(CHANNELS),
  /** From the user's point of view: the user gave (helped, introduced, thanked), received, or both. */
  direction: z.enum(DIRECTIONS).default('mutual'),
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
  views: idRecord(id, SavedView).prefault({}),
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
  'views',
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
  views: SavedView,
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
    views: emptyIdMap(),
  };
}
