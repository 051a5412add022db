/**
 * The handler map behind the API contract (shared/api/contract.ts): one
 * handler per method, reached through Electron IPC or the browser-mode
 * WebSocket alike. It owns the open DocumentStore and the undo/redo stacks
 * of each window, and tells every client what changed through events.
 *
 * Several windows (browser tabs) may edit the document at once. Each call
 * names its caller, which the transport takes from who sent it (the IPC
 * sender, the browser-mode session), never from the call's arguments. Each
 * caller has its own undo history, and an edit carries the revision its
 * window built it from: when another window changed the same entities since,
 * the edit is refused instead of silently overwriting that change; when it
 * touches nothing changed since, it is applied as is (editLog.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ApiArgumentError,
  parseCall,
  type Args,
  type DesktopNotice,
  type DocumentState,
  type EditBase,
  type EditRefusal,
  type EditResult,
  type Events,
  type Language,
  type Method,
  type Notice,
  type NoticeAction,
  type Results,
  type Settings as ApiSettings,
  type StateParts,
  type UndoState,
} from '../../shared/api/contract.js';
import { ChangeError, parseChangeSet, type ChangeSet, type Label } from '../../shared/document/operations.js';
import { emptyDocument } from '../../shared/document/schema.js';
import { planWrapped } from '../../shared/json/partPlan.js';
import type { StateBytes } from './webServer.js';
import { DocumentError, DocumentStore, TargetExistsError, type StoreOptions } from './documentStore.js';
import { EditLog, touchedKeys } from './editLog.js';
import { ImportSessions } from './importSessions.js';
import { Lane } from './lane.js';
import { hasTraces, lockedNotice, openInitial } from './openInitial.js';
import type { Settings } from './settings.js';

export { DEFAULT_DOCUMENT } from './openInitial.js';
/** Undo steps kept per window. */
export const UNDO_LIMIT = 500;
/** The caller of calls made without one: the CLI, the tests. */
export const LOCAL_CALLER = 'local';

export type BackendOptions = {
  /** Folder of the default document and of new documents. */
  dataDir: string;
  settings: Settings;
  /** Open this document instead of the last one (`carnet web --doc FILE`). */
  docPath?: string;
  transport: 'electron' | 'web';
  systemLanguage: Language;
  /** Native file dialogs (Electron); without them the pick methods answer null. */
  dialogs?: { pickOpenPath(): Promise<string | null>; pickSavePath(defaultName: string): Promise<string | null> };
  /** Opens an http(s) URL in the system browser. */
  openExternal?: (url: string) => Promise<void>;
  /** Shows a desktop notification (Electron); without it `notify` answers false. */
  notify?: (notice: DesktopNotice) => Promise<boolean>;
  /** Save timing and backups of the documents opened (tests shorten them). */
  storeOptions?: StoreOptions;
  /** The clock (tests). */
  now?: () => Date;
};

export type Handlers = { [M in Method]: (...args: Args<M>) => Promise<Results[M]> };

export type Backend = {
  /** The methods, called as LOCAL_CALLER. */
  handlers: Handlers;
  /**
   * Validates the method and its arguments against the contract, then runs the handler for `caller`
   * (a window: its undo history, its view of the undo state).
   */
  call(method: unknown, args: unknown, caller?: string): Promise<unknown>;
  /** Subscribes to an event; returns the unsubscribe function. Send it to a window through `eventFor`. */
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** An event as `caller` must receive it: the undo state an edit or a document carries is the caller's own. */
  eventFor<E extends keyof Events>(caller: string, event: E, payload: Events[E]): Events[E];
  /** The caller's window is gone: its undo history is freed. */
  release(caller: string): void;
  /** The caller's state as getStateParts gives it, in three pieces, the document as UTF-8 bytes (webServer.ts). */
  stateBytes(caller: string): Promise<StateBytes>;
  /** Saves and closes the open document. */
  close(): Promise<void>;
};

/** An undo (or redo) step: what to apply, and the revision its changes were made at. */
type Step = { label: Label; set: ChangeSet; revision: number };
type History = { undo: Step[]; redo: Step[] };

/** Opens the last document (or the default one, created with the demo network on first run) and returns the backend. */
export async function createBackend(opts: BackendOptions): Promise<Backend> {
  const { settings } = opts;
  const now = opts.now ?? (() => new Date());
  const dataDir = resolve(opts.dataDir);

  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  const emit = <E extends keyof Events>(event: E, payload: Events[E]): void => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        (listener as (p: Events[E]) => void)(payload);
      } catch {
        // A failing client must not break the edit for the others.
      }
    }
  };
  const storeOptions: StoreOptions = {
    bytesAhead: opts.transport === 'web',
    ...opts.storeOptions,
    onNotice: (n) => emit('notice', decorate(n)),
    onReadOnly: () => emit('readOnly', { path: store.path, readOnly: true }),
  };

  /** What the buttons of the notices do on this side (restore, take over…), by action id. */
  const runs = new Map<string, (caller: string) => Promise<DocumentState>>();
  const decorated = new WeakMap<Notice, Notice>();
  const run = (label: string, task: (caller: string) => Promise<DocumentState>): NoticeAction => {
    const id = randomUUID();
    runs.set(id, task);
    return { id, kind: 'run', label };
  };
  const dialog = (kind: 'open' | 'saveAs' | 'new'): NoticeAction => ({ id: kind, kind, label: kind });
  /** Gives a notice the buttons that let the user act on it (the same notice object always gets the same ones). */
  const decorate = (n: Notice): Notice => {
    const known = decorated.get(n);
    if (known) return known;
    const p = n.params ?? {};
    let actions: NoticeAction[] | undefined;
    switch (n.code) {
      case 'document.missing':
        actions = [run('restore', (caller) => openWith(caller, () => DocumentStore.restore(p.file!, p.backup!, storeOptions))), dialog('open'), dialog('new')];
        break;
      case 'document.missingNoBackup':
      case 'document.folderMissing':
      case 'document.newerVersion':
      case 'document.lastMissing':
        actions = [dialog('open'), dialog('new')];
        break;
      case 'document.lockedUnverified':
        actions = [run('takeOver', (caller) => openWith(caller, () => DocumentStore.open(p.file!, { ...storeOptions, takeOverLock: true, refuseInvalidWithoutBackup: true })))];
        break;
      case 'document.changedElsewhere':
        actions = [run('openOtherVersion', (caller) => openWith(caller, () => DocumentStore.open(p.copy!, { ...storeOptions, refuseInvalidWithoutBackup: true })))];
        break;
      case 'document.readOnly':
        actions = [dialog('saveAs')];
        break;
    }
    const out = actions ? { ...n, actions } : n;
    decorated.set(n, out);
    return out;
  };

  const initial = await openInitial({
    dataDir,
    ...(opts.docPath ? { docPath: opts.docPath } : {}),
    lastDocument: settings.get().lastDocument,
    storeOptions,
    now,
  });
  let store = initial.store;
  let notices: Notice[] = initial.notices;
  /** Names this opening of the document (EditBase.openId). */
  let openId = randomUUID();
  let log = new EditLog(store.revision);
  const histories = new Map<string, History>();
  const historyOf = (caller: string): History => {
    let h = histories.get(caller);
    if (!h) histories.set(caller, (h = { undo: [], redo: [] }));
    return h;
  };
  settings.noteOpened(store.path);
  /** Edits and document switches run one at a time, so the stacks always match the document. */
  const edits = new Lane();
  const imports = new ImportSessions(settings, now);

  const undoState = (caller: string): UndoState => {
    const h = histories.get(caller);
    return {
      canUndo: (h?.undo.length ?? 0) > 0,
      canRedo: (h?.redo.length ?? 0) > 0,
      undoLabel: h?.undo.at(-1)?.label ?? null,
      redoLabel: h?.redo.at(-1)?.label ?? null,
    };
  };
  const state = (caller: string): DocumentState => ({
    doc: store.doc,
    path: store.path,
    revision: store.revision,
    openId,
    undo: undoState(caller),
    notices: [...notices, ...store.notices].map(decorate),
    readOnly: store.readOnly !== null,
  });
  const edited = (caller: string, applied: ChangeSet | null): EditResult => {
    const result = { applied, revision: store.revision, undo: undoState(caller) };
    if (applied) emit('edit', result);
    return result;
  };
  const refused = (caller: string, code: EditRefusal['code']): EditResult => ({ applied: null, revision: store.revision, undo: undoState(caller), refused: { code } });

  /** Applies `set` for `caller` and records what it touched; the caller's undo step, if any, is for the caller to push. */
  const applyFor = async (caller: string, set: ChangeSet) => {
    const r = await store.apply(set);
    log.record(r.revision, caller, r.applied);
    return r;
  };
  /** Makes `inverse` the caller's newest undo step; a new edit ends what could be redone. */
  const pushUndo = (caller: string, label: Label, inverse: ChangeSet, revision: number): void => {
    const h = historyOf(caller);
    h.undo.push({ label, set: inverse, revision });
    if (h.undo.length > UNDO_LIMIT) h.undo.shift();
    h.redo = [];
  };
  /** Whether an edit built at `base` may be applied now (see EditBase). */
  const baseConflict = (caller: string, base: EditBase, set: ChangeSet): boolean => {
    if (base.openId !== openId || base.revision > store.revision) return true;
    return base.revision < store.revision && log.conflict(base.revision, caller, touchedKeys(set)) !== null;
  };

  /** Makes `next` the open document; the previous one is saved and closed. */
  const switchTo = async (caller: string, next: DocumentStore, extra: Notice[]): Promise<DocumentState> => {
    const previous = store;
    store = next;
    notices = extra;
    openId = randomUUID();
    log = new EditLog(next.revision);
    histories.clear();
    settings.noteOpened(next.path);
    try {
      await previous.close();
    } catch (e) {
      notices.push({
        level: 'error',
        code: 'document.closeFailed',
        message: `"${previous.path}" could not be saved on closing: ${(e as Error).message}. Its edits are kept in its journal and come back when it is opened again.`,
        params: { file: previous.path, reason: (e as Error).message },
      });
    }
    const s = state(caller);
    emit('document', s);
    return s;
  };

  const getSettings = (): ApiSettings => {
    const s = settings.get();
    return {
      language: s.language,
      systemLanguage: opts.systemLanguage,
      recentFiles: s.recentFiles,
      preferences: s.preferences ?? {},
      capabilities: { nativeDialogs: opts.transport === 'electron' && opts.dialogs !== undefined, transport: opts.transport },
      routine: s.routine,
    };
  };

  /**
   * The state as JSON text, made from the save worker's text of the document (no stringify here), and with
   * `withPlan` the plan of its parse in parts: the document's plan, from the same worker, placed under "doc".
   */
  const stateParts = async (caller: string, withPlan: boolean): Promise<StateParts> => {
    const current = store;
    const { text, plan } = await current.textParts(withPlan);
    // Another document opened while the text was being made: describe that one.
    if (store !== current) return { json: JSON.stringify(state(caller)), plan: null };
    const { doc: _doc, ...rest } = state(caller);
    const prefix = JSON.stringify(rest).slice(0, -1);
    return { json: `${prefix},"doc":${text}}`, plan: withPlan ? planWrapped(prefix.length, 'doc', plan) : null };
  };

  /**
   * `stateParts` with the document as the save worker's UTF-8 bytes, for the web server's HTTP response: its
   * pieces, written one after the other, make the same JSON, with the same plan.
   */
  const stateBytes = async (caller: string): Promise<StateBytes> => {
    const current = store;
    const { bytes, plan } = await current.bytesParts(true);
    if (store !== current) return { pieces: [JSON.stringify(state(caller))], plan: null };
    const { doc: _doc, ...rest } = state(caller);
    const prefix = JSON.stringify(rest).slice(0, -1);
    return { pieces: [`${prefix},"doc":`, bytes, '}'], plan: planWrapped(prefix.length, 'doc', plan) };
  };

  /** The methods as `caller` runs them. */
  const handlersFor = (caller: string): Handlers => ({
    getState: async () => state(caller),

    getStateJson: async () => (await stateParts(caller, false)).json,

    getStateParts: async () => stateParts(caller, true),

    apply: (input, options) =>
      edits.run(async () => {
        const set = checkChangeSet(input);
        if (set.changes.length === 0) return edited(caller, null);
        const base = options?.base;
        if (base && baseConflict(caller, base, set)) return refused(caller, 'edit.stale');
        let r;
        try {
          r = await applyFor(caller, set);
        } catch (e) {
          // Built on an older copy, the edit can break a reference another window's edit made (a tie to a
          // contact it deleted): that is the same conflict. On an up-to-date copy it is a real error.
          if (e instanceof ChangeError && base && base.revision < store.revision) return refused(caller, 'edit.stale');
          throw e;
        }
        if (options?.undoable !== false) pushUndo(caller, set.label, r.inverse, r.revision);
        return edited(caller, r.applied);
      }),

    undo: () => edits.run(async () => step(caller, 'undo')),
    redo: () => edits.run(async () => step(caller, 'redo')),

    newDocument: () =>
      edits.run(async () => {
        const { path, title } = newDocumentPath(dataDir);
        return switchTo(caller, await DocumentStore.create(path, emptyDocument(now().toISOString(), title), storeOptions), []);
      }),

    openDocument: (path) =>
      edits.run(async () => {
        const target = resolve(path);
        if (target === store.path) {
          settings.noteOpened(target);
          return state(caller);
        }
        return switchTo(caller, await openOffering(target), []);
      }),

    saveDocumentAs: (path, options) =>
      edits.run(async () => {
        try {
          await store.saveAs(path, options ?? {});
        } catch (e) {
          if (e instanceof TargetExistsError) return { exists: { path: e.target, carnet: e.carnet } };
          throw e;
        }
        settings.noteOpened(store.path);
        const s = state(caller);
        emit('document', s);
        return s;
      }),

    runNoticeAction: (id) =>
      edits.run(async () => {
        const task = runs.get(id);
        if (!task) throw new ApiArgumentError('runNoticeAction', '$[0]', 'this action is no longer available');
        runs.delete(id);
        return task(caller);
      }),

    pickOpenPath: async () => (opts.dialogs ? opts.dialogs.pickOpenPath() : null),
    pickSavePath: async (defaultName) => (opts.dialogs ? opts.dialogs.pickSavePath(defaultName) : null),

    getSettings: async () => getSettings(),
    setLanguage: async (language) => {
      settings.update({ language });
      return getSettings();
    },

    importStart: async () => imports.start(),
    importUpload: async (id, chunk) => imports.upload(id, chunk),
    importPreview: async (id, choices) => imports.preview(id, choices, store),
    importCommit: (id, choices) =>
      edits.run(async () => {
        // Built against the document as it is now: an edit made since the preview (another window) is kept.
        const set = imports.changeSet(id, choices, store);
        if (set.changes.length === 0) {
          imports.finish(id, choices);
          return edited(caller, null);
        }
        const r = await applyFor(caller, set);
        pushUndo(caller, set.label, r.inverse, r.revision);
        imports.finish(id, choices);
        return edited(caller, r.applied);
      }),
    importCancel: async (id) => imports.cancel(id),

    notify: async (notice) => (opts.notify ? opts.notify(notice) : false),
    setRoutineSettings: async (patch) => {
      settings.updateRoutine(patch);
      return getSettings();
    },

    setPreferences: async (patch) => settings.updatePreferences(patch),

    openExternal: async (url) => {
      const parsed = URL.canParse(url) ? new URL(url) : null;
      if (!parsed) throw new ApiArgumentError('openExternal', '$[0]', `"${url}" is not a valid URL`);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new ApiArgumentError('openExternal', '$[0]', `only http and https links can be opened, not "${parsed.protocol}"`);
      }
      if (!opts.openExternal) return false;
      await opts.openExternal(parsed.href);
      return true;
    },
  });
  const handlers = handlersFor(LOCAL_CALLER);

  /** Opens `target`; a lock whose owner cannot be verified is refused, with a notice offering to take it over. */
  async function openOffering(target: string): Promise<DocumentStore> {
    try {
      return await DocumentStore.open(target, { ...storeOptions, refuseInvalidWithoutBackup: true });
    } catch (e) {
      if (e instanceof DocumentError && e.kind === 'lockedUnverified') emit('notice', decorate(lockedNotice(target, e)));
      throw e;
    }
  }

  /** Runs a notice's action that opens a document (restore, take over…), within the edits lane. */
  async function openWith(caller: string, open: () => Promise<DocumentStore>): Promise<DocumentState> {
    return switchTo(caller, await open(), []);
  }

  /**
   * The caller's undo (from its undo stack to its redo stack) or redo (the other way): applies the step
   * and stores its inverse on the other stack. A step that would overwrite what another window changed
   * since, or break what it built on it, is refused and dropped: it could never be applied cleanly.
   */
  async function step(caller: string, kind: 'undo' | 'redo'): Promise<EditResult> {
    const h = histories.get(caller);
    const [from, to] = kind === 'undo' ? [h?.undo, h?.redo] : [h?.redo, h?.undo];
    const top = from?.pop();
    if (!top || !to) return edited(caller, null);
    const code = kind === 'undo' ? 'edit.undoConflict' : 'edit.redoConflict';
    if (log.conflict(top.revision, caller, touchedKeys(top.set)) !== null) return refused(caller, code);
    try {
      const r = await applyFor(caller, top.set);
      to.push({ label: top.label, set: r.inverse, revision: r.revision });
      return edited(caller, r.applied);
    } catch (e) {
      if (e instanceof ChangeError) return refused(caller, code);
      from!.push(top);
      throw e;
    }
  }

  return {
    handlers,
    call: async (method, args, caller = LOCAL_CALLER) => {
      const call = parseCall(method, args);
      const run = caller === LOCAL_CALLER ? handlers : handlersFor(caller);
      return (run[call.method] as (...a: unknown[]) => Promise<unknown>)(...call.args);
    },
    on: (event, listener) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    eventFor: (caller, event, payload) => {
      if (event !== 'edit' && event !== 'document') return payload;
      return { ...(payload as Events['edit' | 'document']), undo: undoState(caller) } as typeof payload;
    },
    release: (caller) => {
      histories.delete(caller);
    },
    stateBytes,
    close: () => edits.run(() => store.close()),
  };
}

/** Entities are checked here too: the contract validates the ChangeSet's shape, not what is put. */
function checkChangeSet(input: unknown): ChangeSet {
  try {
    return parseChangeSet(input);
  } catch (e) {
    if (e instanceof ChangeError) throw new ApiArgumentError('apply', `$[0]${e.path.slice(1)}`, e.message);
    throw e;
  }
}

/**
 * The first unused `Carnet N.json` of the data folder (N from 2: the default document is the first).
 * A name whose journal or backups survive belongs to a missing document: it is not reused.
 */
function newDocumentPath(dataDir: string): { path: string; title: string } {
  for (let n = 2; ; n++) {
    const title = `Carnet ${n}`;
    const path = join(dataDir, `${title}.json`);
    if (!existsSync(path) && !hasTraces(path)) return { path, title };
  }
}
