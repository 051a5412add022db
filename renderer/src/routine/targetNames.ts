import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import type { TargetNames } from '../../../shared/document/objectives.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';

/** How an objective names whom it concerns: persona and category names, cluster labels (the user's, else the analysis'). */
export function targetNames(doc: CarnetDocument, result: AnalysisResult | null, deleted: string): TargetNames {
  const clusters = new Map((result?.clusters ?? []).map((c) => [c.id, c.label]));
  return {
    persona: (id) => (Object.hasOwn(doc.personas, id) ? doc.personas[id]!.name : deleted),
    category: (id) => (Object.hasOwn(doc.categories, id) ? doc.categories[id]!.name : deleted),
    cluster: (id) => (Object.hasOwn(doc.clusters, id) && doc.clusters[id]!.label) || clusters.get(id) || deleted,
  };
}
