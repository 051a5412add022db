/**
 * What a person does in Carnet's window, as small steps the specs compose.
 * Locators use accessible names (English: the specs set the language first),
 * so a control that loses its name breaks the tests as it would a screen reader.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../shared/api/contract.js';
// The page's read-only probe, window.__carnet: its type comes with the renderer's declaration.
import type {} from '../../renderer/src/testHook.js';
import type { MapStats } from '../../renderer/src/map/engine/carnetMap.js';
import { callApi } from './api.js';
import type { CarnetServer } from './server.js';

/**
 * Opens the page the server printed, in `language`, and waits for the map to be drawn and settled: the
 * diagnosis has arrived too (it recolours and regroups the map; a drag started meanwhile would race it).
 */
export async function openApp(page: Page, server: CarnetServer, language: Language = 'en'): Promise<void> {
  await callApi(server, 'setLanguage', language);
  await page.goto(server.url);
  await waitForIdle(page);
  await page.waitForFunction(() => window.__carnet?.analysed() === true, null, { timeout: 60_000 });
}

/** Waits until the map is drawn and no edit (such as the first layout) is on its way to the server. */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__carnet?.idle() === true, null, { timeout: 60_000 });
}

export async function mapStats(page: Page): Promise<MapStats> {
  const stats = await page.evaluate(() => window.__carnet?.map() ?? null);
  if (!stats) throw new Error('the map is not drawn');
  return stats;
}

/** Ids of the contacts named `name` in the page's copy of the document. */
export function contactIds(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => window.__carnet?.contactIds(n) ?? [], name);
}

/** Adds a contact through the toolbar and the side panel; resolves once the server accepted it. */
export async function addContact(page: Page, fields: { name: string; organization?: string; title?: string; city?: string }): Promise<void> {
  const before = (await mapStats(page)).nodes;
  await page.getByRole('toolbar').getByRole('button', { name: 'Add contact' }).click();
  const panel = page.getByRole('complementary', { name: 'Add a person' });
  await expect(panel).toBeVisible();
  await panel.getByRole('textbox', { name: /^Name/ }).fill(fields.name);
  if (fields.organization) await panel.getByRole('textbox', { name: 'Organization' }).fill(fields.organization);
  if (fields.title) await panel.getByRole('textbox', { name: 'Job title' }).fill(fields.title);
  if (fields.city) await panel.getByRole('textbox', { name: 'City' }).fill(fields.city);
  await panel.getByRole('button', { name: 'Add to the map' }).click();
  await expect(page.getByRole('complementary', { name: fields.name })).toBeVisible();
  await expect.poll(async () => (await mapStats(page)).nodes).toBe(before + 1);
  await waitForIdle(page);
}

/** Presses a shortcut with the focus on the page itself, not in a text field. */
export async function pressShortcut(page: Page, keys: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(keys);
  await waitForIdle(page);
}

/** Clicks a contact where the map draws it. */
export async function clickContact(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((i) => window.__carnet?.nodePosition(i) ?? null, id);
  if (!at) throw new Error(`contact ${id} is not drawn`);
  const box = await page.getByRole('region', { name: /^(Network map|Carte du réseau)$/ }).boundingBox();
  if (!box) throw new Error('the map has no size');
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

/**
 * Unfolds a section of the side dock (Categories, Filters, Legend, Map options) if it is folded, and
 * returns it. The dock itself is unfolded first if it was folded to its rail. Titles are the page's
 * language; so is `unfoldLabel` (the catalog's workspace.unfoldSide).
 */
export async function openSection(page: Page, title: string, unfoldLabel = 'Unfold the side panel'): Promise<Locator> {
  const unfold = page.getByRole('button', { name: unfoldLabel });
  if (await unfold.isVisible()) await unfold.click();
  const section = page.getByRole('region', { name: title, exact: true });
  const toggle = section.locator('.dock-section-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return section;
}
