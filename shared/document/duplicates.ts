/**
 * Possible duplicates inside the document, and what the user does about
 * them: merge two contacts into one (one undo step: the ties, interactions,
 * categories and position of the merged contact follow), or keep them apart
 * (remembered in `doc.suggestions` as a dismissed `duplicate:` key, so the
 * question is not asked again). The rules are the import's (shared/import):
 * names that look alike at a shared organization, or the same name with no
 * organization to compare; never two contacts with different profile URLs,
 * nor two rows of one LinkedIn Connections.csv.
 */
import { lookAlike, type LookAlikeReason } from '../import/lookAlike.js';
import { differentProfiles } from '../import/matcher.js';
import { asRecord, mergeInto } from '../import/merge.js';
import { normalizeName, normalizeOrg } from '../import/normalize.js';
import type { Change, ChangeSet } from './operations.js';
import type { CarnetDocument, Contact } from './schema.js';
import { idValues } from './idMap.js';

const PREFIX = 'duplicate:';
/** Suggestion ids are at most 200 characters: a longer pair is hashed. */
const MAX_KEY = 200;

function fnv1a(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** The suggestion key that remembers "keep these two apart"; the same whichever order they are given in. */
export function duplicateKey(a: string, b: string): string {
  const pair = a < b ? `${a}+${b}` : `${b}+${a}`;
  const key = `${PREFIX}${pair}`;
  return key.length <= MAX_KEY ? key : `${PREFIX}#${fnv1a(pair)}`;
}

export function isKeptApart(doc: CarnetDocument, a: string, b: string): boolean {
  const key = duplicateKey(a, b);
  return Object.hasOwn(doc.suggestions, key) && doc.suggestions[key]!.status === 'dismissed';
}

export type DuplicateCandidate = { id: string; reason: LookAlikeReason; organization?: string };

type Keys = { name: string; words: Set<string>; orgs: string[] };
/** Normalized names and organizations, computed once per contact object (a document keeps its objects until they change). */
const cache = new WeakMap<Contact, Keys>();

function keysOf(c: Contact): Keys {
  let k = cache.get(c);
  if (!k) {
    const name = normalizeName(c.name);
    const orgs: string[] = [];
    for (const o of c.organizations) {
      const n = normalizeOrg(o.name);
      if (n && !orgs.includes(n)) orgs.push(n);
    }
    k = { name, words: new Set(name.split(' ').filter((w) => w.length > 1)), orgs };
    cache.set(c, k);
  }
  return k;
}

/** Two contacts made from two rows of one LinkedIn Connections.csv, in one import: LinkedIn lists each person once. */
function rowsOfOneExport(a: Contact, b: Contact): boolean {
  return a.sources.some(
    (s) => s.format === 'linkedin-connections' && b.sources.some((t) => t.format === s.format && t.file === s.file && t.importedAt === s.importedAt && t.ref !== s.ref),
  );
}

/** The contacts that may be the same person as `id`, with why; those the user kept apart are left out. */
export function possibleDuplicatesOf(doc: CarnetDocument, id: string, max = 5): DuplicateCandidate[] {
  if (!Object.hasOwn(doc.contacts, id)) return [];
  const me = doc.contacts[id]!;
  const mine = keysOf(me);
  if (!mine.name) return [];
  const alike: DuplicateCandidate[] = [];
  const sameName: Contact[] = [];
  for (const c of idValues(doc.contacts)) {
    if (c.id === id || c.archived) continue;
    const theirs = keysOf(c);
    // Every kind of likeness keeps at least one word of the name: anything else is skipped at the cost of a set lookup.
    let shares = theirs.name === mine.name;
    if (!shares) for (const w of theirs.words) if (mine.words.has(w)) shares = true;
    if (!shares) continue;
    const org = mine.orgs.find((o) => theirs.orgs.includes(o));
    if (org === undefined) {
      if (theirs.name === mine.name && (mine.orgs.length === 0 || theirs.orgs.length === 0)) sameName.push(c);
      continue;
    }
    const reason = lookAlike(me.name, c.name);
    if (!reason || differentProfiles(me.profileUrl, c.profileUrl) || rowsOfOneExport(me, c) || isKeptApart(doc, id, c.id)) continue;
    alike.push({ id: c.id, reason, organization: c.organizations.find((o) => normalizeOrg(o.name) === org)?.name ?? org });
  }
  if (alike.length === 0 && sameName.length === 1) {
    const c = sameName[0]!;
    if (!differentProfiles(me.profileUrl, c.profileUrl) && !rowsOfOneExport(me, c) && !isKeptApart(doc, id, c.id)) {
      alike.push({ id: c.id, reason: lookAlike(me.name, c.name) ?? 'sameName' });
    }
  }
  return alike.slice(0, max);
}

/** Remembers that two contacts are two people. */
export function keepApart(doc: CarnetDocument, a: string, b: string): ChangeSet {
  const id = duplicateKey(a, b);
  const name = doc.contacts[a]?.name ?? a;
  return { label: { key: 'import.undoKeepApart', params: { name } }, changes: [{ op: 'put', coll: 'suggestions', id, value: { id, status: 'dismissed' } }] };
}

/**
 * Merges contact `goneId` into `keepId`: one ChangeSet that unites their values (the kept contact's
 * win, the other's differing ones go to its notes), moves ties and interactions to the kept contact
 * (without doubling a tie or a participant), keeps a position, and deletes the merged contact.
 */
export function mergeContacts(doc: CarnetDocument, keepId: string, goneId: string, now = new Date().toISOString()): ChangeSet {
  if (keepId === goneId) throw new Error('a contact cannot be merged with itself');
  if (!Object.hasOwn(doc.contacts, keepId)) throw new Error(`no contact "${keepId}"`);
  if (!Object.hasOwn(doc.contacts, goneId)) throw new Error(`no contact "${goneId}"`);
  const keep = doc.contacts[keepId]!;
  const gone = doc.contacts[goneId]!;
  const draft = structuredClone(keep);
  mergeInto(draft, asRecord(gone, gone.id), gone.categories, { file: gone.name, format: 'merge', importedAt: now }, now, new Set());
  draft.sources = [...keep.sources, ...gone.sources];
  const changes: Change[] = [{ op: 'put', coll: 'contacts', id: keepId, value: draft }];

  const tieKey = (a: string, b: string, type?: string) => `${a < b ? `${a}|${b}` : `${b}|${a}`}|${(type ?? '').toLowerCase()}`;
  const existing = new Set<string>();
  const moving = [];
  for (const t of idValues(doc.ties)) {
    const touchesGone = t.from === goneId || t.to === goneId;
    if (!touchesGone) {
      if (t.from === keepId || t.to === keepId) existing.add(tieKey(t.from, t.to, t.type));
      continue;
    }
    moving.push(t);
  }
  for (const t of moving) {
    const from = t.from === goneId ? keepId : t.from;
    const to = t.to === goneId ? keepId : t.to;
    const key = tieKey(from, to, t.type);
    if (from === to || existing.has(key)) changes.push({ op: 'del', coll: 'ties', id: t.id });
    else {
      existing.add(key);
      changes.push({ op: 'put', coll: 'ties', id: t.id, value: { ...t, from, to } });
    }
  }
  for (const i of idValues(doc.interactions)) {
    if (!i.contacts.includes(goneId)) continue;
    const contacts = [...new Set(i.contacts.map((c) => (c === goneId ? keepId : c)))];
    changes.push({ op: 'put', coll: 'interactions', id: i.id, value: { ...i, contacts } });
  }
  if (Object.hasOwn(doc.positions, goneId)) {
    if (!Object.hasOwn(doc.positions, keepId)) changes.push({ op: 'put', coll: 'positions', id: keepId, value: doc.positions[goneId]! });
    changes.push({ op: 'del', coll: 'positions', id: goneId });
  }
  // What was decided about the merged contact (snoozed suggestions, pairs kept apart) no longer names anyone.
  for (const key of Object.keys(doc.suggestions)) {
    if (key.endsWith(`:${goneId}`) || (key.startsWith(PREFIX) && key.slice(PREFIX.length).split('+').includes(goneId))) {
      changes.push({ op: 'del', coll: 'suggestions', id: key });
    }
  }
  changes.push({ op: 'del', coll: 'contacts', id: goneId });
  return { label: { key: 'import.undoMerge', params: { name: keep.name } }, changes };
}
