// The window's preferences live in the settings, so they hold in browser mode too, where every launch gets
// a new origin (a random port) and localStorage starts empty: theme, map options, drawer tab, panel sizes.
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { openApp, openSection, waitForIdle } from '../helpers/ui.js';

test('theme, map options, drawer tab and panel sizes survive a restart of carnet web', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const before = new URL(carnet.server.url).port;
  const contact = (await page.evaluate(() => window.__carnet!.mapContacts()))[0]!;
  const lightLabel = (await page.evaluate((id) => window.__carnet!.mapColors(id), contact))!.label;

  // A theme change restyles the live map: the same map, drawn from the same load, in the new colours.
  await page.getByRole('toolbar', { name: 'Document and map actions' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => (await page.evaluate((id) => window.__carnet!.mapColors(id), contact))!.label).not.toBe(lightLabel);
  expect((await page.evaluate(() => window.__carnet!.map()))!.loads).toBe(1);

  const options = await openSection(page, 'Map options');
  await options.getByRole('checkbox', { name: 'Gaps' }).check();
  await options.getByRole('combobox', { name: 'Size' }).selectOption('brokerage');
  await page.getByRole('toolbar', { name: 'Document and map actions' }).getByRole('button', { name: 'Diagnosis' }).click();
  await page.getByRole('tab', { name: /Personas/ }).click();
  const splitter = page.getByRole('separator', { name: 'Resize the side panel' });
  const width = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(width + 48));
  await waitForIdle(page);
  expect((await callApi(carnet.server, 'getSettings')).preferences).toMatchObject({
    theme: 'dark',
    map: { showGaps: true, sizeBy: 'brokerage' },
    drawer: { open: true, tab: 'personas' },
    panels: { sideWidth: width + 48 },
  });

  const server = await carnet.restart();
  expect(new URL(server.url).port).not.toBe(before);
  await openApp(page, server);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('tab', { name: /Personas/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('separator', { name: 'Resize the side panel' })).toHaveAttribute('aria-valuenow', String(width + 48));
  const again = await openSection(page, 'Map options');
  await expect(again.getByRole('checkbox', { name: 'Gaps' })).toBeChecked();
  await expect(again.getByRole('combobox', { name: 'Size' })).toHaveValue('brokerage');
  // The map draws with them: a dark label, and brokers marked as diamonds (the gaps overlay is on).
  const label = await page.evaluate((id) => window.__carnet!.mapColors(id), contact);
  expect(label!.label).not.toBe(lightLabel);
});
