// Another program (an editor, a sync client) changes the document while
// Carnet has it open: the change is noticed before the next save, the user is
// told, nothing is overwritten silently, and both versions are kept.
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/api/contract.js';
import { addContact } from '../../../shared/document/commands.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { sampleDocument, tempDir, tickingClock } from './helpers.js';

let dir: string;
let cleanup: () => void;
const open: DocumentStore[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-external-')));
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  cleanup();
});

async function openWithNotices(): Promise<{ s: DocumentStore; raised: Notice[] }> {
  const created = await DocumentStore.create(join(dir, 'doc.json'), sampleDocument());
  await created.close();
  const raised: Notice[] = [];
  const s = await DocumentStore.open(created.path, { saveDelayMs: 60_000, now: tickingClock(), onNotice: (n) => raised.push(n) });
  open.push(s);
  return { s, raised };
}

describe('a change made by another program', () => {
  it('is kept as its own file before Carnet saves its version, and the user is told where', async () => {
    const { s, raised } = await openWithNotices();
    const theirs = JSON.parse(readFileSync(s.path, 'utf8'));
    theirs.contacts.c1.name = 'Alice (edited elsewhere)';
    const theirText = JSON.stringify(theirs, null, 1);
    writeFileSync(s.path, theirText);
    await s.apply(addContact(s.doc, { id: 'c9', name: 'Mine' }));
    await s.flush();
    const notice = raised.find((n) => n.code === 'document.changedElsewhere')!;
    expect(notice.level).toBe('warning');
    expect(notice.message).toContain(s.path);
    const copy = notice.params!.copy!;
    expect(copy).toMatch(/doc\.external-.*\.json$/);
    expect(readFileSync(copy, 'utf8')).toBe(theirText);
    const mine = JSON.parse(readFileSync(s.path, 'utf8'));
    expect(mine.contacts.c9.name).toBe('Mine');
    expect(mine.contacts.c1.name).toBe('Alice Martin');
  });

  it('is told apart from a file merely touched or rewritten identically (nothing to keep, nothing said)', async () => {
    const { s, raised } = await openWithNotices();
    const same = readFileSync(s.path);
    rmSync(s.path);
    writeFileSync(s.path, same);
    utimesSync(s.path, new Date(2030, 0, 1), new Date(2030, 0, 1));
    await s.apply(addContact(s.doc, { id: 'c9', name: 'Mine' }));
    await s.flush();
    expect(raised).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.includes('external'))).toEqual([]);
  });

  it('is noticed at every save, not only the first', async () => {
    const { s, raised } = await openWithNotices();
    await s.apply(addContact(s.doc, { id: 'c9', name: 'Mine' }));
    await s.flush();
    writeFileSync(s.path, readFileSync(s.path, 'utf8').replace('Bruno Petit', 'Bruno (elsewhere)'));
    await s.apply(addContact(s.doc, { id: 'c10', name: 'Mine too' }));
    await s.flush();
    expect(raised.filter((n) => n.code === 'document.changedElsewhere')).toHaveLength(1);
    expect(readFileSync(raised[0]!.params!.copy!, 'utf8')).toContain('Bruno (elsewhere)');
  });

  it('a file deleted while open is written again at the next save, and the user is told', async () => {
    const { s, raised } = await openWithNotices();
    rmSync(s.path);
    await s.apply(addContact(s.doc, { id: 'c9', name: 'Mine' }));
    await s.flush();
    expect(raised.map((n) => n.code)).toEqual(['document.recreated']);
    expect(JSON.parse(readFileSync(s.path, 'utf8')).contacts.c9.name).toBe('Mine');
  });
});
