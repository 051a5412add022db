/**
 * A column mapping says what each CSV column holds. Every CSV format
 * (LinkedIn, Google, Outlook, Thunderbird, Carnet, any other) is read through
 * one: the format files only know how to guess it from a header, and a UI can
 * show it, let the user change it, and parse again with the changed mapping.
 */
import type { Address, LabeledValue, Organization, School } from '../document/schema.js';
import { Address as AddressSchema, Organization as OrganizationSchema, School as SchoolSchema } from '../document/schema.js';
import { parseDate } from './dates.js';
import { emptyParsedContact, type IssueLog, type ParsedContact } from './types.js';

export const SCALAR_FIELDS = [
  'id', 'name', 'givenName', 'familyName', 'middleName', 'prefix', 'suffix', 'nickname', 'notes', 'birthday',
  'birthYear', 'birthMonth', 'birthDay', 'connectedOn', 'profileUrl', 'categories', 'tags', 'city', 'strength',
  'cadenceDays', 'archived', 'photo', 'emailList', 'phoneList', 'urlList', 'categoryList', 'tagList',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
export type AddressPart = 'street' | 'street2' | 'city' | 'region' | 'postalCode' | 'country' | 'formatted';

/** What one column holds. `group` ties together columns of one value (Google's `E-mail 2 - Type` and `E-mail 2 - Value`). */
export type ColumnTarget =
  | { field: ScalarField }
  | { field: 'email' | 'phone' | 'url'; label?: string; group?: string }
  | { field: 'label'; of: 'email' | 'phone' | 'url' | 'address' | 'relation'; group: string }
  | { field: 'address'; part: AddressPart; label?: string; group?: string }
  | { field: 'organization' | 'title' | 'department'; group?: string }
  | { field: 'relation'; group?: string }
  | { field: 'json'; of: 'organizations' | 'schools' | 'addresses' };

export type CsvMapping = {
  /** Index (in the parsed rows) of the header row, or null when the file has none. */
  headerRow: number | null;
  columns: (ColumnTarget | null)[];
  /** Numeric dates read day first (31/12) unless the format writes month first. */
  dayFirst: boolean;
};

/** `E-mail 1 - Value` → `e mail 1 value`: lower case, no accents, punctuation as single spaces. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Splits on separators and trims the parts. Never split on a regex with optional spaces around the
 * separator: on a run of spaces without one it backtracks from every position, and a 1 MB cell of
 * spaces takes minutes.
 */
function splitTrim(value: string, separators: RegExp): string[] {
  return value
    .split(separators)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Values written in one cell and separated by ` ::: ` (Google) or newlines. */
export function splitMulti(value: string): string[] {
  return splitTrim(value, /:::|\r?\n/);
}

const GOOGLE_SYSTEM_GROUPS = /^\*?\s*(my ?contacts|starred)$/i;

/** Google's and Android's built-in groups (`* myContacts`), which are not categories. */
export function isSystemGroup(name: string): boolean {
  return GOOGLE_SYSTEM_GROUPS.test(name.trim());
}

/** Carnet's own lists: ` ::: ` only, so names may hold commas. */
function splitList(value: string): string[] {
  return splitTrim(value, /:::/);
}

function categoryNames(value: string): string[] {
  return splitTrim(value, /:::|[;,|]/)
    .filter((v) => !GOOGLE_SYSTEM_GROUPS.test(v))
    .map((v) => v.replace(/^\*\s*/, ''))
    .filter(Boolean);
}

/** Google writes types as `* Home`; vCard-ish files use `WORK`. */
export function cleanLabel(label: string): string {
  return label.replace(/^\*\s*/, '').trim().toLowerCase();
}

/** `label: value` items separated by ` ::: `, as Carnet's own CSV writes lists. */
export function parseLabeledList(cell: string, source: string): LabeledValue[] {
  return splitTrim(cell, /:::/).map((item) => {
    const i = item.indexOf(': ');
    return i > 0 && !item.slice(0, i).includes(':') ? { value: item.slice(i + 2).trim(), label: item.slice(0, i).trim(), source } : { value: item, source };
  });
}

type Grouped = Map<string, { value?: string; label?: string; parts: Partial<Record<AddressPart, string>>; title?: string; department?: string }>;

function slot(groups: Grouped, key: string) {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { parts: {} }));
  return g;
}

function parseJsonList<T>(cell: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }, what: string, log: IssueLog, line: number): T[] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(cell);
  } catch {
    log.warn('jsonInvalid', { column: what }, { line });
    return null;
  }
  if (!Array.isArray(raw)) {
    log.warn('jsonNotList', { column: what }, { line });
    return null;
  }
  const out: T[] = [];
  for (const item of raw) {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data as T);
    else log.warn('jsonEntryInvalid', { column: what }, { line });
  }
  return out;
}

/**
 * Builds a contact from one row. Returns null (after a warning) when the row
 * has nothing to name the contact by.
 */
export function rowToContact(cells: readonly string[], line: number, mapping: CsvMapping, file: string, log: IssueLog): ParsedContact | null {
  const c = emptyParsedContact(`line ${line}`);
  const scalars: Partial<Record<ScalarField, string>> = {};
  const groups: Grouped = new Map();
  const json: Partial<Record<'organizations' | 'schools' | 'addresses', string>> = {};
  const relations: { value: string; label?: string }[] = [];
  mapping.columns.forEach((target, i) => {
    const raw = cells[i];
    if (!target || raw === undefined) return;
    const value = raw.trim();
    if (!value && target.field !== 'label') return;
    switch (target.field) {
      case 'email':
      case 'phone':
      case 'url': {
        const key = `${target.field}:${target.group ?? `col${i}`}`;
        const g = slot(groups, key);
        g.value = value;
        if (target.label && !g.label) g.label = target.label;
        break;
      }
      case 'label':
        if (value) slot(groups, `${target.of}:${target.group}`).label = cleanLabel(value);
        break;
      case 'address': {
        const g = slot(groups, `address:${target.group ?? target.label ?? ''}`);
        g.parts[target.part] = g.parts[target.part] ? `${g.parts[target.part]}\n${value}` : value;
        if (target.label && !g.label) g.label = target.label;
        break;
      }
      case 'organization':
        slot(groups, `org:${target.group ?? ''}`).value = value;
        break;
      case 'title':
        slot(groups, `org:${target.group ?? ''}`).title = value;
        break;
      case 'department':
        slot(groups, `org:${target.group ?? ''}`).department = value;
        break;
      case 'relation':
        slot(groups, `relation:${target.group ?? `col${i}`}`).value = value;
        break;
      case 'json':
        json[target.of] = value;
        break;
      default:
        scalars[target.field] = scalars[target.field] ? `${scalars[target.field]} ${value}` : value;
    }
  });

  const src = file;
  for (const [key, g] of groups) {
    const kind = key.slice(0, key.indexOf(':'));
    if (kind === 'email' || kind === 'phone' || kind === 'url') {
      if (!g.value) continue;
      const list = kind === 'email' ? c.emails : kind === 'phone' ? c.phones : c.urls;
      for (const v of splitMulti(g.value)) list.push(g.label ? { value: v, label: g.label, source: src } : { value: v, source: src });
    } else if (kind === 'address') {
      const p = g.parts;
      const street = [p.street, p.street2].filter(Boolean).join('\n') || (p.city || p.postalCode || p.country ? undefined : p.formatted);
      const a: Address = { source: src };
      if (street) a.street = street;
      if (p.city) a.city = p.city;
      if (p.region) a.region = p.region;
      if (p.postalCode) a.postalCode = p.postalCode;
      if (p.country) a.country = p.country;
      if (g.label) a.label = g.label;
      if (a.street || a.city || a.region || a.postalCode || a.country) c.addresses.push(a);
    } else if (kind === 'org') {
      if (g.value) {
        const o: Organization = { name: g.value, current: true, source: src };
        if (g.title) o.title = g.title;
        if (g.department) o.department = g.department;
        c.organizations.push(o);
      } else if (g.title) {
        c.notes = appendNote(c.notes, `Title: ${g.title}`);
      }
    } else if (kind === 'relation' && g.value) {
      relations.push({ value: g.value, label: g.label });
    }
  }

  // Carnet's CSV repeats the first organization in readable columns; its JSON column, when present, is the whole truth.
  if (json.organizations) {
    const list = parseJsonList<Organization>(json.organizations, OrganizationSchema, 'Organizations JSON', log, line);
    if (list) c.organizations = list.map((o) => ({ ...o, source: src }));
  }
  if (json.schools) {
    const list = parseJsonList<School>(json.schools, SchoolSchema, 'Schools JSON', log, line);
    if (list) c.schools = list.map((s) => ({ ...s, source: src }));
  }
  if (json.addresses) {
    const list = parseJsonList<Address>(json.addresses, AddressSchema, 'Addresses JSON', log, line);
    if (list) c.addresses = list.map((a) => ({ ...a, source: src }));
  }

  if (scalars.emailList) c.emails.push(...parseLabeledList(scalars.emailList, src));
  if (scalars.phoneList) c.phones.push(...parseLabeledList(scalars.phoneList, src));
  if (scalars.urlList) c.urls.push(...parseLabeledList(scalars.urlList, src));
  if (scalars.id) c.externalId = scalars.id;
  if (scalars.givenName) c.givenName = scalars.givenName;
  if (scalars.familyName) c.familyName = scalars.familyName;
  if (scalars.notes) c.notes = appendNote(c.notes, scalars.notes);
  for (const r of relations) c.notes = appendNote(c.notes, `Related${r.label ? ` (${r.label})` : ''}: ${r.value}`);
  if (scalars.city) c.city = scalars.city;
  if (scalars.photo?.startsWith('data:image/')) c.photo = scalars.photo;
  if (scalars.categories) c.categories = dedupe(categoryNames(scalars.categories));
  if (scalars.tags) c.tags = dedupe(splitTrim(scalars.tags, /:::|[;,|]/));
  if (scalars.categoryList) c.categories = dedupe(splitList(scalars.categoryList));
  if (scalars.tagList) c.tags = dedupe(splitList(scalars.tagList));
  if (scalars.profileUrl) c.profileUrl = scalars.profileUrl;
  if (scalars.archived) c.archived = /^(true|yes|1|oui|x)$/i.test(scalars.archived);
  if (scalars.strength) {
    const n = Number(scalars.strength);
    if (Number.isInteger(n) && n >= 1 && n <= 5) c.strength = n;
    else log.warn('strengthInvalid', { value: scalars.strength.slice(0, 100) }, { line });
  }
  if (scalars.cadenceDays) {
    const n = Number(scalars.cadenceDays);
    if (Number.isInteger(n) && n >= 1 && n <= 3650) c.cadenceDays = n;
    else log.warn('cadenceInvalid', { value: scalars.cadenceDays.slice(0, 100) }, { line });
  }
  if (scalars.connectedOn) {
    const d = parseDate(scalars.connectedOn, mapping.dayFirst);
    if (d) c.connectedOn = d;
    else log.warn('connectedOnInvalid', { value: scalars.connectedOn.slice(0, 100) }, { line });
  }
  const birthday = birthdayOf(scalars, mapping.dayFirst);
  if (birthday) c.birthday = birthday;

  if (!c.profileUrl) {
    const i = c.urls.findIndex((u) => /linkedin\.com\/in\//i.test(u.value));
    if (i >= 0) c.profileUrl = c.urls[i]!.value;
  }

  const person = [scalars.prefix, scalars.givenName, scalars.middleName, scalars.familyName, scalars.suffix].filter(Boolean).join(' ');
  const name = scalars.name || person || scalars.nickname || c.organizations[0]?.name || c.emails[0]?.value || c.phones[0]?.value;
  if (!name) {
    log.warn('rowNoName', {}, { line });
    return null;
  }
  c.name = oneLine(name);
  if (scalars.nickname && scalars.nickname !== name) c.notes = appendNote(c.notes, `Nickname: ${scalars.nickname}`);
  return c;
}

function birthdayOf(s: Partial<Record<ScalarField, string>>, dayFirst: boolean): string | undefined {
  if (s.birthday) {
    if (/^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(s.birthday)) return undefined;
    return parseDate(s.birthday, dayFirst) ?? s.birthday.slice(0, 50);
  }
  const m = Number(s.birthMonth);
  const d = Number(s.birthDay);
  if (!m || !d) return undefined;
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  return s.birthYear ? `${s.birthYear.padStart(4, '0')}-${mm}-${dd}` : `--${mm}-${dd}`;
}

/** A name on one line, runs of spaces made one, within the schema's 500 characters. */
export function oneLine(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 500);
}

export function appendNote(notes: string | undefined, text: string): string {
  return notes ? `${notes}\n${text}` : text;
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/** True when the mapping has something a contact can be named by. */
export function hasNameColumn(mapping: CsvMapping): boolean {
  return mapping.columns.some(
    (t) => t && (['name', 'givenName', 'familyName', 'nickname', 'email', 'organization', 'emailList'] as string[]).includes(t.field),
  );
}
