import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { mapStats, openApp, openSection } from '../helpers/ui.js';

/** Contacts drawn on the map (the helper's type predates the map's contact count). */
const drawn = async (page: import('@playwright/test').Page) => ((await mapStats(page)) as { contacts?: number }).contacts ?? (await mapStats(page)).nodes;

test('filters narrow the map, show as chips, combine, and clear', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const state = await callApi(carnet.server, 'getState');
  const total = Object.keys(state.doc.contacts).length;
  const all = await drawn(page);
  const [category] = Object.values(state.doc.categories).sort((a, b) => a.name.localeCompare(b.name));
  const members = Object.values(state.doc.contacts).filter((c) => c.categories.includes(category!.id));

  // The map bar's Filters button unfolds the filters in the side dock.
  await page.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: 'Filters', exact: true }).click();
  await openSection(page, 'Filters');
  const panel = page.getByRole('group', { name: 'Filters of the map' });
  await panel.getByRole('checkbox', { name: category!.name }).check();
  await expect.poll(() => drawn(page)).toBe(members.length);
  await expect(page.getByTestId('status-contacts')).toHaveText(`${members.length} of ${total} contacts`);
  expect(await axeSerious(page)).toEqual([]);

  // A second facet narrows further (AND): only the dormant among them.
  await panel.getByRole('checkbox', { name: /Dormant/ }).check();
  await expect.poll(() => drawn(page)).toBeLessThan(members.length);
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByText(`Category: ${category!.name}`)).toBeVisible();
  await expect(chips.getByText(/Follow-up: Dormant/)).toBeVisible();
  await page.screenshot({ path: join(ROOT, 'test-results/filters.png') });

  await chips.getByRole('button', { name: /Remove the filter Follow-up/ }).click();
  await expect.poll(() => drawn(page)).toBe(members.length);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => drawn(page)).toBe(all);
  await expect(page.getByTestId('status-contacts')).toHaveText(`${total} contacts`);
});

async function axeSerious(page: import('@playwright/test').Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('.map-bar').include('.filter-panel').include('.search').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
