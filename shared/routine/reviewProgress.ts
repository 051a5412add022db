/** How far a review got, from its marks: what was decided, what is left, where to resume. */
import type { CarnetDocument, ReviewMark, ReviewSession } from '../document/schema.js';

export type ReviewProgress = {
  /** Mark of each decided contact, by its index in the review. */
  marks: Map<number, ReviewMark>;
  kept: number;
  archived: number;
  /** The first contact not decided yet (`contacts.length` when all are). */
  next: number;
  finished: boolean;
  /** The latest thing that happened in the review (its start, or its last decision). */
  lastActivity: string;
};

/** Marks by review, in one pass over all marks. */
export function marksByReview(doc: CarnetDocument): Map<string, Map<number, ReviewMark>> {
  const out = new Map<string, Map<number, ReviewMark>>();
  for (const m of Object.values(doc.reviewMarks)) {
    let marks = out.get(m.review);
    if (!marks) out.set(m.review, (marks = new Map()));
    marks.set(m.index, m);
  }
  return out;
}

export function reviewProgress(review: ReviewSession, marks: Map<number, ReviewMark> = new Map()): ReviewProgress {
  let kept = 0;
  let archived = 0;
  let lastActivity = review.startedAt;
  for (const m of marks.values()) {
    if (m.index >= review.contacts.length || review.contacts[m.index] !== m.contact) continue;
    if (m.decision === 'kept') kept++;
    else archived++;
    if (m.at > lastActivity) lastActivity = m.at;
  }
  let next = 0;
  while (next < review.contacts.length && marks.has(next)) next++;
  return { marks, kept, archived, next, finished: kept + archived >= review.contacts.length, lastActivity };
}

/** The review to resume: the unfinished one with the latest activity, if any. */
export function currentReview(doc: CarnetDocument): { review: ReviewSession; progress: ReviewProgress } | null {
  const byReview = marksByReview(doc);
  let best: { review: ReviewSession; progress: ReviewProgress } | null = null;
  for (const r of Object.values(doc.reviews)) {
    const progress = reviewProgress(r, byReview.get(r.id));
    if (progress.finished || r.contacts.length === 0) continue;
    if (!best || progress.lastActivity > best.progress.lastActivity) best = { review: r, progress };
  }
  return best;
}
