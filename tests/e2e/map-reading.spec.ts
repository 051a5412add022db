// Reading the map: names without zooming and never overlapping, a card on hover, the legend, the
// shortcuts, the toolbar's labels, the demo's title, counts and sources in plain words.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { openApp, openSection, pressShortcut, waitForIdle } from '../helpers/ui.js';

const overlaps = (a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

async function labels(page: Page) {
  return page.evaluate(() => window.__carnet!.mapLabels());
}

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height}, the demo's default view names the most important people, and no two names overlap`, async ({ page, carnet }) => {
    await page.setViewportSize({ width, height });
    await openApp(page, carnet.server);
    await waitForIdle(page);
    const { doc } = await callApi(carnet.server, 'getState');
    const drawn = await labels(page);
    const pairs: string[] = [];
    for (let i = 0; i < drawn.length; i++) for (let j = i + 1; j < drawn.length; j++) if (overlaps(drawn[i]!, drawn[j]!)) pairs.push(`${drawn[i]!.text} / ${drawn[j]!.text}`);
    expect(pairs).toEqual([]);
    // Readable without zooming: names drawn about 12 px high on screen, a good number of them.
    expect(drawn.length).toBeGreaterThanOrEqual(width < 1200 ? 25 : 50);
    for (const l of drawn) expect(l.y2 - l.y1).toBeGreaterThanOrEqual(14);
    // The closest ties first: most of the contacts of strength 5 are named.
    const closest = Object.values(doc.contacts).filter((c) => c.strength === 5).map((c) => c.id);
    const named = new Set(drawn.map((l) => l.id));
    expect(closest.filter((id) => named.has(id)).length).toBeGreaterThanOrEqual(Math.ceil(closest.length * 0.6));
    await page.screenshot({ path: join(ROOT, `test-results/map-names-${width}.png`) });
  });
}

test('hovering a contact shows its card: name, organization, last contact, cluster', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const { doc } = await callApi(carnet.server, 'getState');
  const drawn = new Set(await page.evaluate(() => window.__carnet!.mapContacts()));
  const contact = Object.values(doc.contacts).find((c) => drawn.has(c.id) && c.organizations.some((o) => o.current))!;
  const at = (await page.evaluate((id) => window.__carnet!.nodePosition(id), contact.id))!;
  const box = (await page.getByRole('region', { name: 'Network map' }).boundingBox())!;
  await page.mouse.move(box.x + at.x, box.y + at.y);
  const card = page.getByRole('tooltip');
  await expect(card).toBeVisible();
  await expect(card).toContainText(contact.name);
  await expect(card).toContainText(contact.organizations.find((o) => o.current)!.name);
  await expect(card).toContainText(/Last contact:/);
  // Its cluster, by the name the legend gives it.
  const clusters = await page.getByRole('region', { name: 'Legend' }).locator('.legend-name').allTextContents();
  const clusterLine = (await card.locator('.hover-line.cluster').textContent())!.trim();
  expect(clusters.some((name) => clusterLine === name || name.startsWith(clusterLine))).toBe(true);
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
  await page.screenshot({ path: join(ROOT, 'test-results/map-hover.png') });
  await page.mouse.move(box.x + 5, box.y + 5);
  await expect(card).toBeHidden();
});

test('the legend explains every mark, and switches to categories when they are drawn as areas', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const legend = await openSection(page, 'Legend');
  for (const text of ['Colour: affinity cluster', 'Orange ring', 'Dashed ring', 'Blue ring', 'Size', 'Diamond: a broker', 'Dashed red outline', 'Dashed red line', 'Tinted disc']) {
    await expect(legend).toContainText(text);
  }
  await expect(legend).toContainText('Shown with “Gaps” on');
  const options = await openSection(page, 'Map options');
  await options.getByRole('checkbox', { name: 'Gaps' }).check();
  await expect(legend).not.toContainText('Shown with “Gaps” on');
  await options.getByRole('checkbox', { name: 'Categories as areas' }).check();
  await expect(legend).toContainText('Colour: category');
  await expect(legend).toContainText('Tinted area: a category');
  // One colour code: each contact takes its first category's colour.
  const { doc } = await callApi(carnet.server, 'getState');
  const member = Object.values(doc.contacts).find((c) => c.categories.length > 0)!;
  await expect.poll(async () => (await page.evaluate((id) => window.__carnet!.mapColors(id), member.id))?.fill).toBe(hexToRgb(doc.categories[member.categories[0]!]!.color));
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16},${(n >> 8) & 255},${n & 255})`;
}

test('"?" lists the shortcuts; C categorizes the contact focused from the keyboard', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  await pressShortcut(page, '?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Categorize the selection, or the contact focused or open');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.getByRole('region', { name: 'Network map' }).focus();
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => window.__carnet!.mapFocused());
  expect(focused).not.toBeNull();
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Categorize the contact' });
  await expect(picker).toBeVisible();
  await page.keyboard.type('Voisins');
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('status')).toHaveText('Category Voisins created with one contact.');
  await page.keyboard.press('Escape');
  await waitForIdle(page);
  const { doc } = await callApi(carnet.server, 'getState');
  const created = Object.values(doc.categories).find((c) => c.name === 'Voisins')!;
  expect(doc.contacts[focused!]!.categories).toEqual(expect.arrayContaining([created.id]));
});

test('toolbar labels show where there is room; the demo title follows the language', async ({ page, carnet }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, carnet.server, 'en');
  const toolbar = page.getByRole('toolbar', { name: 'Document and map actions' });
  for (const name of ['New', 'Open…', 'Import…', 'Export…', 'Diagnosis', 'Fit', 'Add contact']) await expect(toolbar.getByText(name, { exact: true })).toBeVisible();
  await expect(page.locator('.doc-title')).toHaveText('Carnet — demo');
  await expect(page).toHaveTitle('Carnet — demo — Carnet');
  // Narrow, the file actions keep their icons and names for screen readers; the main action keeps its label.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(toolbar.getByText('New', { exact: true })).not.toBeInViewport();
  await expect(toolbar.getByRole('button', { name: 'New' })).toBeVisible();
  await expect(toolbar.getByText('Add contact', { exact: true })).toBeVisible();
  const header = (await page.locator('.app-header').boundingBox())!;
  expect(header.height).toBeLessThan(60);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(toolbar.getByText('Import…', { exact: true })).toBeVisible();

  await callApi(carnet.server, 'setLanguage', 'fr');
  await page.reload();
  await waitForIdle(page);
  await expect(page.locator('.doc-title')).toHaveText('Carnet — démo');
  await expect(page).toHaveTitle('Carnet — démo — Carnet');
  await expect(page.getByRole('toolbar', { name: 'Actions sur le document et la carte' }).getByText('Importer…', { exact: true })).toBeVisible();
});

test('after an import: counts in plain words, sources by name, and the notice goes with Ctrl+Z', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar').getByRole('button', { name: 'Import…' }).click();
  const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Zoé Nouvelle-Venue', 'EMAIL;TYPE=work:zoe@atelier-neuf.example', 'ORG:Atelier Neuf', 'END:VCARD'].join('\r\n');
  await (await chooser).setFiles([{ name: 'zoe.vcf', mimeType: 'text/vcard', buffer: Buffer.from(card) }]);
  const dialog = page.getByRole('dialog', { name: /Import contacts/ });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  const notice = page.getByRole('status').filter({ hasText: 'Import done' });
  await expect(notice).toHaveText('Import done: 1 new contact, 0 existing contacts completed. Ctrl+Z undoes it.');
  const filters = await openSection(page, 'Filters');
  await expect(filters.getByRole('checkbox', { name: /^vCard/ })).toBeVisible();
  await expect(filters).not.toContainText('vcard');
  await pressShortcut(page, 'Control+z');
  await expect.poll(() => page.evaluate(() => window.__carnet!.contactIds('Zoé Nouvelle-Venue').length)).toBe(0);
  await expect(notice).toBeHidden();
});
