/**
 * Bytes to text without asking the user which encoding: BOM first, then a
 * UTF-16 byte pattern, then UTF-8 validity, then Shift_JIS when the bytes
 * read as Japanese, else Windows-1252 (which is what French Excel writes).
 * Uses the WHATWG TextDecoder that Node, Chromium and workers all have.
 */

/** Files bigger than this are refused before being read whole. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export type Decoded = { text: string; encoding: string };

function decoder(label: string, fatal = false): { decode(input?: Uint8Array): string } | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true });
  } catch {
    return null;
  }
}

/** The bytes as text when they are valid UTF-8, else null. */
function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return decoder('utf-8', true)!.decode(bytes);
  } catch {
    return null;
  }
}

/** True when the bytes are valid UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  return utf8OrNull(bytes) !== null;
}

/** Guesses UTF-16 without a BOM from where the zero bytes fall (ASCII-heavy text has one zero per character). */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  return null;
}

/**
 * Shift_JIS rather than Windows-1252 when the bytes decode cleanly as Shift_JIS
 * and give kana: Japanese text nearly always has some, while Latin-1 text read
 * as Shift_JIS gives kanji at random and almost never kana.
 */
function looksShiftJis(bytes: Uint8Array): boolean {
  const d = decoder('shift_jis', true);
  if (!d) return false;
  let text: string;
  try {
    text = d.decode(bytes);
  } catch {
    return false;
  }
  let kana = 0;
  let nonAscii = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f)) kana++;
  }
  return kana > 0 && kana * 5 >= nonAscii;
}

/** Decodes a whole file, detecting its encoding. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decoder('utf-8')!.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decoder('utf-16le')!.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decoder('utf-16be')!.decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decoder(utf16)!.decode(bytes), encoding: utf16 };
  // One strict decode both checks and gives the text: a 10 MB file is not decoded twice.
  const strict = utf8OrNull(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8' };
  if (looksShiftJis(bytes)) return { text: decoder('shift_jis')!.decode(bytes), encoding: 'shift_jis' };
  return { text: decoder('windows-1252')!.decode(bytes), encoding: 'windows-1252' };
}

/**
 * Decodes a value in a declared charset (vCard `CHARSET=`). Returns null when
 * the charset is unknown so the caller can warn and fall back.
 */
export function decodeCharset(bytes: Uint8Array, charset: string): string | null {
  const d = decoder(charset.trim().toLowerCase());
  return d ? d.decode(bytes) : null;
}

/** Decodes bytes of unknown charset the way a whole file is decoded, minus the UTF-16 and BOM cases. */
export function decodeGuess(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return decoder('utf-8')!.decode(bytes);
  if (looksShiftJis(bytes)) return decoder('shift_jis')!.decode(bytes);
  return decoder('windows-1252')!.decode(bytes);
}

/** Encodes text as UTF-8. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
