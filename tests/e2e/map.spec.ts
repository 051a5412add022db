import { join } from 'node:path';
import { contactNames, callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { clickContact, contactIds, mapStats, openApp, waitForIdle } from '../helpers/ui.js';

test('the demo network is drawn as a map, with its counts in the status bar', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const state = await callApi(carnet.server, 'getState');
  const contacts = Object.keys(state.doc.contacts).length;
  const ties = Object.keys(state.doc.ties).length;
  expect(contacts).toBeGreaterThan(250);

  const stats = await mapStats(page);
  expect(stats.nodes).toBe(contacts);
  expect(stats.edges).toBe(ties);
  await expect(page.getByTestId('status-contacts')).toHaveText(`${contacts} contacts`);
  await expect(page.getByTestId('status-ties')).toHaveText(`${ties} ties`);
  await expect(page.locator('.status-path')).toContainText(state.path);

  // The first layout is stored, so the map looks the same when reopened.
  const positioned = await callApi(carnet.server, 'getState');
  expect(Object.keys(positioned.doc.positions)).toHaveLength(contacts);

  await page.screenshot({ path: join(ROOT, 'test-results/map.png') });
});

test('clicking a contact opens its card with its interactions; Fit shows the whole map', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const state = await callApi(carnet.server, 'getState');
  // The contact with the most interactions makes the fullest card.
  const counts = new Map<string, number>();
  for (const it of Object.values(state.doc.interactions)) for (const c of it.contacts) counts.set(c, (counts.get(c) ?? 0) + 1);
  const [id] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const contact = state.doc.contacts[id]!;
  expect(await contactIds(page, contact.name)).toContain(id);

  await clickContact(page, id);
  const panel = page.getByRole('complementary', { name: contact.name });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('textbox', { name: /^Name/ })).toHaveValue(contact.name);
  await expect(panel.getByRole('heading', { name: /Interactions/ })).toBeVisible();
  // The heading counts them all; the newest are listed, the rest one click away.
  await expect(panel.getByRole('heading', { name: /Interactions/ })).toContainText(String(counts.get(id)!));
  await panel.getByRole('button', { name: /^Show \d+ more$/ }).click();
  await expect(panel.locator('.interactions li')).toHaveCount(counts.get(id)!);
  await page.screenshot({ path: join(ROOT, 'test-results/contact-panel.png') });

  await panel.getByRole('button', { name: 'Close' }).first().click();
  await expect(panel).toBeHidden();
  const fitted = (await mapStats(page)).zoom;
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await mapStats(page)).zoom).toBeGreaterThan(fitted * 3);
  // Labels are drawn from this zoom on.
  await page.screenshot({ path: join(ROOT, 'test-results/map-zoomed.png') });
  await page.getByRole('toolbar').getByRole('button', { name: 'Fit' }).click();
  await expect.poll(async () => (await mapStats(page)).zoom).toBeCloseTo(fitted, 2);
  await waitForIdle(page);
  expect(await contactNames(carnet.server)).toContain(contact.name);
});

test('dragging a contact stores its position, pinned', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const state = await callApi(carnet.server, 'getState');
  const id = Object.keys(state.doc.contacts)[0]!;
  const before = state.doc.positions[id]!;
  const at = await page.evaluate((i) => window.__carnet?.nodePosition(i) ?? null, id);
  const box = (await page.getByRole('region', { name: 'Network map' }).boundingBox())!;
  await page.mouse.move(box.x + at!.x, box.y + at!.y);
  await page.mouse.down();
  await page.mouse.move(box.x + at!.x + 60, box.y + at!.y + 40, { steps: 8 });
  await page.mouse.up();
  await waitForIdle(page);
  await expect(page.getByRole('button', { name: 'Undo: move' })).toBeEnabled();
  const after = (await callApi(carnet.server, 'getState')).doc.positions[id]!;
  expect(after.pinned).toBe(true);
  expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(50);
});
