import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiArgumentError } from '../../../shared/api/contract.js';
import type { CsvMapping } from '../../../shared/import/mapping.js';
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

const HEADER = JSON.stringify(['Nom complet', 'Courriel', 'Société', 'Remarque']);
const MAPPING: CsvMapping = {
  headerRow: 0,
  columns: [{ field: 'name' }, { field: 'email', label: 'work' }, { field: 'organization' }, null],
  dayFirst: true,
};

describe('remembered CSV column mappings', () => {
  it('answers null for an unknown header, then the mapping confirmed for it', async () => {
    const { settings } = memory();
    const b = await backend(settings);
    expect(await b.call('getImportMapping', [HEADER])).toBeNull();
    expect(await b.call('setImportMapping', [HEADER, MAPPING])).toBe(true);
    expect(await b.call('getImportMapping', [HEADER])).toEqual(MAPPING);
    expect(await b.call('getImportMapping', [JSON.stringify(['Nom complet'])])).toBeNull();
    const changed: CsvMapping = { ...MAPPING, columns: [{ field: 'name' }, { field: 'email' }, null, { field: 'notes' }] };
    await b.call('setImportMapping', [HEADER, changed]);
    expect(await b.call('getImportMapping', [HEADER])).toEqual(changed);
  });

  it('refuses an invalid mapping, naming where, and stores nothing', async () => {
    const { settings, map } = memory();
    const b = await backend(settings);
    const bad = { ...MAPPING, columns: [{ field: 'shoeSize' }] };
    await expect(b.call('setImportMapping', [HEADER, bad])).rejects.toBeInstanceOf(ApiArgumentError);
    await expect(b.call('setImportMapping', [HEADER, bad])).rejects.toThrow(/\$\[1\]\[columns\]\[0\]/);
    await expect(b.call('setImportMapping', ['', MAPPING])).rejects.toThrow(/\$\[0\]/);
    await expect(b.call('setImportMapping', [HEADER, { ...MAPPING, extra: 1 }])).rejects.toThrow(/\$\[1\]/);
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
