import type { School } from '../../../shared/document/schema.js';

/** A school as the form edits it: strings as typed, and the stored school it came from (its source and anything the form does not show). */
export type SchoolDraft = { name: string; degree: string; year: string; base?: School };

/** The first problem of a list of schools: which row, and the message key. */
export type RowError = { index: number; key: string; params?: Record<string, string> };

export function schoolDraftOf(s: School): SchoolDraft {
  return { name: s.name, degree: s.degree ?? '', year: s.year === undefined ? '' : String(s.year), base: s };
}

export const EMPTY_SCHOOL: SchoolDraft = { name: '', degree: '', year: '' };

const blank = (s: SchoolDraft) => !s.name.trim() && !s.degree.trim() && !s.year.trim();

export function schoolError(list: readonly SchoolDraft[]): RowError | undefined {
  for (const [index, s] of list.entries()) {
    if (blank(s)) continue;
    if (!s.name.trim()) return { index, key: 'panel.errors.schoolName' };
    const year = s.year.trim();
    if (year && !(/^\d{4}$/.test(year) && Number(year) >= 1900 && Number(year) <= 2200)) {
      return { index, key: 'panel.errors.schoolYear', params: { value: year } };
    }
  }
  return undefined;
}

/** The schools to store; rows left blank are dropped (an "Add a school" clicked by mistake is not an error). */
export function schoolsOf(list: readonly SchoolDraft[]): School[] {
  return list.filter((s) => !blank(s)).map((s) => {
    const next: School = { ...s.base, name: s.name.trim() };
    const degree = s.degree.trim();
    if (degree) next.degree = degree;
    else delete next.degree;
    if (s.year.trim()) next.year = Number(s.year.trim());
    else delete next.year;
    return next;
  });
}
