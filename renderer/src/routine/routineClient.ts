/**
 * The routine's facts of the open document (shared/routine/facts.ts):
 * reminders, who was contacted this week, the goals' progress. They are
 * asked of the analysis worker, which holds a replica of the document and
 * its interaction log by day, after every change that can move them, after
 * midnight and after a wake-up; the UI thread only receives the answer,
 * which also carries the document's sizes (the status bar's counts).
 *
 * Until the answer to the latest question arrives the previous facts stay on
 * screen, marked not current: what acts on them (desktop notifications)
 * waits, so a stale or missing answer never sends nor holds back one.
 */
import type { ChangeSet } from '../../../shared/document/operations.js';
import type { RoutineFacts, RoutineInputs } from '../../../shared/routine/facts.js';
import type { RoutinePort } from '../analysis/analysisClient.js';
import type { DocumentSizes } from '../analysis/protocol.js';
import type { CarnetStore } from '../state/store.js';
import type { RoutineClock } from './routineClock.js';

export type RoutineState = {
  /** The latest answer; null until the first one for the open document. */
  facts: RoutineFacts | null;
  /** The document's sizes, as of the same answer (the status bar's counts). */
  sizes: DocumentSizes | null;
  /** The facts answer the latest question: the document as it is now, today's date, the last open. */
  current: boolean;
};

/** Background writes (map positions, the cluster cache) that no fact of the routine reads. */
const UNREAD: ReadonlySet<string> = new Set(['positions', 'clusterCache']);

export function affectsRoutine(set: ChangeSet): boolean {
  return set.changes.some((c) => !((c.op === 'put' || c.op === 'del') && UNREAD.has(c.coll)));
}

export class RoutineClient {
  private state: RoutineState = { facts: null, sizes: null, current: false };
  private readonly listeners = new Set<() => void>();
  private asked = 0;
  /** Answers to questions asked before the document was replaced describe another document. */
  private firstValid = 1;
  private scheduled = false;
  /** The day of the previous open, for the whole session; `seen`: the day the session last looked at. */
  private since: string | null = null;
  private seen: string | null = null;

  constructor(
    private readonly store: CarnetStore,
    private readonly port: RoutinePort,
    private readonly clock: Pick<RoutineClock, 'get' | 'subscribe'>,
  ) {
    port.onAnswer((msg) => this.receive(msg.id, msg.facts, msg.sizes));
    store.onDocChange((c) => {
      if (c.kind === 'replace') {
        this.firstValid = this.asked + 1;
        this.set({ facts: null, sizes: null, current: false });
      } else if (!affectsRoutine(c.set)) return;
      this.schedule();
    });
    // The settings say when the app was last opened: a question waits for them.
    store.subscribe(() => {
      if (this.seen === null && store.get().settings && store.get().doc) this.schedule();
    });
    clock.subscribe(() => this.schedule());
    if (store.get().doc) this.schedule();
  }

  get = (): RoutineState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Not current from now on, in the same task as the change (a view rendered before the question leaves
   * must not act on the old answer); the question itself goes once the changes of this task are all
   * forwarded to the worker, as one question.
   */
  private schedule(): void {
    if (this.state.current) this.set({ current: false });
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.ask();
    });
  }

  private ask(): void {
    const { doc, settings } = this.store.get();
    if (!doc || !settings) return;
    const inputs = this.inputs(settings.routine.lastSeen);
    this.port.ask({ type: 'routine', id: ++this.asked, ...inputs });
  }

  /** Today, and the day of the previous open (remembered for the session; today is then stored as seen). */
  private inputs(storedLastSeen: string | null): RoutineInputs {
    const { today } = this.clock.get();
    if (this.seen === null) this.since = storedLastSeen;
    else if (this.seen !== today) this.since = this.seen;
    if (this.seen !== today) {
      this.seen = today;
      if (storedLastSeen !== today) void this.store.setRoutineSettings({ lastSeen: today });
    }
    return { today, lastSeen: this.since };
  }

  private receive(id: number, facts: RoutineFacts, sizes: DocumentSizes): void {
    if (id < this.firstValid) return;
    this.set({ facts, sizes, current: id === this.asked && !this.scheduled });
  }

  private set(patch: Partial<RoutineState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
