/**
 * The page's entry: asks for the session and the document's state first (prefetch.ts), then loads the app
 * (main.tsx), whose code takes a few hundred ms to load and run; the two overlap.
 */
import { prefetchState } from './api/prefetch.js';

prefetchState();
import('./main.js').catch((e: unknown) => {
  // The app's code could not be loaded (a build with a missing file): say so rather than leave a blank page.
  const root = document.getElementById('root');
  if (root) root.textContent = `Carnet could not start: ${e instanceof Error ? e.message : String(e)}`;
  console.error('Carnet: the app could not be loaded', e);
});
