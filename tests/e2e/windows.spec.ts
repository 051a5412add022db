import { expect, test } from '../helpers/fixtures.js';
import { idOf, openCard, serverDoc } from '../helpers/panel.js';
import { addContact, contactIds, openApp, pressShortcut, waitForIdle } from '../helpers/ui.js';

// Two tabs on one document (two browser-mode sessions): each undoes only its own edits.
test("each tab has its own undo history: Ctrl+Z in one never undoes the other's edit", async ({ page, carnet }) => {
  const other = await page.context().newPage();
  await openApp(page, carnet.server);
  await openApp(other, carnet.server);

  await addContact(page, { name: 'Alice Fenêtre' });
  await expect.poll(() => contactIds(other, 'Alice Fenêtre')).toHaveLength(1);
  await addContact(other, { name: 'Bruno Onglet' });
  await expect.poll(() => contactIds(page, 'Bruno Onglet')).toHaveLength(1);

  await pressShortcut(page, 'Control+z');
  expect(await contactIds(page, 'Alice Fenêtre')).toEqual([]);
  expect(await contactIds(page, 'Bruno Onglet')).toHaveLength(1);
  await expect.poll(() => contactIds(other, 'Alice Fenêtre')).toEqual([]);
  // The other tab still undoes its own edit, and only that one.
  await expect(other.getByRole('button', { name: 'Undo: add contact' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Undo: add contact' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Redo: add contact' })).toBeEnabled();

  await pressShortcut(other, 'Control+z');
  await expect.poll(() => contactIds(page, 'Bruno Onglet')).toEqual([]);
  await pressShortcut(page, 'Control+Shift+z');
  await expect.poll(() => contactIds(other, 'Alice Fenêtre')).toHaveLength(1);
  expect(await contactIds(other, 'Bruno Onglet')).toEqual([]);
  await other.close();
});

test("an undo that would overwrite the other tab's later edit is refused, and says so", async ({ page, carnet }) => {
  const other = await page.context().newPage();
  await openApp(page, carnet.server);
  await openApp(other, carnet.server);

  await addContact(page, { name: 'Claire Conflit', city: 'Rennes' });
  await expect.poll(() => contactIds(other, 'Claire Conflit')).toHaveLength(1);
  const card = await openCard(other, 'Claire Conflit');
  await card.getByRole('textbox', { name: 'City' }).fill('Lyon');
  await card.getByRole('button', { name: 'Save' }).click();
  await waitForIdle(other);

  await pressShortcut(page, 'Control+z');
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Nothing was undone: another window has changed the same items since.' })).toBeVisible();
  const id = await idOf(page, 'Claire Conflit');
  expect((await serverDoc(carnet)).contacts[id]?.city).toBe('Lyon');
  await expect(page.getByRole('button', { name: 'Undo: add contact' })).toHaveCount(0);
  await other.close();
});
