import { useSyncExternalStore } from 'react';
import { analysisFor } from '../analysis/useAnalysis.js';
import type { CarnetStore } from '../state/store.js';
import { useStore } from '../state/StoreContext.js';
import { RoutineClient, type RoutineState } from './routineClient.js';
import { clockFor } from './routineClock.js';

const clients = new WeakMap<CarnetStore, RoutineClient>();

/** The one routine client of a store (one per window), answered by the window's analysis worker. */
export function routineFor(store: CarnetStore): RoutineClient {
  let client = clients.get(store);
  if (!client) {
    client = new RoutineClient(store, analysisFor(store).routine, clockFor(store));
    clients.set(store, client);
  }
  return client;
}

/** The routine's facts of the open document; re-renders when an answer arrives or a question leaves. */
export function useRoutineFacts(): RoutineState {
  const client = routineFor(useStore());
  return useSyncExternalStore(client.subscribe, client.get);
}
