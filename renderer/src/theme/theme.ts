import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/**
 * The theme is a preference of this computer's display rather than of the
 * document or the account, so it lives in localStorage, not in the settings.
 */
const KEY = 'carnet.theme';
const listeners = new Set<() => void>();
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

let choice: ThemeChoice = readChoice();

function resolve(c: ThemeChoice): Theme {
  return c === 'system' ? (media().matches ? 'dark' : 'light') : c;
}

let current = { choice, theme: resolve(choice) };

function update(): void {
  current = { choice, theme: resolve(choice) };
  document.documentElement.dataset.theme = current.theme;
  for (const l of listeners) l();
}

// Set when the app's modules load, before the first render, so the page never flashes the other theme.
update();
media().addEventListener('change', () => {
  if (choice === 'system') update();
});

/** Chooses a theme and remembers it on this computer. */
export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
  } catch {
    // Storage refused (private mode): the choice holds until the window closes.
  }
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
