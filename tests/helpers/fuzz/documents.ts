/**
 * A small document that holds one entity of every kind (some under built-in
 * names), and fast-check arbitraries that damage it: a value replaced, a key
 * deleted or renamed, an entry copied under another id.
 */
import fc from 'fast-check';
import { addCategory, addContact, compose, logInteraction } from '../../../shared/document/commands.js';
import { applyChangeSet, type ChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { nastyString } from './inputs.js';

export const NOW = '2026-03-01T10:00:00.000Z';
/** Contact ids of `smallDocument`. */
export const CONTACT_IDS = ['c1', 'c2', 'c3', 'constructor', '__proto__'];

const put = (coll: string, id: string, value: unknown): ChangeSet => ({ label: { key: 'labels.edit' }, changes: [{ op: 'put', coll, id, value } as ChangeSet['changes'][number]] });

export function smallDocument(): CarnetDocument {
  const doc = emptyDocument(NOW, 'Fuzz');
  applyChangeSet(doc, compose({ key: 'labels.edit' }, addCategory(doc, { id: 'cat1', name: 'Clients', color: '#336699', cadenceDays: 30 }), addCategory(doc, { id: 'toString', name: 'toString', color: '#993366' })));
  const people: [string, string, string[]][] = [
    ['c1', 'Alice Martin', ['cat1']],
    ['c2', 'Bruno Petit', []],
    ['c3', 'Chloé Durand', ['toString']],
    ['constructor', 'Constance Tructor', []],
    ['__proto__', 'Pro Totype', ['cat1']],
  ];
  for (const [id, name, categories] of people) {
    applyChangeSet(doc, addContact(doc, { id, name, emails: [{ value: `${id.replace(/_/g, '')}@example.org` }], organizations: [{ name: 'Acme', current: true }], city: 'Rennes', categories }, NOW));
  }
  applyChangeSet(doc, put('ties', 't1', { id: 't1', from: 'c1', to: 'constructor', strength: 0.7 }));
  applyChangeSet(doc, put('ties', 'hasOwnProperty', { id: 'hasOwnProperty', from: '__proto__', to: 'c2' }));
  applyChangeSet(doc, logInteraction(doc, { id: 'i1', date: '2026-01-05', contacts: ['c1', '__proto__'], channel: 'call', direction: 'gave' }));
  applyChangeSet(doc, put('positions', 'c1', { x: 1, y: 2 }));
  applyChangeSet(doc, put('positions', '__proto__', { x: -3, y: 4, pinned: true }));
  applyChangeSet(doc, put('personas', 'p1', { id: 'p1', name: 'Investor', match: { title: ['investor'], organization: [], location: ['Rennes'], tags: [], sector: [], school: [] }, target: 2 }));
  applyChangeSet(doc, put('suggestions', 'valueOf', { id: 'valueOf', status: 'snoozed', until: '2026-04-01' }));
  applyChangeSet(doc, put('clusters', 'k1', { id: 'k1', label: 'Rennes', color: '#123456' }));
  return doc;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) paths(value[k]!, [...prefix, k], out);
  return out;
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | null {
  if (path.length === 0) return null;
  let node = root;
  for (const k of path.slice(0, -1)) node = (node as Record<string | number, Json>)[k]!;
  return { parent: node, key: path.at(-1)! };
}

const setOwn = (o: object, k: string | number, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

type Edit = [number, 'set' | 'delete' | 'rename' | 'copy', Json, string];

/** Applies `edits` to a JSON copy of `doc` (keys such as "__proto__" stay own keys, as in a file). */
export function damage(doc: CarnetDocument, edits: Edit[]): unknown {
  const root = JSON.parse(JSON.stringify(doc)) as Json;
  for (const [pick, op, value, key] of edits) {
    const all = paths(root).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const at = parentOf(root, all[pick % all.length]!)!;
    const parent = at.parent as Record<string | number, Json>;
    if (op === 'set') setOwn(parent, at.key, value);
    else if (op === 'delete') Array.isArray(parent) ? parent.splice(Number(at.key), 1) : delete parent[at.key];
    else if (!Array.isArray(parent)) {
      setOwn(parent, key, parent[at.key]!);
      if (op === 'rename' && key !== at.key) delete parent[at.key];
    }
  }
  return root;
}

const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, nastyString as fc.Arbitrary<Json>, fc.constantFrom<Json>(0, -1, 1.5, 1e308, 6, 2200, '2026-13-01', '#zzzzzz', [], {}, null));
const edit: fc.Arbitrary<Edit> = fc.tuple(fc.nat(), fc.constantFrom('set' as const, 'delete' as const, 'rename' as const, 'copy' as const), jsonValue, fc.oneof(nastyString, fc.constantFrom(...CONTACT_IDS)));

/** `smallDocument` as JSON, damaged in one to four places. */
export const damagedDocument: fc.Arbitrary<unknown> = fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => damage(smallDocument(), edits));
