import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { clickContact, openApp, openSection, pressShortcut, waitForIdle } from '../helpers/ui.js';

type Point = { x: number; y: number };

async function screenPoint(page: Page, id: string): Promise<Point> {
  const at = await page.evaluate((i) => window.__carnet?.nodePosition(i) ?? null, id);
  const box = (await page.getByRole('region', { name: 'Network map' }).boundingBox())!;
  if (!at) throw new Error(`contact ${id} is not drawn`);
  return { x: box.x + at.x, y: box.y + at.y };
}

/** Presses on a contact and drags it, step by step, onto an element of the page. */
async function dragOnto(page: Page, from: Point, target: ReturnType<Page['locator']>): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
  // Measured once the drag started: the palette shows its drop targets then.
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 12 });
  await expect(target).toHaveClass(/drop-over/);
  await page.mouse.up();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('.category-palette').include('.category-picker').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('dragging a contact onto a category puts it there, saved, and Ctrl+Z takes it back out', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const state = await callApi(carnet.server, 'getState');
  const contact = Object.values(state.doc.contacts).find((c) => c.categories.length === 0 || c.categories.length < Object.keys(state.doc.categories).length)!;
  const category = Object.values(state.doc.categories).find((c) => !contact.categories.includes(c.id))!;
  const before = state.doc.positions[contact.id]!;

  const palette = page.getByRole('region', { name: 'Categories' });
  await expect(palette).toBeVisible();
  await dragOnto(page, await screenPoint(page, contact.id), palette.getByTestId(`category-${category.id}`));
  await waitForIdle(page);
  await expect(page.getByRole('button', { name: `Undo: add to ${category.name}` })).toBeEnabled();
  await page.screenshot({ path: join(ROOT, 'test-results/categorize.png') });

  let saved = await callApi(carnet.server, 'getState');
  expect(saved.doc.contacts[contact.id]!.categories).toContain(category.id);
  // A drop on the palette categorizes; it does not move the contact.
  expect(saved.doc.positions[contact.id]).toEqual(before);

  await page.reload();
  await waitForIdle(page);
  saved = await callApi(carnet.server, 'getState');
  expect(saved.doc.contacts[contact.id]!.categories).toContain(category.id);

  await pressShortcut(page, 'Control+z');
  await expect.poll(async () => (await callApi(carnet.server, 'getState')).doc.contacts[contact.id]!.categories).not.toContain(category.id);
});

test('three contacts selected with the box go onto a category together, in one undo step', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const state = await callApi(carnet.server, 'getState');
  const ids = Object.keys(state.doc.contacts);
  const points = new Map<string, Point>();
  for (const id of ids) points.set(id, await screenPoint(page, id));
  const mapBox = (await page.getByRole('region', { name: 'Network map' }).boundingBox())!;
  // A contact in the middle of the map and its two nearest neighbours on screen; the box is drawn around them.
  const centre = { x: mapBox.x + mapBox.width / 2, y: mapBox.y + mapBox.height / 2 };
  const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
  const first = ids.sort((a, b) => dist(points.get(a)!, centre) - dist(points.get(b)!, centre))[0]!;
  const near = [...ids].sort((a, b) => dist(points.get(a)!, points.get(first)!) - dist(points.get(b)!, points.get(first)!)).slice(0, 3);
  const xs = near.map((id) => points.get(id)!.x);
  const ys = near.map((id) => points.get(id)!.y);
  // A box that contains the three whole (a node is selected when its disc is inside the box, whatever its size).
  const box = { x1: Math.min(...xs) - 30, y1: Math.min(...ys) - 30, x2: Math.max(...xs) + 30, y2: Math.max(...ys) + 30 };
  // Shift+press on a contact would select that one contact, not start a box: the corner moves out onto the background.
  while ((await page.evaluate(([x, y]) => window.__carnet!.mapHitTest(x!, y!), [box.x1, box.y1]))?.kind === 'contact') {
    box.x1 -= 4;
    box.y1 -= 4;
  }

  await page.keyboard.down('Shift');
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect.poll(async () => (await page.evaluate(() => window.__carnet!.mapSelected())).length).toBeGreaterThanOrEqual(3);
  const inBox = await page.evaluate(() => window.__carnet!.mapSelected());
  expect(inBox).toEqual(expect.arrayContaining(near));
  for (const id of inBox) {
    const p = points.get(id)!;
    expect(p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2, `${id} is in the box`).toBe(true);
  }

  const category = Object.values(state.doc.categories).find((c) => inBox.some((id) => !state.doc.contacts[id]!.categories.includes(c.id)))!;
  await dragOnto(page, points.get(near[0]!)!, page.getByTestId(`category-${category.id}`));
  // The drop is stored once the drag has ended (the map ends it on the next task): the Undo button naming it
  // says the edit was acknowledged, and only then is the document read.
  await expect(page.getByRole('button', { name: `Undo: add to ${category.name}` })).toBeEnabled();
  await waitForIdle(page);
  const saved = await callApi(carnet.server, 'getState');
  for (const id of inBox) expect(saved.doc.contacts[id]!.categories, saved.doc.contacts[id]!.name).toContain(category.id);
  await pressShortcut(page, 'Control+z');
  const undone = await callApi(carnet.server, 'getState');
  for (const id of inBox) expect(undone.doc.contacts[id]!.categories).toEqual(state.doc.contacts[id]!.categories);
});

test('from the keyboard: C opens the picker, typing a new name and Enter creates the category with the contact', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const state = await callApi(carnet.server, 'getState');
  const contact = Object.values(state.doc.contacts)[3]!;
  await clickContact(page, contact.id);
  await expect(page.getByRole('complementary', { name: contact.name })).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Categorize the contact' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('combobox', { name: 'Category name' })).toBeFocused();
  await page.keyboard.type('Alumni ESSEC');
  await expect(picker.getByRole('option', { name: 'Create “Alumni ESSEC”' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('status')).toHaveText('Category Alumni ESSEC created with one contact.');
  await page.keyboard.type('Alumni ESSEC');
  await expect(picker.getByRole('option', { name: /Alumni ESSEC/ })).toHaveAttribute('aria-checked', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await waitForIdle(page);
  const saved = await callApi(carnet.server, 'getState');
  const created = Object.values(saved.doc.categories).find((c) => c.name === 'Alumni ESSEC')!;
  expect(created.color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(saved.doc.contacts[contact.id]!.categories).toContain(created.id);
  // The palette, folded beside the open card, lists the new category once unfolded.
  const palette = await openSection(page, 'Categories');
  await expect(palette.getByRole('button', { name: 'Alumni ESSEC', exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
