// The ego view of a contact, and saved views of the map (filters, part of the map, options, ego view)
// kept in the document, each save and deletion one undo step.
import type { Page } from '@playwright/test';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { mapStats, openApp, openSection, pressShortcut, waitForIdle } from '../helpers/ui.js';

async function doubleClickContact(page: Page, id: string): Promise<void> {
  const at = (await page.evaluate((i) => window.__carnet!.nodePosition(i), id))!;
  const box = (await page.getByRole('region', { name: 'Network map' }).boundingBox())!;
  await page.mouse.dblclick(box.x + at.x, box.y + at.y);
}

test('the ego view shows a contact with its neighbours one or two ties away and fades the rest', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const { doc } = await callApi(carnet.server, 'getState');
  // A contact with neighbours of neighbours beyond its own.
  const neighbours = new Map<string, Set<string>>();
  for (const t of Object.values(doc.ties)) {
    for (const [a, b] of [[t.from, t.to], [t.to, t.from]] as const) (neighbours.get(a) ?? neighbours.set(a, new Set()).get(a)!).add(b);
  }
  const id = [...neighbours.keys()].find((c) => neighbours.get(c)!.size >= 3)!;
  const depth1 = new Set([id, ...neighbours.get(id)!]);
  const depth2 = new Set([...depth1].flatMap((c) => [c, ...(neighbours.get(c) ?? [])]));
  expect(depth2.size).toBeGreaterThan(depth1.size);

  await doubleClickContact(page, id);
  const chip = page.getByRole('group', { name: `Ego view of ${doc.contacts[id]!.name}` });
  await expect(chip).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__carnet!.mapEgo())).toEqual({ id, depth: 1 });
  const contacts = Object.keys(doc.contacts).length;
  // Faded: every contact outside the circle (ties fade too, so count contacts through the stats' nodes).
  const fadedContacts = async () => {
    const s = await mapStats(page);
    return s.faded;
  };
  const one = await fadedContacts();
  await chip.getByRole('radio', { name: '2 ties away' }).click();
  await expect.poll(() => page.evaluate(() => window.__carnet!.mapEgo())).toEqual({ id, depth: 2 });
  await expect.poll(fadedContacts).toBeLessThan(one);
  // Only the circle is named.
  const named = await page.evaluate(() => window.__carnet!.mapLabels().map((l) => l.id));
  expect(named.every((n) => depth2.has(n))).toBe(true);
  expect(contacts).toBeGreaterThan(depth2.size);
  await chip.getByRole('button', { name: 'Leave the ego view' }).click();
  await expect.poll(() => page.evaluate(() => window.__carnet!.mapEgo())).toBeNull();
  await expect.poll(fadedContacts).toBe(0);
});

test('a saved view brings back its filters, part of the map, options and ego view; it lives in the document and is undoable', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const { doc } = await callApi(carnet.server, 'getState');
  const [category] = Object.values(doc.categories).sort((a, b) => a.name.localeCompare(b.name));
  const members = Object.values(doc.contacts).filter((c) => c.categories.includes(category!.id)).map((c) => c.id);

  // Filter on a category, show the gaps, and centre on one member's circle.
  const filters = await openSection(page, 'Filters');
  await filters.getByRole('checkbox', { name: category!.name }).check();
  await expect.poll(async () => (await page.evaluate(() => window.__carnet!.mapContacts())).length).toBe(members.length);
  const options = await openSection(page, 'Map options');
  await options.getByRole('checkbox', { name: 'Gaps' }).check();
  await page.getByRole('region', { name: 'Network map' }).focus();
  await page.keyboard.press('ArrowRight');
  const ego = (await page.evaluate(() => window.__carnet!.mapEgo()))!;
  expect(ego).not.toBeNull();
  await waitForIdle(page);
  const seen = await page.evaluate((i) => window.__carnet!.nodePosition(i), ego.id);

  const bar = page.getByRole('toolbar', { name: 'Map tools' });
  await bar.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('button', { name: 'Save this view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save the view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Mes clients');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await waitForIdle(page);
  const saved = Object.values((await callApi(carnet.server, 'getState')).doc.views);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ name: 'Mes clients', filters: { categories: [category!.id] }, options: { showGaps: true }, ego: { contact: ego.id, depth: 1 } });
  await expect(page.getByRole('button', { name: 'Undo: save the view Mes clients' })).toBeEnabled();

  // Everything changes: no filter, no gaps, no ego view, the whole map.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await options.getByRole('checkbox', { name: 'Gaps' }).uncheck();
  await page.getByRole('region', { name: 'Network map' }).focus();
  await page.keyboard.press('Escape');
  await page.getByRole('toolbar', { name: 'Document and map actions' }).getByRole('button', { name: 'Fit' }).click();
  await waitForIdle(page);
  expect(await page.evaluate(() => window.__carnet!.mapEgo())).toBeNull();

  // The saved view comes back as it was, after a reload too (it is in the document).
  await page.reload();
  await waitForIdle(page);
  await bar.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('button', { name: 'Mes clients', exact: true }).click();
  await expect.poll(async () => (await page.evaluate(() => window.__carnet!.mapContacts())).length).toBe(members.length);
  await expect((await openSection(page, 'Map options')).getByRole('checkbox', { name: 'Gaps' })).toBeChecked();
  await expect.poll(() => page.evaluate(() => window.__carnet!.mapEgo())).toEqual(ego);
  await waitForIdle(page);
  const back = (await page.evaluate((i) => window.__carnet!.nodePosition(i), ego.id))!;
  expect(Math.hypot(back.x - seen!.x, back.y - seen!.y)).toBeLessThan(40);

  // Deleting it is one undo step.
  await bar.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('button', { name: 'Delete the view Mes clients' }).click();
  await expect.poll(async () => Object.keys((await callApi(carnet.server, 'getState')).doc.views)).toEqual([]);
  await pressShortcut(page, 'Control+z');
  await expect.poll(async () => Object.values((await callApi(carnet.server, 'getState')).doc.views).map((v) => v.name)).toEqual(['Mes clients']);
});
