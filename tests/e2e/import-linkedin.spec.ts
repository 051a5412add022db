/**
 * A real user's files, not the demo: a whole LinkedIn export folder dropped
 * on the window ("This is you", endorsements, ignored files), and the
 * possible-duplicates choice, in the preview and later in the contact panel,
 * in English and French.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT, type CarnetServer } from '../helpers/server.js';
import { contactIds, openApp, pressShortcut, waitForIdle } from '../helpers/ui.js';

const EXPORT = join(ROOT, 'tests/fixtures/import/linkedin-export');
const shot = (name: string) => join(ROOT, `test-results/import-${name}.png`);

async function contactCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('status-contacts').textContent())!.replace(/\D/g, ''));
}

/**
 * Drops a folder on the window the way the operating system does: Chromium is handed the folder's path
 * (DevTools' Input.dispatchDragEvent), and the page walks it with webkitGetAsEntry.
 */
async function dropFolder(page: Page, folder: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const box = (await page.locator('.map-area').boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
}

async function emptyDocument(page: Page, server: CarnetServer, lang: 'en' | 'fr'): Promise<void> {
  await callApi(server, 'newDocument');
  await openApp(page, server, lang);
}

const fileCard = (dialog: Locator, file: string) => dialog.getByRole('region', { name: file, exact: true });

/** Serious or critical accessibility violations inside the open dialog. */
async function axeProblems(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Opens a contact's card the way a user finds someone: Ctrl+K, the name, Enter. */
async function openContact(page: Page, name: string): Promise<Locator> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+k');
  await page.keyboard.type(name);
  await expect(page.getByRole('option').first()).toContainText(name);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name });
  await expect(panel).toBeVisible();
  return panel;
}

test('a LinkedIn export folder, dropped on the window: contacts, "This is you", gestures, ignored files; one undo', async ({ page, carnet }) => {
  await emptyDocument(page, carnet.server, 'en');
  expect(await contactCount(page)).toBe(0);
  await dropFolder(page, EXPORT);
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  await expect(dialog.getByTestId('import-totals')).toContainText('5 new contacts');
  await expect(dialog.getByTestId('import-totals')).toContainText('8 interactions');
  const me = dialog.getByRole('region', { name: 'This is you' });
  await expect(me).toContainText('Camille Owner');
  await expect(me).toContainText('Consultante en stratégie produit');
  await expect(me).toContainText('Banque Lumière, Head of Product (Mar 2021 – today)');
  await expect(me).toContainText('Télécom Ouest, Chef de produit (Sep 2016 – Feb 2021)');
  await expect(me).toContainText('HEC Paris, Master (2014)');
  await expect(me).toContainText('Stratégie produit, Fintech, UX, Gestion de projet, agile');
  const connections = fileCard(dialog, 'linkedin-export/Connections.csv');
  await expect(connections.getByTestId('count-read')).toHaveText('5 contacts read');
  await expect(connections.getByTestId('count-new')).toHaveText('5 new');
  await expect(fileCard(dialog, 'linkedin-export/Profile.csv')).toContainText('Goes to your own profile');
  await expect(fileCard(dialog, 'linkedin-export/Endorsement_Received_Info.csv').getByTestId('count-interactions')).toHaveText('1 interaction');
  await expect(fileCard(dialog, 'linkedin-export/Recommendations_Given.csv')).toContainText('interaction skipped: 2 contacts are named “Jean Dupont”; which one is unsure');
  const ignored = dialog.getByRole('region', { name: 'Not used' });
  await ignored.getByText('5 files of the export are not used by Carnet').click();
  await expect(ignored).toContainText('Ad_Targeting.csv');
  await expect(ignored).toContainText('Rich_Media.csv');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: shot('linkedin-en-1440') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: shot('linkedin-en-1024') });

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => contactCount(page)).toBe(5);
  await waitForIdle(page);
  const { doc } = await callApi(carnet.server, 'getState');
  expect(doc.me.name).toBe('Camille Owner');
  expect(doc.me.organizations.map((o) => o.name)).toEqual(['Banque Lumière', 'Télécom Ouest', 'Atelier']);
  const jeanne = Object.values(doc.contacts).find((c) => c.name === 'Jeanne Moreau')!;
  expect(jeanne.connectedOn).toBe('2024-03-15');
  expect(Object.values(doc.interactions).filter((i) => i.contacts.includes(jeanne.id)).map((i) => i.direction).sort()).toEqual(['mutual', 'received']);
  expect(Object.keys(doc.positions).sort()).toEqual(Object.keys(doc.contacts).sort());

  await expect(page.getByRole('button', { name: 'Undo: import 11 files' })).toBeEnabled();
  await pressShortcut(page, 'Control+z');
  await expect.poll(() => contactCount(page)).toBe(0);
  expect((await callApi(carnet.server, 'getState')).doc.me.name).toBeUndefined();
});

test('the LinkedIn export speaks French, numbers and dates included', async ({ page, carnet }) => {
  await emptyDocument(page, carnet.server, 'fr');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar').getByRole('button', { name: 'Importer…' }).click();
  // Every file of the export picked at once: read like its folder.
  await (await chooser).setFiles(readdirSync(EXPORT).map((f) => join(EXPORT, f)));
  const dialog = page.getByRole('dialog', { name: 'Importer des contacts' });
  await expect(dialog.getByTestId('import-totals')).toContainText('5 nouveaux contacts');
  const me = dialog.getByRole('region', { name: 'C’est vous' });
  await expect(me).toContainText('Banque Lumière, Head of Product (mars 2021 – aujourd’hui)');
  await expect(me).toContainText('Employeurs');
  await expect(fileCard(dialog, 'Connections.csv').getByTestId('count-read')).toHaveText('5 contacts lus');
  await expect(fileCard(dialog, 'Recommendations_Given.csv')).toContainText('interaction ignorée : 2 contacts s’appellent « Jean Dupont » ; lequel est incertain');
  await expect(dialog.getByRole('region', { name: 'Non utilisés' })).toContainText('5 fichiers de l’export ne sont pas utilisés par Carnet');
  expect(await axeProblems(page)).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: shot('linkedin-fr-1440') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: shot('linkedin-fr-1024') });
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => contactCount(page)).toBe(5);
  const { doc } = await callApi(carnet.server, 'getState');
  expect(Object.values(doc.interactions).map((i) => i.note)).toContain('LinkedIn : a validé vos compétences Stratégie produit, Fintech');
});

/** A CSV of look-alikes of three demo contacts at their own organizations. */
async function lookAlikes(server: CarnetServer) {
  const { doc } = await callApi(server, 'getState');
  const people = Object.values(doc.contacts)
    .filter((c) => c.organizations.length > 0 && c.name.split(' ').length === 2 && c.name.replace(/ /g, '').length >= 9 && !c.profileUrl)
    .slice(0, 3);
  // One letter dropped from the last name: a typo.
  const typo = (name: string) => name.slice(0, -2) + name.slice(-1);
  const rows = people.map((c, i) => `${typo(c.name)},${c.organizations[0]!.name},sosie${i}@nouveau.example`);
  return { people, typos: people.map((c) => typo(c.name)), csv: `Name,Company,Email\n${rows.join('\n')}\n` };
}

for (const lang of ['en', 'fr'] as const) {
  const t = lang === 'en'
    ? { import: 'Import…', dialog: 'Import contacts', columns: 'Continue', confirm: 'Import', merge: 'Merge', apart: 'Keep apart', possible: '3 possible duplicates', undecided: 'Not decided: kept apart for now', panel: 'Possible duplicates', mergeInto: 'Merge into', onMap: 'On your map' }
    : { import: 'Importer…', dialog: 'Importer des contacts', columns: 'Continuer', confirm: 'Importer', merge: 'Fusionner', apart: 'Garder séparés', possible: '3 doublons possibles', undecided: 'Non tranché : gardés séparés pour l’instant', panel: 'Doublons possibles', mergeInto: 'Fusionner avec', onMap: 'Sur votre carte' };

  test(`possible duplicates (${lang}): merged, kept apart, or left for the contact panel`, async ({ page, carnet }) => {
    await openApp(page, carnet.server, lang);
    const base = await contactCount(page);
    const { people, typos, csv } = await lookAlikes(carnet.server);
    expect(people).toHaveLength(3);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('toolbar').getByRole('button', { name: t.import }).click();
    await (await chooser).setFiles([{ name: 'sosies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
    // A CSV of no known export: its columns are confirmed first.
    await page.getByRole('dialog').getByRole('button', { name: t.columns }).click();
    const dialog = page.getByRole('dialog', { name: t.dialog });
    const section = dialog.getByRole('region', { name: t.possible });
    await expect(section).toBeVisible();
    const pairs = section.getByTestId('possible-duplicate');
    await expect(pairs).toHaveCount(3);
    // Both records side by side: the file's and the map's.
    await expect(pairs.nth(0)).toContainText(typos[0]!);
    await expect(pairs.nth(0)).toContainText(people[0]!.name);
    await expect(pairs.nth(0)).toContainText(t.onMap);
    await expect(pairs.nth(0)).toContainText(t.undecided);
    await expect(dialog.getByTestId('import-totals')).toContainText(lang === 'en' ? '3 new contacts' : '3 nouveaux contacts');
    expect(await axeProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: shot(`duplicates-${lang}-1440`) });

    await pairs.nth(0).getByRole('radio', { name: t.merge }).check();
    await pairs.nth(1).getByRole('radio', { name: t.apart }).check();
    await expect(dialog.getByTestId('import-totals')).toContainText(lang === 'en' ? '2 new contacts' : '2 nouveaux contacts');
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: shot(`duplicates-${lang}-1024`) });
    await dialog.getByRole('button', { name: t.confirm, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => contactCount(page)).toBe(base + 2);
    const { doc } = await callApi(carnet.server, 'getState');
    expect(doc.contacts[people[0]!.id]!.emails.map((e) => e.value)).toContain('sosie0@nouveau.example');
    expect(await contactIds(page, typos[0]!)).toEqual([]);

    // The pair kept apart is not asked again; the undecided one is, in the contact panel.
    const panel1 = await openContact(page, typos[1]!);
    await expect(panel1.getByTestId('contact-duplicates')).toHaveCount(0);
    const panel = await openContact(page, typos[2]!);
    const dup = panel.getByRole('region', { name: t.panel });
    await expect(dup).toContainText(people[2]!.name);
    await page.screenshot({ path: shot(`panel-duplicates-${lang}`) });
    await dup.getByRole('button', { name: new RegExp(`^${t.mergeInto}`) }).click();
    await expect.poll(() => contactCount(page)).toBe(base + 1);
    await waitForIdle(page);
    expect(Object.hasOwn((await callApi(carnet.server, 'getState')).doc.contacts, people[2]!.id)).toBe(false);
    await pressShortcut(page, 'Control+z');
    await expect.poll(() => contactCount(page)).toBe(base + 2);
  });
}
