import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Events, NoticeAction, SaveTargetExists } from '../../shared/api/contract.js';
import { AnalysisDrawer, DRAWER_ID } from './analysis/AnalysisDrawer.js';
import { useDrawer } from './analysis/useDrawer.js';
import { Icon } from './components/Icon.js';
import { Notices } from './components/Notices.js';
import { StatusBar } from './toolbar/StatusBar.js';
import { PathDialog } from './dialogs/PathDialog.js';
import { ReplaceDialog } from './dialogs/ReplaceDialog.js';
import { SettingsDialog } from './dialogs/SettingsDialog.js';
import { ExportDialog } from './export/ExportDialog.js';
import { ImportController, type ImportHandle } from './import/ImportController.js';
import { applyLanguage } from './i18n/index.js';
import type { CarnetMap } from './map/carnetMap.js';
import { MapLegend } from './map/MapLegend.js';
import { MapView } from './map/MapView.js';
import { ZoomControls } from './map/ZoomControls.js';
import { useGuardedPanel } from './panels/panelGuard.js';
import { SidePanel } from './panels/SidePanel.js';
import { useAppState, useStore } from './state/StoreContext.js';
import { useEditShortcuts } from './state/useEditShortcuts.js';
import { installProbe } from './testHook.js';
import { Toolbar } from './toolbar/Toolbar.js';
import { CategoryTools } from './categories/CategoryTools.js';
import { FilterBar } from './filters/FilterBar.js';
import { ExportViewMenu } from './mapExport/ExportViewMenu.js';
import { SearchBox } from './search/SearchBox.js';
import { useTheme } from './theme/theme.js';
import { ArchiveSelection } from './routine/ArchiveSelection.js';
import { RemindersButton } from './routine/RemindersButton.js';
import { ReviewMode } from './routine/ReviewMode.js';
import { useReviewMode } from './routine/useReviewMode.js';
import { useRoutine } from './routine/useRoutine.js';

type OpenDialog = null | 'open' | 'saveAs' | 'settings' | 'export';

export function App() {
  const { t } = useTranslation();
  const store = useStore();
  const state = useAppState();
  const mapRef = useRef<CarnetMap | null>(null);
  const importer = useRef<ImportHandle | null>(null);
  // Every change of panel goes through the unsaved-changes guard of the one open (panels/panelGuard.ts).
  const { panel, request: setPanel, guard: panelGuard } = useGuardedPanel();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  /** A Save As target the native dialog gave that exists and was not confirmed there: asked here. */
  const [replacing, setReplacing] = useState<SaveTargetExists['exists'] | null>(null);
  const drawer = useDrawer();
  const review = useReviewMode();
  const openWeek = useCallback(() => drawer.setView({ tab: 'week', editing: null }), [drawer.setView]);
  const reminders = useRoutine({ onNotificationClick: openWeek });
  const { doc, settings } = state;
  const native = settings?.capabilities.nativeDialogs ?? false;

  useEffect(() => installProbe(store, mapRef), [store]);
  useEditShortcuts(store);

  const language = settings ? (settings.language ?? settings.systemLanguage) : null;
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);

  useEffect(() => {
    document.title = doc ? `${doc.meta.title} — Carnet` : 'Carnet';
  }, [doc, state.version]);

  const open = useCallback(async () => {
    if (!native) return setDialog('open');
    try {
      const path = await store.api.pickOpenPath();
      if (path) await store.openDocument(path);
    } catch (e) {
      store.fail(e);
    }
  }, [native, store]);

  const saveAs = useCallback(async () => {
    if (!native) return setDialog('saveAs');
    try {
      const path = await store.api.pickSavePath(defaultFileName(state.path));
      if (!path) return;
      const result = await store.saveDocumentAs(path);
      if (typeof result === 'object') setReplacing(result.exists);
    } catch (e) {
      store.fail(e);
    }
  }, [native, store, state.path]);

  const newDocument = useCallback(() => {
    setPanel(null, () => void store.newDocument());
  }, [store, setPanel]);

  const openPath = useCallback(
    (path: string) =>
      new Promise<boolean>((resolve) => {
        setPanel(null, () => resolve(store.openDocument(path)), () => resolve(false));
      }),
    [store, setPanel],
  );

  /** A notice's button: the main side runs its own actions; the others open this window's dialogs. */
  const noticeAction = useCallback(
    (key: number, action: NoticeAction) => {
      if (action.kind === 'open') void open();
      else if (action.kind === 'saveAs') void saveAs();
      else if (action.kind === 'new') newDocument();
      else
        void store.runNoticeAction(action.id).then((done) => {
          if (done) store.dismiss(key);
        });
    },
    [store, open, saveAs, newDocument],
  );

  const openProfile = useCallback(() => setPanel({ kind: 'me' }), [setPanel]);

  // The Electron File menu asks for the same actions as the toolbar.
  useEffect(() => {
    const onMenu = (action: Events['menu']) => {
      if (action === 'new') newDocument();
      else if (action === 'open') void open();
      else if (action === 'saveAs') void saveAs();
      else if (action === 'import') importer.current?.pick();
      else if (action === 'export') setDialog('export');
      else if (action === 'profile') openProfile();
      else if (action === 'undo') void store.undo();
      else if (action === 'redo') void store.redo();
      else if (action.startsWith('recent:')) void openPath(action.slice('recent:'.length));
    };
    return store.api.on('menu', onMenu);
  }, [store, newDocument, open, saveAs, openPath, openProfile]);

  const openContact = useCallback((id: string) => setPanel({ kind: 'edit', id }), [setPanel]);
  const newPosition = useCallback(() => mapRef.current?.viewCenter() ?? { x: 0, y: 0 }, []);
  const selectedId = panel?.kind === 'edit' ? panel.id : null;
  const { theme } = useTheme();
  const chooseSearchHit = useCallback((id: string) => {
    mapRef.current?.zoomToIds([id]);
    setPanel({ kind: 'edit', id });
  }, [setPanel]);
  const empty = useMemo(() => doc !== null && Object.keys(doc.contacts).length === 0, [doc, state.version]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <div className="brand-text">
            <span className="app-name">Carnet</span>
            {doc && <span className="doc-title">{doc.meta.title}</span>}
          </div>
        </div>
        <SearchBox disabled={state.status !== 'ready'} onChoose={chooseSearchHit} />
        <Toolbar
          viewExport={<ExportViewMenu mapRef={mapRef} disabled={state.status !== 'ready'} title={doc?.meta.title ?? 'Carnet'} />}
          ready={state.status === 'ready'}
          undo={state.undo}
          recentFiles={settings?.recentFiles ?? []}
          onNew={newDocument}
          onOpen={() => void open()}
          onSaveAs={() => void saveAs()}
          onOpenRecent={(p) => void openPath(p)}
          onUndo={() => void store.undo()}
          onRedo={() => void store.redo()}
          onAddContact={() => setPanel({ kind: 'new' })}
          onMyProfile={openProfile}
          onFit={() => mapRef.current?.fit()}
          onSettings={() => setDialog('settings')}
          onImport={() => importer.current?.pick()}
          onExport={() => setDialog('export')}
          onToggleAnalysis={drawer.toggle}
          analysisOpen={drawer.open}
          analysisId={DRAWER_ID}
        />
      </header>

      <Notices notices={state.notices} onDismiss={(k) => store.dismiss(k)} onAction={(n, a) => noticeAction(n.key, a)} />

      <main className="workspace">
        <h1 className="visually-hidden">{doc ? doc.meta.title : 'Carnet'}</h1>
        {drawer.open && doc && state.status === 'ready' && (
          <AnalysisDrawer doc={doc} version={state.version} view={drawer.view} onView={drawer.setView} onClose={drawer.close} onOpenContact={openContact} onReview={review.open} />
        )}
        <div className="map-area">
          {state.status === 'ready' && (
            <>
              {/* The map reads its colours from the theme's CSS variables when created: a new theme makes a new map. */}
              <MapView key={theme} mapRef={mapRef} selectedId={selectedId} onOpenContact={openContact} onOpenMe={openProfile} />
              {doc && <FilterBar doc={doc} version={state.version} mapRef={mapRef} />}
              {doc && <CategoryTools doc={doc} version={state.version} mapRef={mapRef} openContactId={selectedId} />}
              {doc && <MapLegend doc={doc} version={state.version} mapRef={mapRef} />}
              {doc && <ArchiveSelection doc={doc} mapRef={mapRef} />}
              <ZoomControls mapRef={mapRef} />
            </>
          )}
          {state.status === 'loading' && (
            <div className="map-message" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('app.loading')}
            </div>
          )}
          {state.status === 'failed' && (
            <div className="map-message" role="alert">
              <p>{state.failureCode ? t(`notices.${state.failureCode}`) : t('app.failed', { reason: state.failure })}</p>
              {/* A page without access gains nothing by trying again: only a new link helps. */}
              {!state.failureCode && (
                <button type="button" className="button primary" onClick={() => void store.start()}>
                  {t('app.retry')}
                </button>
              )}
            </div>
          )}
          {empty && !panel && (
            <div className="map-message empty">
              <p className="empty-title">{t('app.emptyTitle')}</p>
              <p>{t('app.emptyHint')}</p>
              <button type="button" className="button primary" onClick={() => setPanel({ kind: 'new' })}>
                <Icon name="userPlus" size={16} />
                {t('toolbar.addContact')}
              </button>
            </div>
          )}
        </div>
        {panel && doc && (
          <SidePanel doc={doc} version={state.version} target={panel} newPosition={newPosition} onOpen={setPanel} guardRef={panelGuard} />
        )}
      </main>

      <StatusBar doc={doc} path={state.path} version={state.version} readOnly={state.readOnly}>
        <RemindersButton reminders={reminders} onOpen={openWeek} />
      </StatusBar>
      {review.request && doc && state.status === 'ready' && <ReviewMode doc={doc} version={state.version} request={review.request} onClose={review.close} />}

      {dialog === 'open' && (
        <PathDialog mode="open" initialPath="" recentFiles={settings?.recentFiles ?? []} onSubmit={openPath} onClose={() => setDialog(null)} />
      )}
      {dialog === 'saveAs' && (
        <PathDialog mode="saveAs" initialPath={state.path} recentFiles={[]} onSubmit={(p, replace) => store.saveDocumentAs(p, replace)} onClose={() => setDialog(null)} />
      )}
      {replacing && (
        <ReplaceDialog target={replacing} onReplace={() => void store.saveDocumentAs(replacing.path, true)} onClose={() => setReplacing(null)} />
      )}
      <ImportController handleRef={importer} ready={state.status === 'ready'} />
      {dialog === 'export' && state.status === 'ready' && <ExportDialog onClose={() => setDialog(null)} />}
      {dialog === 'settings' && settings && (
        <SettingsDialog settings={settings} onLanguage={(l) => void store.setLanguage(l)} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}

function defaultFileName(path: string): string {
  const name = path.split(/[\\/]/).pop();
  return name && name.endsWith('.json') ? name : 'carnet.json';
}
