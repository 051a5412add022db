import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppState, CarnetStore } from './store.js';

const StoreContext = createContext<CarnetStore | null>(null);

export function StoreProvider({ store, children }: { store: CarnetStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): CarnetStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore must be used inside <StoreProvider>');
  return store;
}

/** The app state; the component re-renders whenever it changes. */
export function useAppState(): AppState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.get);
}
