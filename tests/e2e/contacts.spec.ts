import { callApi, contactNames } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { addContact, clickContact, contactIds, mapStats, openApp, waitForIdle } from '../helpers/ui.js';

test('a contact added in the UI is still there after the server restarts', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const before = (await mapStats(page)).nodes;
  await addContact(page, { name: 'Zoé Persistance', organization: 'Atelier Nord', title: 'Product lead', city: 'Rennes' });
  await expect(page.getByTestId('status-contacts')).toHaveText(`${before + 1} contacts`);

  const server = await carnet.restart();
  await page.goto(server.url);
  await waitForIdle(page);
  expect((await mapStats(page)).nodes).toBe(before + 1);
  const [id] = await contactIds(page, 'Zoé Persistance');
  expect(id).toBeDefined();
  const stored = (await callApi(server, 'getState')).doc.contacts[id!]!;
  expect(stored.city).toBe('Rennes');
  expect(stored.organizations[0]).toMatchObject({ name: 'Atelier Nord', title: 'Product lead', current: true });
});

test('the contact card refuses a contact without a name, and says why', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  await page.getByRole('toolbar').getByRole('button', { name: 'Add contact' }).click();
  const panel = page.getByRole('complementary', { name: 'Add a person' });
  await panel.getByRole('textbox', { name: 'City' }).fill('Lyon');
  await panel.getByRole('button', { name: 'Add to the map' }).click();
  const name = panel.getByRole('textbox', { name: /^Name/ });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(panel.getByRole('alert')).toHaveText(/Enter a name/);

  await panel.getByRole('textbox', { name: 'Job title' }).fill('CTO');
  await name.fill('Sans Organisation');
  await panel.getByRole('button', { name: 'Add to the map' }).click();
  await expect(panel.getByRole('alert')).toHaveText(/organization that goes with this job title/);
  expect(await contactNames(carnet.server)).not.toContain('Sans Organisation');
});

test('editing and deleting a contact from its card', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  await addContact(page, { name: 'Marc Éditable' });
  const [id] = await contactIds(page, 'Marc Éditable');
  const panel = page.getByRole('complementary', { name: 'Marc Éditable' });

  await panel.getByRole('textbox', { name: 'City' }).fill('Nantes');
  await panel.getByRole('button', { name: 'Add an email address' }).click();
  await panel.getByRole('textbox', { name: 'Email addresses 1' }).fill('marc@example.org');
  await panel.getByRole('textbox', { name: 'Tags' }).fill('design');
  await panel.getByRole('textbox', { name: 'Tags' }).press('Enter');
  const firstCategory = panel.getByRole('group', { name: 'Categories' }).getByRole('button').first();
  await firstCategory.click();
  await expect(firstCategory).toHaveAttribute('aria-pressed', 'true');
  await panel.getByRole('button', { name: 'Save' }).click();
  await waitForIdle(page);
  const saved = (await callApi(carnet.server, 'getState')).doc.contacts[id!]!;
  expect(saved).toMatchObject({ city: 'Nantes', emails: [{ value: 'marc@example.org' }], tags: ['design'] });
  expect(saved.categories).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'Undo: edit contact' })).toBeEnabled();

  await clickContact(page, id!);
  await panel.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this contact?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(panel).toBeHidden();
  await waitForIdle(page);
  expect(await contactIds(page, 'Marc Éditable')).toEqual([]);
  expect(await contactNames(carnet.server)).not.toContain('Marc Éditable');
});
