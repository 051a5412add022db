/**
 * Finds a Chromium to drive: Playwright cannot download its own browser on
 * our build machines, so the Debian one is the usual answer.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags for a headless Chromium that talks to nobody but our server. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** CHROMIUM_PATH, else Playwright's own browser when installed, else a system Chromium. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file is there`);
    return fromEnv;
  }
  const tried: string[] = [];
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
    if (own) tried.push(own);
  } catch {
    // Playwright throws when it has no browser registered for this platform: fall through to the system ones.
  }
  for (const p of SYSTEM_CHROMIUMS) {
    if (existsSync(p)) return p;
    tried.push(p);
  }
  throw new Error(
    `No Chromium found (tried ${tried.join(', ')}). Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable.`,
  );
}
