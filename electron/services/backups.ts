/**
 * Backups of a document are versions: `<dir>/.carnet-backups/<file name>/`
 * holds earlier contents of the file, named
 * `<UTC timestamp>-r<revision>-h<fingerprint>.json` so that name order is
 * age order and a content already kept is recognised without reading it.
 * What is kept: the last `keep` versions, plus the newest version of each
 * day of the last `days` days. They are what a damaged or missing document
 * is recovered from.
 */
import { crc32 } from 'node:zlib';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';
import { readRegularText } from './regularFile.js';

export const BACKUP_FOLDER = '.carnet-backups';
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-r(\d+)(?:-(\d+))?(?:-h([0-9a-f]{16}))?\.json$/;
const TEMP_SUFFIX = '.carnet-tmp';
const DAY_MS = 86_400_000;

export type Retention = { keep: number; days: number };
export const DEFAULT_RETENTION: Retention = { keep: 10, days: 30 };

export type BackupInfo = {
  path: string;
  /** When it was taken (ms since the epoch). */
  time: number;
  revision: number;
  /** `fingerprint()` of its text; null for backups named before fingerprints existed. */
  fingerprint: string | null;
};

/** 16 hex digits identifying a text: its CRC-32 and its length. Cheap enough to take at every save. */
export function fingerprint(text: string): string {
  return crc32(text).toString(16).padStart(8, '0') + (text.length >>> 0).toString(16).padStart(8, '0');
}

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

function stampTime(stamp: string): number {
  return Date.parse(`${stamp.slice(0, 13)}:${stamp.slice(14, 16)}:${stamp.slice(17, 19)}.${stamp.slice(20, 23)}Z`);
}

/** The backups of `docPath`, newest first. */
export async function backupInfos(docPath: string): Promise<BackupInfo[]> {
  const dir = backupDirFor(docPath);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
  return names
    .map((n) => NAME.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => compareNames(b, a))
    .map((m) => ({ path: join(dir, m[0]), time: stampTime(m[1]!), revision: Number(m[2]), fingerprint: m[4] ?? null }));
}

/** Backup file paths of `docPath`, newest first. */
export async function listBackups(docPath: string): Promise<string[]> {
  return (await backupInfos(docPath)).map((b) => b.path);
}

/** Which backups the retention rule lets go: not among the `keep` newest, and not the newest of a day of the last `days`. */
export function backupsToPrune(newestFirst: readonly BackupInfo[], now: number, rule: Retention): BackupInfo[] {
  const days = new Set<string>();
  return newestFirst.filter((b, i) => {
    const day = new Date(b.time).toISOString().slice(0, 10);
    const dailyKeeper = b.time > now - rule.days * DAY_MS && !days.has(day);
    if (dailyKeeper) days.add(day);
    return i >= Math.max(rule.keep, 1) && !dailyKeeper;
  });
}

/**
 * Writes `text` as the newest backup of `docPath`, then deletes what the
 * retention rule lets go, and any temporary file a crash left in the folder.
 * Returns the backup's path.
 */
export async function writeBackup(docPath: string, text: string, revision: number, nowIso: string, rule: Retention = DEFAULT_RETENTION): Promise<string> {
  const dir = backupDirFor(docPath);
  // Not recursive: a document whose folder is gone (a disk disconnected) must not get that folder back.
  for (const d of [dirname(dir), dir]) {
    await mkdir(d, { mode: 0o700 }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
  const existing = new Set(await readdir(dir));
  const stem = `${fileStamp(nowIso)}-r${revision}`;
  const hash = `-h${fingerprint(text)}`;
  let name = `${stem}${hash}.json`;
  for (let n = 2; existing.has(name); n++) name = `${stem}-${n}${hash}.json`;
  const target = join(dir, name);
  await writeFileAtomic(target, text);
  // The document is locked by this process: a temporary file in its backup folder is a crash's leftover.
  for (const n of existing) if (n.endsWith(TEMP_SUFFIX)) await unlink(join(dir, n)).catch(() => {});
  for (const old of backupsToPrune(await backupInfos(docPath), Date.parse(nowIso), rule)) await unlink(old.path).catch(() => {});
  return target;
}

/** Removes temporary files a crash left in the backup folder of `docPath` (call with the document locked). */
export async function removeStaleBackupTemps(docPath: string): Promise<void> {
  const dir = backupDirFor(docPath);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) if (n.endsWith(TEMP_SUFFIX)) await unlink(join(dir, n)).catch(() => {});
}

/** Reads a backup; null if it vanished meanwhile (or is not a regular file). */
export async function readBackup(path: string): Promise<string | null> {
  try {
    return await readRegularText(path);
  } catch {
    return null;
  }
}
