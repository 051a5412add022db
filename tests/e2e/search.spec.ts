import { join } from 'node:path';
import { addContact as addContactSet } from '../../shared/document/commands.js';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { mapStats, openApp, waitForIdle } from '../helpers/ui.js';

test('Ctrl+K, "ecole" finds the accented name; choosing it zooms the map to it and opens its card', async ({ page, carnet }) => {
  const state = await callApi(carnet.server, 'getState');
  await callApi(carnet.server, 'apply', addContactSet(state.doc, { name: 'Zoé Lécole', city: 'Rennes' }));
  await openApp(page, carnet.server);
  const fitted = (await mapStats(page)).zoom;

  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Search contacts' });
  await expect(box).toBeFocused();
  await page.keyboard.type('zoe lecole');
  const hit = page.getByRole('option', { name: /Zoé Lécole/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(['Zoé', 'Lécole']);
  await expect(page.getByRole('listbox', { name: 'Matching contacts' }).getByRole('option').first()).toContainText('Zoé Lécole');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('ecole');
  // The hits of "zoe lecole" stay listed until those of "ecole" arrive: the list is busy until then.
  const list = page.getByRole('listbox', { name: 'Matching contacts' });
  await expect(list).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('option').first()).toContainText('Zoé Lécole');
  await expect(page.getByRole('option').first().locator('mark')).toHaveText(['école']);
  await expect(page.getByRole('option').filter({ hasText: "École d'Ingénieurs de Rennes" }).first()).toBeVisible();
  await page.screenshot({ path: join(ROOT, 'test-results/search.png') });

  // A typo that swaps two letters still finds the school.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('ecloe');
  await expect(list).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('option').filter({ hasText: "École d'Ingénieurs de Rennes" }).first()).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('zoe lecole');
  await expect(list).toHaveAttribute('aria-busy', 'false');

  await page.getByRole('option', { name: /Zoé Lécole/ }).click();
  await expect(page.getByRole('complementary', { name: 'Zoé Lécole' })).toBeVisible();
  await waitForIdle(page);
  await expect.poll(async () => (await mapStats(page)).zoom).toBeGreaterThan(fitted * 1.5);
  const id = (await page.evaluate(() => window.__carnet?.contactIds('Zoé Lécole') ?? []))[0]!;
  const map = (await page.getByRole('region', { name: 'Network map' }).boundingBox())!;
  await expect
    .poll(async () => {
      const p = await page.evaluate((i) => window.__carnet?.nodePosition(i) ?? null, id);
      return p !== null && p.x > 0 && p.y > 0 && p.x < map.width && p.y < map.height;
    })
    .toBe(true);
});

test('search keyboard: arrows and Enter pick a result, Escape clears', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const box = page.getByRole('combobox', { name: 'Search contacts' });
  await box.click();
  await page.keyboard.type('helene');
  await expect(page.getByRole('listbox', { name: 'Matching contacts' })).toHaveAttribute('aria-busy', 'false');
  const options = page.getByRole('option');
  await expect(options.first()).toContainText('Hélène');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const name = (await options.nth(1).locator('.search-hit-name').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name })).toBeVisible();
  await box.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
});
