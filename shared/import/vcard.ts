/**
 * vCard 2.1, 3.0 and 4.0 (Apple, Google, Android, Outlook, Thunderbird,
 * Nextcloud…) to contacts. Each BEGIN:VCARD starts a card, nested cards
 * included; a card that is not closed, or has nothing to name it by, is
 * reported with its number and line while the other cards still import.
 */
import type { Address, LabeledValue, Organization, School } from '../document/schema.js';
import { decodeCharset, decodeGuess, decodeText, isUtf8, utf8 } from './decode.js';
import { appendNote, isSystemGroup, oneLine } from './mapping.js';
import { IssueLog, emptyParsedContact, type ParsedContact, type ParsedFile } from './types.js';
import { vcardLines, type VcardLine } from './vcardLines.js';

/** Photos bigger than this (decoded) are not kept: the document stores thumbnails only. */
export const MAX_PHOTO_BYTES = 100 * 1024;

const TYPE_NOISE = new Set(['internet', 'pref', 'voice', 'x400', 'msg', 'x-internet', 'encoding', 'charset']);
const KNOWN_TYPES = new Set(['work', 'home', 'cell', 'fax', 'pager', 'text', 'video', 'other', 'main', 'iphone', 'mobile', 'textphone', 'car', 'isdn', 'bbs', 'modem', 'pcs', 'dom', 'intl', 'postal', 'parcel']);

function param(line: VcardLine, name: string): string[] {
  return line.params.filter((p) => p.name === name).flatMap((p) => p.values);
}

/** Decodes a value's bytes: quoted-printable, then the declared charset (or UTF-8, or a guess). */
function decodeValue(line: VcardLine, log: IssueLog, card: number): string {
  let bytes = line.value;
  const encoding = param(line, 'ENCODING')[0]?.toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE') bytes = quotedPrintable(bytes);
  const charset = param(line, 'CHARSET')[0];
  if (charset && !/^utf-?8$/i.test(charset)) {
    const text = decodeCharset(bytes, charset);
    if (text !== null) return text;
    log.warn('unknownCharset', { property: line.name.slice(0, 100), charset: charset.slice(0, 100) }, { card, line: line.line });
  }
  return isUtf8(bytes) ? new TextDecoder('utf-8').decode(bytes) : decodeGuess(bytes);
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function quotedPrintable(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  let o = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x3d && hex(b[i + 1] ?? 0) >= 0 && hex(b[i + 2] ?? 0) >= 0) {
      out[o++] = hex(b[i + 1]!) * 16 + hex(b[i + 2]!);
      i += 2;
    } else if (b[i] === 0x3d && i === b.length - 1) {
      continue;
    } else out[o++] = b[i]!;
  }
  return out.subarray(0, o);
}

/** Text unescaping: `\n` `\,` `\;` `\\`, and the over-escaped `\:` `\"` some exporters write. */
export function unescapeText(s: string): string {
  return s.replace(/\\(.)/gs, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value (N, ADR, ORG) on unescaped `;`, then unescapes each part. */
export function splitStructured(s: string, sep = ';'): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length) {
      cur += ch + s[i + 1];
      i++;
    } else if (ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => unescapeText(p).trim());
}

function appleLabel(raw: string): string {
  const m = /^_\$!<(.*)>!\$_$/.exec(raw.trim());
  return m ? m[1]!.toLowerCase() : raw.trim();
}

function labelOf(line: VcardLine, groupLabels: Map<string, string>): string | undefined {
  if (line.group && groupLabels.has(line.group)) return groupLabels.get(line.group);
  const types = param(line, 'TYPE')
    .flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter((t) => t && !TYPE_NOISE.has(t.toLowerCase()));
  if (types.length === 0) return undefined;
  return types.map((t) => (KNOWN_TYPES.has(t.toLowerCase()) ? t.toLowerCase() : t)).join(' ');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64Length(b64: string): number {
  return Math.floor((b64.replace(/=+$/, '').length * 3) / 4);
}

function photoOf(line: VcardLine, log: IssueLog, card: number): string | undefined {
  const encoding = param(line, 'ENCODING')[0]?.toUpperCase();
  const raw = new TextDecoder('latin1').decode(line.value).trim();
  let mime = 'image/jpeg';
  let data: string;
  if (raw.startsWith('data:')) {
    const m = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(raw);
    if (!m || !m[2]) return undefined;
    mime = m[1] || mime;
    data = m[3]!.replace(/\s+/g, '');
  } else if (encoding === 'B' || encoding === 'BASE64') {
    const t = (param(line, 'TYPE')[0] ?? param(line, 'MEDIATYPE')[0] ?? 'jpeg').toLowerCase();
    mime = t.includes('/') ? t : `image/${t === 'jpg' ? 'jpeg' : t}`;
    data = raw.replace(/\s+/g, '');
  } else return undefined;
  // Some writers leave one stray character at the end; decoders ignore it.
  if (data.length % 4 === 1) data = data.slice(0, -1);
  if (!BASE64.test(data)) {
    log.warn('photoNotBase64', { property: line.name.slice(0, 100) }, { card, line: line.line });
    return undefined;
  }
  if (base64Length(data) > MAX_PHOTO_BYTES) {
    log.warn('photoTooBig', { property: line.name.slice(0, 100), size: Math.round(base64Length(data) / 1024), max: MAX_PHOTO_BYTES / 1024 }, { card, line: line.line });
    return undefined;
  }
  if (!/^image\/[a-z0-9.+-]+$/.test(mime)) mime = 'image/jpeg';
  return `data:${mime};base64,${data.replace(/=+$/, '').padEnd(Math.ceil(data.replace(/=+$/, '').length / 4) * 4, '=')}`;
}

/** `19960415` → `1996-04-15`, `--0203` → `--02-03`, a timestamp → its date; free text kept as written. */
function birthdayOf(v: string): string {
  const s = v.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^--(\d{2})-?(\d{2})$/.exec(s);
  if (m) return `--${m[1]}-${m[2]}`;
  return s.slice(0, 50);
}

function emailOf(v: string): string {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(v);
  return (m ? m[1]! : v).trim().replace(/^mailto:/i, '');
}

type CardBuild = { line: number; card: number; props: VcardLine[] };

/** The contact one card describes, or null (after a warning) when nothing names it. */
function cardToContact(cb: CardBuild, file: string, log: IssueLog): ParsedContact | null {
  const c = emptyParsedContact(`card ${cb.card}`);
  const where = { card: cb.card, line: cb.line };
  const text = (l: VcardLine) => decodeValue(l, log, cb.card);
  const groupLabels = new Map<string, string>();
  for (const l of cb.props) {
    if (l.group && l.name === 'X-ABLABEL') groupLabels.set(l.group, appleLabel(unescapeText(text(l))));
  }
  const src = file;
  let fn = '';
  let nParts: string[] = [];
  let nickname = '';
  const orgs: { group?: string; org: Organization }[] = [];
  const titles: { group?: string; title: string }[] = [];
  for (const l of cb.props) {
    const labelled = (value: string): LabeledValue => {
      const label = labelOf(l, groupLabels);
      return label ? { value, label, source: src } : { value, source: src };
    };
    switch (l.name) {
      case 'FN':
        if (!fn) fn = unescapeText(text(l)).trim();
        break;
      case 'N':
        if (nParts.length === 0) nParts = splitStructured(text(l));
        break;
      case 'NICKNAME':
        if (!nickname) nickname = splitStructured(text(l), ',')[0] ?? '';
        break;
      case 'EMAIL': {
        const v = emailOf(unescapeText(text(l)));
        if (v) c.emails.push(labelled(v));
        break;
      }
      case 'TEL': {
        const v = unescapeText(text(l)).trim().replace(/^tel:/i, '');
        if (v) c.phones.push(labelled(v));
        break;
      }
      case 'URL': {
        const v = unescapeText(text(l)).trim();
        if (v) c.urls.push(labelled(v));
        break;
      }
      case 'X-SOCIALPROFILE': {
        const v = unescapeText(text(l)).trim();
        if (!v) break;
        if (/linkedin/i.test(v) || param(l, 'TYPE').some((t) => /linkedin/i.test(t))) c.profileUrl ??= v;
        else c.urls.push(labelled(v));
        break;
      }
      case 'X-CARNET-PROFILE-URL':
        c.profileUrl = unescapeText(text(l)).trim() || c.profileUrl;
        break;
      case 'ORG': {
        const [name, ...units] = splitStructured(text(l));
        if (!name) break;
        const o: Organization = { name, current: true, source: src };
        const dept = units.filter(Boolean).join(', ');
        if (dept) o.department = dept;
        const current = param(l, 'X-CARNET-CURRENT')[0];
        if (current === 'false') o.current = false;
        const start = param(l, 'X-CARNET-START')[0];
        const end = param(l, 'X-CARNET-END')[0];
        const sector = param(l, 'X-CARNET-SECTOR')[0];
        if (start && /^\d{4}-\d{2}-\d{2}/.test(start)) o.start = start;
        if (end && /^\d{4}-\d{2}-\d{2}/.test(end)) o.end = end;
        if (sector) o.sector = sector;
        orgs.push({ group: l.group, org: o });
        break;
      }
      case 'TITLE': {
        const t = unescapeText(text(l)).trim();
        if (t) titles.push({ group: l.group, title: t });
        break;
      }
      case 'ADR': {
        const [pobox = '', ext = '', street = '', city = '', region = '', postalCode = '', country = ''] = splitStructured(text(l));
        const a: Address = { source: src };
        const st = [pobox, ext, street].filter(Boolean).join('\n');
        if (st) a.street = st;
        if (city) a.city = city;
        if (region) a.region = region;
        if (postalCode) a.postalCode = postalCode;
        if (country) a.country = country;
        const label = labelOf(l, groupLabels);
        if (label) a.label = label;
        if (st || city || region || postalCode || country) c.addresses.push(a);
        break;
      }
      case 'BDAY':
        if (!c.birthday) {
          const v = unescapeText(text(l)).trim();
          if (v) c.birthday = birthdayOf(v);
        }
        break;
      case 'NOTE': {
        const v = unescapeText(text(l)).trim();
        if (v) c.notes = appendNote(c.notes, v);
        break;
      }
      case 'CATEGORIES':
        for (const cat of splitStructured(text(l), ',')) if (cat && !isSystemGroup(cat) && !c.categories.includes(cat)) c.categories.push(cat);
        break;
      case 'X-CARNET-TAGS':
        for (const t of splitStructured(text(l), ',')) if (t && !c.tags.includes(t)) c.tags.push(t);
        break;
      case 'X-CARNET-CITY':
        c.city = unescapeText(text(l)).trim() || undefined;
        break;
      case 'X-CARNET-STRENGTH': {
        const n = Number(text(l));
        if (Number.isInteger(n) && n >= 1 && n <= 5) c.strength = n;
        break;
      }
      case 'X-CARNET-CADENCE-DAYS': {
        const n = Number(text(l));
        if (Number.isInteger(n) && n >= 1 && n <= 3650) c.cadenceDays = n;
        break;
      }
      case 'X-CARNET-CONNECTED-ON': {
        const v = text(l).trim();
        if (/^\d{4}-\d{2}-\d{2}/.test(v)) c.connectedOn = v;
        break;
      }
      case 'X-CARNET-ARCHIVED':
        if (/^true$/i.test(text(l).trim())) c.archived = true;
        break;
      case 'X-CARNET-SCHOOL': {
        const name = unescapeText(text(l)).trim();
        if (!name) break;
        const s: School = { name, source: src };
        const degree = param(l, 'X-DEGREE')[0];
        const year = Number(param(l, 'X-YEAR')[0]);
        if (degree) s.degree = degree;
        if (Number.isInteger(year) && year >= 1900 && year <= 2200) s.year = year;
        c.schools.push(s);
        break;
      }
      case 'RELATED':
      case 'X-ABRELATEDNAMES': {
        const v = unescapeText(text(l)).trim();
        if (!v) break;
        const label = labelOf(l, groupLabels);
        c.notes = appendNote(c.notes, `Related${label ? ` (${label})` : ''}: ${v}`);
        break;
      }
      case 'UID': {
        const v = unescapeText(text(l)).trim();
        if (v) c.externalId = v;
        break;
      }
      case 'PHOTO':
        if (!c.photo) c.photo = photoOf(l, log, cb.card);
        break;
    }
  }
  // A TITLE belongs to the ORG of its group, else to the ORG in the same position.
  titles.forEach((t, i) => {
    const target = (t.group && orgs.find((o) => o.group === t.group)) || (!t.group ? orgs.filter((o) => !o.group)[i] : undefined) || orgs[i];
    if (target && !target.org.title) target.org.title = t.title;
    else c.notes = appendNote(c.notes, `Title: ${t.title}`);
  });
  c.organizations = orgs.map((o) => o.org);
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = nParts;
  if (given) c.givenName = given.slice(0, 200);
  if (family) c.familyName = family.slice(0, 200);
  const fromN = [prefix, given, middle, family, suffix].filter(Boolean).join(' ');
  if (!c.profileUrl) c.profileUrl = c.urls.find((u) => /linkedin\.com\/in\//i.test(u.value))?.value;
  if (!c.profileUrl) delete c.profileUrl;
  const name = fn || fromN || nickname || c.organizations[0]?.name || c.emails[0]?.value || c.phones[0]?.value;
  if (!name) {
    log.warn('cardNoName', {}, where);
    return null;
  }
  c.name = oneLine(name);
  if (nickname && nickname !== name) c.notes = appendNote(c.notes, `Nickname: ${nickname}`);
  return c;
}

/** UTF-16 files are turned into UTF-8 bytes first; everything else is read as bytes. */
function asVcardBytes(bytes: Uint8Array): { bytes: Uint8Array; encoding: string } {
  const d = decodeText(bytes);
  if (d.encoding.startsWith('utf-16')) return { bytes: utf8(d.text), encoding: d.encoding };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { bytes: bytes.subarray(3), encoding: 'utf-8' };
  // Otherwise each value is decoded on its own (CHARSET, UTF-8 or a guess): a file has no single encoding.
  return { bytes, encoding: 'per value' };
}

/** Parses a vCard file (any number of cards, any version). */
export function parseVcard(input: Uint8Array, file: string): ParsedFile {
  const log = new IssueLog(file);
  const { bytes, encoding } = asVcardBytes(input);
  const lines = vcardLines(bytes);
  const contacts: ParsedContact[] = [];
  const stack: CardBuild[] = [];
  let cards = 0;
  for (const l of lines) {
    const value = l.name === 'BEGIN' || l.name === 'END' ? new TextDecoder('latin1').decode(l.value).trim().toUpperCase() : '';
    if (l.name === 'BEGIN' && value === 'VCARD') {
      stack.push({ line: l.line, card: ++cards, props: [] });
    } else if (l.name === 'END' && value === 'VCARD') {
      const cb = stack.pop();
      if (!cb) {
        log.warn('endWithoutBegin', {}, { line: l.line });
        continue;
      }
      const c = cardToContact(cb, file, log);
      if (c) contacts.push(c);
    } else if (stack.length > 0) {
      stack[stack.length - 1]!.props.push(l);
    } else if (/^BEGIN$/i.test(l.name)) {
      log.warn('beginNotVcard', { value: value.slice(0, 100) }, { line: l.line });
    }
  }
  for (const cb of stack) {
    log.error('cardNotClosed', {}, { card: cb.card, line: cb.line });
  }
  if (cards === 0) log.error('noVcard');
  return { file, format: 'vcard', contacts, interactions: [], ties: [], skipped: cards - contacts.length, ...log.finish(), encoding };
}

