/** Steps the side-panel specs share: open a card, find a contact the map shows uncovered, read the server's document. */
import { expect, type Page } from '@playwright/test';
import type { CarnetDocument } from '../../shared/document/schema.js';
import { callApi } from './api.js';
import type { Carnet } from './fixtures.js';
import type { translator } from '../../shared/i18n/index.js';
import { contactIds } from './ui.js';

/** The document as the server holds it (not the page's copy). */
export async function serverDoc(carnet: Carnet): Promise<CarnetDocument> {
  return (await callApi(carnet.server, 'getState')).doc;
}

export async function idOf(page: Page, name: string): Promise<string> {
  const [id] = await contactIds(page, name);
  if (!id) throw new Error(`no contact ${name}`);
  return id;
}

/** Opens a contact's card by finding them with the toolbar's search (the map may draw them under a floating panel). */
export async function openCard(page: Page, name: string) {
  const search = page.getByRole('search').getByRole('combobox');
  await search.fill(name);
  await expect(page.getByRole('search').getByRole('option').first()).toContainText(name);
  await search.press('Enter');
  const panel = page.getByRole('complementary', { name });
  await expect(panel).toBeVisible();
  return panel;
}

/** Whether the map draws this node (a contact, or "Me") where a click reaches it, not under a floating panel. */
export function uncovered(page: Page, id: string): Promise<boolean> {
  return page.evaluate((i) => {
    const at = window.__carnet?.nodePosition(i);
    const map = document.querySelector('.map');
    if (!at || !map) return false;
    const box = map.getBoundingClientRect();
    return map.contains(document.elementFromPoint(box.x + at.x, box.y + at.y));
  }, id);
}

/** The first of these contacts whose node the map shows uncovered, to be clicked. */
export async function uncoveredOnMap(page: Page, names: string[]): Promise<string> {
  for (const name of names) {
    const id = await idOf(page, name);
    if (await uncovered(page, id)) return id;
  }
  throw new Error(`none of ${names.join(', ')} can be clicked on the map`);
}

/** The toolbar's Undo button, named after the step it would undo. */
export function undoButton(page: Page, t: ReturnType<typeof translator>, labelKey: string, params: Record<string, string | number> = {}) {
  return page.getByRole('button', { name: t('toolbar.undoWhat', { label: t(labelKey, params) }) });
}
