import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiArgumentError, type ImportChoices } from '../../../shared/api/contract.js';
import type { CsvMapping } from '../../../shared/import/mapping.js';
import type { ImportSummary } from '../../../shared/import/summary.js';
import { createBackend, type Backend } from '../../../electron/services/backend.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { createNodeSettings, MAX_IMPORT_MAPPINGS, Settings } from '../../../electron/services/settings.js';
import { sampleDocument, tempDir } from '../store/helpers.js';

let dir: string;
let cleanup: () => void;
let backends: Backend[] = [];

beforeEach(() => ({ dir, cleanup } = tempDir('carnet-mapping-')));
afterEach(async () => {
  for (const b of backends) await b.close().catch(() => {});
  backends = [];
  cleanup();
});

function memory(initial: Record<string, unknown> = {}) {
  const map = new Map(Object.entries(initial));
  return { map, settings: new Settings({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) }) };
}

async function backend(settings: Settings): Promise<Backend> {
  await (await DocumentStore.create(join(dir, 'carnet.json'), sampleDocument())).close();
  const b = await createBackend({ dataDir: dir, settings, transport: 'web', systemLanguage: 'en', storeOptions: { saveDelayMs: 60_000 } });
  backends.push(b);
  return b;
}

const HEADER_CELLS = ['Nom complet', 'Courriel', 'Société', 'Remarque'];
const HEADER = JSON.stringify(HEADER_CELLS);
const MAPPING: CsvMapping = {
  headerRow: 0,
  columns: [{ field: 'name' }, { field: 'email', label: 'work' }, { field: 'organization' }, null],
  dayFirst: true,
};
const NO_CHOICES: ImportChoices = { mappings: [], skip: [], decisions: [] };

/** Sends one CSV with this header to the backend's import and previews it. */
async function previewCsv(b: Backend, name: string, rows: string, choices = NO_CHOICES): Promise<ImportSummary> {
  const { importId } = (await b.call('importStart', [])) as { importId: string };
  await b.call('importUpload', [importId, { name, data: Buffer.from(`${HEADER_CELLS.join(';')}\n${rows}`).toString('base64'), last: true }]);
  return (await b.call('importPreview', [importId, choices])) as ImportSummary;
}

describe('remembered CSV column mappings', () => {
  it('offers the guess for an unknown header, then the mapping the user confirmed for it, in the next import', async () => {
    const { settings } = memory();
    const b = await backend(settings);
    const first = await previewCsv(b, 'a.csv', 'Léa Fiche;lea@fiche.example;Fiches;vue au salon\n');
    expect(first.columns).toEqual([expect.objectContaining({ file: 'a.csv', headerKey: HEADER, remembered: false })]);
    const chosen: CsvMapping = { ...MAPPING, columns: [{ field: 'name' }, { field: 'email' }, null, { field: 'notes' }] };
    const choices = { ...NO_CHOICES, mappings: [{ file: 'a.csv', mapping: chosen }] };
    await b.call('importCommit', [first.importId, choices]);
    expect(settings.importMapping(HEADER)).toEqual(chosen);
    const { doc } = await b.handlers.getState();
    const lea = Object.values(doc.contacts).find((c) => c.name === 'Léa Fiche')!;
    expect(lea.notes).toBe('vue au salon');
    expect(lea.organizations).toEqual([]);

    const second = await previewCsv(b, 'b.csv', 'Marc Suite;marc@suite.example;Suite;rappel\n');
    expect(second.columns).toEqual([expect.objectContaining({ file: 'b.csv', remembered: true, mapping: chosen })]);
    // The preview already used the remembered mapping.
    expect(second.files[0]!.new).toBe(1);
    await b.call('importCommit', [second.importId, NO_CHOICES]);
    const after = (await b.handlers.getState()).doc;
    expect(Object.values(after.contacts).find((c) => c.name === 'Marc Suite')!.notes).toBe('rappel');
  });

  it('refuses an invalid mapping, naming where, and stores nothing', async () => {
    const { settings, map } = memory();
    const b = await backend(settings);
    const { importId } = await previewCsv(b, 'a.csv', 'X;x@y.example;Z;W\n');
    const bad = { ...MAPPING, columns: [{ field: 'shoeSize' }] };
    const commit = (mapping: unknown) => b.call('importCommit', [importId, { ...NO_CHOICES, mappings: [{ file: 'a.csv', mapping }] }]);
    await expect(commit(bad)).rejects.toBeInstanceOf(ApiArgumentError);
    await expect(commit(bad)).rejects.toThrow(/\$\[1\]\[mappings\]\[0\]\[mapping\]\[columns\]\[0\]/);
    await expect(commit({ ...MAPPING, extra: 1 })).rejects.toThrow(/\$\[1\]\[mappings\]\[0\]\[mapping\]/);
    expect(map.has('importMappings')).toBe(false);
  });

  it('reads a hand-edited, invalid stored value as no mapping', () => {
    const { settings } = memory({ importMappings: { [HEADER]: { headerRow: 'first', columns: [] } } });
    expect(settings.importMapping(HEADER)).toBeNull();
    expect(settings.get().importMappings).toBeUndefined();
  });

  it('keeps the most recently confirmed headers only', () => {
    const { settings } = memory();
    for (let i = 0; i <= MAX_IMPORT_MAPPINGS; i++) settings.rememberImportMapping(`h${i}`, MAPPING);
    settings.rememberImportMapping('h1', MAPPING);
    const keys = Object.keys(settings.get().importMappings ?? {});
    expect(keys).toHaveLength(MAX_IMPORT_MAPPINGS);
    expect(keys[0]).toBe('h2');
    expect(keys.at(-1)).toBe('h1');
    expect(settings.importMapping('h0')).toBeNull();
  });

  it('persists across restarts in the settings file', () => {
    const first = createNodeSettings(join(dir, 'config'));
    first.rememberImportMapping(HEADER, MAPPING);
    expect(createNodeSettings(join(dir, 'config')).importMapping(HEADER)).toEqual(MAPPING);
  });
});
