/**
 * Crash-safe file replacement: the new content goes to a temporary file in
 * the same folder (a rename is only atomic within one file system), is
 * flushed to the disk, then renamed over the target; the folder is flushed
 * too, or the rename itself could be lost in a power cut. A reader therefore
 * sees either the old file or the new one, never a mix.
 *
 * A rename ignores the permissions of the file it replaces: so the new file
 * is given the old one's mode (and owner, where allowed), and a file nobody
 * may write is refused as the user would expect, not silently replaced.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { access, constants, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
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
  READONLY: 'the file is read-only',
};

/** An I/O error about the temporary file, restated about the file the user knows. */
function writeError(path: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  const error = new Error(`cannot write "${path}": ${(code && REASONS[code]) ?? (e as Error).message}`) as NodeJS.ErrnoException;
  if (code) error.code = code;
  return error;
}

/** Whether the file at `path` may not be written: no write permission bit at all, or none for this user. */
export async function isReadOnlyFile(path: string, mode: number): Promise<boolean> {
  // Root passes every access() check: a file marked read-only for everyone is read-only for Carnet too.
  if ((mode & 0o222) === 0) return true;
  return access(path, constants.W_OK).then(
    () => false,
    (e: NodeJS.ErrnoException) => e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS',
  );
}

/** An error with the code `READONLY` (the file may not be written), about `path`. */
export function readOnlyError(path: string): NodeJS.ErrnoException {
  return writeError(path, Object.assign(new Error('read-only'), { code: 'READONLY' }));
}

/**
 * Replaces `path` with `data` atomically and durably, keeping the mode and
 * owner of the file it replaces (a new file is private: 0600). A read-only
 * file is refused. Errors name `path` and the reason in words.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const before = await stat(path).catch(() => null);
  if (before && before.isFile() && (await isReadOnlyFile(path, before.mode))) throw readOnlyError(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o600).catch((e: unknown) => {
    throw writeError(path, e);
  });
  let isOpen = true;
  try {
    if (before?.isFile()) await keepAccess(handle, before);
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

/** Gives the new file the mode of the one it replaces, and its owner when this process may (root, or the same user). */
async function keepAccess(handle: FileHandle, before: Stats): Promise<void> {
  // fchmod is not subject to the umask, unlike the mode given to open(). File systems without modes (FAT) refuse it: no matter.
  await handle.chmod(before.mode & 0o7777).catch(() => {});
  if (process.getuid && (before.uid !== process.getuid() || before.gid !== process.getgid?.())) {
    await handle.chown(before.uid, before.gid).catch(() => {});
  }
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
