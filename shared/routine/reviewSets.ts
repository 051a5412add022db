/**
 * The sets of contacts a review walks through: everyone, a category, a
 * cluster, the contacts of the last import, those never contacted, and those
 * not contacted for a year. Archived contacts are in none of them. Sorted by
 * name (accents and case folded), then id, so a set reads like a list.
 */
import type { AnalysisResult } from '../analysis/analyze.js';
import { fold } from '../analysis/text.js';
import type { CarnetDocument, Contact, ReviewSession } from '../document/schema.js';
import { addDays } from './dates.js';
import { contactLogs } from './contactLog.js';
import { lastImport } from './reminders.js';
import { idValues } from '../document/idMap.js';

export type ReviewSet = ReviewSession['set'];

/** "Not contacted for a year" means no interaction in this many days (but at least one before). */
export const QUIET_DAYS = 365;

export function reviewSetContacts(doc: CarnetDocument, analysis: AnalysisResult | null, set: ReviewSet, today: string): string[] {
  const logs = set.kind === 'never' || set.kind === 'year' ? contactLogs(doc, today) : null;
  const yearAgo = addDays(today, -QUIET_DAYS);
  let keep: (c: Contact) => boolean;
  switch (set.kind) {
    case 'all':
      keep = () => true;
      break;
    case 'category':
      keep = (c) => set.ref !== undefined && c.categories.includes(set.ref);
      break;
    case 'cluster': {
      const members = new Set((analysis?.clusters ?? []).find((c) => c.id === set.ref)?.members ?? []);
      keep = (c) => members.has(c.id);
      break;
    }
    case 'imported': {
      const at = lastImport(doc)?.at;
      keep = (c) => at !== undefined && c.sources.length > 0 && c.sources.reduce((m, s) => (s.importedAt > m ? s.importedAt : m), '') === at;
      break;
    }
    case 'never':
      keep = (c) => !logs!.has(c.id);
      break;
    case 'year':
      keep = (c) => {
        const log = logs!.get(c.id);
        return log !== undefined && log.last < yearAgo;
      };
      break;
  }
  return idValues(doc.contacts)
    .filter((c) => !c.archived && keep(c))
    .map((c) => ({ id: c.id, key: fold(c.name) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.id);
}
