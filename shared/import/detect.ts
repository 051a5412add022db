/**
 * Which parser reads a file, decided from its content (the extension only
 * breaks ties), so a vCard saved as `.txt` or a CSV named `.vcf` still works.
 */
import { decodeText } from './decode.js';

export type FileKind = 'vcard' | 'csv' | 'carnet-json' | 'zip' | 'unknown';
/** `reason`: why the file is no contact file, as a key of `import.msg`. */
export type Detection = { kind: FileKind; reason?: string };

/** User-facing names accepted by `--format` and the UI's override. */
export const FORMAT_OVERRIDES = ['vcard', 'csv', 'json'] as const;
export type FormatOverride = (typeof FORMAT_OVERRIDES)[number];

function extension(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** Share of bytes that are control characters other than tab, CR, LF (text has almost none). */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) bad++;
  }
  return bad / n;
}

export function detectFile(bytes: Uint8Array, name: string): Detection {
  if (bytes.length === 0) return { kind: 'unknown', reason: 'emptyFile' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { kind: 'zip' };
  const head = decodeText(bytes.subarray(0, 64 * 1024));
  if (!head.encoding.startsWith('utf-16') && controlShare(bytes) > 0.05) {
    return { kind: 'unknown', reason: 'binaryFile' };
  }
  const text = head.text;
  // `[ \t]`, not `\s`: with the m flag, `^\s*` would backtrack over a run of blank lines from each of them.
  if (/^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*\r?$/im.test(text)) return { kind: 'vcard' };
  if (/^\s*\{/.test(text) && /"format"\s*:\s*"carnet"/.test(text)) return { kind: 'carnet-json' };
  const ext = extension(name);
  if (ext === 'vcf' || ext === 'vcard') return { kind: 'vcard' };
  if (ext === 'json') return { kind: 'carnet-json' };
  if (/^\s*[{[]/.test(text)) return { kind: 'unknown', reason: 'jsonNotCarnet' };
  if (/[,;\t]/.test(text.split(/\r?\n/, 5).join('\n')) || ext === 'csv' || ext === 'tsv' || ext === 'txt') return { kind: 'csv' };
  return { kind: 'unknown', reason: 'notContactFile' };
}

export function kindOfOverride(o: FormatOverride): FileKind {
  return o === 'json' ? 'carnet-json' : o;
}
