/**
 * `carnet import`: gathers the files (folders and .zip expanded, sizes
 * checked on disk before reading), parses them, builds the preview against
 * the document, and applies its single ChangeSet through DocumentStore so the
 * journal and backups protect it like any edit.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { emptyDocument, type CarnetDocument } from '../../shared/document/schema.js';
import {
  MAX_IMPORT_BYTES,
  buildImportPreview,
  expandArchive,
  parseImportFile,
  selectExportFiles,
  type FormatOverride,
  type ImportPreview,
  type ParsedFile,
} from '../../shared/import/index.js';
import { DocumentStore } from '../services/documentStore.js';
import { describeFsError, loadDocument, invalidLine } from './loadDocument.js';

export type ImportReport = {
  files: {
    path: string;
    format: string;
    contacts: number;
    new: number;
    merged: number;
    interactions: number;
    ties: number;
    warnings: { line?: number; card?: number; message: string }[];
    errors: { line?: number; card?: number; message: string }[];
  }[];
  contacts: number;
};

type Source = { path: string; bytes: Uint8Array } | { path: string; error: string };

async function listFolder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFolder(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

async function readChecked(path: string): Promise<Source> {
  try {
    const s = await stat(path);
    if (s.size > MAX_IMPORT_BYTES) {
      return { path, error: `the file is ${Math.round(s.size / 1048576)} MB; files over ${MAX_IMPORT_BYTES / 1048576} MB are not imported` };
    }
    return { path, bytes: new Uint8Array(await readFile(path)) };
  } catch (e) {
    return { path, error: `cannot be read: ${describeFsError(e)}` };
  }
}

/** Every file to parse: folders walked (only contact files kept), archives expanded. */
export async function gatherSources(files: readonly string[], cwd: string): Promise<Source[]> {
  const sources: Source[] = [];
  for (const f of files) {
    const path = resolve(cwd, f);
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (e) {
      sources.push({ path, error: `cannot be read: ${describeFsError(e)}` });
      continue;
    }
    const paths = isDir ? selectExportFiles((await listFolder(path)).map((p) => ({ name: relative(path, p).split('\\').join('/'), full: p }))).selected.map((x) => x.full) : [path];
    for (const p of paths) {
      const src = await readChecked(p);
      if ('bytes' in src && src.bytes[0] === 0x50 && src.bytes[1] === 0x4b && src.bytes[2] === 0x03 && src.bytes[3] === 0x04) {
        const { files: inner, error } = expandArchive(src.bytes, p);
        if (error) sources.push({ path: p, error });
        for (const x of inner) sources.push({ path: x.name, bytes: x.bytes });
      } else sources.push(src);
    }
  }
  return sources;
}

export async function runImport(opts: { files: readonly string[]; into: string; cwd: string; dryRun: boolean; format?: FormatOverride; now?: string }): Promise<{
  report: ImportReport;
  lines: string[];
  fatal: string | null;
  preview: ImportPreview;
}> {
  const docPath = resolve(opts.cwd, opts.into);
  const exists = existsSync(docPath);
  let doc: CarnetDocument;
  let store: DocumentStore | null = null;
  if (opts.dryRun || !exists) {
    if (exists) {
      const { result } = await loadDocument(docPath, opts.cwd);
      if (!result.ok) throw new Error(`not a valid Carnet document: ${invalidLine(result.error, docPath)}`);
      doc = result.doc;
    } else doc = emptyDocument(opts.now ?? new Date().toISOString());
  } else {
    store = await DocumentStore.open(docPath, { refuseInvalidWithoutBackup: true });
    doc = store.doc;
  }
  try {
    const sources = await gatherSources(opts.files, opts.cwd);
    const parsed: ParsedFile[] = sources.map((s) =>
      'error' in s
        ? { file: s.path, format: 'generic-csv', contacts: [], interactions: [], ties: [], warnings: [], errors: [{ file: s.path, message: s.error }] }
        : parseImportFile(s.bytes, s.path, { format: opts.format, owner: { name: doc.me.name, profileUrl: doc.me.profileUrl } }),
    );
    const preview = buildImportPreview(doc, parsed, { now: opts.now });
    const unreadable = preview.files.filter((f) => f.errors.length > 0 && f.contacts === 0 && f.interactions === 0 && f.ties === 0);
    if (!opts.dryRun && preview.changeSet.changes.length > 0) {
      if (!store) {
        const { DocumentStore: Store } = await import('../services/documentStore.js');
        store = await Store.create(docPath, doc);
      }
      await store.apply(preview.changeSet);
      await store.flush();
    } else if (!opts.dryRun && !store) {
      const { DocumentStore: Store } = await import('../services/documentStore.js');
      store = await Store.create(docPath, doc);
    }
    const total = Object.keys(doc.contacts).length + (opts.dryRun ? preview.totals.new : 0);
    const report: ImportReport = {
      files: preview.files.map((f) => ({
        path: f.file,
        format: f.format,
        contacts: f.contacts,
        new: f.new,
        merged: f.merged,
        interactions: f.interactions,
        ties: f.ties,
        warnings: f.warnings.map(({ line, card, message }) => ({ line, card, message })),
        errors: f.errors.map(({ line, card, message }) => ({ line, card, message })),
      })),
      contacts: store ? Object.keys(store.doc.contacts).length : total,
    };
    const lines: string[] = [];
    for (const f of preview.files) {
      const matched = Object.entries(f.matchedOn).filter(([, n]) => n > 0).map(([k, n]) => `${n} by ${k}`).join(', ');
      lines.push(`${f.file} (${f.format}${f.encoding ? `, ${f.encoding}` : ''}): ${f.contacts} contacts, ${f.new} new, ${f.merged} merged${matched ? ` (${matched})` : ''}${f.interactions ? `, ${f.interactions} interactions` : ''}${f.ties ? `, ${f.ties} ties` : ''}`);
      for (const c of f.conflicts) lines.push(`  conflict ${c.ref}: ${c.contactName}: ${c.field} "${c.existing}" vs "${c.incoming}"`);
      for (const w of f.warnings) lines.push(`  warning ${w.line ? `line ${w.line}: ` : w.card ? `card ${w.card}: ` : ''}${w.message}`);
      for (const e of f.errors) lines.push(`  error ${e.line ? `line ${e.line}: ` : e.card ? `card ${e.card}: ` : ''}${e.message}`);
    }
    lines.push(opts.dryRun ? `Dry run: nothing was written to ${docPath}.` : `${docPath}: ${report.contacts} contacts.`);
    const fatal = unreadable.length > 0 ? unreadable.map((f) => `${f.file}: ${f.errors[0]!.message}`).join('\n') : null;
    return { report, lines, fatal, preview };
  } finally {
    await store?.close();
  }
}
