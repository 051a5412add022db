/** Reads and validates a document file for the commands that take one (validate, stats…). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ValidationResult } from '../../shared/document/validate.js';
import { CliError } from './command.js';

/** Why a file could not be read, in words, from a Node error code. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (e as Error).message;
  }
}

/** The text of `file` (relative to `cwd`); a CliError naming the file if it cannot be read. */
export async function readTextFile(file: string, cwd: string): Promise<{ path: string; text: string }> {
  const path = resolve(cwd, file);
  try {
    return { path, text: await readFile(path, 'utf8') };
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${describeFsError(e)}`);
  }
}

/** Reads and validates a document; the result says why it is invalid (JSON path and reason). */
export async function loadDocument(file: string, cwd: string): Promise<{ path: string; result: ValidationResult }> {
  const { path, text } = await readTextFile(file, cwd);
  const { parseDocument } = await import('../../shared/document/validate.js');
  // A UTF-8 byte order mark (Windows editors add one) is not part of the JSON.
  return { path, result: parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
}

/** `invalid: $.contacts.c12.emails[0].value: reason (file: …)`. */
export function invalidLine(error: { path: string; message: string }, path: string): string {
  return `invalid: ${error.path}: ${error.message} (file: ${path})`;
}
