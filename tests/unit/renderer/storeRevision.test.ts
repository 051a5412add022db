/**
 * The renderer's side of the base-revision rule: every edit says which copy it was built on, a
 * refused edit is reported in the catalog's words and leaves a copy that catches up with the main
 * side, and a copy that missed an edit reloads instead of drifting from the file.
 */
import { describe, expect, it } from 'vitest';
import type { CarnetApi, DocumentState, EditResult, Events, Settings, UndoState } from '../../../shared/api/contract.js';
import { addContact, updateContact } from '../../../shared/document/commands.js';
import { applyChangeSet, type ChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { planParts } from '../../../shared/json/partPlan.js';
import en from '../../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../../shared/i18n/fr.json' with { type: 'json' };
import { CarnetStore } from '../../../renderer/src/state/store.js';

const NOW = '2025-01-01T00:00:00.000Z';
const NO_UNDO: UndoState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
const settings: Settings = { language: null, systemLanguage: 'fr', recentFiles: [], preferences: {}, capabilities: { nativeDialogs: false, transport: 'web' }, routine: { notifications: false, lastSeen: null, sent: [] } };

/** The main side: one document; `answer` decides what an apply returns (the default applies it). */
function fakeMain() {
  const doc: CarnetDocument = emptyDocument(NOW);
  let revision = 0;
  const listeners = new Map<string, ((p: never) => void)[]>();
  const applyCalls: unknown[][] = [];
  const state = (): DocumentState => ({ doc: structuredClone(doc), path: '/tmp/c.json', revision, openId: 'open-1', undo: NO_UNDO, notices: [], readOnly: false });
  let next: ((set: ChangeSet) => EditResult) | null = null;
  /** An edit another window made: applied here, its event not (yet) delivered. */
  const elsewhere = (set: ChangeSet): EditResult => {
    applyChangeSet(doc, set);
    return { applied: structuredClone(set), revision: ++revision, undo: NO_UNDO };
  };
  const api = {
    getStateJson: async () => JSON.stringify(state()),
    getStateParts: async () => {
      const json = JSON.stringify(state());
      return { json, plan: planParts(json, 24) };
    },
    getState: async () => state(),
    getSettings: async () => settings,
    apply: async (...args: unknown[]): Promise<EditResult> => {
      applyCalls.push(args);
      const set = args[0] as ChangeSet;
      if (next) return next(set);
      return elsewhere(set);
    },
    undo: async (): Promise<EditResult> => ({ applied: null, revision, undo: NO_UNDO, refused: { code: 'edit.undoConflict' } }),
    on: (e: string, l: (p: never) => void) => {
      listeners.set(e, [...(listeners.get(e) ?? []), l]);
      return () => {};
    },
  } as unknown as CarnetApi;
  const emit = <E extends keyof Events>(e: E, p: Events[E]) => (listeners.get(e) ?? []).forEach((l) => (l as (x: Events[E]) => void)(p));
  return { api, doc, applyCalls, elsewhere, emit, answer: (f: typeof next) => void (next = f), revision: () => revision };
}

const settle = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 0));
};

describe('CarnetStore and the base revision', () => {
  it('sends with each edit the opening and revision of the copy it was built on', async () => {
    const main = fakeMain();
    const store = new CarnetStore(main.api);
    await store.start();
    await store.apply(addContact(store.get().doc!, { id: 'c1', name: 'Ada' }, NOW));
    await store.apply(updateContact(store.get().doc!, 'c1', { city: 'Lyon' }, NOW), { undoable: false });
    expect(main.applyCalls.map((a) => a[1])).toEqual([{ base: { openId: 'open-1', revision: 0 } }, { undoable: false, base: { openId: 'open-1', revision: 1 } }]);
  });

  it('reports a refused edit in both languages and catches up with the edit that made it stale', async () => {
    const main = fakeMain();
    const store = new CarnetStore(main.api);
    await store.start();
    main.elsewhere(addContact(main.doc, { id: 'c9', name: 'Other Window' }, NOW));
    main.answer(() => ({ applied: null, revision: main.revision(), undo: NO_UNDO, refused: { code: 'edit.stale' } }));

    expect(await store.apply(addContact(store.get().doc!, { id: 'c1', name: 'Ada' }, NOW))).toBe(false);
    const notice = store.get().notices.at(-1)!;
    expect(notice).toMatchObject({ level: 'warning', code: 'edit.stale' });
    expect(en.notices.edit.stale).toMatch(/not made/);
    expect(fr.notices.edit.stale).toMatch(/pas été faite/);
    await settle(() => store.get().revision === 1);
    expect(store.get().doc).toEqual(main.doc);
    expect(store.get().doc!.contacts.c1).toBeUndefined();
  });

  it('says so when an undo is refused, and keeps the copy', async () => {
    const main = fakeMain();
    const store = new CarnetStore(main.api);
    await store.start();
    main.emit('edit', { applied: null, revision: 0, undo: { ...NO_UNDO, canUndo: true, undoLabel: { key: 'labels.addContact' } } });
    expect(await store.undo()).toBe(false);
    expect(store.get().notices.at(-1)).toMatchObject({ code: 'edit.undoConflict' });
    expect(store.get().undo.canUndo).toBe(false);
    expect(en.notices.edit.undoConflict).toBeTruthy();
    expect(fr.notices.edit.undoConflict).toBeTruthy();
  });

  it('reloads a copy that missed an edit instead of replaying the next one on it', async () => {
    const main = fakeMain();
    const store = new CarnetStore(main.api);
    await store.start();
    main.elsewhere(addContact(main.doc, { id: 'c8', name: 'Missed' }, NOW));
    const second = main.elsewhere(addContact(main.doc, { id: 'c9', name: 'Seen' }, NOW));
    main.emit('edit', second);
    await settle(() => store.get().revision === 2);
    expect(store.get().doc).toEqual(main.doc);
    expect(store.get().doc!.contacts.c8?.name).toBe('Missed');
  });
});
