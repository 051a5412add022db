/**
 * One writer per document: two Carnet processes (the app and `carnet web`)
 * writing the same file would each journal their own edits and overwrite
 * the other's saves.
 *
 * The lock belongs to the real file. `<real path>.lock` sits beside the file
 * the symlinks resolve to, so every link, bind mount or differently-cased
 * name of it meets the same lock. A file with several names (hard links) is
 * also locked by device and inode in a per-user folder, since its other
 * names live beside other lock files. The lock holds its owner's identity
 * (processIdentity.ts): a lock whose process is gone, or whose process id now
 * belongs to another program, is taken over; one whose owner cannot be
 * verified is refused, and the user may take it over knowingly.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { readRegularText } from './regularFile.js';
import { ownerState, parseOwner, selfIdentity, type ProcessIdentity } from './processIdentity.js';

export class DocumentLockedError extends Error {
  constructor(
    message: string,
    readonly owner: ProcessIdentity | null,
    /** False when the owner could not be verified: taking the lock over is then the user's call. */
    readonly verified: boolean,
  ) {
    super(message);
  }
}

/** The lock could not be written at all (read-only folder, full disk…): the document can still be viewed. */
export class LockUnavailableError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The file a lock is taken on: its device and inode, and how many names it has. */
export type FileIdentity = { dev: bigint; ino: bigint; nlink: number };

export type LockOptions = {
  identity?: FileIdentity;
  /** Replace a lock whose owner could not be verified (the user was warned). */
  takeOver?: boolean;
};

/** `<file>.lock`. */
export function lockPathFor(docPath: string): string {
  return `${docPath}.lock`;
}

const UNAVAILABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/** Takes the lock of the real file `realPath`; returns the function that releases it. */
export async function lockDocument(realPath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const releaseFile = await acquire(lockPathFor(realPath), realPath, options.takeOver ?? false);
  const identity = options.identity;
  if (!identity || identity.nlink < 2) return releaseFile;
  const registry = await registryDir();
  // Without a private folder to put it in, the inode lock is skipped rather than trusted to a folder others control.
  if (!registry) return releaseFile;
  try {
    const releaseInode = await acquire(join(registry, `${identity.dev}-${identity.ino}.lock`), realPath, options.takeOver ?? false);
    return async () => {
      await releaseInode();
      await releaseFile();
    };
  } catch (e) {
    await releaseFile();
    throw e;
  }
}

async function acquire(path: string, docPath: string, takeOver: boolean): Promise<() => Promise<void>> {
  const content = JSON.stringify(await selfIdentity());
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written aside then hard-linked: the lock never exists without its owner's identity in it.
    // The temporary name is one removeStaleTemps(lock path) recognizes.
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.carnet-tmp`);
    try {
      await writeFile(temp, content, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      throw unavailable(docPath, e);
    }
    try {
      await link(temp, path).catch(async (e: NodeJS.ErrnoException) => {
        // File systems without hard links (FAT drives): exclusive creation, nearly as good.
        if (e.code === 'EEXIST') throw e;
        await writeFile(path, content, { flag: 'wx', mode: 0o600 });
      });
      return () => release(path, content);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw unavailable(docPath, e);
    } finally {
      await unlink(temp).catch(() => {});
    }
    const owner = parseOwner(await readRegularText(path).catch(() => ''));
    const state = owner ? await ownerState(owner) : 'unknown';
    if (state === 'self') throw new DocumentLockedError(`"${docPath}" is already open in this Carnet`, owner, true);
    if (state === 'alive') {
      throw new DocumentLockedError(`"${docPath}" is already open in another Carnet (process ${owner!.pid}); close it there first`, owner, true);
    }
    if (state === 'unknown' && !takeOver) {
      const elsewhere = owner && owner.host !== (await selfIdentity()).host ? ` on ${owner.host}` : '';
      const who = owner ? `another Carnet (process ${owner.pid}${elsewhere})` : 'another Carnet';
      throw new DocumentLockedError(
        `"${docPath}" may be open in ${who}: Carnet cannot tell whether that program still uses it. Open it anyway only if no other Carnet has it open.`,
        owner,
        false,
      );
    }
    // Its owner is gone (killed, or its process id now belongs to another program), or the user took it over.
    await unlink(path).catch(() => {});
  }
  throw new DocumentLockedError(`"${docPath}" could not be locked: "${path}" keeps coming back`, null, true);
}

/** Removes the lock if it is still ours: one taken over meanwhile belongs to its new owner. */
async function release(path: string, content: string): Promise<void> {
  const now = await readRegularText(path).catch(() => null);
  if (now === content) await unlink(path).catch(() => {});
}

function unavailable(docPath: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code && UNAVAILABLE.has(code)) return new LockUnavailableError(`"${docPath}" cannot be locked: ${(e as Error).message}`, code);
  return e as Error;
}

/** A folder only this user can write, for locks keyed by inode; null when none can be trusted. */
async function registryDir(): Promise<string | null> {
  const uid = process.getuid?.();
  const runtime = process.env.XDG_RUNTIME_DIR;
  const dir = runtime && isAbsolute(runtime) ? join(runtime, 'carnet-locks') : join(tmpdir(), `carnet-locks${uid === undefined ? '' : `-${uid}`}`);
  try {
    await mkdir(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
  }
  try {
    const st = await lstat(dir);
    if (!st.isDirectory()) return null;
    if (process.platform !== 'win32' && (st.uid !== uid || (st.mode & 0o077) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}
