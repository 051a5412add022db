import { join } from 'node:path';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { clickContact, mapStats, openApp, openSection, pressShortcut, waitForIdle } from '../helpers/ui.js';

test('categories drawn as areas: one per category with drawn members, and the choice survives a reload', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const { doc } = await callApi(carnet.server, 'getState');
  // The demo map is small enough to draw every contact, so every category with a member has drawn members.
  expect((await mapStats(page)).aggregated).toBe(false);
  const withMembers = new Set(Object.values(doc.contacts).flatMap((c) => c.categories));
  const expected = Object.keys(doc.categories).filter((id) => withMembers.has(id)).length;
  expect(expected).toBeGreaterThan(2);

  const toggle = (await openSection(page, 'Map options')).getByRole('checkbox', { name: 'Categories as areas' });
  await expect(toggle).not.toBeChecked();
  expect(await page.evaluate(() => window.__carnet!.mapCategoryAreas())).toBe(0);
  await toggle.check();
  await expect.poll(() => page.evaluate(() => window.__carnet!.mapCategoryAreas())).toBe(expected);
  // The overlay redraws on the next frame; the screenshot should show it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(ROOT, 'test-results/map-categories.png') });

  await page.reload();
  await waitForIdle(page);
  await openSection(page, 'Map options');
  await expect(page.getByRole('checkbox', { name: 'Categories as areas' })).toBeChecked();
  await expect.poll(() => page.evaluate(() => window.__carnet!.mapCategoryAreas())).toBe(expected);

  await page.getByRole('checkbox', { name: 'Categories as areas' }).uncheck();
  await expect.poll(() => page.evaluate(() => window.__carnet!.mapCategoryAreas())).toBe(0);
});

test('the contact panel shows what the contact has in common with the user', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const { doc } = await callApi(carnet.server, 'getState');
  const mySchools = new Set(doc.me.schools.map((s) => s.name));
  const myOrgs = new Set(doc.me.organizations.map((o) => o.name));
  // A contact who went to one of the user's schools and worked at one of the user's organizations makes the fullest section.
  const contact = Object.values(doc.contacts)
    .map((c) => ({ c, school: c.schools.find((s) => mySchools.has(s.name))?.name, org: c.organizations.find((o) => myOrgs.has(o.name))?.name }))
    .filter((x) => x.school)
    .sort((a, b) => Number(Boolean(b.org)) - Number(Boolean(a.org)) || a.c.id.localeCompare(b.c.id))[0];
  expect(contact, 'a demo contact sharing a school with the user').toBeTruthy();

  await clickContact(page, contact!.c.id);
  const panel = page.getByRole('complementary', { name: contact!.c.name });
  await expect(panel).toBeVisible();
  const section = panel.getByRole('region', { name: 'Common points' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('listitem').filter({ hasText: 'Same school' })).toContainText(contact!.school!);
  if (contact!.org) await expect(section).toContainText(contact!.org);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT, 'test-results/contact-common.png') });
});

test('with categories drawn as areas, a contact dropped into an area joins that category and one dragged out leaves it; each drop is one undo step', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  await (await openSection(page, 'Map options')).getByRole('checkbox', { name: 'Categories as areas' }).check();
  const { doc } = await callApi(carnet.server, 'getState');
  const box = (await page.getByRole('region', { name: 'Network map' }).boundingBox())!;
  const screen = new Map<string, { x: number; y: number }>();
  for (const { id, p } of await page.evaluate(() => window.__carnet!.mapContacts().map((id) => ({ id, p: window.__carnet!.nodePosition(id)! })))) {
    screen.set(id, { x: box.x + p.x, y: box.y + p.y });
  }
  // Points where a drop lands on the map itself (not on the palette, the legend or the options floating over it).
  const onMap = (x: number, y: number) => page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.tagName === 'CANVAS', [x, y]);
  const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  const members = (cat: string) => [...screen.keys()].filter((id) => doc.contacts[id]!.categories.includes(cat));
  // The category with the most members on screen; one of them in that category only, to drop beside; a contact in no category.
  const category = Object.values(doc.categories).sort((a, b) => members(b.id).length - members(a.id).length)[0]!;
  const inside = members(category.id);
  const anchorId = inside.find((id) => doc.contacts[id]!.categories.length === 1)!;
  const anchor = screen.get(anchorId)!;
  let outsider: string | undefined;
  for (const id of screen.keys()) {
    if (doc.contacts[id]!.categories.length === 0 && (await onMap(screen.get(id)!.x, screen.get(id)!.y))) {
      outsider = id;
      break;
    }
  }
  expect(outsider).toBeTruthy();

  const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 14 });
    await page.mouse.up();
    await waitForIdle(page);
  };
  // Into the area: a few pixels beside a member.
  await drag(screen.get(outsider!)!, { x: anchor.x + 8, y: anchor.y + 4 });
  await expect.poll(async () => (await callApi(carnet.server, 'getState')).doc.contacts[outsider!]!.categories).toContain(category.id);
  const moved = (await callApi(carnet.server, 'getState')).doc.positions[outsider!]!;
  expect(moved).not.toEqual(doc.positions[outsider!]);
  await page.screenshot({ path: join(ROOT, 'test-results/map-category-area-drop.png') });
  await expect(page.getByRole('button', { name: `Undo: add to ${category.name}` })).toBeEnabled();
  await pressShortcut(page, 'Control+z');
  const undone = (await callApi(carnet.server, 'getState')).doc;
  expect(undone.contacts[outsider!]!.categories).toEqual(doc.contacts[outsider!]!.categories);
  expect(undone.positions[outsider!]).toEqual(doc.positions[outsider!]);

  // Out of the area: the member nearest a fellow member (so it is picked up inside the area the others draw),
  // dropped on an empty spot far from every member. The areas' radius on screen follows the zoom (overlay.ts).
  const radius = Math.min(120, Math.max(16, 64 * (await mapStats(page)).zoom));
  const gap = (id: string) => Math.min(...inside.filter((o) => o !== id).map((o) => dist(screen.get(o)!, screen.get(id)!)));
  const leaver = [...inside].sort((a, b) => gap(a) - gap(b))[0]!;
  expect(gap(leaver)).toBeLessThan(radius);
  let spot: { x: number; y: number } | undefined;
  for (let gx = box.x + 40; gx < box.x + box.width * 0.6 && !spot; gx += 30) {
    for (let gy = box.y + 80; gy < box.y + box.height - 40 && !spot; gy += 30) {
      const far = inside.every((id) => dist(screen.get(id)!, { x: gx, y: gy }) > 200);
      if (far && (await onMap(gx, gy)) && (await page.evaluate(([x, y]) => window.__carnet!.mapHitTest(x!, y!), [gx, gy])) === null) spot = { x: gx, y: gy };
    }
  }
  expect(spot).toBeTruthy();
  await drag(screen.get(leaver)!, spot!);
  await expect.poll(async () => (await callApi(carnet.server, 'getState')).doc.contacts[leaver]!.categories).not.toContain(category.id);
  // Dropped where other categories' areas may lie, it may join one of them too: the step is then named for both.
  await expect(page.getByRole('button', { name: new RegExp(`^Undo: (remove from ${category.name}|change categories)$`) })).toBeEnabled();
  await pressShortcut(page, 'Control+z');
  expect((await callApi(carnet.server, 'getState')).doc.contacts[leaver]!.categories).toEqual(doc.contacts[leaver]!.categories);
});
