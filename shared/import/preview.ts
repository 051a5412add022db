/**
 * The import preview: what importing these parsed files into this document
 * would do, file by file (new contacts, matched ones and on what, conflicts,
 * warnings), and the ONE ChangeSet that does it. Nothing is applied here; the
 * caller applies `changeSet` once the user confirms, so the whole import is a
 * single undo step.
 */
import type { ChangeSet, Change, Label } from '../document/operations.js';
import { newId as randomId } from '../document/commands.js';
import { getOwn } from '../document/idMap.js';
import { Category, Contact, Interaction, Tie, type CarnetDocument, type ContactSource } from '../document/schema.js';
import { ContactIndex, mergeContact, newContact, type Conflict, type MatchKind } from './merge.js';
import { inApplyOrderOf } from './order.js';
import type { ImportIssue, ParsedFile } from './types.js';

export type ImportOptions = {
  /** Timestamp written in `createdAt`, `updatedAt` and the sources. */
  now?: string;
  /** Id factory (tests pass a deterministic one). */
  newId?: (prefix: string) => string;
  /** Undo label; defaults to "Import <file>" or "Import N files". */
  label?: Label;
};

export type FilePreview = {
  file: string;
  format: string;
  encoding?: string;
  /** Contacts read from the file. */
  contacts: number;
  new: number;
  merged: number;
  matchedOn: Record<MatchKind, number>;
  interactions: number;
  ties: number;
  conflicts: Conflict[];
  warnings: ImportIssue[];
  errors: ImportIssue[];
};

export type ImportPreview = {
  files: FilePreview[];
  changeSet: ChangeSet;
  totals: { new: number; merged: number; interactions: number; ties: number; categories: number };
};

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

function zodMessage(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = error.issues[0]!;
  return `${i.path.map(String).join('.') || 'value'}: ${i.message}`;
}

/**
 * Matches every parsed record against the document (and against the records
 * before it in this import) and builds the ChangeSet. Files are taken in
 * applying order: contacts first, then interactions and ties.
 */
export function buildImportPreview(doc: CarnetDocument, parsedFiles: readonly ParsedFile[], options: ImportOptions = {}): ImportPreview {
  const now = options.now ?? new Date().toISOString();
  const factory = options.newId ?? randomId;
  const touched = new Map<string, Contact>();
  const created = new Set<string>();
  const taken = (id: string) => touched.has(id) || Object.hasOwn(doc.contacts, id) || Object.hasOwn(doc.categories, id) || Object.hasOwn(doc.interactions, id) || Object.hasOwn(doc.ties, id);
  const makeId = (prefix: string) => {
    let id = factory(prefix);
    while (taken(id)) id = randomId(prefix);
    return id;
  };
  const lookup = (id: string) => touched.get(id) ?? getOwn(doc.contacts, id);
  // Ids named by the file are looked up among the document's own contacts only, never among those this import creates.
  const index = new ContactIndex((id) => getOwn(doc.contacts, id), lookup);
  for (const c of Object.values(doc.contacts)) index.add(c);

  const categoryByName = new Map<string, string>();
  for (const cat of Object.values(doc.categories)) categoryByName.set(cat.name.trim().toLowerCase(), cat.id);
  const newCategories: Category[] = [];
  // A blank name (a Google label "*" cut short) names no category: the schema refuses an empty one.
  const categoryIds = (names: readonly string[]) =>
    names.filter((name) => name.trim() !== '').map((name) => {
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
  const interactionKey = (i: { date: string; channel: string; contacts: readonly string[]; note?: string }) =>
    `${i.date.slice(0, 10)}|${i.channel}|${[...i.contacts].sort().join(',')}|${i.note ?? ''}`;
  for (const i of Object.values(doc.interactions)) interactionKeys.add(interactionKey(i));
  const tieKeys = new Set<string>();
  const tieKey = (a: string, b: string, type?: string) => `${[a, b].sort().join('|')}|${(type ?? '').toLowerCase()}`;
  for (const t of Object.values(doc.ties)) tieKeys.add(tieKey(t.from, t.to, t.type));

  const interactions: Interaction[] = [];
  const ties: Tie[] = [];
  const previews: FilePreview[] = [];

  for (const file of inApplyOrderOf(parsedFiles)) {
    const fp: FilePreview = {
      file: file.file,
      format: file.format,
      encoding: file.encoding,
      contacts: file.contacts.length,
      new: 0,
      merged: 0,
      matchedOn: { id: 0, email: 0, profileUrl: 0, phone: 0, 'name+organization': 0 },
      interactions: 0,
      ties: 0,
      conflicts: [],
      warnings: [...file.warnings],
      errors: [...file.errors],
    };
    const where = (ref: string): { line?: number; card?: number } => {
      const m = /^(line|card) (\d+)$/.exec(ref);
      return m ? { [m[1]!]: Number(m[2]) } : {};
    };
    for (const p of file.contacts) {
      const source: ContactSource = { file: file.file, format: file.format, importedAt: now, ref: p.ref };
      const cats = categoryIds(p.categories);
      const m = index.match(p);
      if (m) {
        const existing = lookup(m.id)!;
        const { contact, conflicts } = mergeContact(existing, p, cats, source, now);
        const checked = Contact.safeParse(contact);
        if (!checked.success) {
          fp.errors.push({ file: file.file, ...where(p.ref), message: `"${p.name}" could not be merged: ${zodMessage(checked.error)}` });
          continue;
        }
        touched.set(m.id, checked.data);
        index.add(checked.data, p.externalId);
        fp.conflicts.push(...conflicts);
        for (const o of m.others) {
          fp.conflicts.push({ ref: p.ref, contactId: m.id, contactName: existing.name, field: 'match', existing: m.id, incoming: `also matches ${lookup(o.id)?.name ?? o.id} by ${o.on}` });
        }
        if (!created.has(m.id)) {
          fp.merged++;
          fp.matchedOn[m.on]++;
        }
      } else {
        const id = makeId('c');
        const checked = Contact.safeParse(newContact(id, p, cats, source, now));
        if (!checked.success) {
          fp.errors.push({ file: file.file, ...where(p.ref), message: `"${p.name}" was not imported: ${zodMessage(checked.error)}` });
          continue;
        }
        touched.set(id, checked.data);
        created.add(id);
        index.add(checked.data, p.externalId);
        fp.new++;
      }
    }
    for (const pi of file.interactions) {
      const ids: string[] = [];
      const problems: string[] = [];
      for (const ref of pi.with) {
        const r = index.resolve(ref);
        if ('id' in r) {
          if (!ids.includes(r.id)) ids.push(r.id);
        } else problems.push(r.error);
      }
      if (ids.length === 0) {
        fp.warnings.push({ file: file.file, ...where(pi.ref), message: `interaction skipped: ${problems.join('; ')}` });
        continue;
      }
      if (problems.length > 0) fp.warnings.push({ file: file.file, ...where(pi.ref), message: `interaction kept without: ${problems.join('; ')}` });
      const value = { id: makeId('i'), date: pi.date, contacts: ids, channel: pi.channel, direction: pi.direction, source: file.file, ...(pi.note ? { note: pi.note } : {}) };
      const key = interactionKey(value);
      if (interactionKeys.has(key)) continue;
      const checked = Interaction.safeParse(value);
      if (!checked.success) {
        fp.errors.push({ file: file.file, ...where(pi.ref), message: `interaction not imported: ${zodMessage(checked.error)}` });
        continue;
      }
      interactionKeys.add(key);
      interactions.push(checked.data);
      fp.interactions++;
    }
    for (const pt of file.ties) {
      const a = index.resolve(pt.from);
      const b = index.resolve(pt.to);
      if (!('id' in a) || !('id' in b)) {
        const why = [a, b].flatMap((r) => ('error' in r ? [r.error] : []));
        fp.warnings.push({ file: file.file, ...where(pt.ref), message: `tie skipped: ${why.join('; ')}` });
        continue;
      }
      if (a.id === b.id) {
        fp.warnings.push({ file: file.file, ...where(pt.ref), message: 'tie skipped: both ends are the same contact' });
        continue;
      }
      const key = tieKey(a.id, b.id, pt.type);
      if (tieKeys.has(key)) continue;
      const value = { id: makeId('t'), from: a.id, to: b.id, strength: pt.strength ?? 0.5, source: file.file, ...(pt.type ? { type: pt.type } : {}), ...(pt.note ? { note: pt.note } : {}) };
      const checked = Tie.safeParse(value);
      if (!checked.success) {
        fp.errors.push({ file: file.file, ...where(pt.ref), message: `tie not imported: ${zodMessage(checked.error)}` });
        continue;
      }
      tieKeys.add(key);
      ties.push(checked.data);
      fp.ties++;
    }
    previews.push(fp);
  }

  const changes: Change[] = [
    ...newCategories.map((value): Change => ({ op: 'put', coll: 'categories', id: value.id, value })),
    ...[...touched.values()].map((value): Change => ({ op: 'put', coll: 'contacts', id: value.id, value })),
    ...interactions.map((value): Change => ({ op: 'put', coll: 'interactions', id: value.id, value })),
    ...ties.map((value): Change => ({ op: 'put', coll: 'ties', id: value.id, value })),
  ];
  const label =
    options.label ??
    (parsedFiles.length === 1
      ? { key: 'import.undoFile', params: { name: baseName(parsedFiles[0]!.file) } }
      : { key: 'import.undoFiles', params: { count: parsedFiles.length } });
  return {
    files: previews,
    changeSet: { label, changes },
    totals: {
      new: created.size,
      merged: touched.size - created.size,
      interactions: interactions.length,
      ties: ties.length,
      categories: newCategories.length,
    },
  };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
