// A document's life on disk, as the user meets it in browser mode: Save As
// asks before replacing a file; a read-only document says so and refuses
// edits with the way on; a document missing at start is shown from its
// backup, read-only, and can be restored.
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { addContact, openApp, waitForIdle } from '../helpers/ui.js';

/** Screenshots at the two window sizes the interface is checked at, to look at (not compared). */
async function shots(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(ROOT, 'test-results', `document-safety-${name}-${w}.png`) });
  }
  if (size) await page.setViewportSize(size);
}
/** A small valid Carnet document, as another tool could write it. */
const carnetText = (title: string) => JSON.stringify({ format: 'carnet', version: 1, meta: { title, createdAt: '2025-01-01' } });

test('Save as… onto an existing file asks first, and keeps a backup of the Carnet document it replaces', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const theirs = join(carnet.dirs.dataDir, 'theirs.json');
  const text = carnetText('Theirs');
  writeFileSync(theirs, text);

  await page.getByRole('button', { name: 'Save as…' }).click();
  const saveAs = page.getByRole('dialog', { name: 'Save the document as' });
  await saveAs.getByRole('textbox', { name: 'File path' }).fill(theirs);
  await saveAs.getByRole('button', { name: 'Save' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace “theirs.json”?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('it is a Carnet document');
  await expect(confirm).toContainText('keeps a backup');
  await shots(page, 'replace-en');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(saveAs).toBeVisible();
  expect(readFileSync(theirs, 'utf8')).toBe(text);

  await saveAs.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('dialog', { name: 'Replace “theirs.json”?' }).getByRole('button', { name: 'Replace' }).click();
  await expect(saveAs).toBeHidden();
  await expect(page.locator('.status-path')).toContainText('theirs.json');
  expect((JSON.parse(readFileSync(theirs, 'utf8')) as { meta: { title: string } }).meta.title).not.toBe('Theirs');
  const backups = join(carnet.dirs.dataDir, '.carnet-backups', 'theirs.json');
  expect(readdirSync(backups).map((n) => readFileSync(join(backups, n), 'utf8'))).toContain(text);
});

test('a file that is not a Carnet document is replaced only once the user confirms, told it will be lost', async ({ page, carnet }) => {
  await openApp(page, carnet.server, 'fr');
  const other = join(carnet.dirs.dataDir, 'notes.json');
  writeFileSync(other, '{"mes":"notes"}');
  await page.getByRole('button', { name: 'Enregistrer sous…' }).click();
  const saveAs = page.getByRole('dialog', { name: 'Enregistrer le document sous' });
  await saveAs.getByRole('textbox', { name: 'Chemin du fichier' }).fill(other);
  await saveAs.getByRole('button', { name: 'Enregistrer' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remplacer « notes.json » ?' });
  await expect(confirm).toContainText('n’est pas un document Carnet');
  await expect(confirm).toContainText('Son contenu sera perdu');
  await shots(page, 'replace-fr');
  await confirm.getByRole('button', { name: 'Annuler' }).click();
  await saveAs.getByRole('button', { name: 'Annuler' }).click();
  expect(readFileSync(other, 'utf8')).toBe('{"mes":"notes"}');
});

test('a read-only document says so, refuses edits with the way on, and Save as… gives an editable copy', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const ro = join(carnet.dirs.dataDir, 'read-only.json');
  writeFileSync(ro, carnetText('Archive'));
  chmodSync(ro, 0o444);
  await page.getByRole('button', { name: 'Open…' }).click();
  const open = page.getByRole('dialog', { name: 'Open a document' });
  await open.getByRole('textbox', { name: 'File path' }).fill(ro);
  await open.getByRole('button', { name: 'Open' }).click();
  await expect(open).toBeHidden();
  await waitForIdle(page);
  await expect(page.getByTestId('status-readonly')).toHaveText('Read-only');
  await expect(page.getByRole('status').filter({ hasText: 'is open read-only: the file is read-only' })).toBeVisible();

  await page.getByRole('toolbar').getByRole('button', { name: 'Add contact' }).click();
  const panel = page.getByRole('complementary', { name: 'Add a person' });
  await panel.getByRole('textbox', { name: /^Name/ }).fill('Refused Person');
  await panel.getByRole('button', { name: 'Add to the map' }).click();
  const refused = page.getByRole('status').filter({ hasText: 'This document is read-only: the change was not made' });
  await expect(refused).toBeVisible();
  await shots(page, 'read-only-en');
  expect(readFileSync(ro, 'utf8')).toBe(carnetText('Archive'));
  expect(Object.keys((await callApi(carnet.server, 'getState')).doc.contacts)).toEqual([]);

  await refused.getByRole('button', { name: 'Save as…' }).click();
  const saveAs = page.getByRole('dialog', { name: 'Save the document as' });
  const copy = join(carnet.dirs.dataDir, 'editable.json');
  await saveAs.getByRole('textbox', { name: 'File path' }).fill(copy);
  await saveAs.getByRole('button', { name: 'Save' }).click();
  await expect(saveAs).toBeHidden();
  await expect(page.getByTestId('status-readonly')).toHaveCount(0);
  // The refused person is still in the card, not lost: adding them again works in the editable copy.
  await expect(panel.getByRole('textbox', { name: /^Name/ })).toHaveValue('Refused Person');
  await panel.getByRole('button', { name: 'Add to the map' }).click();
  await expect.poll(async () => Object.values((await callApi(carnet.server, 'getState')).doc.contacts).map((c) => c.name)).toEqual(['Refused Person']);
  expect((await callApi(carnet.server, 'getState')).path).toBe(copy);
});

test('the document missing at start is shown from its backup, read-only, and restored on request', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  await addContact(page, { name: 'Kept By The Backup' });
  const path = (await callApi(carnet.server, 'getState')).path;
  await carnet.server.stop();
  rmSync(path);
  await carnet.restart();
  await openApp(page, carnet.server, 'fr');
  const missing = page.getByRole('status').filter({ hasText: 'est introuvable' });
  await expect(missing).toBeVisible();
  await expect(page.getByTestId('status-readonly')).toHaveText('Lecture seule');
  await shots(page, 'missing-fr');
  expect(existsSync(path)).toBe(false);

  await missing.getByRole('button', { name: 'Restaurer cette version' }).click();
  await expect(missing).toBeHidden();
  await expect(page.getByTestId('status-readonly')).toHaveCount(0);
  await waitForIdle(page);
  expect(existsSync(path)).toBe(true);
  const state = await callApi(carnet.server, 'getState');
  expect(state.readOnly).toBe(false);
  expect(Object.values(state.doc.contacts).map((c) => c.name)).toContain('Kept By The Backup');
});
