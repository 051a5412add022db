import { useSyncExternalStore } from 'react';
import type { CarnetApi } from '../../../shared/api/contract.js';
import { mergePreferences, type Preferences } from '../../../shared/api/preferences.js';

/**
 * The window's preferences, as the settings keep them (shared/api/preferences.ts):
 * read once with the settings, changed here at once for the screen, and
 * written back to the settings a moment later (one write for a burst of
 * changes, such as dragging a splitter).
 */
let current: Preferences = {};
let api: CarnetApi | null = null;
let pending: Preferences = {};
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

/** Settings are written this long after the last change. */
const SAVE_DELAY_MS = 300;

function notify(): void {
  for (const l of listeners) l();
}

/** The preferences the settings held at start; later changes go to `to`. */
export function startPreferences(to: CarnetApi, stored: Preferences): void {
  api = to;
  current = mergePreferences(stored, pending);
  notify();
}

/** Changes some preferences now and stores them soon. */
export function setPreferences(patch: Preferences): void {
  current = mergePreferences(current, patch);
  pending = mergePreferences(pending, patch);
  notify();
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flushPreferences(), SAVE_DELAY_MS);
}

/** Writes what is waiting now (a window about to close, a test). */
export async function flushPreferences(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!api || Object.keys(pending).length === 0) return;
  const patch = pending;
  pending = {};
  try {
    await api.setPreferences(patch);
  } catch (e) {
    // A preference that was not stored costs the user nothing now; it is said in the console for whoever looks.
    console.error('Carnet: the preferences could not be stored', e);
  }
}

/** True while a change waits to be written (the test probe's idle()). */
export function preferencesPending(): boolean {
  return timer !== null;
}

export function getPreferences(): Preferences {
  return current;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The preferences now; re-renders on change. */
export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribe, () => current);
}

/** Subscribes outside React (the theme). */
export function onPreferences(listener: () => void): () => void {
  return subscribe(listener);
}
