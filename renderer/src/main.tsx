import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { connectApi } from './api/index.js';
import { App } from './App.js';
import { initI18n } from './i18n/index.js';
import { analysisFor } from './analysis/useAnalysis.js';
import { routineFor } from './routine/routineFor.js';
import { searchFor } from './search/searchClient.js';
import { CarnetStore } from './state/store.js';
import { StoreProvider } from './state/StoreContext.js';
import './styles/app.css';

const i18n = initI18n();
const store = new CarnetStore(connectApi());
// The workers listen before the document arrives, so that they are handed its text rather than a copy of it.
analysisFor(store);
routineFor(store);
searchFor(store);
void store.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>
  </StrictMode>,
);
