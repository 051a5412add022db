/**
 * The Playwright fixtures of the browser-mode specs: every test gets fresh
 * data and settings folders and its own `carnet web`, and fails if the page
 * threw or broke its Content Security Policy.
 */
import { test as base, expect } from '@playwright/test';
import { makeDirs, startServer, type CarnetDirs, type CarnetServer } from './server.js';

export type Carnet = {
  dirs: CarnetDirs;
  server: CarnetServer;
  /** Stops the server and starts a new one on the same folders (new port, new token). */
  restart(): Promise<CarnetServer>;
};

export const test = base.extend<{ carnet: Carnet; pageProblems: string[] }>({
  carnet: async ({}, use) => {
    const dirs = await makeDirs();
    const carnet: Carnet = {
      dirs,
      server: await startServer(dirs),
      async restart() {
        await carnet.server.stop();
        carnet.server = await startServer(dirs);
        return carnet.server;
      },
    };
    try {
      await use(carnet);
    } finally {
      await carnet.server.stop();
      await dirs.remove();
    }
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
      });
      await use(problems);
      expect(problems, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
