import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { openApp, pressShortcut, waitForIdle } from '../helpers/ui.js';

/** Opens the diagnosis drawer on one of its tabs and waits for an analysis of the current document. */
async function openTab(page: Page, tab: 'Suggestions' | 'Personas'): Promise<Locator> {
  const drawer = page.getByRole('region', { name: 'Network diagnosis' });
  if (!(await drawer.isVisible())) await page.getByRole('toolbar').getByRole('button', { name: 'Diagnosis', exact: true }).click();
  await drawer.getByRole('tab', { name: tab }).click();
  await settled(drawer);
  return drawer;
}

async function settled(drawer: Locator): Promise<void> {
  await expect(drawer).toHaveAttribute('aria-busy', 'false');
  await expect(drawer.getByRole('status')).toHaveText('Up to date');
}

/** Types keywords into one field's chip input, each confirmed with Enter. */
async function addKeywords(form: Locator, field: string, words: string[]): Promise<void> {
  const input = form.getByRole('textbox', { name: field, exact: true });
  for (const w of words) {
    await input.fill(w);
    await input.press('Enter');
  }
}

test('the demo personas are listed with their matches and introducers', async ({ page, carnet }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, carnet.server);
  const drawer = await openTab(page, 'Personas');
  const { doc } = await callApi(carnet.server, 'getState');
  const personas = Object.values(doc.personas);
  expect(personas.length).toBeGreaterThan(0);
  const list = drawer.getByRole('list', { name: 'Personas' });
  await expect(list.getByRole('article')).toHaveCount(personas.length);
  for (const p of personas) {
    const card = list.getByRole('article', { name: p.name });
    await expect(card.getByRole('img', { name: new RegExp(`^\\d+ of ${p.target} matching contacts$`) })).toBeVisible();
  }
  await page.screenshot({ path: join(ROOT, 'test-results/personas.png') });
});

test('a persona nobody matches shows up as a missing profile with introducers; edit and delete are undoable', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  let drawer = await openTab(page, 'Personas');
  await drawer.getByRole('button', { name: 'Add persona' }).click();
  const form = drawer.getByRole('form', { name: 'New persona' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();

  // Saving without a keyword is refused, with the reason.
  await form.getByRole('textbox', { name: 'Name' }).fill('Astronaute à Rennes');
  await form.getByRole('spinbutton', { name: 'Target' }).fill('2');
  await form.getByRole('button', { name: 'Add persona' }).click();
  await expect(form.getByRole('alert')).toHaveText(/at least one keyword/);

  await addKeywords(form, 'Job title', ['Astronaute', 'spationaute']);
  await addKeywords(form, 'Location', ['Rennes']);
  await expect(form.getByRole('button', { name: 'Remove spationaute from Job title' })).toBeVisible();
  await form.getByRole('button', { name: 'Add persona' }).click();
  await expect(form).toBeHidden();
  await waitForIdle(page);

  const personas = Object.values((await callApi(carnet.server, 'getState')).doc.personas);
  const created = personas.find((p) => p.name === 'Astronaute à Rennes');
  expect(created).toMatchObject({ target: 2, match: { title: ['Astronaute', 'spationaute'], location: ['Rennes'], organization: [] } });

  const card = drawer.getByRole('list', { name: 'Personas' }).getByRole('article', { name: 'Astronaute à Rennes' });
  await settled(drawer);
  await expect(card.getByRole('img', { name: '0 of 2 matching contacts' })).toBeVisible();
  await expect(card).toContainText('2 missing');

  drawer = await openTab(page, 'Suggestions');
  const missing = drawer.getByRole('list', { name: 'Missing profiles' }).getByRole('article', { name: 'Astronaute à Rennes' });
  await expect(missing).toContainText('Astronaute à Rennes: 0 of 2 — 2 missing.');
  const introducers = missing.getByRole('list', { name: 'Could introduce you' }).getByRole('listitem');
  expect(await introducers.count()).toBeGreaterThan(0);
  await expect(introducers.first()).toContainText('Rennes');

  // Edit from the suggestion: the target goes to 3.
  await missing.getByRole('button', { name: 'Edit persona: Astronaute à Rennes' }).click();
  const editor = drawer.getByRole('form', { name: 'Edit “Astronaute à Rennes”' });
  await editor.getByRole('spinbutton', { name: 'Target' }).fill('3');
  await editor.getByRole('button', { name: 'Save' }).click();
  await waitForIdle(page);
  await settled(drawer);
  await expect(card).toContainText('3 missing');

  await card.getByRole('button', { name: 'Delete: Astronaute à Rennes' }).click();
  await expect(card).toBeHidden();
  await waitForIdle(page);
  expect(Object.values((await callApi(carnet.server, 'getState')).doc.personas).map((p) => p.name)).not.toContain('Astronaute à Rennes');

  await pressShortcut(page, 'Control+z');
  await expect(card).toBeVisible();
  await pressShortcut(page, 'Control+z');
  await settled(drawer);
  await expect(card).toContainText('2 missing');
});
