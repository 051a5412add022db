import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../helpers/browser.js';
import { ROOT } from '../helpers/server.js';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './globalSetup.ts',
  // Each test runs its own server on a 2-core machine: one at a time keeps timings sane.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: join(ROOT, 'test-results/e2e'),
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 860 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
