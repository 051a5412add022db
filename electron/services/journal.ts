/**
 * The operation journal beside a document (`<file>.journal`): one line per
 * applied ChangeSet, `{"rev":12,"crc":3735928559,"set":{...}}`, where `crc`
 * is the CRC-32 of the `set` text exactly as written. A line is appended and
 * flushed to the disk before the edit is acknowledged, so an acknowledged
 * edit survives the process being killed between two saves; on open the
 * lines newer than the snapshot are replayed. The first line may instead
 * mark the last save (`{"saved":12,"fp":"…"}`): when the document file still
 * has that fingerprint, it is known to be exactly what Carnet wrote, and its
 * text can be handed on as it is, without being validated a second time.
 */
import { crc32 } from 'node:zlib';
import { open, type FileHandle } from 'node:fs/promises';
import type { ChangeSet } from '../../shared/document/operations.js';
import { fsyncDir, writeFileAtomic } from './atomicWrite.js';
import { dirname } from 'node:path';

/** One journal line: its revision, its ChangeSet, its text (newline included) and, when read from a file, its line number. */
export type JournalEntry = { revision: number; set: ChangeSet; line: string; lineNo?: number };

/** What the journal says about the document file: the revision and fingerprint (backups.ts) of its last save by Carnet. */
export type SavedMark = { revision: number; fingerprint: string };

/** `<file>.journal`. */
export function journalPathFor(docPath: string): string {
  return `${docPath}.journal`;
}

/** One journal line, newline included. */
export function encodeEntry(revision: number, set: ChangeSet): string {
  const text = JSON.stringify(set);
  return `{"rev":${revision},"crc":${crc32(text)},"set":${text}}\n`;
}

/** The whole journal text: the mark of the last save (when known), then the entries. */
export function journalText(saved: SavedMark | null, entries: readonly JournalEntry[]): string {
  const head = saved ? `{"saved":${saved.revision},"fp":"${saved.fingerprint}"}\n` : '';
  return head + entries.map((e) => e.line).join('');
}

const LINE = /^\{"rev":(\d+),"crc":(\d+),"set":(.*)\}$/;
const SAVED = /^\{"saved":(\d+),"fp":"([0-9a-f]{16})"\}$/;

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
  /** The mark of the last save, when the journal starts with one. */
  saved: SavedMark | null;
  /** Every line that reads back as written, in order. */
  entries: JournalEntry[];
  /**
   * The text after the last newline: a line a crash cut while it was being
   * appended. Its edit was never acknowledged (the newline is part of the
   * write that is flushed before the acknowledgement), so it is dropped.
   */
  torn: boolean;
  /** Numbers (from 1) of complete lines that do not read back: damage to report, never to drop silently. */
  damaged: number[];
};

/** Parses journal text. Complete lines that fail their checksum are listed in `damaged`; the others are all returned. */
export function readJournal(text: string): JournalContents {
  const lines = text.split('\n');
  const tail = lines.pop()!;
  const entries: JournalEntry[] = [];
  const damaged: number[] = [];
  let saved: SavedMark | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i === 0) {
      const m = SAVED.exec(line);
      if (m) {
        saved = { revision: Number(m[1]), fingerprint: m[2]! };
        continue;
      }
    }
    const decoded = decodeLine(line);
    if (decoded) entries.push({ ...decoded, line: `${line}\n`, lineNo: i + 1 });
    else if (line.trim() !== '') damaged.push(i + 1);
  }
  return { saved, entries, torn: tail.length > 0, damaged };
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
