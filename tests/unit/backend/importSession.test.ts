import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiArgumentError, MAX_IMPORT_CHUNK_CHARS, type EditResult, type Events, type ImportChoices } from '../../../shared/api/contract.js';
import { addContact } from '../../../shared/document/commands.js';
import type { ImportSummary } from '../../../shared/import/summary.js';
import { createBackend, type Backend } from '../../../electron/services/backend.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { Settings } from '../../../electron/services/settings.js';
import { sampleDocument, tempDir } from '../store/helpers.js';

let dir: string;
let cleanup: () => void;
let backends: Backend[] = [];

beforeEach(() => ({ dir, cleanup } = tempDir('carnet-import-session-')));
afterEach(async () => {
  for (const b of backends) await b.close().catch(() => {});
  backends = [];
  cleanup();
});

async function backend(): Promise<Backend> {
  await (await DocumentStore.create(join(dir, 'carnet.json'), sampleDocument())).close();
  const map = new Map<string, unknown>();
  const settings = new Settings({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) });
  const b = await createBackend({ dataDir: dir, settings, transport: 'web', systemLanguage: 'en', storeOptions: { saveDelayMs: 60_000 } });
  backends.push(b);
  return b;
}

const FOLDER = join(import.meta.dirname, '../../fixtures/import/linkedin-export');
const NO_CHOICES: ImportChoices = { mappings: [], skip: [], decisions: [] };
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

/** Uploads the LinkedIn export as a dropped folder would arrive (`export/…`), each file in two pieces. */
async function uploadExport(b: Backend): Promise<string> {
  const { importId } = (await b.call('importStart', [])) as { importId: string };
  for (const name of readdirSync(FOLDER)) {
    const bytes = new Uint8Array(readFileSync(join(FOLDER, name)));
    // Split on a multiple of 3 bytes, as IMPORT_CHUNK_BYTES is not: each piece is its own base64.
    const cut = Math.floor(bytes.length / 2);
    await b.call('importUpload', [importId, { name: `export/${name}`, data: b64(bytes.subarray(0, cut)), last: false }]);
    await b.call('importUpload', [importId, { name: `export/${name}`, data: b64(bytes.subarray(cut)), last: true }]);
  }
  return importId;
}

describe('import where the document lives', () => {
  it('previews on the main side and answers a summary, never the ChangeSet', async () => {
    const b = await backend();
    const id = await uploadExport(b);
    const summary = (await b.call('importPreview', [id, { ...NO_CHOICES, lang: 'fr' }])) as ImportSummary;
    expect(summary.totals).toMatchObject({ read: 5, new: 5, interactions: 8 });
    expect(summary.me?.changes.map((c) => c.field)).toContain('organizations');
    expect(summary.ignored.map((f) => f.split('/').pop()).sort()).toEqual(['Ad_Targeting.csv', 'Company Follows.csv', 'Email Addresses.csv', 'Registration.csv', 'Rich_Media.csv']);
    expect(summary.changes).toBe(true);
    expect(JSON.stringify(summary)).not.toContain('"changeSet"');
    // The document is untouched until the commit.
    expect(Object.keys((await b.handlers.getState()).doc.contacts)).toHaveLength(3);
  });

  it('applies it as ONE edit, told to every client like any other, undone in one step', async () => {
    const b = await backend();
    const edits: EditResult[] = [];
    b.on('edit', (e: Events['edit']) => edits.push(e));
    const id = await uploadExport(b);
    await b.call('importPreview', [id, NO_CHOICES]);
    const result = (await b.call('importCommit', [id, NO_CHOICES])) as EditResult;
    expect(edits).toEqual([result]);
    expect(result.undo).toMatchObject({ canUndo: true, undoLabel: { key: 'import.undoFiles', params: { count: 11 } } });
    const { doc } = await b.handlers.getState();
    expect(Object.keys(doc.contacts)).toHaveLength(8);
    expect(doc.me.name).toBe('Camille Owner');
    for (const c of Object.values(doc.contacts)) expect(Object.hasOwn(doc.positions, c.id) || ['c1', 'c2', 'c3'].includes(c.id)).toBe(true);
    // The import has ended: it cannot be committed twice.
    await expect(b.call('importCommit', [id, NO_CHOICES])).rejects.toThrow(/no import .* in progress/);
    await b.call('undo', []);
    const back = (await b.handlers.getState()).doc;
    expect(Object.keys(back.contacts).sort()).toEqual(['c1', 'c2', 'c3']);
    expect(back.me.name).toBeUndefined();
  });

  it('keeps an edit made between the preview and the commit', async () => {
    const b = await backend();
    const id = await uploadExport(b);
    await b.call('importPreview', [id, NO_CHOICES]);
    const { doc } = await b.handlers.getState();
    await b.call('apply', [addContact(doc, { id: 'meanwhile', name: 'Ajouté Entretemps' })]);
    await b.call('importCommit', [id, NO_CHOICES]);
    const after = (await b.handlers.getState()).doc;
    expect(after.contacts.meanwhile?.name).toBe('Ajouté Entretemps');
    expect(Object.keys(after.contacts)).toHaveLength(9);
  });

  it('applies the user\'s answers about possible duplicates', async () => {
    const b = await backend();
    const { importId } = (await b.call('importStart', [])) as { importId: string };
    // The sample document has Alice Martin and Chloé Durand, in Rennes, without an organization.
    await b.call('importUpload', [importId, { name: 'people.csv', data: b64('Name,City\nAlice Martin,Rennes\nChloe Durand,Rennes\n'), last: true }]);
    const summary = (await b.call('importPreview', [importId, NO_CHOICES])) as ImportSummary;
    expect(summary.duplicates.map((d) => [d.incoming.name, d.existing.contactId, d.reason])).toEqual([
      ['Alice Martin', 'c1', 'sameName'],
      ['Chloe Durand', 'c3', 'accents'],
    ]);
    const choices = { ...NO_CHOICES, decisions: [{ key: summary.duplicates[0]!.key, choice: 'merge' as const }, { key: summary.duplicates[1]!.key, choice: 'apart' as const }] };
    const again = (await b.call('importPreview', [importId, choices])) as ImportSummary;
    expect(again.totals).toMatchObject({ new: 1, merged: 1 });
    await b.call('importCommit', [importId, choices]);
    const { doc } = await b.handlers.getState();
    expect(Object.values(doc.contacts).map((c) => c.name).sort()).toEqual(['Alice Martin', 'Bruno Petit', 'Chloe Durand', 'Chloé Durand']);
    expect(Object.keys(doc.suggestions).filter((k) => k.startsWith('duplicate:'))).toHaveLength(1);
  });

  it('refuses what is not an import, and forgets a cancelled one', async () => {
    const b = await backend();
    const { importId } = (await b.call('importStart', [])) as { importId: string };
    await expect(b.call('importUpload', [importId, { name: 'a.csv', data: 'not base64!', last: true }])).rejects.toBeInstanceOf(ApiArgumentError);
    await expect(b.call('importUpload', [importId, { name: 'a.csv', data: 'A'.repeat(MAX_IMPORT_CHUNK_CHARS + 4), last: true }])).rejects.toThrow(/\$\[1\]\.data|\$\[1\]\[data\]/);
    await expect(b.call('importPreview', ['unknown-import-id', NO_CHOICES])).rejects.toThrow(/no import "unknown-import-id" in progress/);
    await b.call('importUpload', [importId, { name: 'a.csv', data: b64('Name\nAnne Half\n'), last: false }]);
    await expect(b.call('importPreview', [importId, NO_CHOICES])).rejects.toThrow(/"a\.csv" was not sent whole/);
    expect(await b.call('importCancel', [importId])).toBe(true);
    await expect(b.call('importPreview', [importId, NO_CHOICES])).rejects.toThrow(/no import .* in progress/);
    expect(Object.keys((await b.handlers.getState()).doc.contacts)).toHaveLength(3);
  });

  it('holds at most two imports: a third forgets the oldest', async () => {
    const b = await backend();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(((await b.call('importStart', [])) as { importId: string }).importId);
    await expect(b.call('importPreview', [ids[0], NO_CHOICES])).rejects.toThrow(/no import/);
    await b.call('importUpload', [ids[2], { name: 'a.csv', data: b64('Name\nAnne Trois\n'), last: true }]);
    expect(((await b.call('importPreview', [ids[2], NO_CHOICES])) as ImportSummary).totals.new).toBe(1);
  });
});
