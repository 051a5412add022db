/**
 * Main-thread side of the save worker. Locating the worker file:
 * `saveWorker.ts` beside this file when running from sources (tsx, vitest,
 * the CLI), else `saveWorker.js` beside the bundle — so the Electron build
 * must emit electron/services/saveWorker.ts as its own entry point, named
 * `saveWorker.js`, in the folder of the bundle that contains this module.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PartPlan } from '../../shared/json/partPlan.js';
import type { FromWorker, Saved, ToWorker } from './saveProtocol.js';

type Init = Omit<Extract<ToWorker, { type: 'init' }>, 'type' | 'id'>;
type Ready = { revision: number; canonical: boolean };
type Text = { revision: number; text: string; plan: PartPlan | null };
type Bytes = { revision: number; bytes: Uint8Array; plan: PartPlan | null };
type Answer = Ready | Saved | Text | Bytes | { backupPath: string | null };
type Pending = { resolve: (r: Answer) => void; reject: (e: Error) => void };

function workerLocation(): { url: URL; execArgv?: string[] } {
  const source = new URL('./saveWorker.ts', import.meta.url);
  if (source.protocol === 'file:' && existsSync(fileURLToPath(source))) {
    // Node cannot load the TypeScript sources of shared/ by itself (`.js` import suffixes, parameter
    // properties): tsx can. Only that flag is passed: a worker refuses many of its process's flags (--trace-gc…).
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return { url: source, execArgv: ['--import', tsx] };
  }
  return { url: new URL('./saveWorker.js', import.meta.url) };
}

/** A failed request, with the errno-like code the worker reported (READONLY, ENOSPC…). */
export class SaveWorkerError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export class SaveWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(private readonly onBroken: (message: string) => void) {
    const { url, execArgv } = workerLocation();
    this.worker = new Worker(url, { execArgv });
    // Idle, the worker must not keep a CLI process alive; a pending request refs it again.
    this.worker.unref();
    this.worker.on('message', (m: FromWorker) => this.receive(m));
    this.worker.on('error', (e) => this.fail(new Error(`the save worker stopped: ${e.message}`)));
    this.worker.on('exit', (code) => this.fail(new Error(`the save worker exited (code ${code})`)));
  }

  /** Loads the replica; resolves with its revision and whether the text was taken as Carnet wrote it. */
  init(init: Init): Promise<Ready> {
    return this.request((id) => ({ type: 'init', id, ...init })) as Promise<Ready>;
  }

  /** Forwards a ChangeSet that is already applied on the main thread and durable, as its journal line. */
  apply(line: string, revision: number): void {
    if (!this.failure) this.worker.postMessage({ type: 'apply', line, revision } satisfies ToWorker);
  }

  /** Saves the replica over the document file. */
  save(nowIso: string): Promise<Saved> {
    return this.request((id) => ({ type: 'save', id, nowIso })) as Promise<Saved>;
  }

  /** Writes the replica to `path`, which becomes the document file. */
  saveAs(path: string, nowIso: string): Promise<Saved> {
    return this.request((id) => ({ type: 'saveAs', id, path, nowIso })) as Promise<Saved>;
  }

  /** Backs up the document file's content unless the newest backup holds it; resolves with the backup written, if any. */
  backup(nowIso: string): Promise<string | null> {
    return (this.request((id) => ({ type: 'backup', id, nowIso })) as Promise<{ backupPath: string | null }>).then((r) => r.backupPath);
  }

  /**
   * The replica as JSON text, serialized in the worker (or kept from its last read or save); with the revision
   * it holds, and with `plan` its part plan (null without).
   */
  text(plan = false): Promise<Text> {
    return this.request((id) => ({ type: 'text', id, plan })) as Promise<Text>;
  }

  /** `text` as UTF-8 bytes, on memory the worker shares and never writes again (saveProtocol.ts 'bytes'). */
  bytes(plan = false): Promise<Bytes> {
    return this.request((id) => ({ type: 'bytes', id, plan })) as Promise<Bytes>;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the document is closed');
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private request(make: (id: number) => ToWorker): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage(make(id));
    });
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    return p;
  }

  private receive(m: FromWorker): void {
    if (m.type === 'broken') {
      this.onBroken(m.message);
      return;
    }
    const p = this.settle(m.id);
    if (!p) return;
    switch (m.type) {
      case 'ready':
        return p.resolve({ revision: m.revision, canonical: m.canonical });
      case 'saved': {
        const { type: _t, id: _i, ...saved } = m;
        return p.resolve(saved);
      }
      case 'backedUp':
        return p.resolve({ backupPath: m.backupPath });
      case 'text':
        return p.resolve({ revision: m.revision, text: m.text, plan: m.plan });
      case 'bytes':
        return p.resolve({ revision: m.revision, bytes: m.bytes, plan: m.plan });
      case 'failed':
        return p.reject(new SaveWorkerError(m.message, m.code));
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(e);
  }
}
