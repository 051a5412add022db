/**
 * vCard bytes to properties. Works on BYTES until each value is decoded,
 * because folds and quoted-printable soft breaks can fall inside a multi-byte
 * character, and 2.1 cards carry raw bytes in the charset their CHARSET
 * parameter names (Shift_JIS, Windows-1252…).
 */

export type VcardParam = { name: string; values: string[] };
export type VcardLine = {
  /** 1-based line in the file where the property starts. */
  line: number;
  group?: string;
  /** Upper case. */
  name: string;
  params: VcardParam[];
  /** The raw value bytes (folds removed, QP soft breaks joined, not yet decoded). */
  value: Uint8Array;
};

const CR = 13;
const LF = 10;
const SP = 32;
const TAB = 9;
const COLON = 58;
const QUOTE = 34;

type Physical = { start: number; end: number; line: number };

/** Splits at CRLF, LF or CR; a run of CRs before an LF (iOS writes `\r\r\n`) counts as one break. */
function physicalLines(b: Uint8Array): Physical[] {
  const out: Physical[] = [];
  let start = 0;
  let line = 1;
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c === LF || c === CR) {
      const end = i;
      let j = i;
      while (j < b.length && b[j] === CR) j++;
      if (j < b.length && b[j] === LF) j++;
      else if (c === LF) j = i + 1;
      out.push({ start, end, line });
      line++;
      start = i = j;
    } else i++;
  }
  if (start < b.length) out.push({ start, end: b.length, line });
  return out;
}

function indexOfColon(b: Uint8Array, start: number, end: number): number {
  let quoted = false;
  for (let i = start; i < end; i++) {
    if (b[i] === QUOTE) quoted = !quoted;
    else if (b[i] === COLON && !quoted) return i;
  }
  // A quote opened and never closed: fall back to the first colon.
  for (let i = start; i < end; i++) if (b[i] === COLON) return i;
  return -1;
}

function ascii(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const isQp = (head: string) => /QUOTED-PRINTABLE/i.test(head);
const isB64 = (head: string) => /ENCODING=(B|BASE64)\b|;BASE64\b/i.test(head);

/** RFC 6868: ^n newline, ^' double quote, ^^ caret. */
function caretDecode(s: string): string {
  return s.replace(/\^(n|'|\^)/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));
}

/** `TYPE=work,voice;PREF=1;"quoted;value"` → params (bare 2.1 parameters get the name TYPE or ENCODING). */
export function parseParams(s: string): VcardParam[] {
  const out: VcardParam[] = [];
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const part of parts) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      const bare = part.trim().toUpperCase();
      const name = ['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT'].includes(bare) ? 'ENCODING' : 'TYPE';
      out.push({ name, values: [part.trim()] });
      continue;
    }
    const name = part.slice(0, eq).trim().toUpperCase();
    const raw = part.slice(eq + 1);
    const values: string[] = [];
    let v = '';
    let q = false;
    for (const ch of raw) {
      if (ch === '"') {
        q = !q;
        continue;
      }
      if (ch === ',' && !q && name !== 'LABEL' && name !== 'SORT-AS') {
        values.push(v);
        v = '';
      } else v += ch;
    }
    values.push(v);
    out.push({ name, values: values.map((x) => caretDecode(x.trim())).filter((x) => x !== '') });
  }
  return out;
}

/**
 * Logical lines of a vCard file: folded lines joined (a line starting with a
 * space or tab continues the previous one), quoted-printable soft breaks
 * joined, `#` comment lines and blank lines skipped, and a line without a colon
 * right after a property taken as its continuation (Android tolerates it).
 */
export function vcardLines(bytes: Uint8Array): VcardLine[] {
  const lines = physicalLines(bytes);
  const out: VcardLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    i++;
    if (first.end === first.start) continue;
    const c0 = bytes[first.start];
    if (c0 === 0x23 /* # */) continue;
    const parts: Uint8Array[] = [bytes.subarray(first.start, first.end)];
    let head = ascii(bytes, first.start, Math.min(first.end, first.start + 200));
    const colonInFirst = indexOfColon(bytes, first.start, first.end);
    if (colonInFirst >= 0) head = ascii(bytes, first.start, colonInFirst);
    const qp = isQp(head);
    const b64 = isB64(head);
    for (;;) {
      const next = lines[i];
      if (!next) break;
      const n0 = bytes[next.start];
      const last = parts[parts.length - 1]!;
      if (qp && last.length > 0 && last[last.length - 1] === 0x3d /* = */) {
        parts[parts.length - 1] = last.subarray(0, last.length - 1);
        parts.push(bytes.subarray(next.start, next.end));
        i++;
        continue;
      }
      if (next.end > next.start && (n0 === SP || n0 === TAB)) {
        parts.push(bytes.subarray(next.start + 1, next.end));
        i++;
        continue;
      }
      if (b64 && next.end > next.start && /^[A-Za-z0-9+/=]+$/.test(ascii(bytes, next.start, next.end))) {
        parts.push(bytes.subarray(next.start, next.end));
        i++;
        continue;
      }
      if (colonInFirst >= 0 && next.end > next.start && n0 !== 0x23 && indexOfColon(bytes, next.start, next.end) < 0 && !/^([A-Za-z0-9-]+\.)?[A-Za-z][A-Za-z0-9-]*(;.*)?$/.test(ascii(bytes, next.start, next.end))) {
        parts.push(bytes.subarray(next.start, next.end));
        i++;
        continue;
      }
      break;
    }
    const whole = concat(parts);
    const colon = indexOfColon(whole, 0, whole.length);
    const nameAndParams = ascii(whole, 0, colon < 0 ? whole.length : colon).trim();
    const semi = nameAndParams.indexOf(';');
    const fullName = semi < 0 ? nameAndParams : nameAndParams.slice(0, semi);
    const dot = fullName.lastIndexOf('.');
    out.push({
      line: first.line,
      group: dot > 0 ? fullName.slice(0, dot).toLowerCase() : undefined,
      name: (dot > 0 ? fullName.slice(dot + 1) : fullName).toUpperCase(),
      params: semi < 0 ? [] : parseParams(nameAndParams.slice(semi + 1)),
      value: colon < 0 ? new Uint8Array(0) : whole.subarray(colon + 1),
    });
  }
  return out;
}

