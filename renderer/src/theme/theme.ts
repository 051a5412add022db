import { useSyncExternalStore } from 'react';
import { getPreferences, onPreferences, setPreferences } from '../preferences/preferences.js';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/**
 * The theme is one of the window's preferences, kept in the settings
 * (preferences.ts). A copy in localStorage only serves the first paint,
 * before the settings arrive, so that a reload does not flash the other theme.
 */
const KEY = 'carnet.theme';
const listeners = new Set<() => void>();
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function readCached(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function cache(c: ThemeChoice): void {
  try {
    if (c === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, c);
  } catch {
    // Storage refused (private mode): the settings still hold the choice.
  }
}

let choice: ThemeChoice = readCached();

function resolve(c: ThemeChoice): Theme {
  return c === 'system' ? (media().matches ? 'dark' : 'light') : c;
}

let current = { choice, theme: resolve(choice) };

function update(): void {
  const next = { choice, theme: resolve(choice) };
  if (next.choice === current.choice && next.theme === current.theme && document.documentElement.dataset.theme === next.theme) return;
  current = next;
  document.documentElement.dataset.theme = current.theme;
  for (const l of listeners) l();
}

// Set when the app's modules load, before the first render, so the page never flashes the other theme.
current = { choice, theme: resolve(choice) };
document.documentElement.dataset.theme = current.theme;
media().addEventListener('change', () => {
  if (choice === 'system') update();
});
// The settings' choice wins over the cached one once they arrive (or when another window changes it).
onPreferences(() => {
  const stored = getPreferences().theme;
  if (stored && stored !== choice) {
    choice = stored;
    cache(stored);
    update();
  }
});

/** Chooses a theme and remembers it in the settings. */
export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  cache(next);
  setPreferences({ theme: next });
  update();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The user's choice and the theme it resolves to; re-renders on change. */
export function useTheme(): { choice: ThemeChoice; theme: Theme } {
  return useSyncExternalStore(subscribe, () => current);
}
