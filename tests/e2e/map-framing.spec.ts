// What the user asks to see lands in the visible part of the map, never under a docked panel or a
// floating control: a search hit, "Show on map" from a suggestion, the contacts just imported, a
// filter's result and the keyboard focus; at 1024×700 (the Diagnosis drawer and a contact's card open)
// and at 1440×900.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { clickContact, openApp, openSection, waitForIdle } from '../helpers/ui.js';

/**
 * Where the map draws each contact (client coordinates), whether that point is inside the map's visible
 * part, and what `document.elementFromPoint` finds there: the map, or something over it.
 */
async function framing(page: Page, ids: string[]): Promise<{ id: string; drawn: boolean; inside: boolean; hitsMap: boolean }[]> {
  return page.evaluate((list) => {
    const map = document.querySelector<HTMLElement>('.map')!;
    const box = map.getBoundingClientRect();
    const visible = window.__carnet!.mapVisibleRect()!;
    return list.map((id) => {
      const at = window.__carnet!.nodePosition(id);
      if (!at) return { id, drawn: false, inside: false, hitsMap: false };
      const inside = at.x >= visible.x1 && at.x <= visible.x2 && at.y >= visible.y1 && at.y <= visible.y2 && at.x <= box.width && at.y <= box.height;
      const hit = document.elementFromPoint(box.left + at.x, box.top + at.y);
      return { id, drawn: true, inside, hitsMap: hit !== null && map.contains(hit) };
    });
  }, ids);
}

/** Waits for the view to settle (animations end, a docked panel narrows the map), then checks every id. */
async function expectFramed(page: Page, ids: string[]): Promise<void> {
  await waitForIdle(page);
  await expect.poll(async () => (await framing(page, ids)).filter((f) => !(f.drawn && f.inside && f.hitsMap)), { timeout: 10_000 }).toEqual([]);
}

async function openDrawerAndCard(page: Page, id: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Document and map actions' }).getByRole('button', { name: 'Diagnosis' }).click();
  await expect(page.getByRole('region', { name: 'Network diagnosis' })).toBeVisible();
  await clickContact(page, id);
  await expect(page.getByRole('complementary')).toBeVisible();
  await waitForIdle(page);
}

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
] as const) {
  test.describe(`at ${width}×${height}, with the drawer and a card open`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize({ width, height });
    });

    test('a search hit, "Show on map" and the keyboard focus are framed in the visible map', async ({ page, carnet }) => {
      await openApp(page, carnet.server);
      const { doc } = await callApi(carnet.server, 'getState');
      const drawn = await page.evaluate(() => window.__carnet!.mapContacts());
      await openDrawerAndCard(page, drawn[0]!);
      // The map keeps a usable area between the docked panels.
      const mapBox = (await page.getByRole('region', { name: 'Network map' }).boundingBox())!;
      expect(mapBox.width).toBeGreaterThanOrEqual(360);
      expect(mapBox.height).toBeGreaterThanOrEqual(400);

      // A search hit: pick a contact far from the middle of the map.
      const positions = Object.entries(doc.positions);
      const cx = positions.reduce((s, [, p]) => s + p.x, 0) / positions.length;
      const [far] = positions.sort((a, b) => Math.abs(b[1].x - cx) - Math.abs(a[1].x - cx))[0]!;
      const name = doc.contacts[far]!.name;
      await page.keyboard.press('Control+k');
      await page.keyboard.type(name);
      await page.getByRole('option', { name: new RegExp(name) }).first().click();
      await expect(page.getByRole('complementary', { name })).toBeVisible();
      await expectFramed(page, [far]);
      await page.screenshot({ path: join(ROOT, `test-results/framing-search-${width}.png`) });

      // "Show on map" on the first dormant tie of the drawer.
      const show = page.getByRole('region', { name: 'Network diagnosis' }).getByRole('button', { name: /^Show on map: / }).first();
      const shownName = (await show.getAttribute('aria-label'))!.replace(/^Show on map: /, '');
      await show.click();
      await expect(page.getByRole('complementary', { name: shownName })).toBeVisible();
      const shownId = Object.values(doc.contacts).find((c) => c.name === shownName)!.id;
      await expectFramed(page, [shownId]);

      // The keyboard focus, moved a few steps across the map.
      await page.getByRole('region', { name: 'Network map' }).focus();
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowUp']) {
        await page.keyboard.press(key);
        const focused = await page.evaluate(() => window.__carnet!.mapFocused());
        expect(focused).not.toBeNull();
        await expectFramed(page, [focused!]);
      }
    });

    test('the contacts just imported and a filter result are framed in the visible map', async ({ page, carnet }) => {
      await openApp(page, carnet.server);
      const drawn = await page.evaluate(() => window.__carnet!.mapContacts());
      await openDrawerAndCard(page, drawn[0]!);

      // An import applied where the document lives (another window, the main side): the map receives it as
      // an edit labelled as an import, and frames the newcomers.
      const now = new Date().toISOString();
      const newcomers = ['Zélie Nouvel', 'Yann Arrivant', 'Xavier Récent'].map((name, i) => ({
        id: `c_import_${i}`, name, emails: [], phones: [], urls: [], organizations: [{ name: 'Atelier Neuf', current: true }], schools: [], addresses: [],
        tags: [], categories: [], sources: [{ file: 'contacts.vcf', format: 'vcard', importedAt: now }], createdAt: now, updatedAt: now,
      }));
      await callApi(carnet.server, 'apply', {
        label: { key: 'import.undoFile', params: { name: 'contacts.vcf' } },
        changes: newcomers.map((c) => ({ op: 'put', coll: 'contacts', id: c.id, value: c })),
      });
      await expect.poll(() => page.evaluate(() => window.__carnet!.contactIds('Xavier Récent').length)).toBe(1);
      await expectFramed(page, newcomers.map((c) => c.id));
      await page.screenshot({ path: join(ROOT, `test-results/framing-import-${width}.png`) });

      // A filter: the members of the biggest category are framed.
      const { doc } = await callApi(carnet.server, 'getState');
      const counts = new Map<string, number>();
      for (const c of Object.values(doc.contacts)) for (const cat of c.categories) counts.set(cat, (counts.get(cat) ?? 0) + 1);
      const [category] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      const members = Object.values(doc.contacts).filter((c) => c.categories.includes(category)).map((c) => c.id);
      const filters = await openSection(page, 'Filters');
      await filters.getByRole('checkbox', { name: doc.categories[category]!.name }).check();
      await expect.poll(async () => (await page.evaluate(() => window.__carnet!.mapContacts())).length).toBe(members.length);
      await expectFramed(page, members);
      await page.screenshot({ path: join(ROOT, `test-results/framing-filter-${width}.png`) });
    });
  });
}
