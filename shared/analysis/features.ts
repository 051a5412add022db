/**
 * The attributes two people can have in common ("features"): organizations,
 * schools, city, tags, sectors, categories. The affinity graph links people
 * who share a feature; "common points" with the user are shared features;
 * cluster labels name the features most members share.
 */
import type { Contact, Me } from '../document/schema.js';
import { fold } from './text.js';

export const FEATURE_KINDS = ['orgNow', 'org', 'school', 'city', 'sector', 'tag', 'category'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/**
 * One thing a person has: `key` is the folded value used to compare, `label`
 * the value as written, `id` = `kind:key`, its identity across people.
 */
export type Feature = { kind: FeatureKind; key: string; label: string; id: string };

/** The city of a contact: the `city` field, else the first address with a city. */
export function cityOf(person: Pick<Contact, 'city'> & { addresses?: Contact['addresses'] }): string | undefined {
  if (person.city?.trim()) return person.city.trim();
  return person.addresses?.find((a) => a.city?.trim())?.city?.trim();
}

/**
 * The features of a contact or of the user, without duplicates. A current
 * employer yields both `orgNow` and `org` (so colleagues now share more than
 * alumni of the same company).
 */
export function featuresOf(person: Contact | Me): Feature[] {
  const out = new Map<string, Feature>();
  const add = (kind: FeatureKind, raw: string | undefined, keyValue?: string): void => {
    const label = raw?.trim();
    if (!label) return;
    const key = keyValue ?? fold(label);
    if (!key) return;
    const id = `${kind}:${key}`;
    if (!out.has(id)) out.set(id, { kind, key, label, id });
  };
  for (const o of person.organizations) {
    if (o.current) add('orgNow', o.name);
    add('org', o.name);
    add('sector', o.sector);
  }
  // The user's own sector (LinkedIn's "Industry"); a contact's sectors are those of its organizations.
  if ('sector' in person) add('sector', person.sector);
  for (const s of person.schools) add('school', s.name);
  add('city', cityOf(person as Contact));
  for (const t of person.tags) add('tag', t);
  if ('categories' in person) for (const c of person.categories) add('category', c, c);
  return [...out.values()];
}

/** `kind:key`, the identity of a feature across people. */
export function featureId(f: Feature): string {
  return f.id;
}

/**
 * What two people have in common, most telling first. `orgNow` is folded into
 * `org` (the entry says whether both are there now).
 */
export function commonFeatures(a: readonly Feature[], b: readonly Feature[]): Feature[] {
  const ids = new Set(b.map(featureId));
  const shared = a.filter((f) => ids.has(featureId(f)));
  const nowBoth = new Set(shared.filter((f) => f.kind === 'orgNow').map((f) => f.key));
  const order: Record<FeatureKind, number> = { orgNow: 0, org: 1, school: 2, city: 3, sector: 4, tag: 5, category: 6 };
  return shared
    .filter((f) => !(f.kind === 'org' && nowBoth.has(f.key)))
    .sort((x, y) => order[x.kind] - order[y.kind] || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
