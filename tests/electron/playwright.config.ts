// Playwright `_electron` suite: drives the built app (`npm run build`) in the real Electron binary.
// Where the binary is not installed, every test is skipped and globalSetup says why in one line.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './globalSetup.ts',
  outputDir: '../../test-results/electron',
  // One app instance at a time: each test owns its data folder, but Electron is heavy on 2 cores.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
