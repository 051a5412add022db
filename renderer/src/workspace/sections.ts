import { useSyncExternalStore } from 'react';
import { getPreferences, setPreferences, usePreferences } from '../preferences/preferences.js';

/** The side dock's sections, in their order. */
export const SECTIONS = ['categories', 'filters', 'legend', 'options'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Folded at first: the dock opens on the categories and the legend. */
const FOLDED_AT_FIRST: readonly SectionId[] = ['filters', 'options'];

/**
 * Which sections are unfolded. The user's choice is a preference; but while
 * a contact's card is open in the dock, every section folds to its header so
 * that the card has the room, and one unfolded meanwhile stays so until the
 * card closes (the preference is left as it was).
 */
let cardOpen = false;
let peek: ReadonlySet<SectionId> = new Set();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function closedNow(): readonly string[] {
  return getPreferences().panels?.closedSections ?? FOLDED_AT_FIRST;
}

/** The dock shows a contact's card, or no longer does. */
export function setCardOpen(open: boolean): void {
  if (open === cardOpen) return;
  cardOpen = open;
  peek = new Set();
  notify();
}

function setOpen(id: SectionId, open: boolean): void {
  if (cardOpen) {
    const next = new Set(peek);
    if (open) next.add(id);
    else next.delete(id);
    peek = next;
    return notify();
  }
  const closed = closedNow().filter((s) => s !== id);
  setPreferences({ panels: { closedSections: open ? closed : [...closed, id] } });
}

/** Folds or unfolds a section (its header was clicked). */
export function toggleSection(id: SectionId, open: boolean): void {
  setOpen(id, !open);
}

/** Unfolds a section, and the dock if it was folded to its rail (the map bar's Filters, the rail's buttons). */
export function revealSection(id: SectionId): void {
  setOpen(id, true);
  if (getPreferences().panels?.sideCollapsed) setPreferences({ panels: { sideCollapsed: false } });
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Whether each section is unfolded; re-renders on change. */
export function useSections(): Record<SectionId, boolean> {
  const closed = usePreferences().panels?.closedSections ?? FOLDED_AT_FIRST;
  const state = useSyncExternalStore(subscribe, () => (cardOpen ? peek : null));
  return Object.fromEntries(SECTIONS.map((s) => [s, state ? state.has(s) : !closed.includes(s)])) as Record<SectionId, boolean>;
}
