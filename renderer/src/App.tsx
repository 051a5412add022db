import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Events, NoticeAction, SaveTargetExists } from '../../shared/api/contract.js';
import { AnalysisDrawer, DRAWER_ID } from './analysis/AnalysisDrawer.js';
import { useDrawer } from './analysis/useDrawer.js';
import { CategoryTools } from './categories/CategoryTools.js';
import { Icon } from './components/Icon.js';
import { Notices } from './components/Notices.js';
import { StatusBar } from './toolbar/StatusBar.js';
import { PathDialog } from './dialogs/PathDialog.js';
import { ReplaceDialog } from './dialogs/ReplaceDialog.js';
import { SettingsDialog } from './dialogs/SettingsDialog.js';
import { ExportDialog } from './export/ExportDialog.js';
import { FilterPanel } from './filters/FilterPanel.js';
import { useFilterState } from './filters/filterState.js';
import { useMapFilter } from './filters/useMapFilter.js';
import { isFiltering } from './filters/filterModel.js';
import { ImportController, type ImportHandle } from './import/ImportController.js';
import { applyLanguage } from './i18n/index.js';
import type { CarnetMap } from './map/engine/carnetMap.js';
import { MapBar } from './map/views/MapBar.js';
import { MapControls } from './map/views/MapControls.js';
import { useMap } from './map/views/mapInstance.js';
import { MapLegend } from './map/views/MapLegend.js';
import { MapView } from './map/views/MapView.js';
import { ExportViewMenu } from './mapExport/ExportViewMenu.js';
import { useGuardedPanel, type PanelTarget } from './panels/panelGuard.js';
import { SidePanel } from './panels/SidePanel.js';
import { getPreferences, setPreferences, startPreferences } from './preferences/preferences.js';
import { ArchiveSelection } from './routine/ArchiveSelection.js';
import { RemindersButton } from './routine/RemindersButton.js';
import { ReviewMode } from './routine/ReviewMode.js';
import { useReviewMode } from './routine/useReviewMode.js';
import { useRoutine } from './routine/useRoutine.js';
import { useRoutineFacts } from './routine/routineFor.js';
import { SearchBox } from './search/SearchBox.js';
import { useAppState, useStore } from './state/StoreContext.js';
import { useEditShortcuts } from './state/useEditShortcuts.js';
import { installProbe } from './testHook.js';
import { Toolbar } from './toolbar/Toolbar.js';
import { DockSection } from './workspace/DockSection.js';
import { documentTitle } from './workspace/documentTitle.js';
import { revealSection, setCardOpen, toggleSection, useSections } from './workspace/sections.js';
import { ShortcutsDialog, useHelpShortcut } from './workspace/ShortcutsDialog.js';
import { Workspace, type RailItem } from './workspace/Workspace.js';

type OpenDialog = null | 'open' | 'saveAs' | 'settings' | 'export' | 'shortcuts';

export function App() {
  const { t } = useTranslation();
  const store = useStore();
  const state = useAppState();
  const mapRef = useRef<CarnetMap | null>(null);
  const map = useMap();
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
  const { sizes } = useRoutineFacts();
  const sections = useSections();
  const cardOpen = panel !== null;
  // Before the paint: the sections fold in the same frame as the card appears.
  useLayoutEffect(() => setCardOpen(cardOpen), [cardOpen]);
  const { filters } = useFilterState();
  const { doc, settings } = state;
  const native = settings?.capabilities.nativeDialogs ?? false;

  useEffect(() => installProbe(store, mapRef), [store]);
  useEditShortcuts(store);
  useHelpShortcut(() => setDialog('shortcuts'));
  useMapFilter(doc, state.version, map);

  // The preferences come with the first settings; later reads of the settings do not overwrite what changed since.
  const started = useRef(false);
  useEffect(() => {
    if (!settings || started.current) return;
    started.current = true;
    startPreferences(store.api, settings.preferences);
  }, [settings, store]);

  const language = settings ? (settings.language ?? settings.systemLanguage) : null;
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);

  const title = doc ? documentTitle(t, doc.meta.title) : 'Carnet';
  useEffect(() => {
    document.title = doc ? `${title} — Carnet` : 'Carnet';
  }, [doc, title, state.version]);

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

  // A contact's card opens in the side dock: a folded dock unfolds for it.
  const showPanel = useCallback(
    (target: PanelTarget | null) => {
      if (target && getPreferences().panels?.sideCollapsed) setPreferences({ panels: { sideCollapsed: false } });
      setPanel(target);
    },
    [setPanel],
  );
  const openProfile = useCallback(() => showPanel({ kind: 'me' }), [showPanel]);

  // The Electron File menu asks for the same actions as the toolbar.
  useEffect(() => {
    const onMenu = (action: Events['menu']) => {
      if (action === 'new') newDocument();
      else if (action === 'open') void open();
      else if (action === 'saveAs') void saveAs();
      else if (action === 'import') importer.current?.pick();
      else if (action === 'export') setDialog('export');
      else if (action === 'undo') void store.undo();
      else if (action === 'redo') void store.redo();
      else if (action === 'profile') openProfile();
      else if (action.startsWith('recent:')) void openPath(action.slice('recent:'.length));
    };
    return store.api.on('menu', onMenu);
  }, [store, newDocument, open, saveAs, openPath, openProfile]);

  /** A click on the map: the card opens, the map keeps the contact in view. */
  const openContact = useCallback((id: string) => showPanel({ kind: 'edit', id }), [showPanel]);
  /** A search hit, "Show on map" in the drawer: the map frames the contact, and its card opens. */
  const showContact = useCallback(
    (id: string) => {
      mapRef.current?.zoomToIds([id]);
      showPanel({ kind: 'edit', id });
    },
    [showPanel],
  );
  const newPosition = useCallback(() => mapRef.current?.viewCenter() ?? { x: 0, y: 0 }, []);
  const selectedId = panel?.kind === 'edit' ? panel.id : null;
  const empty = useMemo(() => doc !== null && Object.keys(doc.contacts).length === 0, [doc, state.version]);
  const ready = state.status === 'ready';

  const rail: RailItem[] = [
    { id: 'categories', icon: 'tag', label: t('categories.title'), onClick: () => revealSection('categories') },
    { id: 'filters', icon: 'filter', label: t('filters.button'), onClick: () => revealSection('filters'), badge: isFiltering(filters) ? 1 : undefined },
    { id: 'legend', icon: 'legend', label: t('map.legend'), onClick: () => revealSection('legend') },
    { id: 'options', icon: 'sliders', label: t('map.options'), onClick: () => revealSection('options') },
  ];

  const side = doc && ready && (
    <>
      {panel && <SidePanel doc={doc} version={state.version} target={panel} newPosition={newPosition} onOpen={showPanel} guardRef={panelGuard} />}
      <CategoryTools doc={doc} version={state.version} openContactId={selectedId} open={sections.categories} onToggle={() => toggleSection('categories', sections.categories)} />
      <DockSection title={t('filters.button')} icon="filter" open={sections.filters} onToggle={() => toggleSection('filters', sections.filters)}>
        {/* Folded, it renders nothing: its counts over every contact and its boxes for every cluster wait until it is unfolded. */}
        {sections.filters && <FilterPanel doc={doc} version={state.version} />}
      </DockSection>
      <DockSection title={t('map.legend')} icon="legend" open={sections.legend} onToggle={() => toggleSection('legend', sections.legend)}>
        <MapLegend doc={doc} version={state.version} map={map} />
      </DockSection>
      <DockSection title={t('map.options')} icon="sliders" open={sections.options} onToggle={() => toggleSection('options', sections.options)}>
        <MapControls map={map} />
      </DockSection>
    </>
  );

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <div className="brand-text">
            <span className="app-name">Carnet</span>
            {doc && <span className="doc-title">{title}</span>}
          </div>
        </div>
        <SearchBox disabled={!ready} onChoose={showContact} />
        <Toolbar
          viewExport={<ExportViewMenu mapRef={mapRef} disabled={!ready} title={title} />}
          ready={ready}
          undo={state.undo}
          recentFiles={settings?.recentFiles ?? []}
          onNew={newDocument}
          onOpen={() => void open()}
          onSaveAs={() => void saveAs()}
          onOpenRecent={(p) => void openPath(p)}
          onUndo={() => void store.undo()}
          onRedo={() => void store.redo()}
          onAddContact={() => showPanel({ kind: 'new' })}
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

      <Workspace
        drawer={
          drawer.open && doc && ready ? (
            <AnalysisDrawer doc={doc} version={state.version} view={drawer.view} onView={drawer.setView} onClose={drawer.close} onOpenContact={showContact} onReview={review.open} />
          ) : null
        }
        side={side}
        rail={rail}
      >
        <h1 className="visually-hidden">{title}</h1>
        {doc && ready && <MapBar doc={doc} version={state.version} map={map} openContactId={selectedId} onShortcuts={() => setDialog('shortcuts')} />}
        <div className="map-area">
          {ready && <MapView mapRef={mapRef} selectedId={selectedId} onOpenContact={openContact} onOpenMe={openProfile} />}
          {ready && doc && <ArchiveSelection doc={doc} map={map} />}
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
              <button type="button" className="button primary" onClick={() => showPanel({ kind: 'new' })}>
                <Icon name="userPlus" size={16} />
                {t('toolbar.addContact')}
              </button>
            </div>
          )}
        </div>
      </Workspace>

      <StatusBar doc={doc} sizes={sizes} path={state.path} version={state.version} readOnly={state.readOnly}>
        <RemindersButton reminders={reminders} onOpen={openWeek} />
      </StatusBar>
      {review.request && doc && ready && <ReviewMode doc={doc} version={state.version} request={review.request} onClose={review.close} />}

      {dialog === 'open' && (
        <PathDialog mode="open" initialPath="" recentFiles={settings?.recentFiles ?? []} onSubmit={openPath} onClose={() => setDialog(null)} />
      )}
      {dialog === 'saveAs' && (
        <PathDialog mode="saveAs" initialPath={state.path} recentFiles={[]} onSubmit={(p, replace) => store.saveDocumentAs(p, replace)} onClose={() => setDialog(null)} />
      )}
      {replacing && (
        <ReplaceDialog target={replacing} onReplace={() => void store.saveDocumentAs(replacing.path, true)} onClose={() => setReplacing(null)} />
      )}
      <ImportController handleRef={importer} ready={ready} />
      {dialog === 'export' && ready && <ExportDialog onClose={() => setDialog(null)} />}
      {dialog === 'settings' && settings && (
        <SettingsDialog settings={settings} onLanguage={(l) => void store.setLanguage(l)} onClose={() => setDialog(null)} />
      )}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
    </div>
  );
}

function defaultFileName(path: string): string {
  const name = path.split(/[\\/]/).pop();
  return name && name.endsWith('.json') ? name : 'carnet.json';
}
