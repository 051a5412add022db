/**
 * vCard 4.0 export. Standard properties carry what other apps understand;
 * `X-CARNET-*` properties and parameters carry the rest (organization dates,
 * schools, tags, strength…) so that re-importing gives back the same contacts.
 */
import type { CarnetDocument, Contact, LabeledValue } from '../document/schema.js';
import { idValues } from '../document/idMap.js';

const STANDARD_TYPES = new Set(['work', 'home', 'cell', 'fax', 'pager', 'text', 'video', 'other', 'main', 'iphone', 'mobile', 'textphone', 'car', 'isdn']);

/** Text value escaping (RFC 6350 §3.4). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value, quoted when needed, with RFC 6868 caret encoding. */
function paramValue(s: string): string {
  const v = s.replace(/\^/g, '^^').replace(/\r\n|\r|\n/g, '^n').replace(/"/g, "^'");
  return /[;:,\s]/.test(v) ? `"${v}"` : v;
}

/** Folds a line at 75 octets without cutting a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = ch.codePointAt(0)! < 0x80 ? 1 : ch.codePointAt(0)! < 0x800 ? 2 : ch.codePointAt(0)! < 0x10000 ? 3 : 4;
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

function contactLines(c: Contact, doc: CarnetDocument): string[] {
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0', `UID:${escapeText(c.id)}`, `FN:${escapeText(c.name)}`];
  lines.push(`N:${escapeText(c.familyName ?? '')};${escapeText(c.givenName ?? '')};;;`);
  let group = 0;
  const labelled = (prop: string, v: LabeledValue, value: string) => {
    const label = v.label;
    if (!label) return lines.push(`${prop}:${value}`);
    const tokens = label.split(' ');
    if (tokens.every((t) => STANDARD_TYPES.has(t))) return lines.push(`${prop};TYPE=${tokens.join(',')}:${value}`);
    const g = `item${++group}`;
    lines.push(`${g}.${prop}:${value}`, `${g}.X-ABLabel:${escapeText(label)}`);
  };
  for (const e of c.emails) labelled('EMAIL', e, escapeText(e.value));
  for (const p of c.phones) labelled('TEL', p, escapeText(p.value));
  for (const u of c.urls) labelled('URL', u, escapeText(u.value));
  if (c.profileUrl) lines.push(`X-CARNET-PROFILE-URL:${escapeText(c.profileUrl)}`);
  c.organizations.forEach((o, i) => {
    const g = `org${i + 1}`;
    const params = [
      o.current === false ? ';X-CARNET-CURRENT=false' : '',
      o.start ? `;X-CARNET-START=${o.start}` : '',
      o.end ? `;X-CARNET-END=${o.end}` : '',
      o.sector ? `;X-CARNET-SECTOR=${paramValue(o.sector)}` : '',
    ].join('');
    lines.push(`${g}.ORG${params}:${escapeText(o.name)}${o.department ? `;${escapeText(o.department)}` : ''}`);
    if (o.title) lines.push(`${g}.TITLE:${escapeText(o.title)}`);
  });
  for (const s of c.schools) {
    const params = (s.degree ? `;X-DEGREE=${paramValue(s.degree)}` : '') + (s.year ? `;X-YEAR=${s.year}` : '');
    lines.push(`X-CARNET-SCHOOL${params}:${escapeText(s.name)}`);
  }
  for (const a of c.addresses) {
    const value = ['', '', a.street ?? '', a.city ?? '', a.region ?? '', a.postalCode ?? '', a.country ?? ''].map(escapeText).join(';');
    labelled('ADR', { value: 'x', label: a.label }, value);
  }
  if (c.city) lines.push(`X-CARNET-CITY:${escapeText(c.city)}`);
  const categories = c.categories.map((id) => doc.categories[id]?.name ?? id);
  if (categories.length) lines.push(`CATEGORIES:${categories.map(escapeText).join(',')}`);
  if (c.tags.length) lines.push(`X-CARNET-TAGS:${c.tags.map(escapeText).join(',')}`);
  if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
  if (c.birthday) lines.push(birthdayLine(c.birthday));
  if (c.photo) lines.push(`PHOTO:${c.photo}`);
  if (c.strength !== undefined) lines.push(`X-CARNET-STRENGTH:${c.strength}`);
  if (c.cadenceDays !== undefined) lines.push(`X-CARNET-CADENCE-DAYS:${c.cadenceDays}`);
  if (c.connectedOn) lines.push(`X-CARNET-CONNECTED-ON:${c.connectedOn}`);
  if (c.archived) lines.push('X-CARNET-ARCHIVED:true');
  lines.push('END:VCARD');
  return lines;
}

/** `1990-05-01` → `BDAY:19900501`, `--05-01` → `BDAY:--0501`, anything else as text. */
function birthdayLine(b: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(b)) return `BDAY:${b.replace(/-/g, '')}`;
  if (/^--\d{2}-\d{2}$/.test(b)) return `BDAY:--${b.slice(2).replace('-', '')}`;
  return `BDAY;VALUE=text:${escapeText(b)}`;
}

/** All contacts as one vCard 4.0 file (CRLF, folded lines). */
export function exportVcard(doc: CarnetDocument): string {
  return idValues(doc.contacts)
    .flatMap((c) => contactLines(c, doc))
    .map(fold)
    .join('\r\n')
    .concat('\r\n');
}
