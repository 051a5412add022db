/**
 * Who owns a lock: a process id alone is not an identity, because ids are
 * reused (after a crash, or a reboot, another program gets the same number).
 * A lock records the owner's pid with its start time and the boot it belongs
 * to, read from /proc on Linux and from `ps` elsewhere; where neither answers
 * (Windows), the owner cannot be verified and the user is asked instead.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';

export type ProcessIdentity = {
  pid: number;
  /** When the process started, as the system reports it (clock ticks since boot, or a date). */
  start?: string;
  /** Which boot of the machine (Linux boot id). */
  boot?: string;
  host: string;
};

/** The start time of `pid`, or undefined when the system does not tell. */
export async function processStart(pid: number): Promise<string | undefined> {
  if (process.platform === 'linux') {
    try {
      // Field 22 of /proc/<pid>/stat. The command name (field 2) may hold spaces and parentheses: count after the last ')'.
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return fields[19];
    } catch {
      return undefined;
    }
  }
  if (process.platform === 'win32') return undefined;
  return new Promise((done) => {
    execFile('ps', ['-o', 'lstart=', '-p', String(pid)], { timeout: 2000, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout) => {
      const text = String(stdout).trim();
      done(error || !text ? undefined : text);
    });
  });
}

let bootId: Promise<string | undefined> | undefined;

/** The Linux boot id (changes at every boot), or undefined elsewhere. */
export function currentBoot(): Promise<string | undefined> {
  bootId ??= readFile('/proc/sys/kernel/random/boot_id', 'utf8').then(
    (t) => t.trim() || undefined,
    () => undefined,
  );
  return bootId;
}

let self: Promise<ProcessIdentity> | undefined;

/** This process's identity. */
export function selfIdentity(): Promise<ProcessIdentity> {
  self ??= (async () => {
    const [start, boot] = await Promise.all([processStart(process.pid), currentBoot()]);
    return { pid: process.pid, host: hostname(), ...(start ? { start } : {}), ...(boot ? { boot } : {}) };
  })();
  return self;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * - `self`: this very process;
 * - `alive`: that process is running, and it is the one that wrote the lock;
 * - `gone`: it ended (or its id now belongs to another process, or the machine rebooted since);
 * - `unknown`: a process with that id runs but nothing tells whether it is the owner
 *   (an old lock without start time, a system without /proc or ps, another machine).
 */
export type OwnerState = 'self' | 'alive' | 'gone' | 'unknown';

export async function ownerState(owner: ProcessIdentity): Promise<OwnerState> {
  const me = await selfIdentity();
  if (owner.host !== me.host) return 'unknown';
  if (owner.boot && me.boot && owner.boot !== me.boot) return 'gone';
  if (!running(owner.pid)) return 'gone';
  if (owner.pid === me.pid) return owner.start === undefined || owner.start === me.start ? 'self' : 'gone';
  if (owner.start === undefined) return 'unknown';
  const start = await processStart(owner.pid);
  if (start === undefined) return running(owner.pid) ? 'unknown' : 'gone';
  return start === owner.start ? 'alive' : 'gone';
}

/** Reads a lock file's text: JSON written by this version, or a bare pid written by earlier ones. */
export function parseOwner(text: string): ProcessIdentity | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const pid = Number(trimmed);
    return Number.isSafeInteger(pid) && pid > 0 ? { pid, host: hostname() } : null;
  }
  try {
    const raw = JSON.parse(trimmed) as Record<string, unknown>;
    const pid = raw.pid;
    if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return null;
    const str = (k: string) => (typeof raw[k] === 'string' && (raw[k] as string).length <= 200 ? (raw[k] as string) : undefined);
    const start = str('start');
    const boot = str('boot');
    return { pid, host: str('host') ?? hostname(), ...(start ? { start } : {}), ...(boot ? { boot } : {}) };
  } catch {
    return null;
  }
}
