import type { Events } from '../../../shared/api/contract.js';

type Listener = (payload: never) => void;

/** Fan-out of main-side events to the renderer's listeners, shared by both transports' adapters. */
export class EventHub {
  private readonly listeners = new Map<keyof Events, Set<Listener>>();

  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const l of this.listeners.get(event) ?? []) {
      try {
        (l as (p: Events[E]) => void)(payload);
      } catch (e) {
        // One faulty listener must not starve the others of the event.
        console.error(`listener of "${event}" failed`, e);
      }
    }
  }
}
