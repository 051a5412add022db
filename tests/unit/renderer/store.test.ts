import { describe, expect, it } from 'vitest';
import type { CarnetApi, DocumentState, EditResult, Events, Settings, UndoState } from '../../../shared/api/contract.js';
import { addContact, updateContact } from '../../../shared/document/commands.js';
import { applyChangeSet, type ChangeSet, type Label } from '../../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { ApiError } from '../../../renderer/src/api/apiError.js';
import { planParts } from '../../../shared/json/partPlan.js';
import { CarnetStore, type DocChange } from '../../../renderer/src/state/store.js';
import { decodeStateText } from '../../../renderer/src/state/stateText.js';

const NOW = '2025-01-01T00:00:00.000Z';
const undo = (label: Label | null): UndoState => ({ canUndo: label !== null, canRedo: false, undoLabel: label, redoLabel: null });

/** The main side in miniature: its own document, revisions, and events pushed like the backend's. */
function fakeMain(opts: { editEventFirst?: boolean; refuse?: ApiError; stateDelay?: Promise<void>; textAfterDelay?: boolean; readOnly?: boolean } = {}) {
  const doc: CarnetDocument = emptyDocument(NOW);
  let revision = 0;
  const listeners = new Map<string, ((p: never) => void)[]>();
  const emit = <E extends keyof Events>(e: E, p: Events[E]) => (listeners.get(e) ?? []).forEach((l) => (l as (x: Events[E]) => void)(p));
  const undoStack: ChangeSet[] = [];
  const settings: Settings = { language: null, systemLanguage: 'fr', recentFiles: [], preferences: {}, capabilities: { nativeDialogs: false, transport: 'web' }, routine: { notifications: false, lastSeen: null, sent: [] } };
  const state = (): DocumentState => ({ doc: structuredClone(doc), path: '/tmp/c.json', revision, openId: 'open-1', undo: undo(null), notices: [], readOnly: opts.readOnly ?? false });
  let applied = 0;
  const api = {
    getState: async () => state(),
    getStateJson: async () => {
      // Delivered once `stateDelay` settles (an HTTP response still on its way); taken when asked, or on delivery.
      const asked = JSON.stringify(state());
      await opts.stateDelay;
      return opts.textAfterDelay ? JSON.stringify(state()) : asked;
    },
    // With a plan cut small, so that every test here also goes through the parse in parts and its yields.
    getStateParts: async () => {
      const json = await (api as unknown as { getStateJson(): Promise<string> }).getStateJson();
      return { json, plan: planParts(json, 24) };
    },
    getSettings: async () => settings,
    apply: async (set: ChangeSet): Promise<EditResult> => {
      applied++;
      if (opts.refuse) throw opts.refuse;
      undoStack.push(applyChangeSet(doc, set));
      const result = { applied: structuredClone(set), revision: ++revision, undo: undo(set.label) };
      if (opts.editEventFirst) emit('edit', result);
      return result;
    },
    undo: async (): Promise<EditResult> => {
      const inverse = undoStack.pop()!;
      applyChangeSet(doc, inverse);
      return { applied: structuredClone(inverse), revision: ++revision, undo: undo(undoStack.at(-1)?.label ?? null) };
    },
    on: (e: string, l: (p: never) => void) => {
      listeners.set(e, [...(listeners.get(e) ?? []), l]);
      return () => {};
    },
  } as unknown as CarnetApi;
  /** An edit made on the main side by someone else (another window). */
  const commit = (set: ChangeSet): EditResult => {
    applyChangeSet(doc, set);
    return { applied: structuredClone(set), revision: ++revision, undo: undo(set.label) };
  };
  return { api, doc, emit, state, commit, applied: () => applied };
}

describe('CarnetStore', () => {
  it('replays what the main side applied on its copy, once, even when the edit also comes as an event', async () => {
    const main = fakeMain({ editEventFirst: true });
    const store = new CarnetStore(main.api);
    const changes: DocChange[] = [];
    store.onDocChange((c) => changes.push(c));
    await store.start();
    const copy = store.get().doc!;

    const add = addContact(copy, { id: 'c_1', name: 'Ada' }, NOW);
    expect(await store.apply(add)).toBe(true);
    expect(copy.contacts.c_1?.name).toBe('Ada');
    expect(store.get().revision).toBe(1);
    expect(store.get().undo.undoLabel).toEqual({ key: 'labels.addContact' });
    expect(changes.map((c) => c.kind)).toEqual(['replace', 'changes']);

    expect(await store.apply(updateContact(copy, 'c_1', { city: 'Lyon' }, NOW))).toBe(true);
    expect(copy).toEqual(main.doc);
  });

  it('applies edits made elsewhere, and a new document replaces everything', async () => {
    const main = fakeMain();
    const store = new CarnetStore(main.api);
    await store.start();
    const set = addContact(main.doc, { id: 'c_2', name: 'Bob' }, NOW);
    main.emit('edit', { applied: set, revision: 1, undo: undo({ key: 'labels.addContact' }) });
    expect(store.get().doc!.contacts.c_2?.name).toBe('Bob');

    const other = { ...main.state(), doc: emptyDocument(NOW, 'Other'), path: '/tmp/other.json', revision: 0 };
    main.emit('document', other);
    expect(store.get().doc!.meta.title).toBe('Other');
    expect(store.get().path).toBe('/tmp/other.json');
  });

  it('hands the workers the text of the document it loaded, so that they parse it rather than receive a copy', async () => {
    const main = fakeMain();
    applyChangeSet(main.doc, addContact(main.doc, { id: 'c_9', name: 'Zoé' }, NOW));
    const store = new CarnetStore(main.api);
    const changes: DocChange[] = [];
    store.onDocChange((c) => changes.push(c));
    await store.start();
    expect(changes).toHaveLength(1);
    const first = changes[0]!;
    expect(first.kind === 'replace' && first.text && (JSON.parse(first.text.json) as DocumentState).doc.contacts.c_9?.name).toBe('Zoé');
    expect(store.get().doc!.contacts.c_9?.name).toBe('Zoé');
  });

  it('hands each worker its own copy of the bytes the page read (browser mode), then the text once none is left', async () => {
    const main = fakeMain();
    applyChangeSet(main.doc, addContact(main.doc, { id: 'c_9', name: 'Zoé 東京' }, NOW));
    const parts = main.api.getStateParts;
    main.api.getStateParts = async () => {
      const p = await parts();
      const bytes = () => new TextEncoder().encode(p.json);
      return { ...p, copies: [bytes(), bytes()] };
    };
    const store = new CarnetStore(main.api);
    const changes: DocChange[] = [];
    store.onDocChange((c) => changes.push(c));
    await store.start();
    const text = changes[0]!.kind === 'replace' ? changes[0]!.text! : null;
    const taken = [text!.take(), text!.take(), text!.take()];
    const bytes = taken.map((t) => t.message.stateBytes);
    // Two distinct buffers, each handed over (transferred) with its message.
    expect(bytes[0]).toBeInstanceOf(Uint8Array);
    expect(bytes[1]).toBeInstanceOf(Uint8Array);
    expect(bytes[0]!.buffer).not.toBe(bytes[1]!.buffer);
    expect(taken.map((t) => t.transfer)).toEqual([[bytes[0]!.buffer], [bytes[1]!.buffer], []]);
    for (const t of taken.slice(0, 2)) expect((JSON.parse(decodeStateText(t.message)) as DocumentState).doc.contacts.c_9?.name).toBe('Zoé 東京');
    expect(taken[2]!.message).toEqual({ stateJson: text!.json });
  });

  it('replays an edit made elsewhere while the document was on its way, unless the document already has it', async () => {
    // The text was taken before the edit: the edit reported meanwhile is replayed on it.
    let arrive!: () => void;
    const before = fakeMain({ stateDelay: new Promise<void>((r) => (arrive = r)) });
    const store = new CarnetStore(before.api);
    const started = store.start();
    await Promise.resolve();
    before.emit('edit', before.commit(addContact(before.doc, { id: 'c_3', name: 'Chloé' }, NOW)));
    expect(store.get().doc).toBeNull();
    arrive();
    await started;
    expect(store.get().doc!.contacts.c_3?.name).toBe('Chloé');
    expect(store.get().revision).toBe(1);

    // The text was taken after the edit: the early report is not applied a second time.
    let arrive2!: () => void;
    const after = fakeMain({ stateDelay: new Promise<void>((r) => (arrive2 = r)), textAfterDelay: true });
    const store2 = new CarnetStore(after.api);
    const changes: DocChange[] = [];
    store2.onDocChange((c) => changes.push(c));
    const started2 = store2.start();
    await Promise.resolve();
    after.emit('edit', after.commit(addContact(after.doc, { id: 'c_4', name: 'Dan' }, NOW)));
    arrive2();
    await started2;
    expect(changes.map((c) => c.kind)).toEqual(['replace']);
    expect(store2.get().doc!.contacts.c_4?.name).toBe('Dan');
    expect(store2.get().revision).toBe(1);
  });

  it('hands the parsed document over in a task after the parse, and keeps a document the main side sent meanwhile', async () => {
    const main = fakeMain();
    main.commit(addContact(main.doc, { id: 'c_1', name: 'Ana' }, NOW));
    const store = new CarnetStore(main.api);
    const started = store.start();
    // The text arrives and is parsed; the copy is not replaced in that task.
    await new Promise<void>((r) => queueMicrotask(r));
    await Promise.resolve();
    expect(store.get().doc).toBeNull();
    // Another window opened a document meanwhile: the main side says so, and that one stays.
    const other: DocumentState = { ...main.state(), doc: emptyDocument(NOW), path: '/tmp/other.json', openId: 'open-2' };
    main.emit('document', other);
    await started;
    expect(store.get().path).toBe('/tmp/other.json');
    expect(store.get().doc!.contacts).toEqual({});

    const quiet = new CarnetStore(fakeMain().api);
    await quiet.start();
    expect(quiet.get().status).toBe('ready');
  });

  it('takes away the notice about an edit when that edit is undone, and only that one', async () => {
    const store = new CarnetStore(fakeMain().api);
    await store.start();
    const copy = store.get().doc!;
    const first = { label: { key: 'import.undoFile', params: { name: 'a.vcf' } }, changes: addContact(copy, { id: 'c_a', name: 'Ana' }, NOW).changes };
    await store.apply(first);
    store.notify({ level: 'info', code: 'import-done', message: 'Import done: 1 new contact' }, first.label);
    store.notify({ level: 'warning', code: 'other', message: 'Something else' });
    const second = { label: { key: 'import.undoFile', params: { name: 'b.vcf' } }, changes: addContact(copy, { id: 'c_b', name: 'Bo' }, NOW).changes };
    await store.apply(second);
    // Undoing the second import leaves the notice about the first.
    expect(await store.undo()).toBe(true);
    expect(store.get().notices.map((n) => n.code)).toEqual(['import-done', 'other']);
    expect(await store.undo()).toBe(true);
    expect(store.get().doc!.contacts.c_a).toBeUndefined();
    expect(store.get().notices.map((n) => n.code)).toEqual(['other']);
  });

  it('shows a refused edit as an error notice naming the path at fault', async () => {
    const store = new CarnetStore(fakeMain({ refuse: new ApiError('unknown category "x"', '$[0].changes[0].value.categories') }).api);
    await store.start();
    expect(await store.apply({ label: { key: 'Edit contact' }, changes: [] })).toBe(false);
    expect(store.get().notices).toMatchObject([{ level: 'error', message: 'unknown category "x" ($[0].changes[0].value.categories)' }]);
    store.dismiss(store.get().notices[0]!.key);
    expect(store.get().notices).toEqual([]);
  });

  it('refuses an edit of a read-only document before sending it, with a notice offering Save As', async () => {
    const main = fakeMain({ readOnly: true });
    const store = new CarnetStore(main.api);
    await store.start();
    expect(store.get().readOnly).toBe(true);
    expect(await store.apply(addContact(store.get().doc!, { id: 'c_5', name: 'Refused' }, NOW))).toBe(false);
    expect(main.applied()).toBe(0);
    expect(store.get().doc!.contacts.c_5).toBeUndefined();
    expect(store.get().notices).toMatchObject([{ code: 'document.readOnlyEdit', level: 'warning', actions: [{ kind: 'saveAs' }] }]);
  });

  it('applies a background edit, and says nothing when it is refused or the document is read-only', async () => {
    const main = fakeMain();
    const store = new CarnetStore(main.api);
    await store.start();
    const set: ChangeSet = { label: { key: 'labels.clusterCache' }, changes: [{ op: 'put', coll: 'clusterCache', id: 'k', value: { id: 'k', label: 'K', color: '#123456', members: [] } }] };
    expect(await store.applyQuietly(set)).toBe(true);
    expect(store.get().doc!.clusterCache.k).toMatchObject({ label: 'K' });
    for (const main of [fakeMain({ readOnly: true }), fakeMain({ refuse: new ApiError('stale', '$') })]) {
      const quiet = new CarnetStore(main.api);
      await quiet.start();
      expect(await quiet.applyQuietly(set)).toBe(false);
      expect(quiet.get().notices).toEqual([]);
      expect(quiet.busy()).toBe(false);
    }
  });

  it('learns that its document became read-only from the main side', async () => {
    const main = fakeMain();
    const store = new CarnetStore(main.api);
    await store.start();
    main.emit('readOnly', { path: '/tmp/other.json', readOnly: true });
    expect(store.get().readOnly).toBe(false);
    main.emit('readOnly', { path: '/tmp/c.json', readOnly: true });
    expect(store.get().readOnly).toBe(true);
    expect(await store.apply(addContact(store.get().doc!, { id: 'c_6', name: 'Late' }, NOW))).toBe(false);
    expect(main.applied()).toBe(0);
  });
});

describe('ids named like built-in properties', () => {
  it('a document that arrives as JSON text finds no inherited member under an id such as "constructor"', async () => {
    const main = fakeMain();
    const store = new CarnetStore(main.api);
    await store.start();
    const doc = store.get().doc!;
    for (const coll of ['contacts', 'ties', 'categories', 'positions'] as const) {
      expect(doc[coll]['constructor' as string]).toBeUndefined();
      expect(doc[coll]['toString' as string]).toBeUndefined();
    }
  });
});
