/**
 * Imports in progress, held where the document lives: the files' bytes as
 * they arrive (`importUpload`), then the parsed batch and its last preview,
 * so that changing a column mapping or answering a possible duplicate never
 * sends the files again, and confirming applies the very ChangeSet that was
 * previewed (rebuilt only when the document or the choices changed since).
 * Column mappings the user confirmed are remembered per CSV header.
 */
import { randomBytes } from 'node:crypto';
import { ApiArgumentError, type ImportChoices } from '../../shared/api/contract.js';
import { withClusters } from '../../shared/document/importClusters.js';
import type { ChangeSet } from '../../shared/document/operations.js';
import type { CarnetDocument } from '../../shared/document/schema.js';
import { ImportBatch, MAX_IMPORT_BYTES, selectDropped, type CsvMapping, type Decision, type ImportPreview } from '../../shared/import/index.js';
import { summarize, type ColumnsStep, type ImportSummary } from '../../shared/import/summary.js';
import type { Language } from '../../shared/i18n/index.js';
import type { Settings } from './settings.js';

/** Imports held at once (one per window is plenty); starting another forgets the oldest. */
const MAX_SESSIONS = 2;
/** Bytes one import may upload in all: an export and a few address books. */
const MAX_SESSION_BYTES = 2 * MAX_IMPORT_BYTES;
/** The longest header a mapping is remembered for (the settings' key). */
const MAX_HEADER_KEY = 20_000;

type Upload = { chunks: Buffer[]; size: number; done: boolean };
type Choices = {
  mappings: ReadonlyMap<string, CsvMapping>;
  skip: ReadonlySet<string>;
  decisions: { get(key: string): Decision | undefined };
  lang: Language;
};
type Built = { doc: CarnetDocument; revision: number; signature: string; preview: ImportPreview };
type Session = { files: Map<string, Upload>; bytes: number; batch?: ImportBatch; lang?: Language; columns?: ColumnsStep[]; built?: Built };

/** What the import needs of the open document. */
export type ImportTarget = { doc: CarnetDocument; revision: number };

export class ImportSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly settings: Settings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): { importId: string } {
    while (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const importId = randomBytes(12).toString('base64url');
    this.sessions.set(importId, { files: new Map(), bytes: 0 });
    return { importId };
  }

  private session(method: string, id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new ApiArgumentError(method, '$[0]', `no import "${id}" in progress (it ended, or another one replaced it)`);
    return s;
  }

  upload(id: string, chunk: { name: string; data: string; last: boolean }): { received: number } {
    const s = this.session('importUpload', id);
    if (s.batch) throw new ApiArgumentError('importUpload', '$[0]', 'the files of this import were already read; start another import to add files');
    let f = s.files.get(chunk.name);
    if (!f) s.files.set(chunk.name, (f = { chunks: [], size: 0, done: false }));
    if (f.done) throw new ApiArgumentError('importUpload', '$[1].name', `"${chunk.name}" was already sent whole`);
    const bytes = Buffer.from(chunk.data, 'base64');
    if (f.size + bytes.length > MAX_IMPORT_BYTES || s.bytes + bytes.length > MAX_SESSION_BYTES) {
      this.sessions.delete(id);
      throw new ApiArgumentError('importUpload', '$[1].data', `too much data: files over ${MAX_IMPORT_BYTES / 1048576} MB are not imported`);
    }
    f.chunks.push(bytes);
    f.size += bytes.length;
    s.bytes += bytes.length;
    if (chunk.last) f.done = true;
    return { received: f.size };
  }

  cancel(id: string): boolean {
    return this.sessions.delete(id);
  }

  /** Reads the uploaded files, once. */
  private batchOf(method: string, id: string, s: Session, target: ImportTarget, lang: Language): ImportBatch {
    if (s.batch) return s.batch;
    const files = [...s.files].map(([name, f]) => {
      if (!f.done) throw new ApiArgumentError(method, '$[0]', `"${name}" was not sent whole`);
      return { name, bytes: new Uint8Array(Buffer.concat(f.chunks)) };
    });
    s.files.clear();
    const { selected, skipped } = selectDropped(files);
    s.batch = new ImportBatch(selected, { lang, owner: { name: target.doc.me.name, profileUrl: target.doc.me.profileUrl } }, skipped.map((f) => f.name));
    s.lang = lang;
    s.columns = s.batch.columns.map((c) => {
      const key = JSON.stringify(c.header);
      const headerKey = c.guessed.headerRow === null || key.length > MAX_HEADER_KEY ? null : key;
      const saved = headerKey ? this.settings.importMapping(headerKey) : null;
      const usable = saved !== null && saved.headerRow === c.guessed.headerRow && saved.columns.length === c.header.length;
      return { ...c, headerKey, remembered: usable, mapping: usable ? saved : { ...c.guessed, columns: c.header.map((_, i) => c.guessed.columns[i] ?? null) } };
    });
    return s.batch;
  }

  private choicesOf(s: Session, input: ImportChoices): Choices {
    const mappings = new Map<string, CsvMapping>();
    for (const c of s.columns ?? []) if (c.remembered) mappings.set(c.file, c.mapping);
    for (const m of input.mappings) mappings.set(m.file, m.mapping);
    const explicit = new Map<string, Decision>();
    for (const d of input.decisions) explicit.set(d.key, d.choice);
    const all = input.all;
    return {
      mappings,
      skip: new Set(input.skip),
      decisions: { get: (key) => explicit.get(key) ?? all },
      lang: input.lang ?? s.lang ?? 'en',
    };
  }

  /** The preview for these choices, built again only when the document or the choices changed. */
  private build(method: string, id: string, input: ImportChoices, target: ImportTarget): { s: Session; built: Built } {
    const s = this.session(method, id);
    const batch = this.batchOf(method, id, s, target, input.lang ?? 'en');
    const choices = this.choicesOf(s, input);
    const signature = JSON.stringify([[...choices.mappings], [...choices.skip].sort(), input.decisions, input.all ?? null]);
    if (s.built && s.built.doc === target.doc && s.built.revision === target.revision && s.built.signature === signature) return { s, built: s.built };
    const preview = batch.preview(target.doc, { ...choices, now: this.now().toISOString() });
    s.built = { doc: target.doc, revision: target.revision, signature, preview };
    return { s, built: s.built };
  }

  preview(id: string, input: ImportChoices, target: ImportTarget): ImportSummary {
    const { s, built } = this.build('importPreview', id, input, target);
    const batch = s.batch!;
    return summarize(id, target.revision, built.preview, {
      unread: batch.unread,
      columns: s.columns ?? [],
      unrecognised: batch.files.filter((f) => !batch.recognised(f)),
    });
  }

  /**
   * The ChangeSet to apply for these choices, with the clusters of the document it makes and, when it
   * makes most of that document, its new contacts placed by cluster (shared/document/importClusters.ts):
   * the document holds them as soon as the import is applied, in the import's own undo step, so even a
   * window closed at once leaves a document whose first open is as fast as a reopen. Computed here, at
   * the confirm, not in the previews the user may ask for again. At 30,000 contacts it holds the main
   * process 0.4–0.65 s, about 0.6 × the apply the confirm makes anyway (`npm run bench import`,
   * import.app_commit_clusters_30k). Run after the confirm answered, it would be a second edit: every
   * window would patch 30,000 positions twice and draw the newcomers' disc before the clusters.
   */
  changeSet(id: string, input: ImportChoices, target: ImportTarget): ChangeSet {
    const { s, built } = this.build('importCommit', id, input, target);
    return withClusters(target.doc, built.preview.changeSet, this.choicesOf(s, input).lang);
  }

  /**
   * Forgets an import once it is applied, remembering the column mappings it used for the next file
   * with the same header. Settings that cannot be written only cost that memory.
   */
  finish(id: string, input: ImportChoices): void {
    const s = this.sessions.get(id);
    this.sessions.delete(id);
    if (!s) return;
    const skip = new Set(input.skip);
    const chosen = new Map((input.mappings).map((m) => [m.file, m.mapping]));
    for (const c of s.columns ?? []) {
      if (!c.headerKey || skip.has(c.file)) continue;
      try {
        this.settings.rememberImportMapping(c.headerKey, chosen.get(c.file) ?? c.mapping);
      } catch {
        // The import is applied; only the remembered mapping is lost.
      }
    }
  }
}
