import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../../shared/import/index.js';

/** An import issue in the interface's language, from its catalog key. */
export function issueText(t: TFunction, issue: ImportIssue): string {
  return t(issue.key, issue.params ?? {});
}

/** "line 12" / "card 3", as the parsers write a record's place, in the interface's language. */
export function refText(t: TFunction, ref: string): string {
  const m = /^(line|card) (\d+)$/.exec(ref);
  return m ? t(`import.issues.${m[1]}`, { n: Number(m[2]) }) : ref;
}
