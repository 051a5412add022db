/**
 * Two windows on one document: an edit is applied against the revision its window built it from
 * (refused when another window changed what it touches since, applied when it is independent), and
 * each window undoes only its own edits.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentState, EditBase, EditResult, Events } from '../../../shared/api/contract.js';
import { addContact, deleteContacts, updateContact } from '../../../shared/document/commands.js';
import type { ChangeSet } from '../../../shared/document/operations.js';
import { addTie } from '../../../shared/document/ties.js';
import { createBackend, type Backend } from '../../../electron/services/backend.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { Settings } from '../../../electron/services/settings.js';
import { sampleDocument, tempDir } from '../store/helpers.js';

let dir: string;
let cleanup: () => void;
let b: Backend;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('carnet-windows-'));
  await (await DocumentStore.create(join(dir, 'carnet.json'), sampleDocument())).close();
  const map = new Map<string, unknown>();
  b = await createBackend({
    dataDir: dir,
    settings: new Settings({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) }),
    transport: 'web',
    systemLanguage: 'en',
    storeOptions: { saveDelayMs: 60_000 },
  });
});
afterEach(async () => {
  await b.close();
  cleanup();
});

/** A window: its calls carry its caller id, and it keeps the copy (document and base) it last loaded. */
async function window(caller: string) {
  // A copy, as a window holds one: the backend's state shares the open document.
  const load = async () => structuredClone((await b.call('getState', [], caller)) as DocumentState);
  let copy = await load();
  const base = (): EditBase => ({ openId: copy.openId, revision: copy.revision });
  return {
    get doc() {
      return copy.doc;
    },
    base,
    /** Reloads the copy, as the renderer does after a refusal. */
    reload: async () => void (copy = await load()),
    apply: (set: ChangeSet, at: EditBase = base()) => b.call('apply', [set, { base: at }], caller) as Promise<EditResult>,
    undo: () => b.call('undo', [], caller) as Promise<EditResult>,
    redo: () => b.call('redo', [], caller) as Promise<EditResult>,
    state: () => b.call('getState', [], caller) as Promise<DocumentState>,
  };
}

const NOW = '2025-06-01T00:00:00.000Z';

describe('an edit against a base revision', () => {
  it('is refused when another window changed the same contact since, and the document is unchanged', async () => {
    const a = await window('A');
    const other = await window('B');
    expect((await other.apply(updateContact(other.doc, 'c1', { city: 'Lyon' }, NOW))).refused).toBeUndefined();

    const before = (await a.state()).doc;
    const stale = await a.apply(updateContact(a.doc, 'c1', { city: 'Nantes' }, NOW));
    expect(stale.refused).toEqual({ code: 'edit.stale' });
    expect(stale.applied).toBeNull();
    const after = await a.state();
    expect(after.doc).toEqual(before);
    expect(after.doc.contacts.c1!.city).toBe('Lyon');
    expect(after.revision).toBe(stale.revision);
    // Nothing to undo for A: the refused edit left no step.
    expect(after.undo.canUndo).toBe(false);

    // Once A has caught up, the same edit goes through.
    await a.reload();
    expect((await a.apply(updateContact(a.doc, 'c1', { city: 'Nantes' }, NOW))).refused).toBeUndefined();
    expect((await a.state()).doc.contacts.c1!.city).toBe('Nantes');
  });

  it('is applied when the other window changed other entities since (the edit is independent)', async () => {
    const a = await window('A');
    const other = await window('B');
    await other.apply(updateContact(other.doc, 'c1', { city: 'Lyon' }, NOW));
    await other.apply(addContact(other.doc, { id: 'c20', name: 'Zoé Petit' }, NOW));

    const r = await a.apply(updateContact(a.doc, 'c2', { city: 'Brest' }, NOW));
    expect(r.refused).toBeUndefined();
    expect(r.revision).toBe(a.base().revision + 3);
    const doc = (await a.state()).doc;
    expect(doc.contacts.c2!.city).toBe('Brest');
    expect(doc.contacts.c1!.city).toBe('Lyon');
    expect(doc.contacts.c20!.name).toBe('Zoé Petit');
  });

  it("counts the window's own later edits as its own: they reach the backend in the order it made them", async () => {
    const a = await window('A');
    const base = a.base();
    await a.apply(updateContact(a.doc, 'c1', { city: 'Lyon' }, NOW), base);
    expect((await a.apply(updateContact(a.doc, 'c1', { city: 'Nice' }, NOW), base)).refused).toBeUndefined();
    expect((await a.state()).doc.contacts.c1!.city).toBe('Nice');
  });

  it('is refused when the other window deleted what the edit builds on, even under another key', async () => {
    const a = await window('A');
    const other = await window('B');
    await other.apply(deleteContacts(other.doc, ['c3']));
    const r = await a.apply(addTie(a.doc, 'c1', 'c3', {}, 't_new'));
    expect(r.refused).toEqual({ code: 'edit.stale' });
    expect((await a.state()).doc.ties.t_new).toBeUndefined();
  });

  it('is refused when its base names another opening of the document, or a revision not reached', async () => {
    const a = await window('A');
    const set = updateContact(a.doc, 'c2', { city: 'Brest' }, NOW);
    expect((await a.apply(set, { openId: 'another-document', revision: a.base().revision })).refused).toEqual({ code: 'edit.stale' });
    expect((await a.apply(set, { openId: a.base().openId, revision: a.base().revision + 5 })).refused).toEqual({ code: 'edit.stale' });
    expect((await a.state()).doc.contacts.c2!.city).not.toBe('Brest');
    // Without a base (the CLI, scripts) the edit applies to the document as it is.
    expect(((await b.call('apply', [set])) as EditResult).refused).toBeUndefined();
  });
});

describe('undo per window', () => {
  it("undoes only the caller's own edit, and leaves the other window's undo state alone", async () => {
    const a = await window('A');
    const other = await window('B');
    await a.apply(addContact(a.doc, { id: 'ca', name: 'Anne Roux' }, NOW));
    await a.reload();
    await other.reload();
    await other.apply(addContact(other.doc, { id: 'cb', name: 'Bruno Lenoir' }, NOW));

    expect((await a.state()).undo).toMatchObject({ canUndo: true, undoLabel: { key: 'labels.addContact' } });
    const undone = await a.undo();
    expect(undone.refused).toBeUndefined();
    expect(undone.undo).toMatchObject({ canUndo: false, canRedo: true });
    const doc = (await a.state()).doc;
    expect(doc.contacts.ca).toBeUndefined();
    expect(doc.contacts.cb!.name).toBe('Bruno Lenoir');
    expect((await other.state()).undo).toMatchObject({ canUndo: true, canRedo: false, undoLabel: { key: 'labels.addContact' } });

    // B's undo is still its own edit.
    await other.undo();
    expect((await other.state()).doc.contacts.cb).toBeUndefined();
    await a.redo();
    expect((await a.state()).doc.contacts.ca!.name).toBe('Anne Roux');
  });

  it('sends each window the undo state of its own history with the edit event', async () => {
    const a = await window('A');
    const seen: Events['edit'][] = [];
    b.on('edit', (e) => seen.push(b.eventFor('B', 'edit', e)));
    await a.apply(addContact(a.doc, { id: 'ca', name: 'Anne Roux' }, NOW));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.undo).toMatchObject({ canUndo: false, undoLabel: null });
    expect(b.eventFor('A', 'edit', seen[0]!).undo).toMatchObject({ canUndo: true, undoLabel: { key: 'labels.addContact' } });
    expect(b.eventFor('A', 'notice', { level: 'info', code: 'x', message: 'm' })).toEqual({ level: 'info', code: 'x', message: 'm' });
  });

  it("refuses an undo that would overwrite a later edit of another window, keeps that edit, and drops the step", async () => {
    const a = await window('A');
    const other = await window('B');
    await a.apply(updateContact(a.doc, 'c1', { city: 'Lyon' }, NOW));
    await a.apply(updateContact(a.doc, 'c2', { city: 'Brest' }, NOW));
    await a.reload();
    await a.apply(updateContact(a.doc, 'c1', { city: 'Nice' }, NOW));
    await other.reload();
    await other.apply(updateContact(other.doc, 'c1', { city: 'Pau' }, NOW));

    const r = await a.undo();
    expect(r.refused).toEqual({ code: 'edit.undoConflict' });
    expect(r.applied).toBeNull();
    expect((await a.state()).doc.contacts.c1!.city).toBe('Pau');
    // The step is gone: the next undo is the edit before it, which B did not touch.
    expect(r.undo).toMatchObject({ canUndo: true, canRedo: false });
    expect((await a.undo()).refused).toBeUndefined();
    expect((await a.state()).doc.contacts.c2!.city).not.toBe('Brest');
    // The first step changed c1, which B changed since: refused too, and the history is empty.
    expect((await a.undo()).refused).toEqual({ code: 'edit.undoConflict' });
    expect((await a.state()).undo.canUndo).toBe(false);
    expect((await a.state()).doc.contacts.c1!.city).toBe('Pau');
  });

  it("refuses an undo whose inverse would break what another window built on the edit", async () => {
    const a = await window('A');
    const other = await window('B');
    await a.apply(addContact(a.doc, { id: 'ca', name: 'Anne Roux' }, NOW));
    await other.reload();
    await other.apply(addTie(other.doc, 'ca', 'c1', {}, 't_ab'));
    const r = await a.undo();
    expect(r.refused).toEqual({ code: 'edit.undoConflict' });
    const doc = (await a.state()).doc;
    expect(doc.contacts.ca).toBeDefined();
    expect(doc.ties.t_ab).toBeDefined();
    expect(r.undo.canUndo).toBe(false);
  });

  it('frees the history of a window that is gone', async () => {
    const a = await window('A');
    await a.apply(addContact(a.doc, { id: 'ca', name: 'Anne Roux' }, NOW));
    b.release('A');
    expect((await a.state()).undo.canUndo).toBe(false);
    expect((await a.undo()).applied).toBeNull();
    expect((await a.state()).doc.contacts.ca).toBeDefined();
  });
});
