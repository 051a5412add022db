/**
 * Versions Carnet keeps beside a document rather than delete or overwrite:
 * `carnet.json` → `carnet.<label>-<time>.json` (a damaged file, another
 * program's version), `carnet.json.journal` → `carnet.json.journal.<label>-<time>`.
 * A name already taken gets `-2`, `-3`…: nothing is ever replaced.
 */
import { link, lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fsyncDir } from './atomicWrite.js';
import { fileStamp } from './backups.js';

function candidates(file: string, label: string, nowIso: string): (n: number) => string {
  const isJson = extname(file) === '.json';
  const stem = join(dirname(file), `${isJson ? basename(file, '.json') : basename(file)}.${label}-${fileStamp(nowIso)}`);
  const ext = isJson ? '.json' : '';
  return (n) => (n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`);
}

/** Renames `file` aside under a free name; returns that name. */
export async function moveAside(file: string, label: string, nowIso: string): Promise<string> {
  const name = candidates(file, label, nowIso);
  for (let n = 1; ; n++) {
    const target = name(n);
    // link + unlink rather than rename: link refuses a name that exists, where rename would replace it.
    try {
      await link(file, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      // No hard links here (FAT…): take the first name that is free, then rename.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS' || code === 'EXDEV') {
        if (await free(target)) {
          await rename(file, target);
          return target;
        }
        continue;
      }
      throw e;
    }
    await unlink(file);
    await fsyncDir(dirname(file));
    return target;
  }
}

/** Writes `data` as a new file beside `file` under a free name (exclusive creation); returns that name. */
export async function keepAside(file: string, label: string, nowIso: string, data: Uint8Array): Promise<string> {
  const name = candidates(file, label, nowIso);
  for (let n = 1; ; n++) {
    const target = name(n);
    let handle;
    try {
      handle = await open(target, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsyncDir(dirname(file));
    return target;
  }
}

function free(path: string): Promise<boolean> {
  return lstat(path).then(
    () => false,
    () => true,
  );
}
