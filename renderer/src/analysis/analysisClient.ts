import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import type { Lang } from '../../../shared/analysis/messages.js';
import type { ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetStore, DocChange } from '../state/store.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { unpackResult } from './transport.js';

export type AnalysisState = {
  result: AnalysisResult | null;
  /** An analysis is running or waiting for edits to settle. */
  running: boolean;
  error: string | null;
  /** How long the last run took in the worker (ms). */
  lastMs: number | null;
};

/** "Today" in the user's time zone, as the analysis expects it. */
export function today(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/**
 * Positions only say where the map draws people (and the cluster cache what
 * the last analysis found, clusterCacheWriter.ts), and the routine's own
 * collections (objectives, goals, plans, reviews) what the user plans: no
 * part of the diagnosis reads them (review decisions that archive a
 * contact change the contact too, and that change counts).
 */
const NOT_ANALYSED: ReadonlySet<string> = new Set(['positions', 'objectives', 'goals', 'plans', 'reviews', 'reviewMarks', 'clusterCache']);

export function affectsAnalysis(set: ChangeSet): boolean {
  return set.changes.some((c) => !((c.op === 'put' || c.op === 'del') && NOT_ANALYSED.has(c.coll)));
}

/** How the routine asks the worker its questions (renderer/src/routine/routineClient.ts) and hears the answers. */
export type RoutinePort = {
  /** Posted after every change already forwarded: the answer describes the copy as it is now. */
  ask(msg: Extract<ToWorker, { type: 'routine' }>): void;
  onAnswer(listener: (msg: Extract<FromWorker, { type: 'routine' }>) => void): () => void;
};

/**
 * Keeps the analysis of the open document current: every change to the
 * renderer's copy is forwarded to the worker, and a new run starts once
 * edits settle (a short debounce), so the UI thread never analyses anything.
 */
export class AnalysisClient {
  private readonly worker: Worker;
  private state: AnalysisState = { result: null, running: false, error: null, lastMs: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private requested = 0;
  private loaded = false;
  private readonly routineListeners = new Set<(msg: Extract<FromWorker, { type: 'routine' }>) => void>();

  constructor(
    store: CarnetStore,
    private lang: () => Lang,
    private readonly debounceMs = 120,
  ) {
    this.worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'carnet-analysis' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => this.set({ running: false, error: e.message || 'analysis worker failed' });
    const doc = store.get().doc;
    if (doc) this.onChange({ kind: 'replace', doc });
    store.onDocChange((c) => this.onChange(c));
  }

  get = (): AnalysisState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The same worker answers the routine: it holds the replica of the document. */
  readonly routine: RoutinePort = {
    ask: (msg) => this.worker.postMessage(msg),
    onAnswer: (listener) => {
      this.routineListeners.add(listener);
      return () => this.routineListeners.delete(listener);
    },
  };

  /** Runs again now (the language changed, or "today" moved on). */
  refresh(): void {
    if (this.loaded) this.schedule(0);
  }

  private onChange(c: DocChange): void {
    if (c.kind === 'changes') this.worker.postMessage({ type: 'changes', set: c.set } satisfies ToWorker);
    else if (c.text === undefined) this.worker.postMessage({ type: 'load', doc: c.doc } satisfies ToWorker);
    else {
      // The bytes of the state's text where the page has a copy for this worker: handed over, not copied.
      const { message, transfer } = c.text.take();
      this.worker.postMessage({ type: 'loadJson', ...message } satisfies ToWorker, transfer);
    }
    if (c.kind === 'replace') {
      this.loaded = true;
      this.set({ result: null });
    } else if (!affectsAnalysis(c.set)) {
      // Dragging nodes on the map stores positions at every drop: the replica follows, the diagnosis stays.
      return;
    }
    this.schedule(this.debounceMs);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.set({ running: true });
    this.timer = setTimeout(() => {
      this.timer = null;
      const msg: ToWorker = { type: 'analyze', id: ++this.requested, now: today(), lang: this.lang() };
      this.worker.postMessage(msg);
    }, delay);
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'routine') {
      for (const l of this.routineListeners) l(msg);
      return;
    }
    // Only the newest request counts: an older answer describes a past document.
    if (msg.id !== this.requested) return;
    const settled = this.timer === null;
    if (msg.type === 'result') this.set({ result: unpackResult(msg.result), lastMs: msg.ms, error: null, running: !settled });
    else this.set({ error: msg.message, running: !settled });
  }

  private set(patch: Partial<AnalysisState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
