import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { openApp, waitForIdle } from '../helpers/ui.js';

test('the theme follows the system, the settings switch it to dark, and it stays after a reload', async ({ page, carnet }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, carnet.server);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await waitForIdle(page);
  await page.screenshot({ path: join(ROOT, 'test-results/dark.png') });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  expect(serious).toEqual([]);

  await page.reload();
  await waitForIdle(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the map view exports as a PNG and an SVG file', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const menu = page.getByRole('button', { name: 'Export the view as an image' });
  await menu.click();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /PNG image/ }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await readFile((await png.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(10_000);

  await menu.click();
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /SVG image/ }).click()]);
  const text = await readFile((await svg.path())!, 'utf8');
  expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect((text.match(/<circle /g) ?? []).length).toBeGreaterThan(100);
});
