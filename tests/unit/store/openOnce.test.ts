// Opening reads the file once and validates it once; what is handed on (the
// renderer's text, the save worker's copy) comes from that one read. A BOM is
// accepted; a file from a newer Carnet is refused and left exactly as it is.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../../shared/document/commands.js';
import { listBackups } from '../../../electron/services/backups.js';
import { DocumentError, DocumentStore } from '../../../electron/services/documentStore.js';
import { journalPathFor } from '../../../electron/services/journal.js';
import { sampleDocument, tempDir, tickingClock } from './helpers.js';

let dir: string;
let cleanup: () => void;
const open: DocumentStore[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-open-once-')));
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  cleanup();
});

const opts = () => ({ saveDelayMs: 60_000, maxSaveDelayMs: 60_000, now: tickingClock() });
async function opened(path: string): Promise<DocumentStore> {
  const s = await DocumentStore.open(path, opts());
  open.push(s);
  return s;
}
async function written(name = 'doc.json'): Promise<string> {
  const s = await DocumentStore.create(join(dir, name), sampleDocument(), opts());
  await s.apply(addContact(s.doc, { id: 'c9', name: 'Zoé Lemaire' }));
  await s.close();
  return s.path;
}

describe('open once', () => {
  it('hands on the very text it read for a file Carnet wrote, without a second validation or a backup', async () => {
    const path = await written();
    const before = readFileSync(path, 'utf8');
    const backups = await listBackups(path);
    const s = await opened(path);
    expect(await s.textTrusted).toBe(true);
    expect(await s.text()).toBe(before);
    expect(await listBackups(path)).toEqual(backups);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('gives a file written by another tool (defaults left out) the defaults: the worker validates that one', async () => {
    const path = join(dir, 'by-hand.json');
    writeFileSync(
      path,
      JSON.stringify({
        format: 'carnet',
        version: 1,
        meta: { createdAt: '2025-01-01' },
        contacts: { a: { id: 'a', name: 'Ana', createdAt: '2025-01-01', updatedAt: '2025-01-01' } },
      }),
    );
    const s = await opened(path);
    expect(await s.textTrusted).toBe(false);
    const handed = JSON.parse(await s.text()) as typeof s.doc;
    expect(handed).toEqual(JSON.parse(JSON.stringify(s.doc)));
    expect(handed.contacts.a?.emails).toEqual([]);
    expect(handed.ties).toEqual({});
  });

  it('does not trust a text changed since Carnet wrote it, even with the mark still in the journal', async () => {
    const path = await written();
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { contacts: Record<string, { emails?: unknown }> };
    delete raw.contacts.c9!.emails;
    writeFileSync(path, JSON.stringify(raw));
    const s = await opened(path);
    expect(await s.textTrusted).toBe(false);
    expect((JSON.parse(await s.text()) as typeof s.doc).contacts.c9?.emails).toEqual([]);
  });
});

describe('byte-order mark', () => {
  it('opens a document saved with a UTF-8 BOM as it is: not set aside, no notice, nothing restored from a backup', async () => {
    const path = await written();
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, `\ufeff${text}`);
    const s = await opened(path);
    expect(s.notices).toEqual([]);
    expect(s.doc.contacts.c9?.name).toBe('Zoé Lemaire');
    expect(readdirSync(dir).filter((n) => n.includes('corrupt'))).toEqual([]);
    await s.apply(addContact(s.doc, { id: 'c10', name: 'Après BOM' }));
    await s.flush();
    expect(JSON.parse(readFileSync(path, 'utf8')).contacts.c10.name).toBe('Après BOM');
  });
});

describe('a file from a newer Carnet', () => {
  it('is refused with "update Carnet", left byte for byte as it is, and nothing is set aside or backed up', async () => {
    const path = await written();
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    raw.version = 7;
    raw.somethingNew = { kept: true };
    const text = JSON.stringify(raw);
    writeFileSync(path, text);
    const journal = readFileSync(journalPathFor(path), 'utf8');
    const listing = readdirSync(dir).sort();
    const backups = await listBackups(path);
    const mtime = statSync(path).mtimeMs;
    const err = await DocumentStore.open(path, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).kind).toBe('newerVersion');
    expect((err as Error).message).toMatch(/newer version of Carnet \(format version 7.*Update Carnet/);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(readFileSync(journalPathFor(path), 'utf8')).toBe(journal);
    expect(readdirSync(dir).sort()).toEqual(listing);
    expect(await listBackups(path)).toEqual(backups);
  });
});
