import type { ParsedFile } from './types.js';

/** Interactions name contacts, and ties name two: each comes after what it names. */
const ORDER: Partial<Record<string, number>> = {
  'linkedin-messages': 1,
  'linkedin-invitations': 1,
  'linkedin-endorsements-given': 1,
  'linkedin-endorsements-received': 1,
  'linkedin-recommendations-given': 1,
  'linkedin-recommendations-received': 1,
  'ties-csv': 2,
};

const rank = (format: string) => (Object.hasOwn(ORDER, format) ? ORDER[format]! : 0);

/** Parsed files in applying order: contact files first, then interactions, then ties (stable otherwise). */
export function inApplyOrderOf(files: readonly ParsedFile[]): ParsedFile[] {
  return [...files].sort((a, b) => rank(a.format) - rank(b.format));
}
