import { expect, test } from '../helpers/fixtures.js';
import { seriousViolations } from '../helpers/axe.js';
import { openApp } from '../helpers/ui.js';

test('no serious or critical accessibility violations, in French and English', async ({ page, carnet }) => {
  for (const language of ['fr', 'en'] as const) {
    await openApp(page, carnet.server, language);
    expect(await seriousViolations(page), `main view (${language})`).toEqual([]);

    await page.locator('.toolbar .tool.primary').click();
    await expect(page.getByRole('complementary')).toBeVisible();
    await page.locator('.panel-footer button[type=submit]').click();
    expect(await seriousViolations(page), `new contact card with an error (${language})`).toEqual([]);

    await page.locator('.toolbar .popover-anchor > button').click();
    expect(await seriousViolations(page), `recent files (${language})`).toEqual([]);
    await page.keyboard.press('Escape');

    await page.locator('.toolbar button[aria-label]').last().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page), `settings dialog (${language})`).toEqual([]);
  }
});

test('the Open dialog is a labelled modal that returns focus', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const open = page.getByRole('button', { name: 'Open…' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Open a document' });
  await expect(dialog.getByRole('textbox', { name: 'File path' })).toBeFocused();
  await expect(dialog.getByRole('heading', { name: 'Recent documents' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /carnet\.json/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter the path of a file.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
