import type { CarnetApi, DocumentState, EditResult, Language, Notice, Settings, UndoState } from '../../../shared/api/contract.js';
import { applyChangeSet, type ChangeSet, type Label } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { ApiError, CONNECTION_LOST, CONNECTION_RESTORED } from '../api/index.js';

/** `about`: the edit the notice reports ("Import done…"); undoing that edit takes the notice away. */
export type ShownNotice = Notice & { key: number; about?: Label };

export type AppState = {
  status: 'loading' | 'ready' | 'failed';
  /** Why the first load failed (status 'failed'). */
  failure: string | null;
  doc: CarnetDocument | null;
  path: string;
  revision: number;
  undo: UndoState;
  settings: Settings | null;
  notices: ShownNotice[];
  /** Bumped whenever `doc` changes in place, so views re-render. */
  version: number;
};

/**
 * What the map and the workers listen to: a whole new document, or changes to patch in.
 * A replacement may come with the JSON text of its DocumentState (`{..., "doc": …}`): a worker is
 * better sent that text, one copy, than the document, a structured clone on the UI thread.
 */
export type DocChange = { kind: 'replace'; doc: CarnetDocument; stateJson?: string } | { kind: 'changes'; doc: CarnetDocument; set: ChangeSet };

const NO_UNDO: UndoState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

/**
 * The renderer's copy of the open document, kept in step with the main side:
 * every edit goes through the API, and the ChangeSet the main side reports as
 * applied is replayed on the copy with the same `applyChangeSet` the main
 * side uses. Revisions make replays idempotent, since an edit may come back
 * both as a call's result and as an `edit` event.
 */
export class CarnetStore {
  private state: AppState = {
    status: 'loading',
    failure: null,
    doc: null,
    path: '',
    revision: 0,
    undo: NO_UNDO,
    settings: null,
    notices: [],
    version: 0,
  };
  private readonly listeners = new Set<() => void>();
  private readonly docListeners = new Set<(c: DocChange) => void>();
  private noticeKey = 0;
  private inFlight = 0;
  /**
   * Edits reported before the first document arrived. The document may come by another channel than the
   * events (an HTTP response in browser mode), so an edit made meanwhile, in another window, is replayed
   * on it if the document does not already include it.
   */
  private early: EditResult[] = [];

  constructor(readonly api: CarnetApi) {
    api.on('document', (s) => this.replace(s));
    api.on('edit', (r) => this.applyResult(r));
    api.on('notice', (n) => this.notify(n));
  }

  /** Loads the state and settings; failures end up in `status`/`failure`. */
  async start(): Promise<void> {
    try {
      const [text, settings] = await Promise.all([this.api.getStateJson(), this.api.getSettings()]);
      this.set({ settings });
      performance.mark('carnet:state-received');
      const state = JSON.parse(text) as DocumentState;
      performance.mark('carnet:state-parsed');
      this.replace(state, text);
    } catch (e) {
      this.set({ status: 'failed', failure: errorText(e) });
    }
  }

  get = (): AppState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For the map: called after each change to the copy, in order. */
  onDocChange(listener: (c: DocChange) => void): () => void {
    this.docListeners.add(listener);
    return () => this.docListeners.delete(listener);
  }

  /**
   * Applies one user action; resolves false (and shows why) when the main side refused it.
   * `{undoable: false}` for work the app does on its own (the map's first layout): no undo step.
   */
  async apply(set: ChangeSet, options?: { undoable?: boolean }): Promise<boolean> {
    return this.edit(() => (options ? this.api.apply(set, options) : this.api.apply(set)));
  }

  async undo(): Promise<boolean> {
    if (!this.state.undo.canUndo) return false;
    const undone = this.state.undo.undoLabel;
    const ok = await this.edit(() => this.api.undo());
    // A notice about the edit just undone no longer applies.
    if (ok && undone) this.set({ notices: this.state.notices.filter((n) => !n.about || !sameLabel(n.about, undone)) });
    return ok;
  }

  redo(): Promise<boolean> {
    return this.state.undo.canRedo ? this.edit(() => this.api.redo()) : Promise.resolve(false);
  }

  newDocument(): Promise<boolean> {
    return this.load(() => this.api.newDocument());
  }

  openDocument(path: string): Promise<boolean> {
    return this.load(() => this.api.openDocument(path));
  }

  saveDocumentAs(path: string): Promise<boolean> {
    return this.load(() => this.api.saveDocumentAs(path));
  }

  async refreshSettings(): Promise<void> {
    try {
      this.set({ settings: await this.api.getSettings() });
    } catch (e) {
      this.fail(e);
    }
  }

  async setLanguage(language: Language | null): Promise<void> {
    try {
      this.set({ settings: await this.api.setLanguage(language) });
    } catch (e) {
      this.fail(e);
    }
  }

  /** Shows a notice; `about` names the edit it reports, so that undoing that edit takes it away. */
  notify(notice: Notice, about?: Label): void {
    // A restored connection makes the "lost" banner obsolete, and one of each is enough.
    const notices = this.state.notices.filter(
      (n) => n.code !== notice.code && !(notice.code === CONNECTION_RESTORED && n.code === CONNECTION_LOST),
    );
    this.set({ notices: [...notices, { ...notice, key: ++this.noticeKey, ...(about ? { about } : {}) }] });
  }

  dismiss(key: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.key !== key) });
  }

  /** Shows an error the user must know about (a refused edit, a file that would not open). */
  fail(e: unknown): void {
    this.notify({ level: 'error', code: e instanceof ApiError ? 'api-error' : 'error', message: errorText(e) });
  }

  /** True while an edit or a document switch waits for the main side. */
  busy(): boolean {
    return this.inFlight > 0;
  }

  private async edit(call: () => Promise<EditResult>): Promise<boolean> {
    this.inFlight++;
    try {
      this.applyResult(await call());
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.inFlight--;
    }
  }

  private async load(call: () => Promise<DocumentState>): Promise<boolean> {
    this.inFlight++;
    try {
      this.replace(await call());
      await this.refreshSettings();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.inFlight--;
    }
  }

  private replace(s: DocumentState, stateJson?: string): void {
    const notices = [...this.state.notices];
    for (const n of s.notices) {
      if (!notices.some((m) => m.code === n.code && m.message === n.message)) notices.push({ ...n, key: ++this.noticeKey });
    }
    this.set({
      status: 'ready',
      failure: null,
      doc: s.doc,
      path: s.path,
      revision: s.revision,
      undo: s.undo,
      notices,
      version: this.state.version + 1,
    });
    for (const l of this.docListeners) l(stateJson === undefined ? { kind: 'replace', doc: s.doc } : { kind: 'replace', doc: s.doc, stateJson });
    const early = this.early;
    this.early = [];
    for (const r of early) this.applyResult(r);
  }

  private applyResult(r: EditResult): void {
    const doc = this.state.doc;
    if (!doc && this.state.status === 'loading') {
      this.early.push(r);
      return;
    }
    if (!doc || r.revision <= this.state.revision) {
      if (doc && r.revision === this.state.revision) this.set({ undo: r.undo });
      return;
    }
    if (r.applied) {
      try {
        applyChangeSet(doc, r.applied);
      } catch (e) {
        // The copy no longer matches the file: start again from the main side's state.
        console.error('Carnet: replaying an edit failed, reloading the document', e);
        this.api.getState().then((s) => this.replace(s), (err) => this.fail(err));
        return;
      }
    }
    this.set({ revision: r.revision, undo: r.undo, version: this.state.version + 1 });
    if (r.applied) for (const l of this.docListeners) l({ kind: 'changes', doc, set: r.applied });
  }

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

function sameLabel(a: Label, b: Label): boolean {
  const pa = Object.entries(a.params ?? {});
  const pb = b.params ?? {};
  return a.key === b.key && pa.length === Object.keys(pb).length && pa.every(([k, v]) => Object.hasOwn(pb, k) && pb[k] === v);
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError && e.path && e.path !== '$') return `${e.message} (${e.path})`;
  return e instanceof Error ? e.message : String(e);
}
