/**
 * The user's own profile (`me`) from what the files say about them
 * (LinkedIn's Profile, Positions, Education, Skills, and the owner of a
 * messages file), and the list of what that changes, for the preview's
 * "This is you". A file's values replace the profile's; a guess (the owner
 * of a messages file) only fills what is empty. Employers and schools are
 * united, never dropped.
 */
import type { Me, Organization, School } from '../document/schema.js';
import { normalizeOrg } from './normalize.js';
import type { ProfilePatch } from './types.js';

export type MeField = 'name' | 'headline' | 'city' | 'sector' | 'profileUrl' | 'organizations' | 'schools' | 'tags';

/** One line of "what changes in your profile": scalar fields with before and after, lists with what is added. */
export type MeChange =
  | { field: 'name' | 'headline' | 'city' | 'sector' | 'profileUrl'; before?: string; after: string }
  | { field: 'organizations'; added: Organization[]; completed: Organization[] }
  | { field: 'schools'; added: School[] }
  | { field: 'tags'; added: string[] };

const SCALARS = ['name', 'headline', 'city', 'sector', 'profileUrl'] as const;

/** `me` with the patches applied, and the changes; `changes` is empty when nothing differs. */
export function applyProfile(me: Me, patches: readonly ProfilePatch[]): { me: Me; changes: MeChange[] } {
  const next: Me = structuredClone(me);
  const changes: MeChange[] = [];
  for (const field of SCALARS) {
    const before = me[field];
    let after = before;
    for (const p of patches) {
      const v = p[field]?.trim().slice(0, field === 'profileUrl' ? 2000 : field === 'city' || field === 'sector' ? 200 : 500);
      if (v && (!p.weak || !after)) after = v;
    }
    if (after && after !== before) {
      next[field] = after;
      changes.push(before ? { field, before, after } : { field, after });
    }
  }
  // Found by name and start month in maps: a hostile Positions.csv of 100,000 rows must not compare every row with every other.
  const byKey = new Map<string, Organization>();
  const firstByName = new Map<string, Organization>();
  const index = (o: Organization) => {
    const name = normalizeOrg(o.name);
    const key = `${name}|${o.start?.slice(0, 7) ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, o);
    if (!firstByName.has(name)) firstByName.set(name, o);
  };
  const find = (o: Organization): Organization | undefined => {
    const name = normalizeOrg(o.name);
    if (o.start) return byKey.get(`${name}|${o.start.slice(0, 7)}`) ?? byKey.get(`${name}|`);
    return byKey.get(`${name}|`) ?? firstByName.get(name);
  };
  for (const o of next.organizations) index(o);
  const addedOrgs: Organization[] = [];
  const added = new Set<Organization>();
  const completed = new Set<Organization>();
  for (const p of patches) {
    for (const o of p.organizations ?? []) {
      const same = find(o);
      if (!same) {
        const copy = { ...o };
        next.organizations.push(copy);
        index(copy);
        added.add(copy);
        addedOrgs.push(o);
        continue;
      }
      let changed = false;
      for (const f of ['title', 'start', 'end', 'department', 'sector'] as const) {
        if (!same[f] && o[f]) {
          same[f] = o[f];
          changed = true;
        }
      }
      // A position the file says has ended is past, whatever the profile said.
      if (same.current && o.current === false) {
        same.current = false;
        changed = true;
      }
      if (changed && !added.has(same)) completed.add(same);
    }
  }
  if (addedOrgs.length + completed.size > 0) changes.push({ field: 'organizations', added: addedOrgs, completed: [...completed] });
  const schoolsByName = new Map(next.schools.map((x) => [normalizeOrg(x.name), x]));
  const addedSchools: School[] = [];
  for (const p of patches) {
    for (const s of p.schools ?? []) {
      const same = schoolsByName.get(normalizeOrg(s.name));
      if (same) {
        if (!same.degree && s.degree) same.degree = s.degree;
        if (same.year === undefined && s.year !== undefined) same.year = s.year;
      } else {
        const copy = { ...s };
        next.schools.push(copy);
        schoolsByName.set(normalizeOrg(s.name), copy);
        addedSchools.push(s);
      }
    }
  }
  if (addedSchools.length > 0) changes.push({ field: 'schools', added: addedSchools });
  const known = new Set(next.tags.map((t) => t.toLowerCase()));
  const addedTags: string[] = [];
  for (const p of patches) {
    for (const t of p.tags ?? []) {
      if (known.has(t.toLowerCase())) continue;
      known.add(t.toLowerCase());
      next.tags.push(t);
      addedTags.push(t);
    }
  }
  if (addedTags.length > 0) changes.push({ field: 'tags', added: addedTags });
  return { me: next, changes };
}
