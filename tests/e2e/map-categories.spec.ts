import { join } from 'node:path';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { clickContact, mapStats, openApp, waitForIdle } from '../helpers/ui.js';

test('categories drawn as areas: one per category with drawn members, and the choice survives a reload', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const { doc } = await callApi(carnet.server, 'getState');
  // The demo map is small enough to draw every contact, so every category with a member has drawn members.
  expect((await mapStats(page)).aggregated).toBe(false);
  const withMembers = new Set(Object.values(doc.contacts).flatMap((c) => c.categories));
  const expected = Object.keys(doc.categories).filter((id) => withMembers.has(id)).length;
  expect(expected).toBeGreaterThan(2);

  const toggle = page.getByRole('checkbox', { name: 'Categories as areas' });
  await expect(toggle).not.toBeChecked();
  expect(await page.evaluate(() => window.__carnet!.mapCategoryAreas())).toBe(0);
  await toggle.check();
  await expect.poll(() => page.evaluate(() => window.__carnet!.mapCategoryAreas())).toBe(expected);
  // The overlay redraws on the next frame; the screenshot should show it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(ROOT, 'test-results/map-categories.png') });

  await page.reload();
  await waitForIdle(page);
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
