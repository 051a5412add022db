/**
 * The operation journal beside a document (`<file>.journal`): one line per
 * applied ChangeSet, `{"rev":12,"crc":3735928559,"set":{...}}`, where `crc`
 * is the CRC-32 of the `set` text exactly as written. A line is appended and
 * flushed to the disk before the edit is acknowledged, so an acknowledged
 * edit survives the process being killed between two saves; on open the
 * lines newer than the snapshot are replayed.
 */
import { crc32 } from 'node:zlib';
import { open, type FileHandle } from 'node:fs/promises';
import type { ChangeSet } from '../../shared/document/operations.js';
import { fsyncDir, writeFileAtomic } from './atomicWrite.js';
import { dirname } from 'node:path';

export type JournalEntry = { revision: number; set: ChangeSet; line: string };

/** `<file>.journal`. */
export function journalPathFor(docPath: string): string {
  return `${docPath}.journal`;
}

/** One journal line, newline included. */
export function encodeEntry(revision: number, set: ChangeSet): string {
  const text = JSON.stringify(set);
  return `{"rev":${revision},"crc":${crc32(text)},"set":${text}}\n`;
}

const LINE = /^\{"rev":(\d+),"crc":(\d+),"set":(.*)\}$/;

function decodeLine(line: string): { revision: number; set: ChangeSet } | null {
  const m = LINE.exec(line);
  if (!m || crc32(m[3]!) !== Number(m[2])) return null;
  try {
    return { revision: Number(m[1]), set: JSON.parse(m[3]!) as ChangeSet };
  } catch {
    return null;
  }
}

export type JournalContents = {
  entries: JournalEntry[];
  /** The last line was cut short by a crash while it was written: that edit was never acknowledged. */
  torn: boolean;
  /** A damaged line followed by others: the entries after it cannot be trusted and are not returned. */
  damagedLine: number | null;
};

/** Parses journal text, stopping at the first damaged line. */
export function readJournal(text: string): JournalContents {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const entries: JournalEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const decoded = decodeLine(line);
    if (decoded) {
      entries.push({ ...decoded, line: `${line}\n` });
      continue;
    }
    const last = lines.slice(i + 1).every((l) => l.trim() === '' || /^\0*$/.test(l));
    return { entries, torn: last, damagedLine: last ? null : i + 1 };
  }
  return { entries, torn: false, damagedLine: null };
}

/** Appends to a journal file, each write flushed to the disk before it resolves. */
export class JournalWriter {
  private constructor(
    readonly path: string,
    private handle: FileHandle,
  ) {}

  /** Opens (creating if needed) the journal for appending. */
  static async open(path: string): Promise<JournalWriter> {
    const handle = await open(path, 'a', 0o600);
    await fsyncDir(dirname(path));
    return new JournalWriter(path, handle);
  }

  async append(text: string): Promise<void> {
    await this.handle.appendFile(text);
    await this.handle.datasync();
  }

  /** Atomically replaces the whole journal (compaction), then keeps appending to the new file. */
  async replace(text: string): Promise<void> {
    await writeFileAtomic(this.path, text);
    const old = this.handle;
    this.handle = await open(this.path, 'a', 0o600);
    await old.close();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
