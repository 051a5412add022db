/**
 * A network built only from imported files, as a new user has it: a LinkedIn
 * `Connections.csv` (written here, in LinkedIn's own layout) run through
 * `carnet import` into a new document. No profile of the user, no
 * interactions, no known ties: what the demo hides.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/api/contract.js';
import type { Carnet } from './fixtures.js';
import { ROOT, startServer } from './server.js';
import { openApp } from './ui.js';

/** The people of the export: first name, last name, company, position, "Connected On". */
export const CONNECTIONS = [
  ['Jeanne', 'Moreau', 'Atelier Nord', 'Directrice', '15 Mar 2024'],
  ['Éloïse', 'Bernard', 'Atelier Nord', 'Designer', '02 Feb 2021'],
  ['Paul', 'Durand', 'Banque Lumière', 'Analyste', '20 Jan 2019'],
  ['Karim', 'Haddad', 'Banque Lumière', 'Head of Data', '11 Nov 2020'],
  ['Sofia', 'Rossi', 'Clinique des Lilas', 'Médecin', '07 Jul 2018'],
  ['Lucas', 'Petit', 'Klaxon Mobilité', 'CTO', '30 Sep 2022'],
] as const;

export const fullName = (c: (typeof CONNECTIONS)[number]) => `${c[0]} ${c[1]}`;

function connectionsCsv(): string {
  const rows = CONNECTIONS.map(([first, last, company, position, on]) => {
    const slug = `${first}-${last}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return [first, last, `https://www.linkedin.com/in/${slug}`, '', company, position, on].join(',');
  });
  return [
    'Notes:',
    '"When exporting your connection data, you may notice that some of your connections don\'t have an email address."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...rows,
    '',
  ].join('\n');
}

/** Writes the export in `dir` and imports it into `dir/imported.json`; resolves to the document's path. */
export async function writeImportedNetwork(dir: string): Promise<string> {
  await mkdir(join(dir, 'export'), { recursive: true });
  const csv = join(dir, 'export', 'Connections.csv');
  await writeFile(csv, connectionsCsv());
  const doc = join(dir, 'imported.json');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/carnet.js'), 'import', csv, '--into', doc], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`carnet import failed (${r.status}): ${r.stderr}${r.stdout}`);
  return doc;
}

/** Swaps the test's demo server for one on the imported network, and opens the app on it in `lang`. */
export async function openImportedNetwork(page: Page, carnet: Carnet, lang: Language): Promise<void> {
  const file = await writeImportedNetwork(carnet.dirs.dataDir);
  await carnet.server.stop();
  carnet.server = await startServer(carnet.dirs, ['--doc', file]);
  await openApp(page, carnet.server, lang);
}
