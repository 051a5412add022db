import { contactNames } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { addContact, contactIds, mapStats, openApp, pressShortcut, waitForIdle } from '../helpers/ui.js';

test('keyboard undo and redo, across page reloads', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const base = (await mapStats(page)).nodes;
  await addContact(page, { name: 'Ulysse Annulable' });
  await expect(page.getByRole('button', { name: 'Undo: add contact' })).toBeEnabled();

  await pressShortcut(page, 'Control+z');
  expect(await contactIds(page, 'Ulysse Annulable')).toEqual([]);
  expect((await mapStats(page)).nodes).toBe(base);
  await expect(page.getByRole('complementary')).toBeHidden();

  await page.reload();
  await waitForIdle(page);
  expect(await contactIds(page, 'Ulysse Annulable')).toEqual([]);
  await expect(page.getByRole('button', { name: 'Redo: add contact' })).toBeEnabled();

  await pressShortcut(page, 'Control+Shift+z');
  expect(await contactIds(page, 'Ulysse Annulable')).toHaveLength(1);
  expect((await mapStats(page)).nodes).toBe(base + 1);

  await page.reload();
  await waitForIdle(page);
  expect(await contactIds(page, 'Ulysse Annulable')).toHaveLength(1);
  expect(await contactNames(carnet.server)).toContain('Ulysse Annulable');

  await pressShortcut(page, 'Control+z');
  expect(await contactIds(page, 'Ulysse Annulable')).toEqual([]);
  await pressShortcut(page, 'Control+y');
  expect(await contactIds(page, 'Ulysse Annulable')).toHaveLength(1);
});

test('Ctrl+Z in a text field stays with the field', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  await addContact(page, { name: 'Texte Tranquille' });
  const name = page.getByRole('complementary', { name: 'Texte Tranquille' }).getByRole('textbox', { name: /^Name/ });
  await name.click();
  await name.press('Control+z');
  await waitForIdle(page);
  expect(await contactIds(page, 'Texte Tranquille')).toHaveLength(1);
});
