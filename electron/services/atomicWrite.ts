/**
 * Crash-safe file replacement: the new content goes to a temporary file in
 * the same folder (a rename is only atomic within one file system), is
 * flushed to the disk, then renamed over the target; the folder is flushed
 * too, or the rename itself could be lost in a power cut. A reader therefore
 * sees either the old file or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.carnet-tmp';

/** Flushes a folder's entries (renames, new files). Windows cannot open folders for that, and does not need it. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the disk is read-only',
  EISDIR: 'a folder has that name',
};

/** An I/O error about the temporary file, restated about the file the user knows. */
function writeError(path: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  const error = new Error(`cannot write "${path}": ${(code && REASONS[code]) ?? (e as Error).message}`) as NodeJS.ErrnoException;
  if (code) error.code = code;
  return error;
}

/** Replaces `path` with `data` atomically and durably. Errors name `path` and the reason in words. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o600).catch((e: unknown) => {
    throw writeError(path, e);
  });
  let isOpen = true;
  try {
    await handle.writeFile(data);
    await handle.sync();
    isOpen = false;
    await handle.close();
    await rename(temp, path);
  } catch (e) {
    if (isOpen) await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw writeError(path, e);
  }
  await fsyncDir(dir);
}

/**
 * Removes temporary files a killed process left behind while replacing
 * `path`. They never hold anything the target or its journal does not.
 */
export async function removeStaleTemps(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)) await unlink(join(dir, name)).catch(() => {});
  }
}
