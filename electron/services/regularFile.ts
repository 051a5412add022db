/**
 * Reading the files Carnet finds on disk (document, journal, lock, backups)
 * as untrusted: a FIFO, a device or a folder in their place is refused at
 * once, never waited on, and a UTF-8 byte-order mark is accepted.
 */
import type { BigIntStats } from 'node:fs';
import { constants, open } from 'node:fs/promises';

/** Text with a leading UTF-8 byte-order mark removed (editors on Windows add one; JSON.parse refuses it). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type ReadFile = { text: string; stat: BigIntStats };

/**
 * Reads a regular file through one handle, so the identity and mode returned
 * are those of the bytes read, even if the file is replaced meanwhile.
 * FIFOs and devices are refused before anything waits on them.
 */
export async function readRegularBytes(path: string): Promise<{ bytes: Buffer; stat: BigIntStats }> {
  // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat({ bigint: true });
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    return { bytes: await handle.readFile(), stat: st };
  } finally {
    await handle.close();
  }
}

/** `readRegularBytes` as UTF-8 text, its byte-order mark removed. */
export async function readRegularFile(path: string): Promise<ReadFile> {
  const { bytes, stat } = await readRegularBytes(path);
  return { text: withoutBom(bytes.toString('utf8')), stat };
}

/** The text of a regular file (BOM removed); a FIFO, device or folder is refused at once rather than waited on. */
export async function readRegularText(path: string): Promise<string> {
  return (await readRegularFile(path)).text;
}

