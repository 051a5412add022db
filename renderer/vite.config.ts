import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dev server injects an inline React Refresh preamble that the page's
 * `script-src 'self'` policy would block. Only `vite` (serve) drops the
 * policy; the build keeps it, and that build is what users and tests load.
 */
function relaxCspInDev(): Plugin {
  return {
    name: 'carnet-relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), relaxCspInDev()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The polyfill is useless in Electron and recent Chromium, and keeping it out keeps the bundle free of inline code.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});
