/**
 * Who an imported record is. A record is SURELY a contact when they share
 * an id, a profile URL, an e-mail or phone that identifies one person
 * (identity.ts), or the exact same name at the same organization with no
 * one else fitting. It MAY be one (a possible duplicate, which the user
 * decides) when their names only look alike at the same organization, or
 * are the same name with nothing to confirm or contradict it. It is never
 * a contact it cannot be: a different profile URL on the same site, or
 * another row of the same LinkedIn Connections.csv.
 *
 * Every lookup is a Map access; the possible-duplicate index is built only
 * when a record needs it and something outside its own file can answer.
 */
import type { CarnetDocument, Contact } from '../document/schema.js';
import type { Params } from '../i18n/index.js';
import { emailKey, type IdentityKeys, phoneKey } from './identity.js';
import { blockingKeys, lookAlike, type LookAlikeReason } from './lookAlike.js';
import type { MatchKind } from './merge.js';
import { exactName, normalizeName, normalizeOrg, normalizeProfileUrl, profileSite } from './normalize.js';
import type { ParsedContact, PersonRef } from './types.js';

/** Where a record comes from. Records of one `group` are different people (the rows of one LinkedIn Connections.csv). */
export type Origin = { file: string; ref: string; group?: string };

export type SureMatch = { id: string; on: MatchKind; others: { id: string; on: MatchKind }[] };
export type Candidate = { id: string; reason: LookAlikeReason; organization?: string };

/** Most contacts offered as possible duplicates of one record. */
const MAX_CANDIDATES = 3;

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

/** The normalized organizations of a record or contact, without empties. */
function orgKeys(c: { organizations: readonly { name: string }[] }): string[] {
  const out: string[] = [];
  for (const o of c.organizations) {
    const k = normalizeOrg(o.name);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

/** Two profile URLs of the same site that differ: two people, whatever else they share. */
export function differentProfiles(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = normalizeProfileUrl(a);
  const y = normalizeProfileUrl(b);
  return x !== y && profileSite(x) === profileSite(y);
}

export class Matcher {
  private readonly byExternal = new Map<string, string>();
  private readonly byProfile = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  private readonly byExactNameOrg = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();
  /** `id + group` → the row of that group that created or matched the contact (two rows of a group are two people). */
  private readonly claims = new Map<string, string>();
  /** Contacts indexed since the look-alike index was last brought up to date. */
  private readonly pending = new Set<string>();
  private readonly alike = new Map<string, string[]>();
  /** Contacts in the look-alike pool per group (and '' for the others), to know when a lookup can find anything. */
  private readonly poolByGroup = new Map<string, number>();
  private poolSize = 0;
  private readonly groupOf = new Map<string, string>();

  /**
   * `current` finds any contact as this import has left it; the document's own contacts are the only
   * ones a file may name by id.
   */
  constructor(
    private readonly doc: CarnetDocument,
    private readonly current: (id: string) => Contact | undefined,
    private readonly identity: IdentityKeys,
  ) {}

  /** Indexes a contact (again, after a merge: keys are only added). */
  add(c: Contact, origin?: Origin, externalId?: string): void {
    const id = c.id;
    if (externalId && !this.byExternal.has(externalId)) this.byExternal.set(externalId, id);
    if (c.profileUrl) {
      const k = normalizeProfileUrl(c.profileUrl);
      if (!this.byProfile.has(k)) this.byProfile.set(k, id);
    }
    for (const e of c.emails) {
      const k = emailKey(e.value);
      if (k && !this.byKey.has(k)) this.byKey.set(k, id);
    }
    for (const p of c.phones) {
      const k = phoneKey(p.value);
      if (k && !this.byKey.has(k)) this.byKey.set(k, id);
    }
    const exact = exactName(c.name);
    for (const o of orgKeys(c)) push(this.byExactNameOrg, `${exact}|${o}`, id);
    push(this.byName, normalizeName(c.name), id);
    if (origin?.group !== undefined) this.claim(id, origin);
    if (!this.groupOf.has(id)) {
      const g = origin?.group ?? '';
      this.groupOf.set(id, g);
      this.poolByGroup.set(g, (this.poolByGroup.get(g) ?? 0) + 1);
      this.poolSize++;
    }
    this.pending.add(id);
  }

  private claim(id: string, origin: Origin): void {
    const key = `${id}\u0000${origin.group!}`;
    if (!this.claims.has(key)) this.claims.set(key, origin.ref);
  }

  /** Why `id` cannot be the person of record `p`, if it cannot. */
  private excluded(p: ParsedContact, origin: Origin, id: string, on?: MatchKind): boolean {
    const c = this.current(id);
    if (!c) return true;
    if (differentProfiles(c.profileUrl, p.profileUrl)) return true;
    // A repeated row of a Connections.csv (same profile URL) is the same person; any other row is someone else.
    if (origin.group !== undefined && on !== 'profileUrl') {
      const claimed = this.claims.get(`${id}\u0000${origin.group}`);
      if (claimed !== undefined && claimed !== origin.ref) return true;
    }
    return false;
  }

  /** The contact record `p` surely is, and on what; `others` are different contacts other keys point to. */
  match(p: ParsedContact, origin: Origin): SureMatch | null {
    const found: { id: string; on: MatchKind }[] = [];
    const consider = (id: string | undefined, on: MatchKind) => {
      if (id !== undefined && !this.excluded(p, origin, id, on)) found.push({ id, on });
    };
    if (p.externalId) consider(this.byExternal.get(p.externalId) ?? (Object.hasOwn(this.doc.contacts, p.externalId) ? p.externalId : undefined), 'id');
    if (p.profileUrl) consider(this.byProfile.get(normalizeProfileUrl(p.profileUrl)), 'profileUrl');
    for (const e of p.emails) {
      const k = emailKey(e.value);
      if (this.identity.identifies(k)) consider(this.byKey.get(k), 'email');
    }
    for (const ph of p.phones) {
      const k = phoneKey(ph.value);
      if (this.identity.identifies(k)) consider(this.byKey.get(k), 'phone');
    }
    const exact = exactName(p.name);
    for (const o of orgKeys(p)) {
      const ids = (this.byExactNameOrg.get(`${exact}|${o}`) ?? []).filter((id) => !this.excluded(p, origin, id));
      // Two contacts of that name at that organization: which one is a question for the user.
      if (ids.length === 1) found.push({ id: ids[0]!, on: 'name+organization' });
    }
    if (found.length === 0) return null;
    const first = found[0]!;
    const others = found.filter((f, i) => f.id !== first.id && found.findIndex((g) => g.id === f.id) === i);
    return { ...first, others };
  }

  /** Records `p` claims once it has been merged into or created as `id`. */
  settle(id: string, origin: Origin): void {
    if (origin.group !== undefined) this.claim(id, origin);
  }

  /** Contacts record `p` may be: names alike at a shared organization, or the same name with nothing against it. */
  possible(p: ParsedContact, origin: Origin): Candidate[] {
    const mine = origin.group ?? '';
    // Nothing outside this record's own group can answer (one Connections.csv into an empty document).
    if (this.poolSize - (mine ? this.poolByGroup.get(mine) ?? 0 : 0) === 0) return [];
    this.catchUp();
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const orgs = orgKeys(p);
    const keys = blockingKeys(p.name);
    for (const o of orgs) {
      for (const k of keys) {
        for (const id of this.alike.get(`${o}\u0002${k}`) ?? []) {
          if (seen.has(id) || out.length >= MAX_CANDIDATES) continue;
          seen.add(id);
          if (this.excluded(p, origin, id) || (mine && this.groupOf.get(id) === mine)) continue;
          const c = this.current(id)!;
          const reason = lookAlike(p.name, c.name);
          if (reason) out.push({ id, reason, organization: c.organizations.find((x) => normalizeOrg(x.name) === o)?.name ?? o });
        }
      }
    }
    // The same name without an organization to compare: worth a question only when a single contact has it.
    const same = (this.byName.get(normalizeName(p.name)) ?? []).filter((id) => !seen.has(id));
    if (out.length === 0 && same.length === 1) {
      const id = same[0]!;
      const c = this.current(id)!;
      const theirs = orgKeys(c);
      const noClash = orgs.length === 0 || theirs.length === 0;
      if (noClash && !this.excluded(p, origin, id) && !(mine && this.groupOf.get(id) === mine)) out.push({ id, reason: lookAlike(p.name, c.name) ?? 'sameName' });
    }
    return out;
  }

  /** Brings the look-alike index up to date with the contacts added since it was last used. */
  private catchUp(): void {
    for (const id of this.pending) {
      const c = this.current(id);
      if (!c) continue;
      const orgs = orgKeys(c);
      if (orgs.length === 0) continue;
      const keys = blockingKeys(c.name);
      for (const o of orgs) for (const k of keys) push(this.alike, `${o}\u0002${k}`, id);
    }
    this.pending.clear();
  }

  /** The one contact a reference in an interaction or a tie names, or why none. */
  resolve(ref: PersonRef): { id: string } | { error: { key: string; params: Params } } {
    const label = ref.name ?? ref.email ?? ref.profileUrl ?? ref.id ?? '?';
    if (ref.id) {
      const id = this.byExternal.get(ref.id) ?? (Object.hasOwn(this.doc.contacts, ref.id) ? ref.id : undefined);
      if (id !== undefined) return { id };
    }
    if (ref.profileUrl) {
      const id = this.byProfile.get(normalizeProfileUrl(ref.profileUrl));
      if (id !== undefined) return { id };
    }
    if (ref.email) {
      const k = emailKey(ref.email);
      if (this.identity.identifies(k)) {
        const id = this.byKey.get(k);
        if (id !== undefined) return { id };
      } else if (k === null || this.byKey.has(k)) {
        if (!ref.name) return { error: { key: 'refSharedEmail', params: { email: ref.email } } };
      }
    }
    if (ref.name) {
      // A person named with a profile URL no contact has is not a contact who has another one.
      let ids = (this.byName.get(normalizeName(ref.name)) ?? []).filter((id) => {
        const c = this.current(id);
        return c !== undefined && !differentProfiles(c.profileUrl, ref.profileUrl);
      });
      if (ids.length > 1 && ref.organization) {
        const o = normalizeOrg(ref.organization);
        const at = ids.filter((id) => orgKeys(this.current(id)!).includes(o));
        if (at.length >= 1) ids = at;
      }
      if (ids.length === 1) return { id: ids[0]! };
      if (ids.length > 1) return { error: { key: 'refAmbiguous', params: { name: ref.name, count: ids.length } } };
    }
    return { error: { key: 'refNoMatch', params: { name: label } } };
  }
}
