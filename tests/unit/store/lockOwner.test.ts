// Who holds a document's lock: a process id is checked against the process's
// start time (and the boot), so a stale lock whose id now belongs to another
// program does not block forever; an owner that cannot be verified is refused
// with an offer to take over.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentError, DocumentStore } from '../../../electron/services/documentStore.js';
import { lockPathFor } from '../../../electron/services/lock.js';
import { currentBoot, processStart } from '../../../electron/services/processIdentity.js';
import { sampleDocument, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
const open: DocumentStore[] = [];
const children: ChildProcess[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('carnet-lock-')));
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  for (const c of children.splice(0)) c.kill('SIGKILL');
  cleanup();
});

async function closedDocument(): Promise<string> {
  const s = await DocumentStore.create(join(dir, 'doc.json'), sampleDocument());
  await s.close();
  return s.path;
}
const openFails = (path: string, options = {}) => DocumentStore.open(path, options).then(
  (s) => {
    open.push(s);
    throw new Error('opened');
  },
  (e: unknown) => e as DocumentError,
);
const lockOwner = (path: string) => JSON.parse(readFileSync(lockPathFor(path), 'utf8')) as { pid: number; start?: string };

/** A live process that is not Carnet. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

describe('the owner of a lock', () => {
  it('records process id, start time and boot', async () => {
    const path = await closedDocument();
    const s = await DocumentStore.open(path);
    open.push(s);
    const owner = lockOwner(path);
    expect(owner.pid).toBe(process.pid);
    if (process.platform === 'linux') expect(owner.start).toBe(await processStart(process.pid));
  });

  it('takes over a lock whose process id now belongs to another program (start time differs)', async () => {
    const path = await closedDocument();
    const child = otherProcess();
    const start = await processStart(child.pid!);
    expect(start, 'this system reports process start times').toBeDefined();
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: child.pid, start: `${start}0`, boot: await currentBoot(), host: hostname() }));
    const s = await DocumentStore.open(path);
    open.push(s);
    expect(lockOwner(path).pid).toBe(process.pid);
    expect(s.notices).toEqual([]);
  });

  it('takes over a lock written before the machine last booted', async () => {
    const path = await closedDocument();
    const child = otherProcess();
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: child.pid, start: await processStart(child.pid!), boot: 'an-earlier-boot', host: hostname() }));
    const s = await DocumentStore.open(path);
    open.push(s);
    expect(lockOwner(path).pid).toBe(process.pid);
  });

  it('refuses a lock its live owner wrote (same process, same start time)', async () => {
    const path = await closedDocument();
    const child = otherProcess();
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: child.pid, start: await processStart(child.pid!), boot: await currentBoot(), host: hostname() }));
    const err = await openFails(path);
    expect(err).toBeInstanceOf(DocumentError);
    expect(err.kind).toBe('locked');
    expect(err.message).toContain(`already open in another Carnet (process ${child.pid})`);
  });

  it('refuses an owner it cannot verify, and lets the user take over knowingly', async () => {
    const path = await closedDocument();
    const child = otherProcess();
    // Written by an earlier Carnet: a bare process id, which is alive.
    writeFileSync(lockPathFor(path), String(child.pid));
    const err = await openFails(path);
    expect(err.kind).toBe('lockedUnverified');
    expect(err.message).toContain(`may be open in another Carnet (process ${child.pid})`);
    const s = await DocumentStore.open(path, { takeOverLock: true });
    open.push(s);
    expect(lockOwner(path).pid).toBe(process.pid);
  });

  it('refuses a lock from another machine (a shared folder) unless taken over', async () => {
    const path = await closedDocument();
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: 4242, start: '1', host: 'another-computer' }));
    const err = await openFails(path);
    expect(err.kind).toBe('lockedUnverified');
    expect(err.message).toContain('process 4242 on another-computer');
  });

  it('does not remove, on closing, a lock that was taken over meanwhile', async () => {
    const path = await closedDocument();
    const s = await DocumentStore.open(path);
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: 4242, start: '1', host: 'another-computer' }));
    await s.close();
    expect(lockOwner(path).pid).toBe(4242);
  });
});
