import type { CarnetApi, DocumentState, EditRefusal, EditResult, Language, Notice, SaveTargetExists, Settings, StateParts, UndoState } from '../../../shared/api/contract.js';
import { applyChangeSet, type ChangeSet, type Label } from '../../../shared/document/operations.js';
import { withoutPrototypes, type CarnetDocument } from '../../../shared/document/schema.js';
import { ApiError, CONNECTION_LOST, CONNECTION_RESTORED } from '../api/index.js';
import { parseInParts } from '../../../shared/json/partPlan.js';
import { stateTextOf, type StateText } from './stateText.js';

/** `about`: the edit the notice reports ("Import done…"); undoing that edit takes the notice away. */
export type ShownNotice = Notice & { key: number; about?: Label };

export type AppState = {
  status: 'loading' | 'ready' | 'failed';
  /** Why the first load failed (status 'failed'). */
  failure: string | null;
  /** The failure's code when the UI has words for it (`notices.<code>`), such as a page opened without its link. */
  failureCode: string | null;
  doc: CarnetDocument | null;
  path: string;
  revision: number;
  /** The opening of the document the copy is of: with `revision`, the base the edits are built on. */
  openId: string;
  undo: UndoState;
  /** Edits are refused (the main side says why in a notice): the UI says so and offers Save As. */
  readOnly: boolean;
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
/** `text`: the state's text the document was parsed from, for the workers' own copies (stateText.ts). */
export type DocChange = { kind: 'replace'; doc: CarnetDocument; text?: StateText } | { kind: 'changes'; doc: CarnetDocument; set: ChangeSet };

/** Notices about the open document's situation rather than an event: replaced by what the next state says. */
const SITUATION_NOTICES = new Set([
  'document.missing',
  'document.missingNoBackup',
  'document.folderMissing',
  'document.newerVersion',
  'document.lockedUnverified',
  'document.readOnly',
  'document.readOnlyEdit',
]);

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
    failureCode: null,
    doc: null,
    path: '',
    revision: 0,
    openId: '',
    undo: NO_UNDO,
    readOnly: false,
    settings: null,
    notices: [],
    version: 0,
  };
  private readonly listeners = new Set<() => void>();
  private readonly docListeners = new Set<(c: DocChange) => void>();
  private noticeKey = 0;
  private inFlight = 0;
  /** Documents received so far. */
  private replaces = 0;
  /**
   * Edits reported before the first document arrived. The document may come by another channel than the
   * events (an HTTP response in browser mode), so an edit made meanwhile, in another window, is replayed
   * on it if the document does not already include it.
   */
  private early: EditResult[] = [];
  /** A reload of the whole state is on its way: edits reported meanwhile wait for it, like `early`. */
  private resyncing = false;

  constructor(readonly api: CarnetApi) {
    api.on('document', (s) => this.replace(s));
    api.on('edit', (r) => this.applyResult(r));
    api.on('notice', (n) => this.notify(n));
    api.on('readOnly', (r) => {
      if (r.path === this.state.path) this.set({ readOnly: r.readOnly });
    });
  }

  /** Loads the state and settings; failures end up in `status`/`failure`. */
  async start(): Promise<void> {
    try {
      // A document the main side sends once this text is asked for is at least as new as it (the text is made
      // when asked, and describes the document opened by then): that one stays.
      const replaced = this.replaces;
      const [parts, settings] = await Promise.all([this.api.getStateParts(), this.api.getSettings()]);
      this.set({ settings });
      performance.mark('carnet:state-received');
      const text = stateTextOf(parts);
      const state = await this.parseState(parts);
      performance.mark('carnet:state-parsed');
      // The first render and the map start in the next task, so that input and a frame get their turn in between.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.replaces === replaced) this.replace(state, text);
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      this.set({ status: 'failed', failure: errorText(e), failureCode: typeof code === 'string' ? code : null });
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
    if (this.refuseReadOnly()) return false;
    // The copy the edit was built on: the main side refuses it if another window changed the same things since.
    const base = { openId: this.state.openId, revision: this.state.revision };
    return this.edit(() => this.api.apply(set, { ...options, base }));
  }

  /**
   * Work the app does on its own that the user need not hear of (the cluster cache): no undo step,
   * nothing tried on a read-only document, and a refusal is not shown. Resolves whether it was applied.
   */
  async applyQuietly(set: ChangeSet): Promise<boolean> {
    if (this.state.readOnly) return false;
    this.inFlight++;
    try {
      this.applyResult(await this.api.apply(set, { undoable: false }));
      return true;
    } catch {
      return false;
    } finally {
      this.inFlight--;
    }
  }

  /**
   * Runs an edit the main side builds and applies itself (an import): its result updates the copy like
   * any other edit. Resolves false (and shows why) when it was refused.
   */
  perform(call: () => Promise<EditResult>): Promise<boolean> {
    return this.edit(call);
  }

  async undo(): Promise<boolean> {
    if (!this.state.undo.canUndo || this.refuseReadOnly()) return false;
    const undone = this.state.undo.undoLabel;
    const ok = await this.edit(() => this.api.undo());
    // A notice about the edit just undone no longer applies.
    if (ok && undone) this.set({ notices: this.state.notices.filter((n) => !n.about || !sameLabel(n.about, undone)) });
    return ok;
  }

  redo(): Promise<boolean> {
    if (!this.state.undo.canRedo || this.refuseReadOnly()) return Promise.resolve(false);
    return this.edit(() => this.api.redo());
  }

  newDocument(): Promise<boolean> {
    return this.load(() => this.api.newDocument());
  }

  openDocument(path: string): Promise<boolean> {
    return this.load(() => this.api.openDocument(path));
  }

  /**
   * Save As. Resolves `{exists}` when the file is there and `replace` was not given: nothing was
   * written, and the caller asks the user before calling again with `replace`.
   */
  async saveDocumentAs(path: string, replace = false): Promise<boolean | SaveTargetExists> {
    let exists: SaveTargetExists | null = null;
    const ok = await this.load(async () => {
      const r = await (replace ? this.api.saveDocumentAs(path, { replace: true }) : this.api.saveDocumentAs(path));
      if ('exists' in r) {
        exists = r;
        return null;
      }
      return r;
    });
    return exists ?? ok;
  }

  /** Runs the main-side action of a notice's button (restore a backup, take over a lock…). */
  runNoticeAction(id: string): Promise<boolean> {
    return this.load(() => this.api.runNoticeAction(id));
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

  /** Changes the routine's settings (notifications, last open, what was notified). */
  async setRoutineSettings(patch: Parameters<CarnetApi['setRoutineSettings']>[0]): Promise<void> {
    try {
      this.set({ settings: await this.api.setRoutineSettings(patch) });
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

  /** An edit of a read-only document: refused here, with the way on (Save As), before anything is sent. */
  private refuseReadOnly(): boolean {
    if (!this.state.readOnly) return false;
    this.notify({
      level: 'warning',
      code: 'document.readOnlyEdit',
      message: 'This document is read-only: the change was not made. Save as… writes a copy you can edit.',
      actions: [{ id: 'saveAs', kind: 'saveAs', label: 'saveAs' }],
    });
    return true;
  }

  /** True while an edit or a document switch waits for the main side. */
  busy(): boolean {
    return this.inFlight > 0;
  }

  private async edit(call: () => Promise<EditResult>): Promise<boolean> {
    this.inFlight++;
    try {
      const r = await call();
      this.applyResult(r);
      if (r.refused) {
        this.refused(r.refused);
        // The edits that made it stale come before the answer; a copy still behind catches up from the main side.
        if (this.state.revision < r.revision) this.resync();
        return false;
      }
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.inFlight--;
    }
  }

  /** A call that answers a whole document (open, new, save as); null: it answered nothing to load. */
  private async load(call: () => Promise<DocumentState | null>): Promise<boolean> {
    this.inFlight++;
    try {
      const state = await call();
      if (!state) return false;
      this.replace(state);
      await this.refreshSettings();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.inFlight--;
    }
  }

  /** Says why an edit, an undo or a redo was not made (another window changed the same things). */
  private refused(r: EditRefusal): void {
    const what = r.code === 'edit.stale' ? 'The change was not made' : r.code === 'edit.undoConflict' ? 'Nothing was undone' : 'Nothing was redone';
    this.notify({ level: 'warning', code: r.code, message: `${what}: another window changed the same items in the meantime, and their version is kept.` });
  }

  /**
   * At 30,000 contacts the state is 30 MB of JSON: parsed in tasks of a few ms along the plan the main side
   * sent with it (shared/json/partPlan.ts), or whole when there is none (parseInParts also parses it whole
   * when the plan does not fit it).
   */
  private parseState(parts: StateParts): Promise<DocumentState> | DocumentState {
    if (parts.plan) return parseInParts(parts.json, parts.plan) as Promise<DocumentState>;
    return JSON.parse(parts.json) as DocumentState;
  }

  /** Reloads the whole state: the copy missed an edit. */
  private resync(): void {
    if (this.resyncing) return;
    this.resyncing = true;
    this.api
      .getStateParts()
      .then(async (parts) => ({ state: await this.parseState(parts), text: stateTextOf(parts) }))
      .then(
        ({ state, text }) => {
          this.resyncing = false;
          this.replace(state, text);
        },
        (err: unknown) => {
          this.resyncing = false;
          this.early = [];
          this.fail(err);
        },
      );
  }

  private replace(s: DocumentState, text?: StateText): void {
    this.replaces++;
    withoutPrototypes(s.doc);
    // What was said about the open document's situation (missing, read-only…) is said again by the new state if it still holds.
    const notices = this.state.notices.filter((n) => !SITUATION_NOTICES.has(n.code));
    for (const n of s.notices) {
      if (!notices.some((m) => m.code === n.code && m.message === n.message)) notices.push({ ...n, key: ++this.noticeKey });
    }
    this.set({
      status: 'ready',
      failure: null,
      failureCode: null,
      doc: s.doc,
      path: s.path,
      revision: s.revision,
      openId: s.openId,
      undo: s.undo,
      readOnly: s.readOnly,
      notices,
      version: this.state.version + 1,
    });
    for (const l of this.docListeners) l(text === undefined ? { kind: 'replace', doc: s.doc } : { kind: 'replace', doc: s.doc, text });
    const early = this.early;
    this.early = [];
    for (const r of early) this.applyResult(r);
  }

  private applyResult(r: EditResult): void {
    const doc = this.state.doc;
    if ((!doc && this.state.status === 'loading') || this.resyncing) {
      this.early.push(r);
      return;
    }
    if (!doc || r.revision <= this.state.revision) {
      if (doc && r.revision === this.state.revision) this.set({ undo: r.undo });
      return;
    }
    // Each edit is one revision: a result further ahead, or one that is ahead with nothing to replay, means
    // the copy missed an edit (it would silently differ from the file from then on).
    if (!r.applied || r.revision !== this.state.revision + 1) {
      this.early.push(r);
      this.resync();
      return;
    }
    try {
      applyChangeSet(doc, r.applied);
    } catch (e) {
      // The copy no longer matches the file: start again from the main side's state.
      console.error('Carnet: replaying an edit failed, reloading the document', e);
      this.resync();
      return;
    }
    this.set({ revision: r.revision, undo: r.undo, version: this.state.version + 1 });
    for (const l of this.docListeners) l({ kind: 'changes', doc, set: r.applied });
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
