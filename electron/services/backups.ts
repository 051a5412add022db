/**
 * Rolling backups of a document: `<dir>/.carnet-backups/<file name>/` holds
 * the last few good versions, named `<UTC timestamp>-r<revision>.json` so
 * that name order is age order. They are what a damaged document is
 * recovered from.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';

export const BACKUP_FOLDER = '.carnet-backups';
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-r(\d+)(?:-(\d+))?\.json$/;

/** Age order of two backup names: timestamp, then revision, then the counter of same-millisecond backups. */
function compareNames(a: RegExpExecArray, b: RegExpExecArray): number {
  if (a[1] !== b[1]) return a[1]! < b[1]! ? -1 : 1;
  return Number(a[2]) - Number(b[2]) || Number(a[3] ?? 1) - Number(b[3] ?? 1);
}

/** The folder holding the backups of `docPath`. */
export function backupDirFor(docPath: string): string {
  return join(dirname(docPath), BACKUP_FOLDER, basename(docPath));
}

/** `2025-11-26T04-49-00-123Z`: an ISO timestamp that every file system accepts in a name. */
export function fileStamp(iso: string): string {
  return iso.replace(/:/g, '-').replace('.', '-');
}

/** Backup file paths of `docPath`, newest first. */
export async function listBackups(docPath: string): Promise<string[]> {
  const dir = backupDirFor(docPath);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names
    .map((n) => NAME.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => compareNames(b, a))
    .map((m) => join(dir, m[0]));
}

/**
 * Writes `text` as the newest backup of `docPath`, then deletes the oldest
 * ones so that `keep` remain. Returns the backup's path.
 */
export async function writeBackup(docPath: string, text: string, revision: number, nowIso: string, keep: number): Promise<string> {
  const dir = backupDirFor(docPath);
  await mkdir(dir, { recursive: true });
  const existing = new Set(await readdir(dir));
  const stem = `${fileStamp(nowIso)}-r${revision}`;
  let name = `${stem}.json`;
  for (let n = 2; existing.has(name); n++) name = `${stem}-${n}.json`;
  const target = join(dir, name);
  await writeFileAtomic(target, text);
  const all = await listBackups(docPath);
  for (const old of all.slice(Math.max(keep, 1))) await unlink(old).catch(() => {});
  return target;
}

/** Reads a backup; null if it vanished meanwhile. */
export async function readBackup(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}
