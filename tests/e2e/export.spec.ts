import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { openApp } from '../helpers/ui.js';

/** Exports through the toolbar's dialog and returns the downloaded file. */
async function exportAs(page: Page, format: RegExp): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the network' });
  await dialog.getByRole('radio', { name: format }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  await expect(dialog).toBeHidden();
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** Imports a file through the toolbar's picker and returns the import dialog, showing its preview. */
async function reimport(page: Page, name: string, mimeType: string, bytes: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar').getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles([{ name, mimeType, buffer: bytes }]);
  return page.getByRole('dialog', { name: 'Import contacts' });
}

test('CSV and vCard exports download files that import back onto the same contacts', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const { doc } = await callApi(carnet.server, 'getState');
  const people = Object.values(doc.contacts);
  const someone = people.find((c) => c.emails.length > 0)!;

  await page.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the network' });
  for (const f of [/^vCard/, /^CSV/, /^Carnet document/, /^GEXF/, /^GraphML/, /^Kumu/]) await expect(dialog.getByRole('radio', { name: f })).toBeVisible();
  await page.screenshot({ path: join(ROOT, 'test-results/import-export-dialog.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const csv = await exportAs(page, /^CSV/);
  expect(csv.name).toBe(`${doc.meta.title}.csv`);
  expect(csv.bytes.toString('utf8')).toContain(someone.name);
  const csvPreview = await reimport(page, csv.name, 'text/csv', csv.bytes);
  const csvCard = csvPreview.getByRole('region', { name: csv.name, exact: true });
  await expect(csvCard).toContainText('Carnet CSV');
  await expect(csvCard.getByTestId('count-read')).toHaveText(`${people.length} contacts read`);
  await expect(csvCard.getByTestId('count-new')).toHaveText('0 new');
  await csvPreview.getByRole('button', { name: 'Cancel' }).click();

  const vcf = await exportAs(page, /^vCard/);
  expect(vcf.name).toBe(`${doc.meta.title}.vcf`);
  const text = vcf.bytes.toString('utf8');
  expect(text.match(/BEGIN:VCARD/g)).toHaveLength(people.length);
  expect(text).toContain(`FN:${someone.name}`);
  const vcfPreview = await reimport(page, vcf.name, 'text/vcard', vcf.bytes);
  const vcfCard = vcfPreview.getByRole('region', { name: vcf.name, exact: true });
  await expect(vcfCard.getByTestId('count-read')).toHaveText(`${people.length} contacts read`);
  await expect(vcfCard.getByTestId('count-new')).toHaveText('0 new');
  await vcfPreview.getByRole('button', { name: 'Cancel' }).click();
  await expect(vcfPreview).toBeHidden();
  expect(Object.keys((await callApi(carnet.server, 'getState')).doc.contacts)).toHaveLength(people.length);
});

test('graph exports carry the cluster of each contact; Kumu comes as a ZIP of two CSVs', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const graphml = await exportAs(page, /^GraphML/);
  expect(graphml.name).toMatch(/\.graphml$/);
  const xml = graphml.bytes.toString('utf8');
  expect(xml).toContain('<graphml');
  expect(xml).toMatch(/<data key="cluster">[^<]+<\/data>/);

  const gexf = await exportAs(page, /^GEXF/);
  expect(gexf.bytes.toString('utf8')).toMatch(/<attvalue for="5" value="[^"]+"\/>/);

  const kumu = await exportAs(page, /^Kumu/);
  expect(kumu.name).toMatch(/-kumu\.zip$/);
  const files = unzipSync(new Uint8Array(kumu.bytes));
  const names = Object.keys(files).sort();
  expect(names).toHaveLength(2);
  expect(names[0]).toMatch(/-connections\.csv$/);
  expect(strFromU8(files[names[1]!]!)).toMatch(/^ID,Label,.*Cluster/);
});
