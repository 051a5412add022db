import type { ParsedFile } from './types.js';

const ORDER: Record<string, number> = { 'linkedin-messages': 1, 'linkedin-invitations': 1, 'ties-csv': 2 };

/** Parsed files in applying order: contact files first, then interactions, then ties (stable otherwise). */
export function inApplyOrderOf(files: readonly ParsedFile[]): ParsedFile[] {
  return [...files].sort((a, b) => (ORDER[a.format] ?? 0) - (ORDER[b.format] ?? 0));
}
