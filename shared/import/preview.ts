/**
 * The import preview: what importing these parsed files into this document
 * would do, file by file (read = new + merged + duplicates + skipped, on what
 * records matched, possible duplicates for the user to decide, conflicts,
 * warnings), what it changes in the user's own profile, and the ONE
 * ChangeSet that does it all, positions of the new contacts included.
 * Nothing is applied here; the caller applies `changeSet` once the user
 * confirms, so the whole import is a single undo step.
 */
import { newId as randomId } from '../document/commands.js';
import { duplicateKey } from '../document/duplicates.js';
import { getOwn, idValues } from '../document/idMap.js';
import type { Change, ChangeSet, Label } from '../document/operations.js';
import { withPositions } from '../document/placement.js';
import { Contact, Interaction, Me, Tie, type CarnetDocument, type Category, type ContactSource } from '../document/schema.js';
import type { Params } from '../i18n/index.js';
import { IdentityKeys, type Carrier } from './identity.js';
import type { LookAlikeReason } from './lookAlike.js';
import { keysOf, Matcher, type Origin, type RecordKeys } from './matcher.js';
import { mergeInto, newContact, type Conflict, type MatchKind } from './merge.js';
import { forgetDates } from './dates.js';
import { forgetNormalized } from './normalize.js';
import { inApplyOrderOf } from './order.js';
import { applyProfile, type MeChange } from './profile.js';
import { ISSUE_CAP, makeIssue, type ImportIssue, type ParsedContact, type ParsedFile, type ProfilePatch, type Where } from './types.js';

export type Decision = 'merge' | 'apart';
/** The user's answers about possible duplicates: a Map, or anything that answers by key. */
export type Decisions = { get(key: string): Decision | undefined };

export type ImportOptions = {
  /** Timestamp written in `createdAt`, `updatedAt` and the sources. */
  now?: string;
  /** Id factory (tests pass a deterministic one). */
  newId?: (prefix: string) => string;
  /** Undo label; defaults to "Import <file>" or "Import N files". */
  label?: Label;
  /** What the user chose for possible duplicates, by key. Undecided ones stay apart, and are asked again later. */
  decisions?: Decisions;
  /** Files of an export that Carnet does not read: named in the preview. */
  ignored?: readonly string[];
};

export const MATCH_KINDS: readonly MatchKind[] = ['id', 'email', 'profileUrl', 'phone', 'name+organization', 'choice'];

/** What a file adds: contacts, interactions (LinkedIn messages, endorsements…), ties, or the user's own profile. */
export type FileKind = 'contacts' | 'interactions' | 'ties' | 'profile';

const KIND_OF_FORMAT: Partial<Record<string, FileKind>> = {
  'linkedin-messages': 'interactions',
  'linkedin-invitations': 'interactions',
  'linkedin-endorsements-given': 'interactions',
  'linkedin-endorsements-received': 'interactions',
  'linkedin-recommendations-given': 'interactions',
  'linkedin-recommendations-received': 'interactions',
  'ties-csv': 'ties',
  'linkedin-profile': 'profile',
  'linkedin-positions': 'profile',
  'linkedin-education': 'profile',
  'linkedin-skills': 'profile',
};

export type FilePreview = {
  file: string;
  format: string;
  kind: FileKind;
  encoding?: string;
  /** Contact records read; read = new + merged + duplicates + skipped. */
  read: number;
  new: number;
  /** Records that are a contact already in the document. */
  merged: number;
  /** Records that are the same person as a record read before in this import (this file or another). */
  duplicates: number;
  /** Records that could not be imported (each has a warning or an error). */
  skipped: number;
  /** Records that may be a contact already known (see `ImportPreview.duplicates`). */
  possible: number;
  matchedOn: Record<MatchKind, number>;
  interactions: number;
  ties: number;
  /** Interactions and ties already in the document (or earlier in this import), not added again. */
  known: number;
  /** Interactions and ties that could not be attached to contacts, or were refused (each has a warning or an error). */
  unmatched: number;
  /** True when the file describes the user (LinkedIn's Profile, Positions…): it adds to "This is you". */
  profile: boolean;
  conflicts: Conflict[];
  /** Conflicts beyond those listed. */
  moreConflicts: number;
  warnings: ImportIssue[];
  errors: ImportIssue[];
};

/** What the user sees of a record or a contact, side by side with its possible duplicate. */
export type PersonCard = {
  name: string;
  organizations: { name: string; title?: string }[];
  emails: string[];
  phones: string[];
  city?: string;
  profileUrl?: string;
  /** A contact of the document. */
  contactId?: string;
  /** A record of this import. */
  file?: string;
  ref?: string;
};

export type PossibleDuplicate = {
  /** Stable across previews of the same files: decisions are given by this key. */
  key: string;
  reason: LookAlikeReason;
  /** The organization they share, when that is what makes them alike. */
  organization?: string;
  incoming: PersonCard;
  existing: PersonCard;
  decision?: Decision;
};

export type ImportTotals = {
  read: number;
  new: number;
  merged: number;
  duplicates: number;
  skipped: number;
  possible: number;
  interactions: number;
  ties: number;
  categories: number;
};

export type ImportPreview = {
  files: FilePreview[];
  changeSet: ChangeSet;
  totals: ImportTotals;
  duplicates: PossibleDuplicate[];
  /** What the import changes in the user's own profile, or null. */
  me: { changes: MeChange[]; value: Me } | null;
  ignored: string[];
};

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
/** Conflicts listed per file; the rest are counted. */
const CONFLICT_CAP = ISSUE_CAP;

type ZodIssue = { path: PropertyKey[]; message: string; code?: string; maximum?: unknown; minimum?: unknown };

/** Why the schema refused a record, as a key suffix (`TooLong`, `BadFormat`…) and parameters the catalog words in each language. */
function invalid(error: { issues: ZodIssue[] }): { suffix: string; params: Params } {
  const i = error.issues[0]!;
  const field = i.path.map(String).join('.') || '-';
  if (i.code === 'too_big' && typeof i.maximum === 'number') return { suffix: 'TooLong', params: { field, max: i.maximum } };
  if (i.code === 'too_small' && typeof i.minimum === 'number') return { suffix: 'TooShort', params: { field, min: i.minimum } };
  if (i.code === 'invalid_format' || i.code === 'invalid_string') return { suffix: 'BadFormat', params: { field } };
  return { suffix: 'Other', params: { field, reason: i.message.slice(0, 300) } };
}

const where = (ref: string): Where => {
  const m = /^(line|card) (\d+)$/.exec(ref);
  return m ? { [m[1]!]: Number(m[2]) } : {};
};

function card(c: { name: string; organizations: readonly { name: string; title?: string }[]; emails: readonly { value: string }[]; phones: readonly { value: string }[]; city?: string; profileUrl?: string }): PersonCard {
  const out: PersonCard = {
    name: c.name,
    organizations: c.organizations.slice(0, 3).map((o) => (o.title ? { name: o.name, title: o.title } : { name: o.name })),
    emails: c.emails.slice(0, 3).map((e) => e.value),
    phones: c.phones.slice(0, 3).map((p) => p.value),
  };
  if (c.city) out.city = c.city;
  if (c.profileUrl) out.profileUrl = c.profileUrl;
  return out;
}

/** Records named after their e-mail, phone or organization had no name of their own. */
function isNameless(p: ParsedContact): boolean {
  return p.name.includes('@') || !/\p{L}/u.test(p.name) || p.organizations.some((o) => o.name === p.name);
}

/**
 * Matches every parsed record against the document (and against the records before it in this
 * import) and builds the ChangeSet. Files are taken in applying order: contacts first, then
 * interactions and ties.
 */
export function buildImportPreview(doc: CarnetDocument, parsedFiles: readonly ParsedFile[], options: ImportOptions = {}): ImportPreview {
  const now = options.now ?? new Date().toISOString();
  const factory = options.newId ?? randomId;
  const decisions: Decisions = options.decisions ?? new Map<string, Decision>();
  const files = inApplyOrderOf(parsedFiles);

  /** Contacts this import creates or changes, as it leaves them. */
  const touched = new Map<string, Contact>();
  const created = new Map<string, Origin>();
  // Ids are one random stem per import and a counter: a random id per record was a tenth of a 30,000-row preview.
  const stem = randomId('x').slice(2, 12);
  let seq = 0;
  const issued = new Set<string>();
  const collOf: Record<string, Record<string, unknown>> = { c: doc.contacts, cat: doc.categories, i: doc.interactions, t: doc.ties };
  const taken = (prefix: string, id: string) => issued.has(id) || (Object.hasOwn(collOf, prefix) && Object.hasOwn(collOf[prefix]!, id));
  const makeId = (prefix: string) => {
    let id = options.newId ? options.newId(prefix) : `${prefix}_${stem}${(seq++).toString(16).padStart(6, '0')}`;
    while (taken(prefix, id)) id = randomId(prefix);
    if (options.newId) issued.add(id);
    return id;
  };
  const current = (id: string): Contact | undefined => touched.get(id) ?? getOwn(doc.contacts, id);
  const draftOf = (id: string): Contact => {
    let d = touched.get(id);
    if (!d) touched.set(id, (d = structuredClone(doc.contacts[id]!)));
    return d;
  };

  // Who carries each e-mail and phone, across the document and every file: a value several people carry
  // identifies no one. Each record's keys are normalized here, once.
  const identity = new IdentityKeys();
  const docKeys = new Map<string, RecordKeys>();
  for (const c of idValues(doc.contacts)) {
    const k = keysOf(c);
    docKeys.set(c.id, k);
    const carrier: Carrier = { name: k.exact, profileUrl: c.profileUrl, docId: c.id };
    for (const e of k.emails) identity.add(e, carrier);
    for (const p of k.phones) identity.add(p, carrier);
  }
  const recordKeys = new Map<ParsedContact, RecordKeys>();
  for (const f of files) {
    const group = f.format === 'linkedin-connections' ? f.file : undefined;
    for (const p of f.contacts) {
      const k = keysOf(p);
      recordKeys.set(p, k);
      const carrier: Carrier = { name: k.exact, nameless: isNameless(p), profileUrl: p.profileUrl, group, ref: p.ref };
      for (const e of k.emails) identity.add(e, carrier);
      for (const ph of k.phones) identity.add(ph, carrier);
    }
  }
  const matcher = new Matcher(doc, identity);
  for (const [id, k] of docKeys) matcher.add(id, k);
  for (const f of files) {
    if (f.format !== 'linkedin-connections') continue;
    for (const p of f.contacts) matcher.countRow(f.file, recordKeys.get(p)!, p.ref);
  }

  const categoryByName = new Map<string, string>();
  for (const cat of Object.values(doc.categories)) categoryByName.set(cat.name.trim().toLowerCase(), cat.id);
  const newCategories: Category[] = [];
  // A blank name (a Google label "*" cut short) names no category: the schema refuses an empty one.
  const categoryIds = (names: readonly string[]): string[] =>
    names.length === 0 ? [] : names.filter((name) => name.trim() !== '').map((name) => {
      const key = name.trim().toLowerCase();
      let id = categoryByName.get(key);
      if (!id) {
        id = makeId('cat');
        const color = PALETTE[(Object.keys(doc.categories).length + newCategories.length) % PALETTE.length]!;
        newCategories.push({ id, name: name.trim().slice(0, 200), color });
        categoryByName.set(key, id);
      }
      return id;
    });

  const interactionKeys = new Set<string>();
  // An imported interaction is known by its file's name, not by its note: notes are written in the
  // importing user's language, and importing the same export again in another language adds nothing.
  type Keyed = { date: string; channel: string; direction: string; contacts: readonly string[]; note?: string; source?: string };
  const byNote = (i: Keyed) => `${i.date.slice(0, 10)}|${i.channel}|${[...i.contacts].sort().join(',')}|note:${i.note ?? ''}`;
  const byFile = (i: Keyed) => `${i.date.slice(0, 10)}|${i.channel}|${[...i.contacts].sort().join(',')}|src:${baseName(i.source ?? '')}|${i.direction}`;
  for (const i of idValues(doc.interactions)) {
    interactionKeys.add(byNote(i));
    if (i.source) interactionKeys.add(byFile(i));
  }
  const tieKeys = new Set<string>();
  const tieKey = (a: string, b: string, type?: string) => `${a < b ? `${a}|${b}` : `${b}|${a}`}|${(type ?? '').toLowerCase()}`;
  for (const t of idValues(doc.ties)) tieKeys.add(tieKey(t.from, t.to, t.type));

  const interactions: Interaction[] = [];
  const ties: Tie[] = [];
  const previews: FilePreview[] = [];
  const duplicates: PossibleDuplicate[] = [];
  const apart: [string, string][] = [];
  const profiles: ProfilePatch[] = [];
  const reported = new Set<string>();

  for (const file of files) {
    const group = file.format === 'linkedin-connections' ? file.file : undefined;
    const fp: FilePreview = {
      file: file.file,
      format: file.format,
      kind: (Object.hasOwn(KIND_OF_FORMAT, file.format) ? KIND_OF_FORMAT[file.format] : undefined) ?? 'contacts',
      ...(file.encoding ? { encoding: file.encoding } : {}),
      read: file.contacts.length + (file.skipped ?? 0),
      new: 0,
      merged: 0,
      duplicates: 0,
      skipped: file.skipped ?? 0,
      possible: 0,
      matchedOn: { id: 0, email: 0, profileUrl: 0, phone: 0, 'name+organization': 0, choice: 0 },
      interactions: 0,
      ties: 0,
      known: 0,
      unmatched: 0,
      profile: file.profile !== undefined && !file.profile.weak,
      conflicts: [],
      moreConflicts: 0,
      warnings: [...file.warnings],
      errors: [...file.errors],
    };
    const warn = (key: string, params: Params, at: Where) => {
      if (fp.warnings.length < ISSUE_CAP) fp.warnings.push(makeIssue(file.file, key, params, at));
    };
    const fail = (key: string, params: Params, at: Where) => {
      if (fp.errors.length < ISSUE_CAP) fp.errors.push(makeIssue(file.file, key, params, at));
    };
    if (file.profile) profiles.push(file.profile);

    for (const p of file.contacts) {
      const origin: Origin = { file: file.file, ref: p.ref, group };
      const source: ContactSource = { file: file.file, format: file.format, importedAt: now, ref: p.ref };
      // The record is checked as a contact of its own before anything is made of it, so that a refused record creates nothing.
      const probe = Contact.safeParse(newContact('c_probe', p, [], source, now));
      if (!probe.success) {
        const why = invalid(probe.error);
        fail(`recordInvalid${why.suffix}`, { name: p.name.slice(0, 200), ...why.params }, where(p.ref));
        fp.skipped++;
        continue;
      }
      const keys = recordKeys.get(p)!;
      let target: { id: string; on: MatchKind } | null = null;
      const sure = matcher.match(keys, origin, p.externalId);
      if (sure) {
        target = sure;
        for (const o of sure.others) {
          const other = current(o.id);
          if (fp.conflicts.length < CONFLICT_CAP) {
            fp.conflicts.push({ ref: p.ref, contactId: sure.id, contactName: current(sure.id)!.name, field: 'match', existing: sure.id, incoming: `${other?.name ?? o.id}|${o.on}` });
          } else fp.moreConflicts++;
        }
      }
      let asked: { id: string; d: PossibleDuplicate }[] = [];
      if (!target) {
        asked = matcher.possible(keys, origin, current).map((cand) => {
          const existing = current(cand.id)!;
          const from = created.get(cand.id);
          const targetKey = from ? `r:${from.file}|${from.ref}` : `c:${cand.id}`;
          const d: PossibleDuplicate = {
            key: `${file.file}|${p.ref}|${targetKey}`,
            reason: cand.reason,
            ...(cand.organization ? { organization: cand.organization } : {}),
            incoming: { ...card(p), file: file.file, ref: p.ref },
            existing: { ...card(existing), ...(from ? { file: from.file, ref: from.ref } : { contactId: cand.id }) },
          };
          const choice = decisions.get(d.key);
          if (choice) d.decision = choice;
          return { id: cand.id, d };
        });
        const chosen = asked.find((a) => a.d.decision === 'merge');
        if (chosen) target = { id: chosen.id, on: 'choice' };
        for (const a of asked) duplicates.push(a.d);
        if (asked.length > 0) fp.possible++;
      }
      const cats = categoryIds(p.categories);
      if (target) {
        const draft = draftOf(target.id);
        for (const c of mergeInto(draft, p, cats, source, now, reported)) {
          if (fp.conflicts.length < CONFLICT_CAP) fp.conflicts.push(c);
          else fp.moreConflicts++;
        }
        matcher.add(target.id, keys, origin, p.externalId);
        if (created.has(target.id)) fp.duplicates++;
        else {
          fp.merged++;
          fp.matchedOn[target.on]++;
        }
      } else {
        const id = makeId('c');
        // The parsed probe is a fresh object of this import's own: it becomes the contact.
        const contact = probe.data;
        contact.id = id;
        contact.categories = cats;
        touched.set(id, contact);
        created.set(id, origin);
        matcher.add(id, keys, origin, p.externalId);
        fp.new++;
        // An explicit "keep apart" is remembered, so the contact panel does not ask again.
        for (const a of asked) if (a.d.decision === 'apart') apart.push([id, a.id]);
      }
    }

    for (const pi of file.interactions) {
      const ids: string[] = [];
      const problems: { key: string; params: Params }[] = [];
      for (const ref of pi.with) {
        const r = matcher.resolve(ref);
        if ('id' in r) {
          if (!ids.includes(r.id)) ids.push(r.id);
        } else problems.push(r.error);
      }
      if (ids.length === 0) {
        const first = problems[0] ?? { key: 'refNoMatch', params: { name: '?' } };
        warn(`interactionSkipped.${first.key}`, first.params, where(pi.ref));
        fp.unmatched++;
        continue;
      }
      if (problems.length > 0) warn(`interactionPartial.${problems[0]!.key}`, problems[0]!.params, where(pi.ref));
      const value = { id: '', date: pi.date, contacts: ids, channel: pi.channel, direction: pi.direction, source: file.file, ...(pi.note ? { note: pi.note } : {}) };
      const key = file.format.startsWith('linkedin-') ? byFile(value) : byNote(value);
      if (interactionKeys.has(key)) {
        fp.known++;
        continue;
      }
      value.id = makeId('i');
      const checked = Interaction.safeParse(value);
      if (!checked.success) {
        const why = invalid(checked.error);
        fail(`interactionInvalid${why.suffix}`, why.params, where(pi.ref));
        fp.unmatched++;
        continue;
      }
      interactionKeys.add(key);
      interactions.push(checked.data);
      fp.interactions++;
    }

    for (const pt of file.ties) {
      const a = matcher.resolve(pt.from);
      const b = matcher.resolve(pt.to);
      if (!('id' in a) || !('id' in b)) {
        const why = 'error' in a ? a.error : (b as { error: { key: string; params: Params } }).error;
        warn(`tieSkipped.${why.key}`, why.params, where(pt.ref));
        fp.unmatched++;
        continue;
      }
      if (a.id === b.id) {
        warn('tieSameContact', {}, where(pt.ref));
        fp.unmatched++;
        continue;
      }
      const key = tieKey(a.id, b.id, pt.type);
      if (tieKeys.has(key)) {
        fp.known++;
        continue;
      }
      const value = { id: makeId('t'), from: a.id, to: b.id, strength: pt.strength ?? 0.5, source: file.file, ...(pt.type ? { type: pt.type } : {}), ...(pt.note ? { note: pt.note } : {}) };
      const checked = Tie.safeParse(value);
      if (!checked.success) {
        const why = invalid(checked.error);
        fail(`tieInvalid${why.suffix}`, why.params, where(pt.ref));
        fp.unmatched++;
        continue;
      }
      tieKeys.add(key);
      ties.push(checked.data);
      fp.ties++;
    }
    previews.push(fp);
  }

  const profile = profiles.length > 0 ? applyProfile(doc.me, profiles) : null;
  let me = profile && profile.changes.length > 0 ? profile : null;
  if (me) {
    const checked = Me.safeParse(me.me);
    if (checked.success) me = { ...me, me: checked.data };
    else {
      const why = invalid(checked.error);
      const file = previews.find((f) => f.profile) ?? previews[0];
      if (file) file.errors.push(makeIssue(file.file, `profileInvalid${why.suffix}`, why.params));
      me = null;
    }
  }
  const changes: Change[] = [
    ...newCategories.map((value): Change => ({ op: 'put', coll: 'categories', id: value.id, value })),
    ...[...touched.values()].map((value): Change => ({ op: 'put', coll: 'contacts', id: value.id, value })),
    ...interactions.map((value): Change => ({ op: 'put', coll: 'interactions', id: value.id, value })),
    ...ties.map((value): Change => ({ op: 'put', coll: 'ties', id: value.id, value })),
    ...apart.map(([a, b]): Change => {
      const id = duplicateKey(a, b);
      return { op: 'put', coll: 'suggestions', id, value: { id, status: 'dismissed' } };
    }),
    ...(me ? [{ op: 'me', value: me.me } as Change] : []),
  ];
  const label =
    options.label ??
    (parsedFiles.length === 1
      ? { key: 'import.undoFile', params: { name: baseName(parsedFiles[0]!.file) } }
      : { key: 'import.undoFiles', params: { count: parsedFiles.length } });
  forgetNormalized();
  forgetDates();
  const sum = (k: 'read' | 'new' | 'merged' | 'duplicates' | 'skipped' | 'possible') => previews.reduce((s, f) => s + f[k], 0);
  return {
    files: previews,
    changeSet: withPositions(doc, { label, changes }),
    totals: {
      read: sum('read'),
      new: sum('new'),
      merged: sum('merged'),
      duplicates: sum('duplicates'),
      skipped: sum('skipped'),
      possible: sum('possible'),
      interactions: interactions.length,
      ties: ties.length,
      categories: newCategories.length,
    },
    duplicates,
    me: me ? { changes: me.changes, value: me.me } : null,
    ignored: [...(options.ignored ?? [])],
  };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
