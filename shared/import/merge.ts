/**
 * Merging an imported record into a contact without losing anything: the
 * contact keeps every e-mail, phone, organization, address and source it
 * had and gains the new ones (each value remembers the file it came from);
 * a differing single value (birthday, name…) is reported as a conflict and
 * kept in the notes. Merges work on a draft the import owns, in place, so
 * that a file repeating one person 10,000 times costs 10,000 small merges,
 * not 10,000 copies of a growing contact.
 */
import type { Contact, ContactSource, LabeledValue } from '../document/schema.js';
import { appendNote } from './mapping.js';
import { normalizeEmail, normalizeName, normalizeOrg, normalizePhone, normalizeProfileUrl } from './normalize.js';
import type { ParsedContact } from './types.js';

export type MatchKind = 'id' | 'email' | 'profileUrl' | 'phone' | 'name+organization' | 'choice';

export type Conflict = { ref: string; contactId: string; contactName: string; field: string; existing: string; incoming: string };

/** The notes field's limit in the schema: merged notes are cut there rather than refused. */
const MAX_NOTES = 100_000;

function unionValues(into: LabeledValue[], incoming: readonly LabeledValue[], key: (v: string) => string): void {
  if (incoming.length === 0) return;
  // Most records carry one value or none: no set to build for them.
  if (into.length === 0 && incoming.length === 1) {
    into.push(incoming[0]!);
    return;
  }
  const seen = new Set(into.map((v) => key(v.value)));
  for (const v of incoming) {
    const k = key(v.value);
    if (seen.has(k)) continue;
    seen.add(k);
    into.push(v);
  }
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const phoneKeyOf = (v: string) => normalizePhone(v) || v.trim();

function addNote(c: Contact, text: string): void {
  if ((c.notes ?? '').includes(text)) return;
  const next = appendNote(c.notes, text);
  c.notes = next.length > MAX_NOTES ? next.slice(0, MAX_NOTES) : next;
}

/**
 * Merges an imported record into `draft`, in place. `categories` are ids already resolved from the
 * record's category names. A conflict already reported for this contact is not reported again.
 */
export function mergeInto(
  draft: Contact,
  p: ParsedContact,
  categories: readonly string[],
  source: ContactSource,
  now: string,
  reported: Set<string>,
): Conflict[] {
  const conflicts: Conflict[] = [];
  const c = draft;
  const conflict = (field: string, before: string, after: string, keepInNotes = true) => {
    const key = `${c.id}|${field}|${after}`;
    if (reported.has(key)) return;
    reported.add(key);
    conflicts.push({ ref: p.ref, contactId: c.id, contactName: c.name, field, existing: before, incoming: after });
    if (keepInNotes) addNote(c, `${source.file}: ${field} ${after}`);
  };
  unionValues(c.emails, p.emails, normalizeEmail);
  unionValues(c.phones, p.phones, phoneKeyOf);
  unionValues(c.urls, p.urls, normalizeProfileUrl);
  for (const o of p.organizations) {
    const same = c.organizations.find((x) => normalizeOrg(x.name) === normalizeOrg(o.name) && (!x.title || !o.title || sameText(x.title, o.title)));
    if (same) {
      if (!same.title && o.title) same.title = o.title;
      if (!same.department && o.department) same.department = o.department;
      if (!same.sector && o.sector) same.sector = o.sector;
      if (!same.start && o.start) same.start = o.start;
      if (!same.end && o.end) same.end = o.end;
    } else c.organizations.push({ ...o });
  }
  for (const s of p.schools) if (!c.schools.some((x) => sameText(x.name, s.name))) c.schools.push({ ...s });
  const addrKey = (a: { street?: string; city?: string; postalCode?: string; country?: string }) =>
    [a.street, a.city, a.postalCode, a.country].map((x) => (x ?? '').toLowerCase().replace(/\s+/g, ' ').trim()).join('|');
  if (p.addresses.length > 0) {
    const known = new Set(c.addresses.map(addrKey));
    for (const a of p.addresses) {
      const k = addrKey(a);
      if (known.has(k)) continue;
      known.add(k);
      c.addresses.push({ ...a });
    }
  }
  for (const t of p.tags) if (!c.tags.includes(t)) c.tags.push(t);
  for (const id of categories) if (!c.categories.includes(id)) c.categories.push(id);
  if (p.notes) addNote(c, p.notes);

  if (normalizeName(p.name) !== normalizeName(c.name)) conflict('name', c.name, p.name);
  for (const f of ['givenName', 'familyName', 'profileUrl', 'city', 'birthday'] as const) {
    const incoming = p[f];
    if (!incoming) continue;
    const current = c[f];
    if (!current) c[f] = incoming;
    else if (f === 'profileUrl' ? normalizeProfileUrl(current) !== normalizeProfileUrl(incoming) : !sameText(current, incoming)) {
      conflict(f, current, incoming, f !== 'givenName' && f !== 'familyName');
    }
  }
  // The first known contact is the earliest connection date any source gives.
  if (p.connectedOn && (!c.connectedOn || p.connectedOn.slice(0, 10) < c.connectedOn.slice(0, 10))) c.connectedOn = p.connectedOn;
  for (const f of ['strength', 'cadenceDays'] as const) {
    const incoming = p[f];
    if (incoming === undefined) continue;
    if (c[f] === undefined) c[f] = incoming;
    else if (c[f] !== incoming) conflict(f, String(c[f]), String(incoming), false);
  }
  if (p.photo && !c.photo) c.photo = p.photo;
  if (p.archived && c.archived === undefined) c.archived = true;
  // One source per file: 10,000 copies of a row in one file are one source, at its first line; the same
  // file imported again (next month's export) moves its source to the end, dated, rather than adding one
  // more at every import.
  const at = c.sources.findIndex((s) => s.file === source.file && s.format === source.format);
  if (at < 0) c.sources.push(source);
  else if (c.sources[at]!.importedAt !== source.importedAt) {
    c.sources.splice(at, 1);
    c.sources.push(source);
  }
  c.updatedAt = now;
  return conflicts;
}

/** A new contact from an imported record. */
export function newContact(id: string, p: ParsedContact, categories: readonly string[], source: ContactSource, now: string): Contact {
  const c: Contact = {
    id,
    name: p.name,
    emails: [],
    phones: [],
    urls: [],
    organizations: p.organizations.map((o) => ({ ...o })),
    schools: p.schools.map((s) => ({ ...s })),
    addresses: p.addresses.map((a) => ({ ...a })),
    tags: [...new Set(p.tags)],
    categories: [...categories],
    sources: [source],
    createdAt: now,
    updatedAt: now,
  };
  unionValues(c.emails, p.emails, normalizeEmail);
  unionValues(c.phones, p.phones, phoneKeyOf);
  unionValues(c.urls, p.urls, (v) => v.trim());
  const optional = ['givenName', 'familyName', 'profileUrl', 'city', 'notes', 'birthday', 'photo', 'strength', 'cadenceDays', 'connectedOn', 'archived'] as const;
  for (const f of optional) if (p[f] !== undefined && p[f] !== '') (c as Record<string, unknown>)[f] = p[f];
  return c;
}

/** A contact of the document as an imported record, so that merging two contacts uses the same rules as an import. */
export function asRecord(c: Contact, ref: string): ParsedContact {
  const { id, createdAt, updatedAt, sources, categories, ...rest } = structuredClone(c);
  void id;
  void createdAt;
  void updatedAt;
  void sources;
  void categories;
  // Categories travel as ids, beside the record (mergeInto's `categories`), not as names.
  return { ref, ...rest, categories: [] };
}
