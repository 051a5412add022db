import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { Icon } from '../components/Icon.js';
import { Dashboard } from '../dashboard/Dashboard.js';
import { PersonasPanel } from '../personas/PersonasPanel.js';
import { ObjectivesPanel } from '../routine/ObjectivesPanel.js';
import { openActions } from '../routine/openActions.js';
import { useRoutineFacts } from '../routine/routineFor.js';
import { WeekPanel } from '../routine/WeekPanel.js';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel.js';
import { useAnalysis } from './useAnalysis.js';
import './drawer.css';

export const DRAWER_TABS = ['suggestions', 'personas', 'dashboard', 'week', 'objectives'] as const;
export type DrawerTab = (typeof DRAWER_TABS)[number];

export type DrawerView = { tab: DrawerTab; /** What the tab is editing (a persona, an objective, a goal): an id, 'new', or null. */ editing: string | null };

type Props = {
  doc: CarnetDocument;
  /** Bumped on every change to `doc` (edited in place). */
  version: number;
  view: DrawerView;
  onView(view: DrawerView): void;
  onClose(): void;
  onOpenContact(id: string): void;
  /** Opens review mode (on the last import's contacts when asked). */
  onReview(imported?: boolean): void;
};

/** The element id the toolbar's toggle controls. */
export const DRAWER_ID = 'analysis-drawer';

/**
 * The network diagnosis beside the map, in three tabs. The analysis runs in
 * a worker; while a new one computes, the previous result stays on screen
 * and a status line says it is being updated.
 */
export function AnalysisDrawer({ doc, version, view, onView, onClose, onOpenContact, onReview }: Props) {
  const { t } = useTranslation();
  const { result, running, error, lastMs } = useAnalysis();
  const routine = useRoutineFacts();
  const headingId = useId();
  const base = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const tabId = (tab: DrawerTab) => `${base}-tab-${tab}`;
  const panelId = `${base}-panel`;

  const select = (tab: DrawerTab, focus = false) => {
    onView({ tab, editing: null });
    if (focus) tabRefs.current[DRAWER_TABS.indexOf(tab)]?.focus();
  };

  // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation).
  const onTabKey = (e: KeyboardEvent) => {
    const i = DRAWER_TABS.indexOf(view.tab);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % DRAWER_TABS.length : e.key === 'ArrowLeft' ? (i + DRAWER_TABS.length - 1) % DRAWER_TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? DRAWER_TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    select(DRAWER_TABS[next]!, true);
  };

  const counts: Record<DrawerTab, number | null> = {
    suggestions: result ? result.dormantTotal + result.overdueTotal + result.firstStepsTotal : null,
    personas: Object.keys(doc.personas).length,
    dashboard: null,
    week: openActions(doc, routine.facts),
    objectives: Object.values(doc.objectives).filter((o) => o.status === 'active').length,
  };

  return (
    <section id={DRAWER_ID} className="analysis-drawer" aria-labelledby={headingId} aria-busy={running}>
      <header className="drawer-header">
        <h2 id={headingId}>{t('analysis.drawer.title')}</h2>
        <span className="drawer-status" role="status">
          {running ? (
            <>
              <span className="spinner small" aria-hidden="true" />
              {t('analysis.drawer.running')}
            </>
          ) : result && lastMs !== null ? (
            <span className="hint" title={t('analysis.drawer.tookHint', { ms: Math.round(lastMs) })}>
              {t('analysis.drawer.upToDate')}
            </span>
          ) : null}
        </span>
        <button type="button" className="icon-button" aria-label={t('analysis.drawer.close')} title={t('analysis.drawer.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="drawer-tabs" role="tablist" aria-label={t('analysis.drawer.tabs')} onKeyDown={onTabKey}>
        {DRAWER_TABS.map((tab, i) => (
          <button
            key={tab}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={view.tab === tab}
            aria-controls={panelId}
            tabIndex={view.tab === tab ? 0 : -1}
            className="drawer-tab"
            onClick={() => select(tab)}
          >
            {t(`analysis.drawer.tab.${tab}`)}
            {counts[tab] !== null && <span className="count">{counts[tab]}</span>}
          </button>
        ))}
      </div>
      <div className="drawer-body" role="tabpanel" id={panelId} aria-labelledby={tabId(view.tab)} tabIndex={0}>
        {error && (
          <p className="drawer-error" role="alert">
            {t('analysis.drawer.failed', { reason: error })}
          </p>
        )}
        {view.tab === 'personas' ? (
          <PersonasPanel doc={doc} result={result} editing={view.editing} onEdit={(editing) => onView({ tab: 'personas', editing })} onOpenContact={onOpenContact} />
        ) : view.tab === 'week' ? (
          <WeekPanel doc={doc} version={version} result={result} onOpenContact={onOpenContact} onReview={onReview} onOpenObjectives={() => onView({ tab: 'objectives', editing: null })} />
        ) : view.tab === 'objectives' ? (
          <ObjectivesPanel doc={doc} version={version} result={result} editing={view.editing} onEdit={(editing) => onView({ tab: 'objectives', editing })} />
        ) : !result ? (
          !error && (
            <div className="drawer-loading">
              <span className="spinner" aria-hidden="true" />
              <p>{t('analysis.drawer.first')}</p>
            </div>
          )
        ) : view.tab === 'suggestions' ? (
          <SuggestionsPanel
            doc={doc}
            version={version}
            result={result}
            onOpenContact={onOpenContact}
            onEditPersona={(id) => onView({ tab: 'personas', editing: id })}
          />
        ) : (
          <Dashboard result={result} onOpenContact={onOpenContact} />
        )}
      </div>
    </section>
  );
}
