/**
 * One writer per document: two Carnet processes (the app and `carnet web`)
 * writing the same file would each journal their own edits and overwrite
 * the other's saves. `<file>.lock` holds the owner's process id; a lock
 * whose process is gone (killed) is taken over.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';

export class DocumentLockedError extends Error {}

/** `<file>.lock`. */
export function lockPathFor(docPath: string): string {
  return `${docPath}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `docPath`; returns the function that releases it. */
export async function lockDocument(docPath: string): Promise<() => Promise<void>> {
  const path = lockPathFor(docPath);
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written aside then hard-linked: the lock never exists without its owner's id in it.
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(temp, String(process.pid), { mode: 0o600 });
    try {
      await link(temp, path).catch(async (e: NodeJS.ErrnoException) => {
        // File systems without hard links (FAT drives): exclusive creation, nearly as good.
        if (e.code === 'EEXIST') throw e;
        await writeFile(path, String(process.pid), { flag: 'wx', mode: 0o600 });
      });
      return () => unlink(path).catch(() => {});
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await unlink(temp).catch(() => {});
    }
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
      const who = owner === process.pid ? 'this Carnet' : `another Carnet (process ${owner})`;
      throw new DocumentLockedError(`"${docPath}" is already open in ${who}; close it there first`);
    }
    // Left by a process that was killed: take it over.
    await unlink(path).catch(() => {});
  }
  throw new DocumentLockedError(`"${docPath}" could not be locked: "${path}" keeps coming back`);
}
