import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/analysis/messages.js';
import type { CarnetStore } from '../state/store.js';
import { useStore } from '../state/StoreContext.js';
import { AnalysisClient, type AnalysisState } from './analysisClient.js';
import { ClusterCacheWriter } from './clusterCacheWriter.js';

const clients = new WeakMap<CarnetStore, AnalysisClient>();
let currentLang: Lang = 'en';

/** The one analysis client of a store (one worker per window). */
export function analysisFor(store: CarnetStore): AnalysisClient {
  let client = clients.get(store);
  if (!client) {
    client = new AnalysisClient(store, () => currentLang);
    clients.set(store, client);
    // Lives as long as the client: one per window, for the window's life.
    new ClusterCacheWriter(store, client);
  }
  return client;
}

/** The current network diagnosis; re-renders when a new one arrives. Runs again when the language changes. */
export function useAnalysis(): AnalysisState {
  const store = useStore();
  const client = analysisFor(store);
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language?.startsWith('fr') ? 'fr' : 'en';
  useEffect(() => {
    if (currentLang !== lang) {
      currentLang = lang;
      client.refresh();
    }
  }, [client, lang]);
  return useSyncExternalStore(client.subscribe, client.get);
}
