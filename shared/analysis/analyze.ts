/**
 * The network diagnosis in one call. Pure and deterministic: the same
 * document and the same `now` give the same result, which is plain JSON (no
 * Map, no NaN, no class) so a Web Worker can post it as is.
 */
import type { CarnetDocument } from '../document/schema.js';
import type { Cluster, PreviousClusters } from './clusters.js';
import type { DiversityEntry } from './diversity.js';
import type { DormantTie } from './dormantTies.js';
import type { FirstStep } from './firstSteps.js';
import type { Gaps } from './gaps.js';
import type { Lang } from './messages.js';
import type { Overdue } from './overdue.js';
import type { PersonaResult } from './personas.js';
import type { Reciprocity } from './reciprocity.js';
import type { SuggestedProfile } from './roles.js';
import { AnalysisSession } from './session.js';
import type { Stage } from './stage.js';

export type AnalyzeOptions = {
  /** "Today", `YYYY-MM-DD` or ISO: the analysis never reads the clock. */
  now: string;
  /** The clusters of the previous run, so cluster ids follow their members. */
  previous?: PreviousClusters;
  /** Language of the sentences (default English). */
  lang?: Lang;
  /** Longest dormant, overdue and first-step lists (default 100; totals are always exact). */
  limit?: number;
};

export type ContactAnalysis = {
  id: string;
  name: string;
  cluster: string | null;
  /** Burt's effective size among the user's contacts (null when linked to no one). */
  effectiveSize: number | null;
  constraint: number | null;
  /** 1–5, set by the user or inferred from the log. */
  strength: number;
  lastInteraction: string | null;
  /** Day of the last known contact: the last interaction, or the connection if later. */
  lastContact: string | null;
  /** A contact (interaction or connection) in the last 12 months. */
  active: boolean;
};

export type AnalysisResult = {
  now: string;
  lang: Lang;
  summary: { contacts: number; activeTies: number; clusters: number; modularity: number; edges: number };
  /** The user's own ego network: all contacts, weighted by strength. */
  me: { effectiveSize: number | null; constraint: number | null };
  contacts: ContactAnalysis[];
  clusters: Cluster[];
  gaps: Gaps;
  /** The user's personas, against their targets. */
  missingProfiles: PersonaResult[];
  /** Kinds of people the network lacks, proposed by Carnet (roles.ts). */
  suggestedProfiles: SuggestedProfile[];
  dormant: DormantTie[];
  dormantTotal: number;
  overdue: Overdue[];
  overdueTotal: number;
  /** Contacts never interacted with, worth a first step (firstSteps.ts). */
  firstSteps: FirstStep[];
  firstStepsTotal: number;
  stage: Stage;
  reciprocity: Reciprocity;
  diversity: DiversityEntry[];
};

/**
 * Analyses a document: clusters, gaps, missing and suggested profiles,
 * dormant and overdue ties, first steps, stage, reciprocity, diversity.
 * A caller that analyses the same document after each edit keeps an
 * AnalysisSession instead (same result, less work).
 */
export function analyzeNetwork(doc: CarnetDocument, opts: AnalyzeOptions): AnalysisResult {
  return new AnalysisSession().analyze(doc, opts);
}
