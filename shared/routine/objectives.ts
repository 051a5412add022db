/**
 * Which objective each contact serves. An objective names whom it concerns
 * through personas (the contacts matching them, and who can introduce the
 * user to one), clusters and categories; the week's plan puts the actions
 * that serve an objective first and says which one.
 */
import type { AnalysisResult } from '../analysis/analyze.js';
import type { CarnetDocument, Objective } from '../document/schema.js';
import { addDays } from './dates.js';
import { idValues } from '../document/idMap.js';

/** Active objectives, the nearest deadline first (those without one last), then by id. */
export function activeObjectives(doc: CarnetDocument): Objective[] {
  return Object.values(doc.objectives)
    .filter((o) => o.status === 'active')
    .sort((a, b) => {
      const da = a.by ?? '9999';
      const db = b.by ?? '9999';
      return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}

export type Served = {
  /** Contact id → the first objective (in activeObjectives order) it serves. */
  byContact: Map<string, string>;
  /** Persona id → the first objective that names it. */
  byPersona: Map<string, string>;
};

export function servedObjectives(doc: CarnetDocument, analysis: AnalysisResult | null): Served {
  const byContact = new Map<string, string>();
  const byPersona = new Map<string, string>();
  const objectives = activeObjectives(doc);
  if (objectives.length === 0) return { byContact, byPersona };
  const claim = (contact: string, objective: string) => {
    if (!byContact.has(contact)) byContact.set(contact, objective);
  };
  const personaResults = new Map((analysis?.missingProfiles ?? []).map((p) => [p.persona.id, p]));
  const clusterOf = new Map((analysis?.contacts ?? []).map((c) => [c.id, c.cluster]));
  for (const o of objectives) {
    for (const pid of o.personas) {
      if (!byPersona.has(pid)) byPersona.set(pid, o.id);
      const r = personaResults.get(pid);
      if (!r) continue;
      for (const id of r.matches) claim(id, o.id);
      for (const i of [...r.introducers, ...r.toWarmUp]) claim(i.id, o.id);
    }
    if (o.clusters.length > 0) {
      const wanted = new Set(o.clusters);
      for (const [id, cluster] of clusterOf) if (cluster && wanted.has(cluster)) claim(id, o.id);
    }
    if (o.categories.length > 0) {
      const wanted = new Set(o.categories);
      for (const c of idValues(doc.contacts)) if (c.categories.some((k) => wanted.has(k))) claim(c.id, o.id);
    }
  }
  return { byContact, byPersona };
}

/** Steps not done and due by `until`, of active objectives, the earliest first. */
export function dueSteps(doc: CarnetDocument, until: string): { objective: Objective; step: Objective['steps'][number] }[] {
  const out: { objective: Objective; step: Objective['steps'][number] }[] = [];
  for (const o of activeObjectives(doc)) for (const s of o.steps) if (!s.done && s.due.slice(0, 10) <= until) out.push({ objective: o, step: s });
  return out.sort((a, b) => (a.step.due < b.step.due ? -1 : a.step.due > b.step.due ? 1 : 0));
}

/** Objectives whose review date has come by `today`. */
export function reviewsDue(doc: CarnetDocument, today: string): Objective[] {
  return activeObjectives(doc).filter((o) => o.reviewDate !== undefined && o.reviewDate.slice(0, 10) <= today);
}

/** Default interval to the next review when the user confirms an objective is still right. */
export const REVIEW_EVERY_DAYS = 90;

export function nextReviewDate(today: string): string {
  return addDays(today, REVIEW_EVERY_DAYS);
}
