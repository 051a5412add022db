import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { CsvMapping, ImportPreview } from '../../../shared/import/index.js';
import type { FromWorker, ReadFile, SourceFile, ToWorker } from './protocol.js';

export type ReadResult = { files: ReadFile[]; problems: { file: string; message: string }[] };
export type Progress = { done: number; total: number; file: string };

/**
 * One import, run in its own worker. Cancelling terminates the worker: the
 * parse in progress stops at once, and since nothing is applied before the
 * user confirms, the document is untouched.
 */
export class ImportSession {
  private readonly worker: Worker;
  private pendingRead: { resolve(r: ReadResult): void; reject(e: Error): void } | null = null;
  private pendingPreview = new Map<number, { resolve(p: ImportPreview): void; reject(e: Error): void }>();
  private nextId = 0;
  /** The document the worker holds, and its revision then. */
  private sent: { doc: CarnetDocument; revision: number } | null = null;
  private closed = false;

  constructor(private readonly onProgress: (p: Progress) => void) {
    this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'carnet-import' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => this.failAll(new Error(e.message || 'the import worker stopped'));
  }

  /** Reads and parses the files (archives expanded, dropped folders filtered). */
  read(files: SourceFile[], owner: { name?: string; profileUrl?: string }): Promise<ReadResult> {
    return new Promise((resolve, reject) => {
      this.pendingRead = { resolve, reject };
      this.send({ type: 'read', files, owner });
    });
  }

  /**
   * What importing would do to `doc` (at `revision`), with the user's column mappings and without the
   * skipped files. The document is copied to the worker only when it changed since the last preview: at
   * 30,000 contacts each copy is a structured clone of most of a second on the UI thread, and the user may
   * change a column mapping or skip a file several times.
   */
  preview(doc: CarnetDocument, revision: number, mappings: Record<string, CsvMapping>, skip: string[]): Promise<ImportPreview> {
    const id = ++this.nextId;
    const send = this.sent?.doc !== doc || this.sent.revision !== revision;
    this.sent = { doc, revision };
    return new Promise((resolve, reject) => {
      this.pendingPreview.set(id, { resolve, reject });
      this.send({ type: 'preview', id, ...(send ? { doc } : {}), mappings, skip, now: new Date().toISOString() });
    });
  }

  /** Stops the worker; pending promises are left unsettled because nobody waits for them any more. */
  cancel(): void {
    this.closed = true;
    this.worker.terminate();
    this.pendingRead = null;
    this.pendingPreview.clear();
  }

  private send(msg: ToWorker): void {
    if (this.closed) throw new Error('this import was cancelled');
    this.worker.postMessage(msg);
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'progress') this.onProgress(msg);
    else if (msg.type === 'read') {
      this.pendingRead?.resolve({ files: msg.files, problems: msg.problems });
      this.pendingRead = null;
    } else if (msg.type === 'preview') {
      this.pendingPreview.get(msg.id)?.resolve(msg.preview);
      this.pendingPreview.delete(msg.id);
    } else this.failAll(new Error(msg.message));
  }

  private failAll(error: Error): void {
    this.pendingRead?.reject(error);
    this.pendingRead = null;
    for (const p of this.pendingPreview.values()) p.reject(error);
    this.pendingPreview.clear();
  }
}
