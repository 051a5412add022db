// Backups are versions, not opens: one only when the content changed, at
// least one per interval of editing and one at close; the last 10 versions
// are kept, plus one a day for 30 days.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../../shared/document/commands.js';
import { backupInfos, backupsToPrune, listBackups, writeBackup, type BackupInfo } from '../../../electron/services/backups.js';
import { DocumentStore, type StoreOptions } from '../../../electron/services/documentStore.js';
import { NOW, sampleDocument, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
const open: DocumentStore[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-backups-')));
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  cleanup();
});

/** A clock the test moves. */
function clock(start = NOW) {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}
const MINUTE = 60_000;
const DAY = 86_400_000;
const revisions = async (path: string) => (await backupInfos(path)).map((b) => b.revision);

async function store(c: ReturnType<typeof clock>, extra: StoreOptions = {}): Promise<DocumentStore> {
  const s = await DocumentStore.create(join(dir, 'doc.json'), sampleDocument(), { saveDelayMs: 60_000, now: c.now, backupIntervalMs: 5 * MINUTE, ...extra });
  open.push(s);
  return s;
}
const edit = (s: DocumentStore, n: number) => s.apply(addContact(s.doc, { id: `e${n}`, name: `Edit ${n}` }));

describe('backups while editing', () => {
  it('keeps the version a session started from, then one per five minutes of editing, and one at close', async () => {
    const c = clock();
    const s = await store(c);
    let n = 0;
    // Twelve minutes of editing, a save every 30 s.
    for (let t = 0; t < 24; t++) {
      await edit(s, ++n);
      await s.flush();
      c.advance(MINUTE / 2);
    }
    // rev 0 (the file before the first save), then the saves at 5 and 10 minutes.
    expect(await revisions(s.path)).toEqual([21, 11, 0]);
    await edit(s, ++n);
    await s.close();
    expect(await revisions(s.path)).toEqual([25, 21, 11, 0]);
    expect(JSON.parse(readFileSync((await listBackups(s.path))[0]!, 'utf8')).contacts.e25.name).toBe('Edit 25');
  });

  it('takes none for a session that changed nothing that is already backed up', async () => {
    const c = clock();
    const s = await store(c);
    await edit(s, 1);
    await s.close();
    const before = await listBackups(s.path);
    c.advance(DAY);
    const again = await DocumentStore.open(s.path, { now: c.now });
    await again.close();
    expect(await listBackups(s.path)).toEqual(before);
  });

  it('backs up, before its first save, a file another tool wrote', async () => {
    const c = clock();
    const s = await store(c);
    await s.close();
    const raw = JSON.parse(readFileSync(s.path, 'utf8'));
    raw.meta.title = 'Written elsewhere';
    const foreign = JSON.stringify(raw, null, 2);
    writeFileSync(s.path, foreign);
    const r = await DocumentStore.open(s.path, { saveDelayMs: 60_000, now: c.now });
    open.push(r);
    await edit(r, 1);
    await r.flush();
    const texts = (await listBackups(s.path)).map((p) => readFileSync(p, 'utf8'));
    expect(texts).toContain(foreign);
  });
});

describe('retention: 10 versions plus one a day for 30 days', () => {
  const info = (time: number, revision: number): BackupInfo => ({ path: `b${revision}`, time, revision, fingerprint: null });

  it('keeps the ten newest, then the newest of each of the last 30 days, and lets the rest go', () => {
    const now = Date.parse('2025-06-30T12:00:00.000Z');
    // 60 days of history, three versions a day, newest first.
    const all: BackupInfo[] = [];
    for (let d = 0; d < 60; d++) for (let k = 0; k < 3; k++) all.push(info(now - d * DAY - k * 3_600_000, 1000 - (d * 3 + k)));
    const pruned = new Set(backupsToPrune(all, now, { keep: 10, days: 30 }).map((b) => b.revision));
    const kept = all.filter((b) => !pruned.has(b.revision));
    expect(kept.slice(0, 10)).toEqual(all.slice(0, 10));
    const days = new Set(kept.map((b) => new Date(b.time).toISOString().slice(0, 10)));
    expect(days.size).toBe(30);
    for (const b of kept.slice(10)) {
      const day = new Date(b.time).toISOString().slice(0, 10);
      const newestOfDay = all.find((x) => new Date(x.time).toISOString().slice(0, 10) === day)!;
      expect(b).toEqual(newestOfDay);
      expect(b.time).toBeGreaterThan(now - 30 * DAY);
    }
    expect(kept.length).toBe(10 + 30 - 4);
  });

  it('prunes the folder as backups are written', async () => {
    const path = join(dir, 'doc.json');
    const start = Date.parse('2025-01-01T09:00:00.000Z');
    for (let d = 0; d < 40; d++) {
      for (let k = 0; k < 2; k++) await writeBackup(path, `{"v":${d * 2 + k}}`, d * 2 + k, new Date(start + d * DAY + k * 60_000).toISOString());
    }
    const kept = await backupInfos(path);
    expect(kept.slice(0, 10).map((b) => b.revision)).toEqual([79, 78, 77, 76, 75, 74, 73, 72, 71, 70]);
    // Older than the ten: one a day (the day's newest), back to 30 days before the last backup.
    expect(kept.slice(10).map((b) => b.revision)).toEqual(Array.from({ length: 25 }, (_, i) => 69 - 2 * i));
  });
});
