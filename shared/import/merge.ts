/**
 * Matching imported records to the document's contacts and merging them
 * without losing anything: a matched contact keeps every e-mail, phone,
 * organization, address and source it had, gains the new ones (each value
 * remembers the file it came from), and a differing single value (birthday,
 * name…) is reported as a conflict and kept in the notes.
 */
import type { CarnetDocument, Contact, ContactSource, LabeledValue } from '../document/schema.js';
import { appendNote } from './mapping.js';
import { normalizeEmail, normalizeName, normalizeOrg, normalizePhone, normalizeProfileUrl, withinDistance } from './normalize.js';
import type { ParsedContact, PersonRef } from './types.js';

export type MatchKind = 'id' | 'email' | 'profileUrl' | 'phone' | 'name+organization';

export type Conflict = { ref: string; contactId: string; contactName: string; field: string; existing: string; incoming: string };

/** Where each key points: the document's contacts plus those created or changed by this import. */
export class ContactIndex {
  private readonly byEmail = new Map<string, string>();
  private readonly byPhone = new Map<string, string>();
  private readonly byProfile = new Map<string, string>();
  private readonly byExternal = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();
  /** `org|name` and `org|name with one letter deleted` → contacts: finds names one typo apart without scanning. */
  private readonly byOrgName = new Map<string, string[]>();

  /**
   * `lookup` finds the contacts a file may name by id (the document's own);
   * `current` finds any contact as this import has left it.
   */
  constructor(
    private readonly lookup: (id: string) => Contact | undefined,
    private readonly current: (id: string) => Contact | undefined = lookup,
  ) {}

  add(c: Contact, externalId?: string): void {
    for (const e of c.emails) if (!this.byEmail.has(normalizeEmail(e.value))) this.byEmail.set(normalizeEmail(e.value), c.id);
    for (const p of c.phones) {
      const k = normalizePhone(p.value);
      if (k.length >= 6 && !this.byPhone.has(k)) this.byPhone.set(k, c.id);
    }
    if (c.profileUrl && !this.byProfile.has(normalizeProfileUrl(c.profileUrl))) this.byProfile.set(normalizeProfileUrl(c.profileUrl), c.id);
    if (externalId && !this.byExternal.has(externalId)) this.byExternal.set(externalId, c.id);
    const name = normalizeName(c.name);
    const ids = this.byName.get(name);
    if (!ids) this.byName.set(name, [c.id]);
    else if (!ids.includes(c.id)) ids.push(c.id);
    for (const o of c.organizations) {
      const k = normalizeOrg(o.name);
      if (!k) continue;
      for (const variant of nameVariants(name)) {
        const key = `${k}|${variant}`;
        const list = this.byOrgName.get(key);
        if (!list) this.byOrgName.set(key, [c.id]);
        else if (!list.includes(c.id)) list.push(c.id);
      }
    }
  }

  /** The contact an imported record is, and on what key; `others` lists different contacts other keys point to. */
  match(p: ParsedContact): { id: string; on: MatchKind; others: { id: string; on: MatchKind }[] } | null {
    const found: { id: string; on: MatchKind }[] = [];
    if (p.externalId) {
      const id = this.byExternal.get(p.externalId) ?? (this.lookup(p.externalId) ? p.externalId : undefined);
      if (id) found.push({ id, on: 'id' });
    }
    for (const e of p.emails) {
      const id = this.byEmail.get(normalizeEmail(e.value));
      if (id) found.push({ id, on: 'email' });
    }
    if (p.profileUrl) {
      const id = this.byProfile.get(normalizeProfileUrl(p.profileUrl));
      if (id) found.push({ id, on: 'profileUrl' });
    }
    for (const ph of p.phones) {
      const k = normalizePhone(ph.value);
      const id = k.length >= 6 ? this.byPhone.get(k) : undefined;
      if (id) found.push({ id, on: 'phone' });
    }
    const name = normalizeName(p.name);
    for (const o of p.organizations) {
      const k = normalizeOrg(o.name);
      if (!k) continue;
      const exact = this.byOrgName.get(`${k}|${name}`)?.find((id) => this.nameOf(id) === name);
      const hit =
        exact ??
        nameVariants(name)
          .flatMap((v) => this.byOrgName.get(`${k}|${v}`) ?? [])
          .find((id) => withinDistance(this.nameOf(id), name, 1));
      if (hit) found.push({ id: hit, on: 'name+organization' });
    }
    if (found.length === 0) return null;
    const first = found[0]!;
    const others = found.filter((f, i) => f.id !== first.id && found.findIndex((g) => g.id === f.id) === i);
    return { ...first, others };
  }

  private nameOf(id: string): string {
    const c = this.current(id);
    return c ? normalizeName(c.name) : '';
  }

  /** The one contact a reference in an interaction or a tie names, or why none. */
  resolve(ref: PersonRef): { id: string } | { error: string } {
    if (ref.id) {
      const id = this.byExternal.get(ref.id) ?? (this.lookup(ref.id) ? ref.id : undefined);
      if (id) return { id };
    }
    if (ref.email) {
      const id = this.byEmail.get(normalizeEmail(ref.email));
      if (id) return { id };
    }
    if (ref.profileUrl) {
      const id = this.byProfile.get(normalizeProfileUrl(ref.profileUrl));
      if (id) return { id };
    }
    if (ref.name) {
      const ids = this.byName.get(normalizeName(ref.name)) ?? [];
      if (ids.length === 1) return { id: ids[0]! };
      if (ids.length > 1) return { error: `${ids.length} contacts are named "${ref.name}"` };
    }
    const label = ref.name ?? ref.email ?? ref.profileUrl ?? ref.id ?? '?';
    return { error: `no contact matches "${label}"` };
  }
}

/**
 * A name and its one-deletion variants: two names one typo apart share one.
 * Short names and names with digits only match exactly (too many near neighbours).
 */
function nameVariants(name: string): string[] {
  if (name.length < 8 || /\d/.test(name)) return [name];
  const out = [name];
  for (let i = 0; i < name.length; i++) out.push(name.slice(0, i) + name.slice(i + 1));
  return out;
}

function unionValues(into: LabeledValue[], incoming: readonly LabeledValue[], key: (v: string) => string): LabeledValue[] {
  const seen = new Set(into.map((v) => key(v.value)));
  const out = [...into];
  for (const v of incoming) {
    const k = key(v.value);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Merges an imported record into an existing contact. `categories` are ids
 * already resolved from the record's category names.
 */
export function mergeContact(
  existing: Contact,
  p: ParsedContact,
  categories: readonly string[],
  source: ContactSource,
  now: string,
): { contact: Contact; conflicts: Conflict[] } {
  const conflicts: Conflict[] = [];
  const c: Contact = structuredClone(existing);
  const conflict = (field: string, before: string, after: string, keepInNotes = true) => {
    conflicts.push({ ref: p.ref, contactId: c.id, contactName: c.name, field, existing: before, incoming: after });
    if (keepInNotes) c.notes = appendNote(c.notes, `${source.file}: ${field} ${after}`);
  };
  c.emails = unionValues(c.emails, p.emails, normalizeEmail);
  c.phones = unionValues(c.phones, p.phones, (v) => normalizePhone(v) || v.trim());
  c.urls = unionValues(c.urls, p.urls, (v) => normalizeProfileUrl(v));
  for (const o of p.organizations) {
    const same = c.organizations.find((x) => normalizeOrg(x.name) === normalizeOrg(o.name) && (!x.title || !o.title || sameText(x.title, o.title)));
    if (same) {
      if (!same.title && o.title) same.title = o.title;
      if (!same.department && o.department) same.department = o.department;
      if (!same.sector && o.sector) same.sector = o.sector;
    } else c.organizations.push(o);
  }
  for (const s of p.schools) if (!c.schools.some((x) => sameText(x.name, s.name))) c.schools.push(s);
  const addrKey = (a: { street?: string; city?: string; postalCode?: string; country?: string }) =>
    [a.street, a.city, a.postalCode, a.country].map((x) => (x ?? '').toLowerCase().replace(/\s+/g, ' ').trim()).join('|');
  for (const a of p.addresses) if (!c.addresses.some((x) => addrKey(x) === addrKey(a))) c.addresses.push(a);
  for (const t of p.tags) if (!c.tags.includes(t)) c.tags.push(t);
  for (const id of categories) if (!c.categories.includes(id)) c.categories.push(id);
  if (p.notes && !(c.notes ?? '').includes(p.notes)) c.notes = appendNote(c.notes, p.notes);

  if (normalizeName(p.name) !== normalizeName(c.name)) conflict('name', c.name, p.name);
  const single = ['givenName', 'familyName', 'profileUrl', 'city', 'birthday', 'connectedOn'] as const;
  for (const f of single) {
    const incoming = p[f];
    if (!incoming) continue;
    const current = c[f];
    if (!current) c[f] = incoming;
    else if (f === 'profileUrl' ? normalizeProfileUrl(current) !== normalizeProfileUrl(incoming) : !sameText(current, incoming)) {
      conflict(f, current, incoming, f !== 'givenName' && f !== 'familyName');
    }
  }
  for (const f of ['strength', 'cadenceDays'] as const) {
    const incoming = p[f];
    if (incoming === undefined) continue;
    if (c[f] === undefined) c[f] = incoming;
    else if (c[f] !== incoming) conflict(f, String(c[f]), String(incoming), false);
  }
  if (p.photo && !c.photo) c.photo = p.photo;
  if (p.archived && c.archived === undefined) c.archived = true;
  c.sources = [...c.sources, source];
  c.updatedAt = now;
  return { contact: c, conflicts };
}

/** A new contact from an imported record. */
export function newContact(id: string, p: ParsedContact, categories: readonly string[], source: ContactSource, now: string): Contact {
  const c: Contact = {
    id,
    name: p.name,
    emails: dedupeValues(p.emails, normalizeEmail),
    phones: dedupeValues(p.phones, (v) => normalizePhone(v) || v.trim()),
    urls: dedupeValues(p.urls, (v) => v.trim()),
    organizations: p.organizations,
    schools: p.schools,
    addresses: p.addresses,
    tags: p.tags,
    categories: [...categories],
    sources: [source],
    createdAt: now,
    updatedAt: now,
  };
  const optional = ['givenName', 'familyName', 'profileUrl', 'city', 'notes', 'birthday', 'photo', 'strength', 'cadenceDays', 'connectedOn', 'archived'] as const;
  for (const f of optional) if (p[f] !== undefined && p[f] !== '') (c as Record<string, unknown>)[f] = p[f];
  return c;
}

function dedupeValues(values: readonly LabeledValue[], key: (v: string) => string): LabeledValue[] {
  return unionValues([], values, key);
}
