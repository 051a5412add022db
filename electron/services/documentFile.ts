/**
 * The document file itself: knowing which version of it is on disk, and
 * writing the next one the way the file allows (atomically, or in place when
 * it has other names).
 */
import type { BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { writeFileAtomic } from './atomicWrite.js';
import { writeFileInPlace } from './inPlaceWrite.js';
import type { DiskIdentity } from './saveProtocol.js';

export function identityOf(st: BigIntStats): DiskIdentity {
  return { dev: String(st.dev), ino: String(st.ino), size: String(st.size), mtimeNs: String(st.mtimeNs) };
}

export function sameIdentity(a: DiskIdentity, b: DiskIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

/** The identity of the file at `path` now; null when there is none. */
export async function currentIdentity(path: string): Promise<DiskIdentity | null> {
  try {
    return identityOf(await stat(path, { bigint: true }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Writes the next version of a document: in place when the file has several names (hard links), else atomically. */
export async function writeDocumentFile(path: string, text: string): Promise<void> {
  const st = await stat(path).catch(() => null);
  if (st && st.isFile() && st.nlink > 1) await writeFileInPlace(path, text);
  else await writeFileAtomic(path, text);
}
