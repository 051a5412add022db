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
 * Each record's keys are normalized once (`keysOf`); every lookup is then a
 * Map access. The possible-duplicate index is built only when a record
 * needs it and something outside its own file can answer.
 *
 * Linear in namesakes: a list of contacts under one key is kept in runs of
 * one group each, so that a row skips its own file's rows without reading
 * them, and a lookup reads at most MAX_READS contacts of a list. A name
 * more common than that says who no one is: past it, a lookup finds no
 * sure match and asks nothing, which errs on the side of two contacts.
 */
import type { CarnetDocument, Contact } from '../document/schema.js';
import type { Params } from '../i18n/index.js';
import { emailKey, type IdentityKeys, phoneKey } from './identity.js';
import { blockingKeys, lookAlike, type LookAlikeReason } from './lookAlike.js';
import type { MatchKind } from './merge.js';
import { exactName, normalizeName, normalizeOrg, normalizeProfileUrl, profileSite } from './normalize.js';
import type { PersonRef } from './types.js';

/** Where a record comes from. Records of one `group` are different people (the rows of one LinkedIn Connections.csv). */
export type Origin = { file: string; ref: string; group?: string };

export type SureMatch = { id: string; on: MatchKind; others: { id: string; on: MatchKind }[] };
export type Candidate = { id: string; reason: LookAlikeReason; organization?: string };

/** A record's or a contact's identifying keys, normalized once. */
export type RecordKeys = {
  name: string;
  /** `exactName` of the name. */
  exact: string;
  /** `normalizeName` of the name. */
  norm: string;
  /** Normalized organizations, without empties or repeats. */
  orgs: string[];
  /** Normalized profile URL. */
  url?: string;
  /** E-mail and phone keys (identity.ts), whether they identify anyone or not. */
  emails: string[];
  phones: string[];
};

type Person = { name: string; organizations: readonly { name: string }[]; profileUrl?: string; emails: readonly { value: string }[]; phones: readonly { value: string }[] };

export function keysOf(c: Person): RecordKeys {
  const orgs: string[] = [];
  for (const o of c.organizations) {
    const k = normalizeOrg(o.name);
    if (k && !orgs.includes(k)) orgs.push(k);
  }
  const emails: string[] = [];
  for (const e of c.emails) {
    const k = emailKey(e.value);
    if (k) emails.push(k);
  }
  const phones: string[] = [];
  for (const p of c.phones) {
    const k = phoneKey(p.value);
    if (k) phones.push(k);
  }
  const keys: RecordKeys = { name: c.name, exact: exactName(c.name), norm: normalizeName(c.name), orgs, emails, phones };
  if (c.profileUrl) keys.url = normalizeProfileUrl(c.profileUrl);
  return keys;
}

/** Two normalized profile URLs of the same site that differ: two people, whatever else they share. */
function clash(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b && profileSite(a) === profileSite(b);
}

/** Two profile URLs of the same site that differ: two people, whatever else they share. */
export function differentProfiles(a: string | undefined, b: string | undefined): boolean {
  return clash(a ? normalizeProfileUrl(a) : undefined, b ? normalizeProfileUrl(b) : undefined);
}

/** What the matcher remembers of each contact it indexed. */
type Known = {
  name: string;
  /** `normalizeName` of `name`. */
  norm: string;
  url?: string;
  orgs: string[];
  group: string;
  /** The lists it is in (each once), and the normalized names it is listed under (`norm` first). */
  lists: Runs[];
  norms: string[];
  /** The index-update window this contact was last added in, and its place in that window's order. */
  window: number;
  entry: number;
};

/**
 * A contact that gained an organization, waiting to be put under that organization's look-alike keys.
 * `entry` is its place in the lists' order: the order they would have if the index were brought up to
 * date at every lookup (the contacts added since the last one, in the order each was first added),
 * though each organization's keys are brought up to date only when a lookup reads them.
 */
type Unindexed = { id: string; entry: number };

function listAt(map: Map<string, Runs>, key: string): Runs {
  let list = map.get(key);
  if (!list) map.set(key, (list = new Runs()));
  return list;
}

/** Most contacts of one index list a lookup reads (see the head of this file). */
export const MAX_READS = 200;

/** Contacts under one key, in the order they were added, in runs of one group each (the group a contact was first indexed with). */
class Runs {
  readonly runs: { group: string; ids: string[] }[] = [];
  size = 0;
  add(id: string, group: string): void {
    const last = this.runs.at(-1);
    if (last && last.group === group) last.ids.push(id);
    else this.runs.push({ group, ids: [id] });
    this.size++;
  }
}

/** Two persons or more (see `Matcher.rowsAt`). */
const MANY = '\u0000many';

/** Within one group and one normalized name: how many contacts, how many of them under another first name, and how many at each organization. */
type NameCount = { total: number; odd: number; orgs: Map<string, number> };

export class Matcher {
  private readonly byExternal = new Map<string, string>();
  private readonly byProfile = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  /** exact name → organization → contacts. */
  private readonly byExactNameOrg = new Map<string, Map<string, Runs>>();
  private readonly byName = new Map<string, Runs>();
  /** Normalized name → its contacts by organization, made when a reference names a crowd (valid while `adds` is `at`). */
  private readonly crowds = new Map<string, { at: number; byOrg: Map<string, string[]> }>();
  private adds = 0;
  /** group → normalized name → counts of that group's contacts listed under it (groups other than ''). */
  private readonly nameCounts = new Map<string, Map<string, NameCount>>();
  /** group → exact name → organization → the person of that group's rows with that name there (a profile URL, else the row), or MANY. */
  private readonly rowsAt = new Map<string, Map<string, Map<string, string>>>();
  /** group → contact → the row of that group that created or matched it (two rows of a group are two people). */
  private readonly claims = new Map<string, Map<string, string>>();
  private readonly known = new Map<string, Known>();
  /** By organization: the contacts that gained it since its look-alike keys were last brought up to date. */
  private readonly unindexed = new Map<string, Unindexed[]>();
  /** Lookups so far: each opens a window of additions, as if the index were brought up to date there. */
  private window = 0;
  private entries = 0;
  /**
   * Look-alike key → contacts. A record of a group skips that group's runs unread: they are all other
   * people, and reading them made a big Connections.csv quadratic in namesakes.
   */
  private readonly alike = new Map<string, Runs>();
  /** Contacts in the look-alike pool per group ('' for the others), to know when a lookup can find anything. */
  private readonly poolByGroup = new Map<string, number>();
  private pool = 0;
  /** Normalized organization → group → how many contacts have it: whom a record's organizations can meet. */
  private readonly orgGroups = new Map<string, Map<string, number>>();

  /** The document's own contacts are the only ones a file may name by id. */
  constructor(
    private readonly doc: CarnetDocument,
    private readonly identity: IdentityKeys,
  ) {}

  /**
   * Counts a row of a group before any is matched: two rows of one Connections.csv with the same name
   * at the same organization are two people, and which of them a contact of that name there is, only
   * the user can say. Rows with one profile URL are one person.
   */
  countRow(group: string, keys: RecordKeys, ref: string): void {
    if (keys.orgs.length === 0) return;
    let byExact = this.rowsAt.get(group);
    if (!byExact) this.rowsAt.set(group, (byExact = new Map()));
    let at = byExact.get(keys.exact);
    if (!at) byExact.set(keys.exact, (at = new Map()));
    const person = keys.url !== undefined ? `u${keys.url}` : `r${ref}`;
    for (const o of keys.orgs) {
      const before = at.get(o);
      if (before === undefined) at.set(o, person);
      else if (before !== person) at.set(o, MANY);
    }
  }

  private namesakeRows(group: string, keys: RecordKeys, o: string): boolean {
    return this.rowsAt.get(group)?.get(keys.exact)?.get(o) === MANY;
  }

  /** Lists `id` at `list` once; true when it was not there yet. */
  private list(k: Known, id: string, list: Runs): boolean {
    if (k.lists.includes(list)) return false;
    k.lists.push(list);
    list.add(id, k.group);
    return true;
  }

  private countOf(k: Known, norm: string): NameCount | undefined {
    if (k.group === '') return undefined;
    let byNorm = this.nameCounts.get(k.group);
    if (!byNorm) this.nameCounts.set(k.group, (byNorm = new Map()));
    let c = byNorm.get(norm);
    if (!c) byNorm.set(norm, (c = { total: 0, odd: 0, orgs: new Map() }));
    return c;
  }

  /** The contacts of a crowded name at an organization (grouped once per crowd and round of additions). */
  private crowdAt(norm: string, list: Runs, org: string): readonly string[] {
    let crowd = this.crowds.get(norm);
    if (!crowd || crowd.at !== this.adds) {
      const byOrg = new Map<string, string[]>();
      for (const run of list.runs) {
        for (const id of run.ids) {
          for (const o of this.known.get(id)!.orgs) {
            const ids = byOrg.get(o);
            if (ids) ids.push(id);
            else byOrg.set(o, [id]);
          }
        }
      }
      this.crowds.set(norm, (crowd = { at: this.adds, byOrg }));
    }
    return crowd.byOrg.get(org) ?? [];
  }

  /** Indexes a contact under these keys (again after a merge, with the merged record's keys: keys are only added). */
  add(id: string, keys: RecordKeys, origin?: Origin, externalId?: string): void {
    this.adds++;
    if (externalId && !this.byExternal.has(externalId)) this.byExternal.set(externalId, id);
    let k = this.known.get(id);
    if (!k) {
      k = { name: keys.name, norm: keys.norm, orgs: [], group: origin?.group ?? '', lists: [], norms: [], window: -1, entry: 0 };
      this.known.set(id, k);
      this.poolByGroup.set(k.group, (this.poolByGroup.get(k.group) ?? 0) + 1);
      this.pool++;
    }
    if (keys.url) {
      if (!this.byProfile.has(keys.url)) this.byProfile.set(keys.url, id);
      k.url ??= keys.url;
    }
    for (const e of keys.emails) if (!this.byKey.has(e)) this.byKey.set(e, id);
    for (const p of keys.phones) if (!this.byKey.has(p)) this.byKey.set(p, id);
    let byOrg = this.byExactNameOrg.get(keys.exact);
    if (!byOrg) this.byExactNameOrg.set(keys.exact, (byOrg = new Map()));
    if (k.window !== this.window) {
      k.window = this.window;
      k.entry = ++this.entries;
    }
    for (const o of keys.orgs) {
      this.list(k, id, listAt(byOrg, o));
      if (k.orgs.includes(o)) continue;
      k.orgs.push(o);
      for (const n of k.norms) {
        const c = this.countOf(k, n);
        if (c) c.orgs.set(o, (c.orgs.get(o) ?? 0) + 1);
      }
      const waiting = this.unindexed.get(o);
      if (waiting) waiting.push({ id, entry: k.entry });
      else this.unindexed.set(o, [{ id, entry: k.entry }]);
      let groups = this.orgGroups.get(o);
      if (!groups) this.orgGroups.set(o, (groups = new Map()));
      groups.set(k.group, (groups.get(k.group) ?? 0) + 1);
    }
    if (this.list(k, id, listAt(this.byName, keys.norm))) {
      k.norms.push(keys.norm);
      const c = this.countOf(k, keys.norm);
      if (c) {
        c.total++;
        if (keys.norm !== k.norm) c.odd++;
        for (const o of k.orgs) c.orgs.set(o, (c.orgs.get(o) ?? 0) + 1);
      }
    }
    if (origin?.group !== undefined) this.settle(id, origin);
  }

  /** Records that the record of `origin` was merged into or created as `id`. */
  settle(id: string, origin: Origin): void {
    if (origin.group === undefined) return;
    let m = this.claims.get(origin.group);
    if (!m) this.claims.set(origin.group, (m = new Map()));
    if (!m.has(id)) m.set(id, origin.ref);
  }

  /** True when `id` cannot be the person of a record with these keys. */
  private excluded(keys: RecordKeys, origin: Origin, id: string, on?: MatchKind): boolean {
    const k = this.known.get(id);
    if (!k || clash(k.url, keys.url)) return true;
    // A repeated row of a Connections.csv (same profile URL) is the same person; any other row is someone else.
    if (origin.group !== undefined && on !== 'profileUrl') {
      const claimed = this.claims.get(origin.group)?.get(id);
      if (claimed !== undefined && claimed !== origin.ref) return true;
    }
    return false;
  }

  /** The contact a record surely is, and on what; `others` are different contacts other keys point to. */
  match(keys: RecordKeys, origin: Origin, externalId?: string): SureMatch | null {
    let first: { id: string; on: MatchKind } | null = null;
    let others: { id: string; on: MatchKind }[] | null = null;
    const consider = (id: string | undefined, on: MatchKind) => {
      if (id === undefined || this.excluded(keys, origin, id, on)) return;
      if (!first) first = { id, on };
      else if (id !== first.id && !(others ??= []).some((o) => o.id === id)) others.push({ id, on });
    };
    if (externalId) consider(this.byExternal.get(externalId) ?? (Object.hasOwn(this.doc.contacts, externalId) ? externalId : undefined), 'id');
    if (keys.url) consider(this.byProfile.get(keys.url), 'profileUrl');
    for (const e of keys.emails) if (this.identity.identifies(e)) consider(this.byKey.get(e), 'email');
    for (const p of keys.phones) if (this.identity.identifies(p)) consider(this.byKey.get(p), 'phone');
    const byOrg = keys.orgs.length > 0 ? this.byExactNameOrg.get(keys.exact) : undefined;
    if (byOrg) {
      for (const o of keys.orgs) {
        // Two rows of this file of that name there: which of them a contact is, is a question for the user.
        if (origin.group !== undefined && this.namesakeRows(origin.group, keys, o)) continue;
        const list = byOrg.get(o);
        // Two contacts of that name at that organization: which one is a question for the user.
        if (list) consider(this.onlyOne(list, keys, origin), 'name+organization');
      }
    }
    if (!first) return null;
    const found: { id: string; on: MatchKind } = first;
    return { ...found, others: others ?? [] };
  }

  /**
   * The one contact of `list` a record can be, if exactly one. This record's own group is skipped
   * unread: each of its contacts is claimed by another of its rows. Past MAX_READS, none.
   */
  private onlyOne(list: Runs, keys: RecordKeys, origin: Origin): string | undefined {
    const mine = origin.group;
    let one: string | undefined;
    let reads = 0;
    for (const run of list.runs) {
      if (run.group === mine) continue;
      for (const id of run.ids) {
        if (++reads > MAX_READS) return undefined;
        if (this.excluded(keys, origin, id)) continue;
        if (one !== undefined) return undefined;
        one = id;
      }
    }
    return one;
  }

  /** Contacts a record may be: names alike at a shared organization, or the same name with nothing against it. */
  possible(keys: RecordKeys, origin: Origin, current: (id: string) => Contact | undefined): Candidate[] {
    const mine = origin.group ?? '';
    // Nothing outside this record's own group can answer (one Connections.csv into an empty document).
    if (this.pool - (mine ? this.poolByGroup.get(mine) ?? 0 : 0) === 0) return [];
    this.window++;
    const out: Candidate[] = [];
    const seen = new Set<string>();
    let blockingOf: string[] | undefined;
    const blocking = () => (blockingOf ??= keys.orgs.length > 0 ? blockingKeys(keys.name) : []);
    let reads = 0;
    for (const o of keys.orgs) {
      // An organization only this record's own group has: its keys hold none but those (skipped below).
      if (mine && !this.elsewhere(o, mine)) continue;
      // Brought up to date only now that it is read, and only for this organization: the rows of a
      // Connections.csv at companies the document's contacts are not at are never indexed.
      this.catchUp(o);
      for (const b of blocking()) {
        const bucket = this.alike.get(`${o}\u0002${b}`);
        if (!bucket) continue;
        for (const run of bucket.runs) {
          if (mine && run.group === mine) continue;
          for (const id of run.ids) {
            if (out.length >= MAX_CANDIDATES) return out;
            // A crowd of look-alikes there: those read are asked about, and no one for the name alone.
            if (++reads > MAX_READS) return out;
            if (seen.has(id)) continue;
            seen.add(id);
            if (this.excluded(keys, origin, id)) continue;
            const c = current(id)!;
            const reason = lookAlike(keys.name, c.name);
            if (reason) out.push({ id, reason, organization: c.organizations.find((x) => normalizeOrg(x.name) === o)?.name ?? o });
          }
        }
      }
    }
    // The same name without an organization to compare: worth a question only when a single contact has it,
    // among those the look-alike keys above do not hold (read, or skipped as this record's own group).
    if (out.length > 0) return out;
    const list = this.byName.get(keys.norm);
    if (!list) return out;
    let single: string | undefined;
    let count = 0;
    others: for (const run of list.runs) {
      if (mine && run.group === mine) continue;
      for (const id of run.ids) {
        if (++reads > MAX_READS) return out;
        if (seen.has(id)) continue;
        single = id;
        if (++count > 1) break others;
      }
    }
    // A contact of this record's own group is another person: one the keys above do not hold is one more namesake, and no question then.
    if (count === 1 && !(mine && this.namesakeOutsideKeys(mine, list, keys, blocking))) {
      const id = single!;
      const k = this.known.get(id)!;
      const noClash = keys.orgs.length === 0 || k.orgs.length === 0;
      if (noClash && !this.excluded(keys, origin, id)) out.push({ id, reason: lookAlike(keys.name, k.name) ?? 'sameName' });
    }
    return out;
  }

  /**
   * Whether a contact of `group` listed under the record's name is not under the record's look-alike
   * keys. Counted, not read, in the common case: a record of one organization, and contacts of the
   * group listed under their own first name.
   */
  private namesakeOutsideKeys(group: string, list: Runs, keys: RecordKeys, blocking: () => readonly string[]): boolean {
    const c = this.nameCounts.get(group)?.get(keys.norm);
    if (!c || c.total === 0) return false;
    if (blocking().length === 0) return true;
    if (keys.orgs.length === 1 && c.odd === 0) return c.total - (c.orgs.get(keys.orgs[0]!) ?? 0) > 0;
    // Else read, up to MAX_READS: past that many, one more namesake is taken for granted (no question).
    let reads = 0;
    for (const run of list.runs) {
      if (run.group !== group) continue;
      for (const id of run.ids) if (++reads > MAX_READS || !this.underKeys(id, keys, blocking)) return true;
    }
    return false;
  }

  /** Whether the look-alike index holds `id` under one of a record's keys (its organizations × `blocking()`). */
  private underKeys(id: string, keys: RecordKeys, blocking: () => readonly string[]): boolean {
    const k = this.known.get(id)!;
    if (!k.orgs.some((o) => keys.orgs.includes(o)) || blocking().length === 0) return false;
    // The same normalized name is a blocking key of both; else (a contact found under a merged name) compare.
    return k.norm === keys.norm || blockingKeys(k.name).some((b) => blocking().includes(b));
  }

  /** Whether a contact outside `group` has the organization `o`. */
  private elsewhere(o: string, group: string): boolean {
    const groups = this.orgGroups.get(o);
    if (!groups) return false;
    for (const [g, n] of groups) if (g !== group && n > 0) return true;
    return false;
  }

  /** Brings the look-alike keys of organization `org` up to date with the contacts that gained it since. */
  private catchUp(org: string): void {
    const waiting = this.unindexed.get(org);
    if (!waiting) return;
    this.unindexed.delete(org);
    // Stable, and entries are distinct per contact: each contact once, in the index's order.
    waiting.sort((a, b) => a.entry - b.entry);
    for (const { id } of waiting) {
      const k = this.known.get(id)!;
      for (const b of blockingKeys(k.name)) listAt(this.alike, `${org}\u0002${b}`).add(id, k.group);
    }
  }

  /** The one contact a reference in an interaction or a tie names, or why none. */
  resolve(ref: PersonRef): { id: string } | { error: { key: string; params: Params } } {
    const label = ref.name ?? ref.email ?? ref.profileUrl ?? ref.id ?? '?';
    if (ref.id) {
      const id = this.byExternal.get(ref.id) ?? (Object.hasOwn(this.doc.contacts, ref.id) ? ref.id : undefined);
      if (id !== undefined) return { id };
    }
    const url = ref.profileUrl ? normalizeProfileUrl(ref.profileUrl) : undefined;
    if (url) {
      const id = this.byProfile.get(url);
      if (id !== undefined) return { id };
    }
    if (ref.email) {
      const k = emailKey(ref.email);
      if (this.identity.identifies(k)) {
        const id = this.byKey.get(k);
        if (id !== undefined) return { id };
      } else if ((k === null || this.byKey.has(k)) && !ref.name) {
        return { error: { key: 'refSharedEmail', params: { email: ref.email } } };
      }
    }
    if (ref.name) {
      const norm = normalizeName(ref.name);
      const list = this.byName.get(norm);
      // More namesakes than a lookup reads: only those at the reference's organization are read, if few.
      if (list && list.size > MAX_READS) {
        const at = ref.organization ? this.crowdAt(norm, list, normalizeOrg(ref.organization)) : [];
        const ids = at.length <= MAX_READS ? at.filter((id) => !clash(this.known.get(id)?.url, url)) : [];
        if (ids.length === 1) return { id: ids[0]! };
        return { error: { key: 'refAmbiguous', params: { name: ref.name, count: ids.length > 1 ? ids.length : list.size } } };
      }
      // A person named with a profile URL no contact has is not a contact who has another one.
      let ids = (list?.runs.flatMap((r) => r.ids) ?? []).filter((id) => !clash(this.known.get(id)?.url, url));
      if (ids.length > 1 && ref.organization) {
        const o = normalizeOrg(ref.organization);
        const at = ids.filter((id) => this.known.get(id)!.orgs.includes(o));
        if (at.length >= 1) ids = at;
      }
      if (ids.length === 1) return { id: ids[0]! };
      if (ids.length > 1) return { error: { key: 'refAmbiguous', params: { name: ref.name, count: ids.length } } };
    }
    return { error: { key: 'refNoMatch', params: { name: label } } };
  }
}

/** Most contacts offered as possible duplicates of one record. */
const MAX_CANDIDATES = 3;
