import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EditResult } from '../../../shared/api/contract.js';
import { addContact, setPositions } from '../../../shared/document/commands.js';
import { createBackend, type Backend } from '../../../electron/services/backend.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { Settings } from '../../../electron/services/settings.js';
import { sampleDocument, tempDir } from '../store/helpers.js';

let dir: string;
let cleanup: () => void;
let b: Backend;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('carnet-apply-'));
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

describe('apply with {undoable: false}', () => {
  it('applies and saves the change but leaves the undo and redo stacks alone', async () => {
    const { doc } = await b.handlers.getState();
    await b.call('apply', [addContact(doc, { id: 'c10', name: 'Eva Morel' })]);
    await b.call('undo', []);
    const layout = (await b.call('apply', [setPositions({ c1: { x: 1, y: 2 } }, { key: 'labels.layout' }), { undoable: false }])) as EditResult;
    expect(layout.applied?.changes).toHaveLength(1);
    expect(layout.undo).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: { key: 'labels.addContact' } });
    expect((await b.handlers.getState()).doc.positions.c1).toEqual({ x: 1, y: 2 });
    // The redo still works: the layout did not invalidate it.
    const redone = (await b.call('redo', [])) as EditResult;
    expect(redone.undo.undoLabel).toEqual({ key: 'labels.addContact' });
  });

  it('is an ordinary undo step without options or with {undoable: true}, and refuses unknown options', async () => {
    await b.call('apply', [setPositions({ c1: { x: 1, y: 2 } }, { key: 'labels.layout' }), { undoable: true }]);
    const r = (await b.call('apply', [setPositions({ c2: { x: 3, y: 4 } }, { key: 'labels.move' })])) as EditResult;
    expect(r.undo.undoLabel).toEqual({ key: 'labels.move' });
    await expect(b.call('apply', [setPositions({ c1: { x: 0, y: 0 } }), { undo: false }])).rejects.toThrow(/apply: invalid argument at \$\[1\]/);
  });
});
