import { getPreferences, setPreferences, usePreferences } from '../preferences/preferences.js';

/** The side dock's sections, in their order. */
export const SECTIONS = ['categories', 'filters', 'legend', 'options'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Folded at first: the dock opens on the categories and the legend. */
const FOLDED_AT_FIRST: readonly SectionId[] = ['filters', 'options'];

function closedNow(): string[] {
  return getPreferences().panels?.closedSections ?? [...FOLDED_AT_FIRST];
}

/** Folds or unfolds a section of the side dock (kept in the preferences). */
export function setSectionOpen(id: SectionId, open: boolean): void {
  const closed = closedNow().filter((s) => s !== id);
  setPreferences({ panels: { closedSections: open ? closed : [...closed, id] } });
}

/** Unfolds a section and unfolds the dock if it was folded to its rail. */
export function revealSection(id: SectionId): void {
  setSectionOpen(id, true);
  if (getPreferences().panels?.sideCollapsed) setPreferences({ panels: { sideCollapsed: false } });
}

/** Whether each section is unfolded; re-renders on change. */
export function useSections(): Record<SectionId, boolean> {
  const closed = usePreferences().panels?.closedSections ?? FOLDED_AT_FIRST;
  return Object.fromEntries(SECTIONS.map((s) => [s, !closed.includes(s)])) as Record<SectionId, boolean>;
}
