import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../shared/document/schema.js';
import { buildImportPreview, expandArchive, parseImportFile, selectExportFiles } from '../../../shared/import/index.js';
import { FIXTURES, NOW, sequentialIds } from './helpers.js';

const folder = join(FIXTURES, 'linkedin-export');
const files = readdirSync(folder).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(folder, name))) }));

describe('LinkedIn data export', () => {
  it('keeps only connections, messages and invitations from an export folder', () => {
    expect(selectExportFiles(files).selected.map((f) => f.name).sort()).toEqual(['Connections.csv', 'Invitations.csv', 'messages.csv']);
  });

  it('expands a .zip of the export', () => {
    const zip = zipSync(Object.fromEntries(files.map((f) => [`Basic_LinkedInDataExport/${f.name}`, f.bytes])));
    const { files: inner, error } = expandArchive(zip, 'export.zip');
    expect(error).toBeUndefined();
    expect(inner.map((f) => f.name).sort()).toEqual([
      'export.zip/Basic_LinkedInDataExport/Connections.csv',
      'export.zip/Basic_LinkedInDataExport/Invitations.csv',
      'export.zip/Basic_LinkedInDataExport/messages.csv',
    ]);
  });

  it('reports a broken archive', () => {
    expect(expandArchive(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'bad.zip').error).toContain('bad.zip: not a readable ZIP archive');
  });

  it('turns messages and invitations into interactions with the user, who is not a contact', () => {
    const parsed = selectExportFiles(files).selected.map((f) => parseImportFile(f.bytes, f.name));
    const p = buildImportPreview(emptyDocument('2024-01-01'), parsed, { now: NOW, newId: sequentialIds() });
    expect(p.files.map((f) => [f.file, f.new, f.interactions])).toEqual([
      ['Connections.csv', 3, 0],
      ['Invitations.csv', 0, 1],
      ['messages.csv', 0, 2],
    ]);
    const names = p.changeSet.changes.filter((c) => c.op === 'put' && c.coll === 'contacts').map((c) => (c as { value: { name: string } }).value.name);
    expect(names).not.toContain('Camille Owner');
    const interactions = p.changeSet.changes.filter((c) => c.op === 'put' && c.coll === 'interactions').map((c) => (c as { value: { date: string; direction: string; channel: string } }).value);
    expect(interactions.map((i) => [i.date, i.direction, i.channel])).toEqual([
      ['2023-10-09', 'gave', 'message'],
      ['2024-03-16', 'mutual', 'message'],
      ['2021-05-02', 'received', 'message'],
    ]);
    expect(p.files[2]!.warnings).toEqual([{ file: 'messages.csv', line: 6, message: 'interaction skipped: no contact matches "Unknown Person"' }]);
  });

  it('does not duplicate interactions when the same export is imported twice', () => {
    const parsed = selectExportFiles(files).selected.map((f) => parseImportFile(f.bytes, f.name));
    const doc = emptyDocument('2024-01-01');
    const first = buildImportPreview(doc, parsed, { now: NOW, newId: sequentialIds() });
    for (const c of first.changeSet.changes) if (c.op === 'put') (doc[c.coll] as Record<string, unknown>)[c.id] = c.value;
    const again = buildImportPreview(doc, parsed, { now: NOW, newId: (p) => `${p}_again` });
    expect(again.totals).toMatchObject({ new: 0, merged: 3, interactions: 0 });
  });
});
