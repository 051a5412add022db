import { IMPORT_CHUNK_BYTES, type CarnetApi, type ImportChoices } from '../../../shared/api/contract.js';
import type { ImportSummary } from '../../../shared/import/summary.js';
import type { SourceFile } from './gatherFiles.js';

export type Progress = { sent: number; total: number; file: string };

/** A piece of a file as base64, read by the browser off the UI thread (FileReader), without its `data:` prefix. */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * One import, run where the document lives: the files go to the main side once, in pieces
 * (IMPORT_CHUNK_BYTES each), and everything after that (reading, matching, previewing, applying) happens
 * there. Only the summary comes back; confirming applies the import there and the result arrives like
 * any edit. Cancelling frees what the main side holds; nothing is applied before the user confirms.
 */
export class ImportSession {
  private id: string | null = null;
  private cancelled = false;

  constructor(
    private readonly api: CarnetApi,
    private readonly onProgress: (p: Progress) => void,
  ) {}

  /** Sends the files; resolves once the main side has them all. */
  async upload(files: readonly SourceFile[]): Promise<void> {
    const { importId } = await this.api.importStart();
    this.id = importId;
    const total = files.reduce((s, f) => s + f.file.size, 0);
    let sent = 0;
    for (const { file, path } of files) {
      for (let start = 0; start === 0 || start < file.size; start += IMPORT_CHUNK_BYTES) {
        if (this.cancelled) return;
        this.onProgress({ sent, total, file: path });
        const end = Math.min(file.size, start + IMPORT_CHUNK_BYTES);
        const data = await base64Of(file.slice(start, end));
        await this.api.importUpload(importId, { name: path, data, last: end >= file.size });
        sent += end - start;
      }
    }
    this.onProgress({ sent: total, total, file: '' });
  }

  /** What importing would do with these choices. */
  preview(choices: ImportChoices): Promise<ImportSummary> {
    return this.api.importPreview(this.requireId(), choices);
  }

  /** The call that applies the import (CarnetStore.perform runs it, so the result updates the map like an edit). */
  commit(choices: ImportChoices) {
    const id = this.requireId();
    return () => this.api.importCommit(id, choices);
  }

  /** Stops the upload and frees the main side's copy; resolves when the main side knows. */
  cancel(): void {
    this.cancelled = true;
    if (this.id) void this.api.importCancel(this.id).catch(() => {});
    this.id = null;
  }

  /** After a commit the main side has forgotten the import: nothing to cancel. */
  done(): void {
    this.id = null;
  }

  private requireId(): string {
    if (!this.id) throw new Error('this import was cancelled');
    return this.id;
  }
}
