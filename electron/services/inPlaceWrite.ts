/**
 * Saving a file that has several names (hard links). A rename would give the
 * saved version a new inode: this name would move on while the file's other
 * names kept the old version. Such a file is written in place instead, as
 * editors do (vim's backupcopy, Emacs' backup-by-copying-when-linked), and
 * kept crash-safe by an intent copy:
 *   1. the new content is written, flushed and renamed to
 *      `.<name>.<random>.carnet-inplace` (so that name only ever holds a
 *      complete version);
 *   2. it is copied over the file, which is then flushed;
 *   3. the copy is removed.
 * A crash during step 2 leaves the copy, and `finishInPlaceWrites` (at the
 * next open) redoes step 2 before anything reads the file.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDir, isReadOnlyFile, readOnlyError, writeFileAtomic } from './atomicWrite.js';
import { readRegularBytes } from './regularFile.js';

const INTENT_SUFFIX = '.carnet-inplace';

/** Writes `data` over `path` in place, keeping its inode (and so its other names, mode and owner). */
export async function writeFileInPlace(path: string, data: string): Promise<void> {
  const before = await stat(path);
  if (await isReadOnlyFile(path, before.mode)) throw readOnlyError(path);
  const intent = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}${INTENT_SUFFIX}`);
  await writeFileAtomic(intent, data);
  await copyInPlace(intent, path, data);
}

async function copyInPlace(intent: string, path: string, data: string | Buffer): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    await handle.write(bytes, 0, bytes.length, 0);
    await handle.truncate(bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(intent);
  await fsyncDir(dirname(path));
}

/**
 * Completes an in-place save a crash interrupted: the intent copy holds the
 * whole version being written. Returns whether one was completed.
 */
export async function finishInPlaceWrites(path: string): Promise<boolean> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.startsWith(prefix) && n.endsWith(INTENT_SUFFIX));
  } catch {
    return false;
  }
  if (names.length === 0) return false;
  // Only the last save can have been interrupted: each one removes its copy before the next starts.
  const dated = await Promise.all(names.map(async (n) => ({ path: join(dir, n), mtime: (await stat(join(dir, n))).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime);
  const newest = dated[0]!;
  await copyInPlace(newest.path, path, (await readRegularBytes(newest.path)).bytes);
  for (const older of dated.slice(1)) await unlink(older.path).catch(() => {});
  return true;
}
