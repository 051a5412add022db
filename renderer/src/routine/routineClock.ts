/**
 * "Today" for the routine, kept right across midnight and sleep: the day is
 * looked at again every minute, when the window comes back into view, and
 * when the shell says the machine woke up (Electron's powerMonitor). A minute
 * timer that fires much later than asked also means the machine slept.
 * When the day changes, the analysis runs again for the new day, and the
 * week's plan is made once the new analysis arrives (RoutineHost).
 */
import { today } from '../analysis/analysisClient.js';
import { analysisFor } from '../analysis/useAnalysis.js';
import type { CarnetStore } from '../state/store.js';

const TICK_MS = 60_000;

export type ClockState = {
  today: string;
  /** Bumped at every wake-up, even within the same day, so reminders and the plan are looked at again. */
  wakes: number;
};

export class RoutineClock {
  private state: ClockState;
  private readonly listeners = new Set<() => void>();
  private last = Date.now();

  constructor(
    private readonly store: CarnetStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.state = { today: today(now()), wakes: 0 };
    store.api.on('wake', () => this.wake());
    setInterval(() => {
      const at = Date.now();
      // Timers stop while the machine sleeps: a tick far later than asked is a wake-up.
      if (at - this.last > 3 * TICK_MS) this.wake();
      else this.check();
      this.last = at;
    }, TICK_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.check();
    });
  }

  get = (): ClockState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The machine woke up: the day may have changed, and what is due surely has. */
  wake(): void {
    this.check(true);
  }

  private check(woke = false): void {
    const day = today(this.now());
    if (day === this.state.today && !woke) return;
    const dayChanged = day !== this.state.today;
    this.state = { today: day, wakes: this.state.wakes + (woke ? 1 : 0) };
    if (dayChanged) analysisFor(this.store).refresh();
    for (const l of this.listeners) l();
  }
}

const clocks = new WeakMap<CarnetStore, RoutineClock>();

/** The one clock of a store (one per window). */
export function clockFor(store: CarnetStore): RoutineClock {
  let c = clocks.get(store);
  if (!c) {
    c = new RoutineClock(store);
    clocks.set(store, c);
  }
  return c;
}
