// Real file systems that refuse writes, for the store's read-only tests:
// a small tmpfs (full disk, read-only remount) and the immutable attribute
// (a folder nothing can be created in). Both need root; where they are not
// available the tests that need them say so and skip.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Mounts a tmpfs of `sizeKb` at a new folder; null when this machine does not allow it. */
export function mountTmpfs(sizeKb: number): { dir: string; remountReadOnly(): void; unmount(): void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-tmpfs-'));
  if (!run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir])) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    remountReadOnly: () => {
      if (!run('mount', ['-o', 'remount,ro', dir])) throw new Error(`could not remount ${dir} read-only`);
    },
    unmount: () => {
      run('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether tmpfs mounts work here (root in a system that allows mounts). */
export const canMount = (() => {
  const m = mountTmpfs(64);
  m?.unmount();
  return m !== null;
})();

/** Whether `chattr +i` works on this machine's temporary folder (root, ext4/xfs/btrfs). */
export const canMakeImmutable = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-chattr-'));
  mkdirSync(join(dir, 'd'));
  const ok = run('chattr', ['+i', join(dir, 'd')]);
  let refused = false;
  if (ok) {
    try {
      writeFileSync(join(dir, 'd', 'x'), '');
    } catch {
      refused = true;
    }
    run('chattr', ['-i', join(dir, 'd')]);
  }
  rmSync(dir, { recursive: true, force: true });
  return ok && refused;
})();

/** Makes a folder immutable (nothing can be created, renamed or deleted in it); returns the undo. */
export function makeImmutable(path: string): () => void {
  if (!run('chattr', ['+i', path])) throw new Error(`chattr +i ${path} failed`);
  return () => void run('chattr', ['-i', path]);
}
