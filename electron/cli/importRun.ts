/**
 * `carnet import`: gathers the files (folders walked and filtered like a
 * dropped folder, .zip expanded, anything that is not a regular file
 * refused before it is opened), previews the import against the document
 * exactly as the app does (shared/import ImportBatch, positions included),
 * applies its single ChangeSet (then the clusters) in memory and writes the
 * document whole: a new DOC with DocumentStore.write, an existing one through
 * HeldDocument (locked, backed up, atomic, journal emptied). Every problem
 * with the document is one line (a CliError), never a stack trace.
 */
import { constants } from 'node:fs';
import { access, open, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { say, type Language } from '../../shared/i18n/index.js';
import { emptyDocument, type CarnetDocument } from '../../shared/document/schema.js';
import { clusterCacheOf } from '../../shared/document/importClusters.js';
import { applyChangeSet, type ChangeSet } from '../../shared/document/operations.js';
import {
  ImportBatch,
  MAX_IMPORT_BYTES,
  makeIssue,
  selectExportFiles,
  tooBigIssue,
  type FormatOverride,
  type ImportIssue,
  type ImportPreview,
  type NamedBytes,
} from '../../shared/import/index.js';
import { CliError } from './command.js';
import { describeFsError, invalidLine, loadDocument } from './loadDocument.js';
import { fileFailed, reportLines, toReport, type ImportReport } from './importReport.js';

type Gathered = { files: NamedBytes[]; ignored: string[]; unread: ImportIssue[] };

/** What kind of file system object this is, when it is no regular file or folder. */
function oddKind(s: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string | null {
  if (s.isFIFO()) return 'FIFO';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  if (s.isSocket()) return 'socket';
  return null;
}

async function listFolder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    // FIFOs, devices and links inside a folder are left alone: only what is surely a file is opened.
    if (entry.isDirectory()) out.push(...(await listFolder(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/**
 * Reads a regular file. It is opened without blocking and checked on the open descriptor, so that a
 * FIFO (which would block forever) or a device is refused even if it replaced the file after a check.
 */
async function readRegular(path: string): Promise<{ bytes: Uint8Array } | { issue: ImportIssue }> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { issue: makeIssue(path, 'cannotRead', { reason: describeFsError(e) }) };
  }
  try {
    const s = await handle.stat();
    const odd = oddKind(s);
    if (odd || !s.isFile()) return { issue: makeIssue(path, 'notRegularFile', { kind: odd ?? 'not a file' }) };
    if (s.size > MAX_IMPORT_BYTES) return { issue: tooBigIssue(path, s.size) };
    return { bytes: new Uint8Array(await handle.readFile()) };
  } catch (e) {
    return { issue: makeIssue(path, 'cannotRead', { reason: describeFsError(e) }) };
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Every file to read: folders walked (only the files an import uses kept, the others named as ignored). */
export async function gatherSources(files: readonly string[], cwd: string): Promise<Gathered> {
  const out: Gathered = { files: [], ignored: [], unread: [] };
  for (const f of files) {
    const path = resolve(cwd, f);
    let s;
    try {
      s = await stat(path);
    } catch (e) {
      out.unread.push(makeIssue(path, 'cannotRead', { reason: describeFsError(e) }));
      continue;
    }
    if (s.isDirectory()) {
      const inside = (await listFolder(path)).map((p) => ({ name: relative(path, p).split('\\').join('/'), full: p }));
      const { selected, skipped } = selectExportFiles(inside);
      out.ignored.push(...skipped.map((x) => x.name));
      for (const x of selected) {
        const r = await readRegular(x.full);
        if ('bytes' in r) out.files.push({ name: x.full, bytes: r.bytes });
        else out.unread.push(r.issue);
      }
      continue;
    }
    const odd = oddKind(s);
    if (odd) {
      out.unread.push(makeIssue(path, 'notRegularFile', { kind: odd }));
      continue;
    }
    const r = await readRegular(path);
    if ('bytes' in r) out.files.push({ name: path, bytes: r.bytes });
    else out.unread.push(r.issue);
  }
  return out;
}

/** Why DOC cannot receive an import, in one line, or null. */
async function checkWritable(docPath: string, exists: boolean): Promise<string | null> {
  const folder = dirname(docPath);
  try {
    if (!(await stat(folder)).isDirectory()) return `${folder} is not a folder`;
  } catch {
    return `the folder of ${docPath} does not exist`;
  }
  try {
    await access(folder, constants.W_OK);
  } catch {
    return `the folder ${folder} is read-only`;
  }
  if (exists) {
    const s = await stat(docPath);
    if (!s.isFile()) return `${docPath} is not a file`;
    try {
      await access(docPath, constants.W_OK);
    } catch {
      return `${docPath} is read-only`;
    }
  }
  return null;
}

export type ImportRunOptions = {
  files: readonly string[];
  into: string;
  cwd: string;
  dryRun: boolean;
  format?: FormatOverride;
  now?: string;
  lang?: Language;
};

/**
 * `doc` with the import applied, then its clusters, as a store would have applied them: one revision each.
 * The clusters too, so the first open of a big document draws them at once (the app would store them after
 * its first analysis); the app never offers to undo what the CLI did.
 */
function withImport(doc: CarnetDocument, set: ChangeSet, lang: Language): CarnetDocument {
  const before = new Set(Object.keys(doc.contacts));
  applyChangeSet(doc, set, { adopt: true });
  doc.meta.revision++;
  const clusters = clusterCacheOf(doc, before, lang);
  if (clusters) {
    applyChangeSet(doc, clusters, { adopt: true });
    doc.meta.revision++;
  }
  return doc;
}

/**
 * The files read and previewed. Their bytes, tables and parsed records are needed no longer once the
 * ChangeSet exists: kept in this function's scope only, they can be collected before the store applies
 * the set (the peak memory of a 30,000-row import).
 */
async function readAndPreview(opts: ImportRunOptions, doc: CarnetDocument, lang: Language): Promise<{ preview: ImportPreview; unread: ImportIssue[] }> {
  const gathered = await gatherSources(opts.files, opts.cwd);
  const batch = new ImportBatch(gathered.files, { format: opts.format, lang, owner: { name: doc.me.name, profileUrl: doc.me.profileUrl } }, gathered.ignored);
  return { preview: batch.preview(doc, { now: opts.now }), unread: [...gathered.unread, ...batch.unread] };
}

function sayLine(lang: Language, key: string, params: Record<string, string | number>): string {
  return say(lang, { key: `import.cli.${key}`, params });
}

type Held = import('../services/heldDocument.js').HeldDocument;

export async function runImport(opts: ImportRunOptions): Promise<{ report: ImportReport; lines: string[]; fatal: string | null; preview: ImportPreview }> {
  const lang = opts.lang ?? 'en';
  const docPath = resolve(opts.cwd, opts.into);
  const exists = await stat(docPath).then(
    () => true,
    () => false,
  );
  const { DocumentStore } = await import('../services/documentStore.js');
  let held: Held | null = null;
  let doc: CarnetDocument;
  if (opts.dryRun) {
    if (exists) {
      const { result } = await loadDocument(docPath, opts.cwd);
      if (!result.ok) throw new CliError(`not a valid Carnet document: ${invalidLine(result.error, docPath)}`);
      doc = result.doc;
    } else doc = emptyDocument(opts.now ?? new Date().toISOString());
  } else {
    const problem = await checkWritable(docPath, exists);
    if (problem) throw new CliError(problem);
    if (exists) {
      const { HeldDocument } = await import('../services/heldDocument.js');
      try {
        held = await HeldDocument.open(docPath, { refuseInvalidWithoutBackup: true });
      } catch (e) {
        throw new CliError((e as Error).message.split('\n')[0]!);
      }
      doc = held.doc;
    } else doc = emptyDocument(opts.now ?? new Date().toISOString());
  }
  let written: CarnetDocument | null = null;
  try {
    const { preview, unread } = await readAndPreview(opts, doc, lang);
    // A new DOC is written only with something in it: an import that read nothing leaves no empty file behind.
    if (!opts.dryRun && preview.changeSet.changes.length > 0) {
      try {
        // Written once, whole: no journal of a change set as big as the document, no save worker holding
        // more copies of it (heldDocument.ts says what that cost).
        written = withImport(doc, preview.changeSet, lang);
        if (held) await held.write();
        else await DocumentStore.write(docPath, written);
      } catch (e) {
        throw new CliError(`${docPath}: the import could not be saved: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    const contacts = Object.keys((written ?? doc).contacts).length + (opts.dryRun ? preview.totals.new : 0);
    const report = toReport(preview, unread, contacts, lang);
    const lines = reportLines(preview, unread, lang);
    lines.push(opts.dryRun ? sayLine(lang, 'dryRun', { file: docPath }) : sayLine(lang, 'saved', { file: docPath, count: contacts }));
    // A file that could not be read, or whose every record was refused, is a failure even if the others imported.
    const failed = [
      ...report.unread.map((u) => `${u.path}: ${u.message}`),
      ...preview.files.filter(fileFailed).map((f) => {
        const first = f.errors[0] ?? f.warnings[0];
        return `${f.file}: ${first ? say(lang, { key: first.key, params: first.params ?? {} }) : sayLine(lang, 'allRejected', { count: f.read })}`;
      }),
    ];
    return { report, lines, fatal: failed.length > 0 ? failed.join('\n') : null, preview };
  } finally {
    await held?.close().catch(() => {});
  }
}
