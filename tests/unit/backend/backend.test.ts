import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiArgumentError, METHODS, type EditResult, type Events } from '../../../shared/api/contract.js';
import { addContact } from '../../../shared/document/commands.js';
import { parseDocument } from '../../../shared/document/validate.js';
import { parseInParts, type PartPlan } from '../../../shared/json/partPlan.js';
import { LOCAL_CALLER, createBackend, type Backend, type BackendOptions } from '../../../electron/services/backend.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { Settings } from '../../../electron/services/settings.js';
import { sampleDocument, tempDir } from '../store/helpers.js';

let dir: string;
let cleanup: () => void;
let backends: Backend[] = [];

beforeEach(() => ({ dir, cleanup } = tempDir('carnet-backend-')));
afterEach(async () => {
  for (const b of backends) await b.close().catch(() => {});
  backends = [];
  cleanup();
});

function memorySettings(initial: Record<string, unknown> = {}): Settings {
  const map = new Map(Object.entries(initial));
  return new Settings({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) });
}

/** A backend over a data folder that already holds a small document (no demo generation). */
async function backend(extra: Partial<BackendOptions> = {}, existing = true): Promise<Backend> {
  if (existing) await (await DocumentStore.create(join(dir, 'carnet.json'), sampleDocument())).close();
  const b = await createBackend({
    dataDir: dir,
    settings: memorySettings(),
    transport: 'web',
    systemLanguage: 'fr',
    storeOptions: { saveDelayMs: 60_000 },
    ...extra,
  });
  backends.push(b);
  return b;
}

const addOne = async (b: Backend, id: string, name: string) => {
  const { doc } = await b.handlers.getState();
  return (await b.call('apply', [addContact(doc, { id, name })])) as EditResult;
};

describe('handler map', () => {
  it('has a handler for every method of the contract', async () => {
    const b = await backend();
    expect(Object.keys(b.handlers).sort()).toEqual([...METHODS].sort());
  });
});

describe('getStateJson', () => {
  it('is getState as JSON text, and follows the edits', async () => {
    const b = await backend();
    const text = async () => JSON.parse((await b.call('getStateJson', [])) as string) as unknown;
    expect(await text()).toEqual(JSON.parse(JSON.stringify(await b.handlers.getState())));
    await addOne(b, 'c10', 'Eva "Évelyne" Morel');
    const state = (await text()) as Awaited<ReturnType<typeof b.handlers.getState>>;
    expect(state.doc.contacts.c10?.name).toBe('Eva "Évelyne" Morel');
    expect(state.revision).toBe(1);
    expect(state.undo.undoLabel).toEqual({ key: 'labels.addContact' });
    expect(state).toEqual(JSON.parse(JSON.stringify(await b.handlers.getState())));
  });
});

describe('getStateParts', () => {
  it('sends the state text with the plan of its parse in parts, made in the save worker, which parses it as JSON.parse does', async () => {
    const doc = sampleDocument();
    // Big enough to be cut (parts of 256K characters): 2,000 contacts with notes, one with a hostile id.
    for (let i = 0; i < 2000; i++) {
      const id = i === 7 ? '__proto__' : `n${i}`;
      doc.contacts[id] = { ...Object.values(doc.contacts)[0]!, id, name: `Zoé "${i}" Ölçer`, notes: 'a}b{c],[d"\\ '.repeat(20) };
    }
    await (await DocumentStore.create(join(dir, 'carnet.json'), doc)).close();
    const b = await backend({}, false);
    const { json, plan } = (await b.call('getStateParts', [])) as { json: string; plan: PartPlan | null };
    expect(json).toBe(await b.call('getStateJson', []));
    expect(plan).not.toBeNull();
    expect(plan!.ops.filter((o) => o.op === 'part').length).toBeGreaterThan(5);
    const parsed = (await parseInParts(json, plan!)) as Awaited<ReturnType<typeof b.handlers.getState>>;
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(JSON.parse(json)));
    expect(Object.keys(parsed.doc.contacts)).toContain('__proto__');
    // After an edit the text is made again, and so is its plan.
    await addOne(b, 'c10', 'Eva Morel');
    const after = (await b.call('getStateParts', [])) as { json: string; plan: PartPlan | null };
    const again = (await parseInParts(after.json, after.plan!)) as typeof parsed;
    expect(again.doc.contacts.c10?.name).toBe('Eva Morel');
    expect(again.revision).toBe(1);
    expect(JSON.stringify(again)).toBe(JSON.stringify(JSON.parse(after.json)));
  });

  it('gives the same state as UTF-8 bytes for the web server, made ahead in the save worker, and after an edit', async () => {
    const doc = sampleDocument();
    for (let i = 0; i < 2000; i++) {
      const id = i === 7 ? '__proto__' : `n${i}`;
      // Characters of two, three and four bytes, so that the plan's character offsets and the bytes differ.
      doc.contacts[id] = { ...Object.values(doc.contacts)[0]!, id, name: `Zoé "${i}" Ölçer 東京 🦊`, notes: 'a}b{c],[d"\\ '.repeat(20) };
    }
    await (await DocumentStore.create(join(dir, 'carnet.json'), doc)).close();
    const b = await backend({}, false);
    const joined = async () => {
      const { pieces, plan } = await b.stateBytes(LOCAL_CALLER);
      const bytes = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), plan, shared: pieces.some((p) => typeof p !== 'string' && p.buffer instanceof SharedArrayBuffer) };
    };
    const first = await joined();
    const parts = (await b.call('getStateParts', [])) as { json: string; plan: PartPlan | null };
    expect(first.text).toBe(parts.json);
    expect(first.plan).toEqual(parts.plan);
    // The worker's own bytes, not a copy made here.
    expect(first.shared).toBe(true);
    expect(JSON.stringify(await parseInParts(first.text, first.plan!))).toBe(JSON.stringify(JSON.parse(parts.json)));
    await addOne(b, 'c10', 'Eva Morel');
    const after = await joined();
    expect(after.text).toBe(((await b.call('getStateParts', [])) as { json: string }).json);
    const parsed = (after.plan ? await parseInParts(after.text, after.plan) : JSON.parse(after.text)) as Awaited<ReturnType<typeof b.handlers.getState>>;
    expect(parsed.doc.contacts.c10?.name).toBe('Eva Morel');
    expect(parsed.doc.contacts.n3?.name).toBe('Zoé "3" Ölçer 東京 🦊');
    expect(Object.keys(parsed.doc.contacts)).toContain('__proto__');
  });

  it('sends no plan for a small document: it is parsed whole', async () => {
    const b = await backend();
    expect(((await b.call('getStateParts', [])) as { plan: unknown }).plan).toBeNull();
  });
});

describe('undo and redo through call()', () => {
  it('undo applies the inverse, redo applies it again, labels follow', async () => {
    const b = await backend();
    const first = await addOne(b, 'c10', 'Eva Morel');
    expect(first.undo).toEqual({ canUndo: true, canRedo: false, undoLabel: { key: 'labels.addContact' }, redoLabel: null });
    expect(first.revision).toBe(1);

    const undone = (await b.call('undo', [])) as EditResult;
    expect(undone.applied?.changes).toEqual([{ op: 'del', coll: 'contacts', id: 'c10' }]);
    expect(undone.undo).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: { key: 'labels.addContact' } });
    expect((await b.handlers.getState()).doc.contacts.c10).toBeUndefined();

    const redone = (await b.call('redo', [])) as EditResult;
    expect(redone.undo).toMatchObject({ canUndo: true, canRedo: false, undoLabel: { key: 'labels.addContact' } });
    expect((await b.handlers.getState()).doc.contacts.c10?.name).toBe('Eva Morel');
    expect(redone.revision).toBe(3);
  });

  it('a new edit clears the redo stack; undo with nothing to undo changes nothing', async () => {
    const b = await backend();
    await addOne(b, 'c10', 'One');
    await b.call('undo', []);
    const next = await addOne(b, 'c11', 'Two');
    expect(next.undo.canRedo).toBe(false);
    await b.call('undo', []);
    const empty = (await b.call('undo', [])) as EditResult;
    expect(empty.applied).toBeNull();
    expect(empty.undo.canUndo).toBe(false);
    expect(Object.keys((await b.handlers.getState()).doc.contacts)).toEqual(['c1', 'c2', 'c3']);
  });

  it('emits edit events for every change so other clients follow', async () => {
    const b = await backend();
    const seen: Events['edit'][] = [];
    const off = b.on('edit', (e) => seen.push(e));
    await addOne(b, 'c10', 'One');
    await b.call('undo', []);
    off();
    await b.call('redo', []);
    expect(seen.map((e) => e.revision)).toEqual([1, 2]);
  });

  it('an empty ChangeSet is not an undo step', async () => {
    const b = await backend();
    const r = (await b.call('apply', [{ label: { key: 'nothing' }, changes: [] }])) as EditResult;
    expect(r).toMatchObject({ applied: null, revision: 0, undo: { canUndo: false } });
  });
});

describe('validation of calls', () => {
  it('refuses an unknown method and a malformed payload', async () => {
    const b = await backend();
    await expect(b.call('deleteEverything', [])).rejects.toThrow(ApiArgumentError);
    await expect(b.call('apply', [{ label: 3, changes: [] }])).rejects.toThrow(/apply: invalid argument at \$\[0\]\[label\]/);
    await expect(b.call('setLanguage', ['de'])).rejects.toThrow(ApiArgumentError);
    await expect(b.call('getState', 'not an array')).rejects.toThrow(ApiArgumentError);
  });

  it('names a hostile method name in a clear error, without calling anything on it', async () => {
    const b = await backend();
    const hostile: [unknown, string][] = [
      [{ toString: '' }, '(object): invalid argument at $: unknown method'],
      [{ toString: () => { throw new Error('called'); } }, '(object): invalid argument at $: unknown method'],
      [Symbol('getState'), '(symbol): invalid argument at $: unknown method'],
      [null, '(null): invalid argument at $: unknown method'],
      [['getState'], '(object): invalid argument at $: unknown method'],
      ['x'.repeat(100_000), `${'x'.repeat(80)}…: invalid argument at $: unknown method`],
    ];
    for (const [method, message] of hostile) {
      const err = await b.call(method, []).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiArgumentError);
      expect((err as Error).message).toBe(message);
    }
  });

  it('refuses an invalid entity, naming its path, and changes nothing', async () => {
    const b = await backend();
    const bad = { label: { key: 'x' }, changes: [{ op: 'put', coll: 'contacts', id: 'c9', value: { id: 'c9', name: '', createdAt: '2025-01-01', updatedAt: '2025-01-01' } }] };
    const err = await b.call('apply', [bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiArgumentError);
    expect((err as ApiArgumentError).path).toBe('$[0].changes[0].value.name');
    expect((await b.handlers.getState()).revision).toBe(0);
  });

  it('refuses a change that breaks a reference, with its path', async () => {
    const b = await backend();
    const tie = { label: { key: 'tie' }, changes: [{ op: 'put', coll: 'ties', id: 't1', value: { id: 't1', from: 'c1', to: 'ghost' } }] };
    await expect(b.call('apply', [tie])).rejects.toMatchObject({ path: '$.ties.t1' });
    expect((await b.handlers.getState()).undo.canUndo).toBe(false);
  });
});

describe('documents', () => {
  it('first run writes the demo network to <dataDir>/carnet.json and opens it', async () => {
    const settings = memorySettings();
    const b = await backend({ settings }, false);
    const path = join(dir, 'carnet.json');
    const onDisk = parseDocument(readFileSync(path, 'utf8'));
    expect(onDisk.ok).toBe(true);
    const state = await b.handlers.getState();
    expect(state.path).toBe(path);
    expect(Object.keys(state.doc.contacts).length).toBeGreaterThan(100);
    expect(settings.get().lastDocument).toBe(path);
    expect(settings.get().recentFiles).toEqual([path]);
  });

  it('reopens the last document on start', async () => {
    const other = join(dir, 'elsewhere.json');
    await (await DocumentStore.create(other, sampleDocument())).close();
    const b = await backend({ settings: memorySettings({ lastDocument: other }) });
    expect((await b.handlers.getState()).path).toBe(other);
  });

  it('falls back to the default document, with a notice, when the last one is missing', async () => {
    const gone = join(dir, 'gone.json');
    const b = await backend({ settings: memorySettings({ lastDocument: gone }) });
    const state = await b.handlers.getState();
    expect(state.path).toBe(join(dir, 'carnet.json'));
    const notice = state.notices.find((n) => n.code === 'document.lastMissing')!;
    expect(notice.message).toContain(gone);
    expect(notice.level).toBe('warning');
  });

  it('newDocument creates a uniquely named empty document in the data folder', async () => {
    const b = await backend();
    const events: string[] = [];
    b.on('document', (s) => events.push(s.path));
    await addOne(b, 'c10', 'Before');
    const first = await b.handlers.newDocument();
    expect(first.path).toBe(join(dir, 'Carnet 2.json'));
    expect(Object.keys(first.doc.contacts)).toEqual([]);
    expect(first.undo.canUndo).toBe(false);
    const second = (await b.call('newDocument', [])) as { path: string };
    expect(second.path).toBe(join(dir, 'Carnet 3.json'));
    expect(events).toEqual([first.path, second.path]);
    // The document left behind was saved.
    const left = parseDocument(readFileSync(join(dir, 'carnet.json'), 'utf8'));
    expect(left.ok && left.doc.contacts.c10?.name).toBe('Before');
  });

  it('openDocument validates, opens and adds to the recent files', async () => {
    const settings = memorySettings();
    const b = await backend({ settings });
    const other = join(dir, 'other.json');
    await (await DocumentStore.create(other, sampleDocument())).close();
    const state = (await b.call('openDocument', [other])) as { path: string };
    expect(state.path).toBe(other);
    expect(settings.get().recentFiles.slice(0, 2)).toEqual([other, join(dir, 'carnet.json')]);
    expect((await b.call('getSettings', [])) as { recentFiles: string[] }).toMatchObject({ recentFiles: [other, join(dir, 'carnet.json')] });
  });

  it('openDocument refuses, untouched, a file that is not a Carnet document', async () => {
    const b = await backend();
    const foreign = join(dir, 'contacts.json');
    writeFileSync(foreign, '[{"name":"x"}]');
    await expect(b.call('openDocument', [foreign])).rejects.toThrow(/contacts\.json" is not a valid Carnet document/);
    expect(readFileSync(foreign, 'utf8')).toBe('[{"name":"x"}]');
    expect(readdirSync(dir).filter((n) => n.includes('corrupt'))).toEqual([]);
    expect((await b.handlers.getState()).path).toBe(join(dir, 'carnet.json'));
    await expect(b.call('openDocument', [join(dir, 'missing.json')])).rejects.toThrow(/missing\.json" does not exist/);
  });

  it('saveDocumentAs continues on the new file and keeps undo', async () => {
    const settings = memorySettings();
    const b = await backend({ settings });
    await addOne(b, 'c10', 'Moved');
    const target = join(dir, 'copy.json');
    const state = (await b.call('saveDocumentAs', [target])) as { path: string; undo: { canUndo: boolean } };
    expect(state.path).toBe(target);
    expect(state.undo.canUndo).toBe(true);
    expect(settings.get().lastDocument).toBe(target);
    const saved = parseDocument(readFileSync(target, 'utf8'));
    expect(saved.ok && saved.doc.contacts.c10?.name).toBe('Moved');
  });

  it('forwards save problems as notice events', async () => {
    const b = await backend({ storeOptions: { saveDelayMs: 5, maxSaveDelayMs: 5 } });
    const notices: Events['notice'][] = [];
    b.on('notice', (n) => notices.push(n));
    rmSync(dir, { recursive: true, force: true });
    await addOne(b, 'c10', 'Unsaveable').catch(() => {});
    await vi.waitFor(() => expect(notices.length).toBeGreaterThan(0), { timeout: 5000 });
    expect(notices[0]!.message).toContain(join(dir, 'carnet.json'));
    expect(existsSync(dir)).toBe(false);
  });
});

describe('settings and system methods', () => {
  it('getSettings reports the transport capabilities; setLanguage persists', async () => {
    const settings = memorySettings();
    const web = await backend({ settings });
    expect(await web.call('getSettings', [])).toEqual({
      language: null,
      systemLanguage: 'fr',
      recentFiles: [join(dir, 'carnet.json')],
      preferences: {},
      capabilities: { nativeDialogs: false, transport: 'web' },
      routine: { notifications: false, lastSeen: null, sent: [] },
    });
    expect(await web.call('setLanguage', ['en'])).toMatchObject({ language: 'en' });
    expect(settings.get().language).toBe('en');
  });

  it('setPreferences stores a patch over the preferences kept, and refuses what is not a preference', async () => {
    const settings = memorySettings();
    const web = await backend({ settings });
    expect(await web.call('setPreferences', [{ theme: 'dark', map: { showGaps: true } }])).toEqual({ theme: 'dark', map: { showGaps: true } });
    // One level deep: a patch of the map options keeps the others; a list is replaced.
    await web.call('setPreferences', [{ map: { sizeBy: 'brokerage' }, panels: { sideWidth: 360, closedSections: ['filters'] } }]);
    expect(await web.call('setPreferences', [{ panels: { closedSections: [] } }])).toEqual({
      theme: 'dark',
      map: { showGaps: true, sizeBy: 'brokerage' },
      panels: { sideWidth: 360, closedSections: [] },
    });
    expect(((await web.call('getSettings', [])) as { preferences: unknown }).preferences).toMatchObject({ theme: 'dark', map: { sizeBy: 'brokerage' } });
    for (const bad of [{ theme: 'pink' }, { map: { showGaps: 'yes' } }, { panels: { sideWidth: 10 } }, { __proto__: { theme: 'dark' }, toString: 1 }, { drawer: { tab: 'Not a <tab>' } }]) {
      await expect(web.call('setPreferences', [JSON.parse(JSON.stringify(bad))]), JSON.stringify(bad)).rejects.toThrow(/setPreferences: invalid argument/);
    }
    // Own keys only: "__proto__" sent as JSON is an unknown preference, not a prototype.
    await expect(web.call('setPreferences', [JSON.parse('{"__proto__": {"theme": "light"}}')])).rejects.toThrow(/invalid argument/);
    expect(settings.get().preferences?.theme).toBe('dark');
  });

  it('pick methods delegate to the native dialogs, or answer null without them', async () => {
    const web = await backend();
    expect(await web.call('pickOpenPath', [])).toBeNull();
    expect(await web.call('pickSavePath', ['Carnet.json'])).toBeNull();
    const pickSavePath = vi.fn(async (name: string) => `/chosen/${name}`);
    const electron = await createBackend({
      dataDir: join(dir, 'electron'),
      settings: memorySettings(),
      transport: 'electron',
      systemLanguage: 'en',
      dialogs: { pickOpenPath: async () => '/chosen/open.json', pickSavePath },
    });
    backends.push(electron);
    expect(await electron.call('pickOpenPath', [])).toBe('/chosen/open.json');
    expect(await electron.call('pickSavePath', ['Mon réseau.json'])).toBe('/chosen/Mon réseau.json');
    expect(((await electron.call('getSettings', [])) as { capabilities: unknown }).capabilities).toEqual({
      nativeDialogs: true,
      transport: 'electron',
    });
  });

  it('openExternal opens only http(s) links', async () => {
    const opened: string[] = [];
    const b = await backend({ openExternal: async (url) => void opened.push(url) });
    expect(await b.call('openExternal', ['https://www.linkedin.com/in/someone'])).toBe(true);
    await expect(b.call('openExternal', ['file:///etc/passwd'])).rejects.toThrow(/only http and https/);
    await expect(b.call('openExternal', ['javascript:alert(1)'])).rejects.toThrow(ApiArgumentError);
    expect(opened).toEqual(['https://www.linkedin.com/in/someone']);
    const web = await createBackend({ dataDir: join(dir, 'web'), settings: memorySettings(), transport: 'web', systemLanguage: 'fr' });
    backends.push(web);
    expect(await web.call('openExternal', ['http://example.org/'])).toBe(false);
  });
});
