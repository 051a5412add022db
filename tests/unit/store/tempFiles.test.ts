// Temporary files a killed Carnet leaves wherever it writes (beside the
// document, its journal and its lock, and in its backups folder) are removed
// when the document is next opened; other files are left alone.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../../electron/services/backups.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { sampleDocument, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-temps-')));
afterEach(() => cleanup());

describe('leftover temporary files', () => {
  it('are removed beside the document, its journal, its lock and in its backups folder', async () => {
    const s = await DocumentStore.create(join(dir, 'doc.json'), sampleDocument());
    await s.close();
    const backups = backupDirFor(s.path);
    mkdirSync(backups, { recursive: true });
    const stale = [
      join(dir, '.doc.json.a1b2c3d4e5f6.carnet-tmp'),
      join(dir, '.doc.json.journal.a1b2c3d4e5f6.carnet-tmp'),
      join(dir, '.doc.json.lock.a1b2c3d4e5f6.carnet-tmp'),
      join(backups, '.2025-03-01T10-00-00-000Z-r3-h0123456789abcdef.json.a1b2c3d4e5f6.carnet-tmp'),
    ];
    for (const f of stale) writeFileSync(f, '{"half');
    const others = [join(dir, '.other.json.a1b2c3d4e5f6.carnet-tmp'), join(dir, 'notes.txt')];
    for (const f of others) writeFileSync(f, 'not ours');
    const r = await DocumentStore.open(s.path);
    await r.close();
    for (const f of stale) expect(existsSync(f), f).toBe(false);
    for (const f of others) expect(existsSync(f), f).toBe(true);
    expect(readdirSync(backups).every((n) => !n.endsWith('.carnet-tmp'))).toBe(true);
  });

  it('of a Save As target are removed when Carnet writes there', async () => {
    const s = await DocumentStore.create(join(dir, 'doc.json'), sampleDocument());
    mkdirSync(join(dir, 'there'));
    const stale = join(dir, 'there', '.copy.json.a1b2c3d4e5f6.carnet-tmp');
    writeFileSync(stale, '{"half');
    await s.saveAs(join(dir, 'there', 'copy.json'));
    await s.close();
    expect(existsSync(stale)).toBe(false);
  });
});
