import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { zipSync } from 'fflate';
import { callApi, contactNames } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT, type CarnetServer } from '../helpers/server.js';
import { contactIds, mapStats, openApp, pressShortcut, waitForIdle } from '../helpers/ui.js';

type Upload = { name: string; mimeType: string; buffer: Buffer };

const FIXTURES = join(ROOT, 'tests/fixtures/import');
const shot = (name: string) => join(ROOT, `test-results/import-${name}.png`);

/** Opens the file picker from the toolbar, as a user would, and chooses `files`. */
async function pickFiles(page: Page, files: Upload[]): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar').getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files);
  return page.getByRole('dialog', { name: /Import contacts|Choose what each column holds/ });
}

/** The card of one file in the preview (exact name: the issue list is named after the file too). */
const fileCard = (dialog: Locator, file: string) => dialog.getByRole('region', { name: file, exact: true });

async function contactCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('status-contacts').textContent())!.replace(/\D/g, ''));
}

/** Two demo contacts to match: one by e-mail, another by LinkedIn profile URL. */
async function demoPeople(server: CarnetServer) {
  const { doc } = await callApi(server, 'getState');
  const people = Object.values(doc.contacts);
  const byEmail = people.find((c) => c.emails.length > 0)!;
  const byProfile = people.find((c) => c.profileUrl && c.id !== byEmail.id && c.emails.length === 0)!;
  return { byEmail, byProfile };
}

function vcard(cards: { name: string; email: string; org?: string }[]): string {
  return cards
    .map((c) => ['BEGIN:VCARD', 'VERSION:3.0', `FN:${c.name}`, `EMAIL;TYPE=work:${c.email}`, ...(c.org ? [`ORG:${c.org}`] : []), 'END:VCARD'].join('\r\n'))
    .join('\r\n');
}

const vcf = (name: string, text: string): Upload => ({ name, mimeType: 'text/vcard', buffer: Buffer.from(text) });
const csv = (name: string, text: string): Upload => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('LinkedIn connections and a vCard: preview, one undo step, persisted', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const base = await contactCount(page);
  const nodes = (await mapStats(page)).nodes;
  const { byEmail, byProfile } = await demoPeople(carnet.server);

  // The LinkedIn fixture, plus a connection already on the map (same profile URL) and one with a date LinkedIn never writes.
  const linkedin = readFileSync(join(FIXTURES, 'linkedin-connections.csv'), 'utf8').trimEnd();
  const badDateLine = linkedin.split('\n').length + 2;
  const connections = `${linkedin}\n${byProfile.givenName ?? byProfile.name},${byProfile.familyName ?? ''},${byProfile.profileUrl},,,,01 Jan 2020\nYves,Datefausse,https://www.linkedin.com/in/yves-datefausse,,Nulle Part,,someday\n`;
  const cards = vcard([
    { name: byEmail.name, email: byEmail.emails[0]!.value },
    { name: 'Zoé Nouvelle-Recrue', email: 'zoe@atelier-neuf.example', org: 'Atelier Neuf' },
  ]);

  const dialog = await pickFiles(page, [csv('Connections.csv', connections), vcf('contacts.vcf', cards)]);
  const linkedinCard = fileCard(dialog, 'Connections.csv');
  await expect(linkedinCard).toContainText('LinkedIn connections');
  await expect(linkedinCard.getByTestId('count-read')).toHaveText('5 contacts read');
  await expect(linkedinCard.getByTestId('count-new')).toHaveText('4 new');
  await expect(linkedinCard.getByTestId('count-merged')).toHaveText('1 matches an existing contact (1 by profile URL)');
  const issues = linkedinCard.getByRole('region', { name: 'Problems found in Connections.csv' });
  await expect(issues.getByRole('listitem').filter({ hasText: `line ${badDateLine}` })).toContainText('connection date “someday” is not a date');

  const vcardCard = fileCard(dialog, 'contacts.vcf');
  await expect(vcardCard).toContainText('vCard');
  await expect(vcardCard.getByTestId('count-new')).toHaveText('1 new');
  await expect(vcardCard.getByTestId('count-merged')).toHaveText('1 matches an existing contact (1 by e-mail)');
  await expect(dialog.getByTestId('import-totals')).toContainText('5 new contacts');
  await expect(dialog.getByTestId('import-totals')).toContainText('2 contacts already on your map, completed');
  await page.screenshot({ path: shot('preview') });

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await waitForIdle(page);
  await expect.poll(() => contactCount(page)).toBe(base + 5);
  expect((await mapStats(page)).nodes).toBe(nodes + 5);
  for (const name of ['Jeanne Moreau', 'Yves Datefausse', 'Zoé Nouvelle-Recrue']) expect(await contactIds(page, name)).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'Undo: import 2 files' })).toBeEnabled();
  await page.screenshot({ path: shot('after') });

  await page.reload();
  await waitForIdle(page);
  expect(await contactCount(page)).toBe(base + 5);
  expect(await contactIds(page, 'Zoé Nouvelle-Recrue')).toHaveLength(1);

  await pressShortcut(page, 'Control+z');
  await expect.poll(() => contactCount(page)).toBe(base);
  expect((await mapStats(page)).nodes).toBe(nodes);
  expect(await contactIds(page, 'Jeanne Moreau')).toEqual([]);
  const { doc } = await callApi(carnet.server, 'getState');
  expect(doc.contacts[byProfile.id]?.sources ?? []).toEqual(byProfile.sources);

  await page.reload();
  await waitForIdle(page);
  expect(await contactCount(page)).toBe(base);
  expect(await contactNames(carnet.server)).not.toContain('Zoé Nouvelle-Recrue');
});

test('dropping a file on the window starts the same import', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const base = await contactCount(page);
  const text = vcard([{ name: 'Désiré Déposé', email: 'desire@depose.example', org: 'Glisser SA' }]);
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'depose.vcf', { type: 'text/vcard' }));
    (window as unknown as { __drop: DataTransfer }).__drop = dt;
    const target = document.querySelector('.map-area')!;
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, text);
  await expect(page.getByText('Drop to import')).toBeVisible();
  await page.screenshot({ path: shot('drop') });
  const prevented = await page.evaluate(() => {
    const dt = (window as unknown as { __drop: DataTransfer }).__drop;
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt });
    document.querySelector('.map-area')!.dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  // The browser must not open the dropped file in place of the app.
  expect(prevented).toBe(true);
  await expect(page.getByText('Drop to import')).toBeHidden();

  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  await expect(fileCard(dialog, 'depose.vcf').getByTestId('count-new')).toHaveText('1 new');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => contactCount(page)).toBe(base + 1);
  expect(await contactIds(page, 'Désiré Déposé')).toHaveLength(1);
});

test('a generic CSV: the column mapping is shown, changed, and remembered for the same header', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const base = await contactCount(page);
  const header = 'Full Name,E-mail,Company,Town,Remark';
  const first = csv('salon.csv', `${header}\nGaspard Tableur,gaspard@tableur.example,Feuilles & Co,Nantes,Rencontré au salon\nInès Colonne,ines@colonne.example,Cellules SARL,Lyon,Intro par Gaspard\n`);

  const dialog = await pickFiles(page, [first]);
  await expect(dialog).toHaveAccessibleName('Choose what each column holds');
  await expect(dialog.getByText('Carnet guessed these columns from their names.')).toBeVisible();
  const remark = dialog.getByRole('combobox', { name: 'Import the column “Remark” as' });
  await expect(dialog.getByRole('combobox', { name: 'Import the column “Full Name” as' })).toHaveValue('name');
  await expect(dialog.getByRole('combobox', { name: 'Import the column “E-mail” as' })).toHaveValue('email');
  await expect(remark).toHaveValue('ignore');
  await remark.selectOption('notes');
  await page.screenshot({ path: shot('columns') });
  await dialog.getByRole('button', { name: 'Continue' }).click();

  const card = fileCard(dialog, 'salon.csv');
  await expect(card).toContainText('CSV');
  await expect(card.getByTestId('count-new')).toHaveText('2 new');
  await expect(card.getByRole('region', { name: 'Problems found in salon.csv' })).toContainText('columns not imported: Town');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => contactCount(page)).toBe(base + 2);
  const { doc } = await callApi(carnet.server, 'getState');
  const gaspard = Object.values(doc.contacts).find((c) => c.name === 'Gaspard Tableur')!;
  expect(gaspard.notes).toBe('Rencontré au salon');
  expect(gaspard.emails.map((e) => e.value)).toEqual(['gaspard@tableur.example']);

  // Another file with the same header: the confirmed mapping comes back, even after a reload.
  await page.reload();
  await waitForIdle(page);
  const again = await pickFiles(page, [csv('salon-2.csv', `${header}\nHugo Suivant,hugo@suivant.example,Plus Tard,Brest,Vu en ligne\n`)]);
  await expect(again.getByText('These are the columns you chose last time for a file with the same header.')).toBeVisible();
  await expect(again.getByRole('combobox', { name: 'Import the column “Remark” as' })).toHaveValue('notes');
  await expect(again.getByRole('combobox', { name: 'Import the column “Town” as' })).toHaveValue('ignore');
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(again).toBeHidden();
  expect(await contactCount(page)).toBe(base + 2);
});

test('a binary file is refused with its name and reason, and nothing is imported', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const base = await contactCount(page);
  const undo = await page.getByRole('toolbar').getByRole('button', { name: /^(Undo|Nothing to undo)/ }).getAttribute('aria-label');
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) % 256;

  const dialog = await pickFiles(page, [{ name: 'photo.bin', mimeType: 'application/octet-stream', buffer: bytes }]);
  const card = fileCard(dialog, 'photo.bin');
  const problem = card.getByRole('region', { name: 'Problems found in photo.bin' }).getByRole('listitem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('Error');
  await expect(problem).toContainText('binary data, not a contact file (expected CSV, vCard or a Carnet JSON document)');
  await expect(dialog.getByText('Nothing to import')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.screenshot({ path: shot('error') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await contactCount(page)).toBe(base);
  await expect(page.getByRole('toolbar').getByRole('button', { name: undo! })).toBeVisible();
});

test('cancelling, during the preview or while reading, changes nothing', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const base = await contactCount(page);
  const names = await contactNames(carnet.server);
  const undo = await page.getByRole('toolbar').getByRole('button', { name: /^(Undo|Nothing to undo)/ }).getAttribute('aria-label');

  const dialog = await pickFiles(page, [vcf('annule.vcf', vcard([{ name: 'Anne Annulée', email: 'anne@annulee.example' }]))]);
  await expect(fileCard(dialog, 'annule.vcf').getByTestId('count-new')).toHaveText('1 new');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // A big LinkedIn export keeps the worker busy long enough to cancel it midway.
  const rows = Array.from({ length: 60_000 }, (_, i) => `Prénom${i},Nom${i},https://www.linkedin.com/in/p${i},p${i}@grand.example,Grande Boîte ${i % 97},Poste,01 Jan 2020`);
  const big = csv('Connections.csv', `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`);
  const reading = await pickFiles(page, [big]);
  await expect(reading.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await page.screenshot({ path: shot('progress') });
  await reading.getByRole('button', { name: 'Cancel' }).click();
  await expect(reading).toBeHidden();

  await waitForIdle(page);
  expect(await contactCount(page)).toBe(base);
  expect(await contactNames(carnet.server)).toEqual(names);
  await expect(page.getByRole('toolbar').getByRole('button', { name: undo! })).toBeVisible();
  // The next import starts a fresh worker.
  const next = await pickFiles(page, [vcf('apres.vcf', vcard([{ name: 'Après Annulation', email: 'apres@annulation.example' }]))]);
  await expect(fileCard(next, 'apres.vcf').getByTestId('count-new')).toHaveText('1 new');
  await next.getByRole('button', { name: 'Cancel' }).click();
});

test('a file with errors: its valid rows are imported by default, or the file is skipped', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const base = await contactCount(page);
  const truncated = readFileSync(join(FIXTURES, 'truncated.vcf'));
  const dialog = await pickFiles(page, [
    { name: 'truncated.vcf', mimeType: 'text/vcard', buffer: truncated },
    vcf('sain.vcf', vcard([{ name: 'Sana Saine', email: 'sana@saine.example' }])),
  ]);
  const card = fileCard(dialog, 'truncated.vcf');
  await expect(card.getByRole('region', { name: 'Problems found in truncated.vcf' })).toContainText(
    'card 2, line 6this card is not closed by END:VCARD (the file may be truncated); it was not imported',
  );
  const choice = card.getByRole('group', { name: 'This file has 1 error. What should Carnet do with it?' });
  await expect(choice.getByRole('radio', { name: 'Import its valid rows' })).toBeChecked();
  await expect(dialog.getByTestId('import-totals')).toContainText('2 new contacts');

  await choice.getByRole('radio', { name: 'Skip this file' }).check();
  await expect(card).toContainText('This file will not be imported.');
  await expect(dialog.getByTestId('import-totals')).toContainText('1 new contact');
  await page.screenshot({ path: shot('skip') });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => contactCount(page)).toBe(base + 1);
  expect(await contactIds(page, 'Sana Saine')).toHaveLength(1);
  expect(await contactIds(page, 'Complete Card')).toEqual([]);
  await expect(page.getByRole('button', { name: 'Undo: import sain.vcf' })).toBeEnabled();
});

test('a ZIP of a LinkedIn export: the files about the network and about you are read, the others named as ignored', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const folder = join(FIXTURES, 'linkedin-export');
  const entries = Object.fromEntries(
    ['Connections.csv', 'messages.csv', 'Invitations.csv', 'Profile.csv', 'Ad_Targeting.csv'].map((f) => [`Basic_LinkedInDataExport/${f}`, new Uint8Array(readFileSync(join(folder, f)))]),
  );
  const dialog = await pickFiles(page, [{ name: 'linkedin.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) }]);
  const connections = fileCard(dialog, 'linkedin.zip/Basic_LinkedInDataExport/Connections.csv');
  await expect(connections).toContainText('LinkedIn connections');
  await expect(fileCard(dialog, 'linkedin.zip/Basic_LinkedInDataExport/messages.csv')).toContainText('LinkedIn messages');
  await expect(fileCard(dialog, 'linkedin.zip/Basic_LinkedInDataExport/Invitations.csv')).toContainText('LinkedIn invitations');
  await expect(fileCard(dialog, 'linkedin.zip/Basic_LinkedInDataExport/Profile.csv')).toContainText('Goes to your own profile');
  await expect(dialog.getByRole('region', { name: 'This is you' })).toContainText('Camille Owner');
  const ignored = dialog.getByRole('region', { name: 'Not used' });
  await ignored.getByText('1 file of the export is not used by Carnet').click();
  await expect(ignored).toContainText('Ad_Targeting.csv');
  await page.screenshot({ path: shot('zip') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('the import and export dialogs speak French and pass axe', async ({ page, carnet }) => {
  await openApp(page, carnet.server, 'fr');
  const serious = async () => {
    const r = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar').getByRole('button', { name: 'Importer…' }).click();
  await (await chooser).setFiles([
    csv('fiches.csv', 'Nom complet;Courriel;Société;Ville natale\nLéa Fiche;lea@fiche.example;Fiches & Cie;Rennes\n'),
    { name: 'truncated.vcf', mimeType: 'text/vcard', buffer: readFileSync(join(FIXTURES, 'truncated.vcf')) },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Indiquez ce que contient chaque colonne' });
  await expect(dialog.getByRole('combobox', { name: 'Importer la colonne « Courriel » comme' })).toHaveValue('email');
  expect(await serious(), 'column step').toEqual([]);
  await dialog.getByRole('button', { name: 'Continuer' }).click();
  const preview = page.getByRole('dialog', { name: 'Importer des contacts' });
  await expect(preview.getByTestId('import-totals')).toContainText('2 nouveaux contacts');
  await expect(fileCard(preview, 'truncated.vcf')).toContainText('fiche 2, ligne 6');
  expect(await serious(), 'preview').toEqual([]);
  await page.screenshot({ path: shot('preview-fr') });
  await preview.getByRole('button', { name: 'Annuler' }).click();

  await page.getByRole('toolbar').getByRole('button', { name: 'Exporter…' }).click();
  await expect(page.getByRole('dialog', { name: 'Exporter le réseau' })).toBeVisible();
  expect(await serious(), 'export').toEqual([]);
});
