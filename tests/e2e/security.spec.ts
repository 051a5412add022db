// Browser mode lets in only Carnet's own page: what the browser keeps or sends elsewhere, and what a
// command line shows, opens nothing.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { test, expect } from '../helpers/fixtures.js';
import { startServer } from '../helpers/server.js';
import { openApp, waitForIdle } from '../helpers/ui.js';

/** A plain local server on another port, as any program of the machine could run: it records what it is sent. */
async function snoop(): Promise<{ url: string; seen: http.IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    res.end('<!doctype html><title>another local server</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

test('the page keeps no cookie and no link in its address, so another local server receives nothing usable', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  expect(page.url()).not.toContain(carnet.server.token);
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  expect(await page.context().cookies()).toEqual([]);
  const session = await page.evaluate(() => sessionStorage.getItem('carnet.session'));
  expect(session).toMatch(/^[0-9a-f]{64}$/);

  const other = await snoop();
  try {
    await page.goto(other.url);
    await page.goto(`${other.url}again`);
    expect(other.seen.length).toBeGreaterThan(0);
    for (const headers of other.seen) {
      expect(headers.cookie).toBeUndefined();
      const all = JSON.stringify(headers);
      expect(all).not.toContain(carnet.server.token);
      expect(all).not.toContain(session!);
    }
  } finally {
    await other.close();
  }
  // Back on Carnet without the link, the tab's session opens the document again.
  await page.goBack();
  await page.goBack();
  await waitForIdle(page);
});

test('the browser Carnet opens gets a one-time link through a private file; opened again, the page says the link is used up', async ({ page, carnet, browser }) => {
  const argvFile = join(carnet.dirs.dataDir, '..', 'browser-argv.txt');
  const fakeBrowser = join(carnet.dirs.dataDir, '..', 'browser.sh');
  await writeFile(fakeBrowser, `#!/bin/sh\nprintf '%s' "$1" > '${argvFile}'\n`);
  await chmod(fakeBrowser, 0o755);
  await carnet.server.stop();
  carnet.server = await startServer(carnet.dirs, [], { browser: fakeBrowser });
  await expect.poll(() => readFile(argvFile, 'utf8').catch(() => '')).toMatch(/^file:\/\//);
  const opened = await readFile(argvFile, 'utf8');
  expect(opened).not.toContain(carnet.server.token);

  await page.goto(opened);
  await page.waitForURL(`http://127.0.0.1:${carnet.server.port}/**`);
  await waitForIdle(page);
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);

  // The same file again, in a tab without a session: the code is spent.
  const context = await browser.newContext();
  try {
    const late = await context.newPage();
    await late.goto(opened);
    await late.waitForURL(`http://127.0.0.1:${carnet.server.port}/**`);
    await expect(late.getByRole('alert')).toContainText(/link|lien/);
    await expect(late.getByRole('alert')).toContainText('carnet web');
  } finally {
    await context.close();
  }
});
