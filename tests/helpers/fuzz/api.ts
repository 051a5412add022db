/**
 * Arbitrary calls through the API as a page could send them (`backend.call(method, args)`), against
 * the real backend on a document of its own: any method name, any arguments, and well-formed edits
 * that break rules (references to nobody, built-in ids, entities of the wrong shape). Paths stay
 * inside the fuzz folder, and no browser is ever opened (the backend gets no `openExternal`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { METHODS } from '../../../shared/api/contract.js';
import { COLLECTIONS } from '../../../shared/document/schema.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { createBackend, type Backend } from '../../../electron/services/backend.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { Settings } from '../../../electron/services/settings.js';
import { unclear } from './checks.js';
import { CONTACT_IDS, damagedDocument, smallDocument } from './documents.js';
import { nastyString } from './inputs.js';

export type Call = { method: unknown; args: unknown };

const id = fc.oneof(fc.constantFrom(...CONTACT_IDS, 't1', 'i1', 'cat1', 'toString', 'p1', 'valueOf', 'k1', 'hasOwnProperty'), nastyString);
const entity = fc.oneof(
  fc.record({ id, name: nastyString, createdAt: fc.constant('2026-01-01'), updatedAt: fc.constant('2026-01-01'), categories: fc.array(id, { maxLength: 2 }) }),
  fc.record({ id, from: id, to: id, strength: fc.double() }),
  fc.record({ id, date: fc.constantFrom('2026-01-01', '2026-02-30', ''), contacts: fc.array(id, { maxLength: 3 }), channel: fc.constantFrom('call', 'email', 'telepathy') }),
  fc.record({ id, name: nastyString, color: fc.constantFrom('#123456', 'red', '') }),
  fc.record({ x: fc.double(), y: fc.double(), pinned: fc.boolean() }),
  fc.record({ id, status: fc.constantFrom('snoozed', 'dismissed', 'maybe'), until: fc.constantFrom('2026-05-01', 'never') }),
  fc.anything({ maxDepth: 2 }),
);
const change = fc.oneof(
  fc.record({ op: fc.constant('put'), coll: fc.oneof(fc.constantFrom(...COLLECTIONS), nastyString), id, value: entity }),
  fc.record({ op: fc.constant('del'), coll: fc.oneof(fc.constantFrom(...COLLECTIONS), nastyString), id }),
  fc.record({ op: fc.constant('title'), value: nastyString }),
  fc.record({ op: fc.constant('me'), value: fc.anything({ maxDepth: 2 }) }),
  fc.anything({ maxDepth: 2 }),
);
const label = fc.oneof(fc.record({ key: fc.oneof(fc.constantFrom('labels.edit', 'labels.addTo'), nastyString), params: fc.option(fc.dictionary(nastyString, fc.oneof(nastyString, fc.integer())), { nil: undefined }) }), nastyString, fc.anything({ maxDepth: 1 }));
const changeSet = fc.record({ label, changes: fc.array(change, { maxLength: 5 }) });
/** A file name inside the fuzz folder, whatever the string. */
const fileName = nastyString.map((s) => `f-${s.replace(/[/\\\0]/g, '_').replace(/^\.+/, '_').slice(0, 60)}.json`);

/** One call. `dir` is where path arguments point. */
export function apiCall(dir: string): fc.Arbitrary<Call> {
  const inDir = fileName.map((n) => join(dir, n));
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(changeSet, fc.option(fc.oneof(fc.record({ undoable: fc.boolean() }), fc.anything({ maxDepth: 1 })), { nil: undefined })).map(([set, opt]) => ({ method: 'apply', args: opt === undefined ? [set] : [set, opt] })) },
    { weight: 2, arbitrary: fc.constantFrom('undo', 'redo').map((method) => ({ method, args: [] })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('openDocument', 'saveDocumentAs'), inDir).map(([method, p]) => ({ method, args: [p] })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...METHODS), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 })).map(([method, args]) => ({ method, args: method === 'openDocument' || method === 'saveDocumentAs' ? [] : args })) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(nastyString, fc.anything({ maxDepth: 1 })), fc.anything({ maxDepth: 2 })).map(([method, args]) => ({ method, args })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('openExternal', 'getImportMapping'), fc.oneof(nastyString, fc.webUrl(), fc.constantFrom('file:///etc/passwd', 'javascript:alert(1)'))).map(([method, text]) => ({ method, args: [text] })) },
  );
}

/** Files in the fuzz folder that openDocument may be pointed at: damaged documents and junk. */
export function writeHostileFiles(dir: string, count: number, seed: number): void {
  const docs = fc.sample(damagedDocument, { seed, numRuns: count });
  docs.forEach((d, i) => writeFileSync(join(dir, `f-hostile${i}.json`), i % 3 === 2 ? `${JSON.stringify(d)}`.slice(0, 50) : JSON.stringify(d)));
}

function memorySettings(): Settings {
  const map = new Map<string, unknown>();
  return new Settings({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) });
}

export async function fuzzBackend(dir: string): Promise<Backend> {
  const path = join(dir, 'fuzz.json');
  await (await DocumentStore.create(path, smallDocument())).close();
  return createBackend({ dataDir: dir, settings: memorySettings(), docPath: path, transport: 'web', systemLanguage: 'en', storeOptions: { saveDelayMs: 5 } });
}

/** Runs one call; the problem if it failed without a clear error. */
export async function checkCall(backend: Backend, call: Call): Promise<string | null> {
  try {
    const result = await backend.call(call.method, call.args);
    JSON.stringify(result);
    return null;
  } catch (e) {
    const why = unclear(e);
    return why ? `${typeof call.method === 'string' ? call.method.slice(0, 40) : `(${typeof call.method})`}: ${why}` : null;
  }
}

/**
 * After the calls: what the backend holds is a valid document, and it is what
 * the file holds once the backend closed, so no acknowledged edit was lost
 * and nothing was half-written.
 */
export async function checkKept(backend: Backend): Promise<string | null> {
  const state = JSON.parse((await backend.call('getStateJson', [])) as string) as { doc: unknown; path: string };
  const valid = validateDocument(state.doc);
  if (!valid.ok) return `the open document became invalid: ${valid.error.path}: ${valid.error.message}`;
  await backend.close();
  const store = await DocumentStore.open(state.path, { saveDelayMs: 60_000 });
  try {
    if (JSON.stringify(store.doc) !== JSON.stringify(valid.doc)) return `${state.path} does not hold what the backend acknowledged`;
  } finally {
    await store.close();
  }
  return null;
}
