/**
 * What the fault suite asks of every entry point, given one hostile input:
 * it ends, and it either works or says clearly what is wrong. A problem is
 * returned as text (null: none), so the bounded test and the large bench
 * count the same things.
 */
import { applyChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { buildImportPreview, expandArchive, inApplyOrderOf, parseImportFile, type ParsedFile } from '../../../shared/import/index.js';
import type { FileCase } from './inputs.js';
import { NOW } from './documents.js';

/** Errors that mean a bug was hit, not a refusal worded for the user. */
const BUG_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError];

/** Why `e` is not a clear error, or null when it is one. */
export function unclear(e: unknown): string | null {
  if (!(e instanceof Error)) return `threw a non-Error: ${String(e).slice(0, 200)}`;
  if (BUG_ERRORS.some((k) => e.constructor === k)) return `${e.name}: ${e.message.slice(0, 300)}`;
  if (typeof e.message !== 'string' || e.message.trim() === '') return 'threw an Error without a message';
  if (/\n\s+at .+:\d+:\d+/.test(e.message)) return `an error message carries a stack trace: ${e.message.slice(0, 200)}`;
  return null;
}

function issuesProblem(parsed: ParsedFile): string | null {
  for (const issue of [...parsed.errors, ...parsed.warnings]) {
    if (typeof issue.message !== 'string' || issue.message.trim() === '') return `an issue has no message: ${JSON.stringify(issue)}`;
    if (/\n\s+at .+:\d+:\d+/.test(issue.message)) return `an issue carries a stack trace: ${issue.message.slice(0, 200)}`;
  }
  return null;
}

/** A plain JSON copy, as the renderer and its workers hold the document. */
const copyOf = (doc: CarnetDocument): CarnetDocument => JSON.parse(JSON.stringify(doc)) as CarnetDocument;

/**
 * Previews `files` against a copy of `doc` and applies the preview's change
 * set there: an import the user confirms must apply, and leave a valid document.
 */
function previewProblem(doc: CarnetDocument, files: ParsedFile[]): string | null {
  const copy = copyOf(doc);
  let preview;
  try {
    preview = buildImportPreview(copy, inApplyOrderOf(files), { now: NOW });
    JSON.stringify(preview);
  } catch (e) {
    return `buildImportPreview threw: ${unclear(e) ?? (e as Error).message}`;
  }
  try {
    applyChangeSet(copy, preview.changeSet);
  } catch (e) {
    return `the preview's change set does not apply: ${(e as Error).message}`;
  }
  const check = validateDocument(copyOf(copy));
  return check.ok ? null : `the import leaves an invalid document: ${check.error.path}: ${check.error.message}`;
}

/** Parses one file as the app does (expanding an archive first), previews it, and applies the preview. */
export function checkImportFile(c: FileCase, doc: CarnetDocument): string | null {
  let files: ParsedFile[];
  try {
    if (c.name.endsWith('.zip')) {
      const archive = expandArchive(c.bytes, c.name);
      if (archive.error !== undefined && (typeof archive.error !== 'string' || archive.error === '')) return 'expandArchive gave an empty error';
      files = archive.files.map((f) => parseImportFile(f.bytes, f.name));
    } else {
      files = [parseImportFile(c.bytes, c.name, { ...(c.mapping ? { mapping: c.mapping } : {}), ...(c.format ? { format: c.format } : {}) })];
    }
    JSON.stringify(files);
  } catch (e) {
    return `the parser threw: ${unclear(e) ?? (e as Error).message}`;
  }
  for (const f of files) {
    const p = issuesProblem(f);
    if (p) return p;
  }
  return previewProblem(doc, files);
}

/** Validates untrusted JSON: never throws; a refusal names a JSON path; an accepted document validates again unchanged. */
export function checkDocument(raw: unknown): string | null {
  let r;
  try {
    r = validateDocument(raw);
  } catch (e) {
    return `validateDocument threw: ${unclear(e) ?? (e as Error).message}`;
  }
  if (!r.ok) {
    if (!r.error.path.startsWith('$') || r.error.message.trim() === '') return `an unclear refusal: ${JSON.stringify(r.error)}`;
    return null;
  }
  const text = JSON.stringify(r.doc);
  const again = validateDocument(JSON.parse(text));
  if (!again.ok) return `an accepted document fails once saved: ${again.error.path}: ${again.error.message}`;
  if (JSON.stringify(again.doc) !== text) return 'an accepted document changes when saved and read again';
  return null;
}
