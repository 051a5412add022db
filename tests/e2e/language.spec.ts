import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { openApp, waitForIdle } from '../helpers/ui.js';

test('the language is switched in the settings and kept', async ({ page, carnet }) => {
  await openApp(page, carnet.server, 'en');
  const toolbar = page.getByRole('toolbar');
  await expect(toolbar.getByRole('button', { name: 'Add contact' })).toBeVisible();

  await toolbar.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('combobox', { name: 'Language' })).toBeFocused();
  await dialog.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('dialog', { name: 'Réglages' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Terminé' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await expect(toolbar.getByRole('button', { name: 'Ajouter un contact' })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Ouvrir…' })).toBeVisible();
  await expect(page.getByTestId('status-contacts')).toContainText('contacts');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  expect((await callApi(carnet.server, 'getSettings')).language).toBe('fr');

  await page.reload();
  await waitForIdle(page);
  await expect(toolbar.getByRole('button', { name: 'Ajouter un contact' })).toBeVisible();

  await toolbar.getByRole('button', { name: 'Réglages' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await page.keyboard.press('Escape');
  await expect(toolbar.getByRole('button', { name: 'Add contact' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await toolbar.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Language' }).selectOption('system');
  await page.keyboard.press('Escape');
  // The page sends the choice on its own connection: wait until the server has it.
  await expect.poll(async () => (await callApi(carnet.server, 'getSettings')).language).toBeNull();
  const settings = await callApi(carnet.server, 'getSettings');
  const system = settings.systemLanguage === 'fr' ? 'Ajouter un contact' : 'Add contact';
  await expect(toolbar.getByRole('button', { name: system })).toBeVisible();
});
