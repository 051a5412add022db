// The read-only openings of readOnly.test.ts, on machines where a real
// read-only or full disk cannot be made (no root): the lock refuses with the
// error the system would give, and the document must still open, read-only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addContact } from '../../../shared/document/commands.js';
import { sampleDocument, tempDir } from './helpers.js';

const refusal = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('../../../electron/services/lock.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/services/lock.js')>();
  return {
    ...actual,
    lockDocument: async (path: string, options: object) => {
      if (refusal.code) throw new actual.LockUnavailableError(`"${path}" cannot be locked: ${refusal.code}`, refusal.code);
      return actual.lockDocument(path, options);
    },
  };
});
const { DocumentReadOnlyError, DocumentStore } = await import('../../../electron/services/documentStore.js');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-readonly-injected-')));
afterEach(() => {
  refusal.code = null;
  cleanup();
});

describe('when the lock cannot be written', () => {
  for (const [code, reason] of [
    ['EROFS', 'filesystem'],
    ['ENOSPC', 'diskFull'],
    ['EDQUOT', 'diskFull'],
    ['EACCES', 'folder'],
  ] as const) {
    it(`(${code}) the document opens read-only, says why, and nothing is written`, async () => {
      const created = await DocumentStore.create(join(dir, 'doc.json'), sampleDocument());
      await created.close();
      const listing = readdirSync(dir, { recursive: true }).sort();
      const text = readFileSync(created.path, 'utf8');
      refusal.code = code;
      const s = await DocumentStore.open(created.path);
      try {
        expect(s.readOnly?.code).toBe(reason);
        expect(s.notices[0]).toMatchObject({ code: 'document.readOnly', params: { context: reason } });
        await expect(s.apply(addContact(s.doc, { id: 'x', name: 'No' }))).rejects.toBeInstanceOf(DocumentReadOnlyError);
      } finally {
        await s.close();
      }
      expect(readdirSync(dir, { recursive: true }).sort()).toEqual(listing);
      expect(readFileSync(created.path, 'utf8')).toBe(text);
    });
  }
});
