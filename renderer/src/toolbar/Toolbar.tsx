import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UndoState } from '../../../shared/api/contract.js';
import { Icon } from '../components/Icon.js';
import { RecentMenu } from './RecentMenu.js';
import { useCompactLevel } from './useCompactLevel.js';
import './toolbar.css';

export type ToolbarActions = {
  onNew(): void;
  onOpen(): void;
  onSaveAs(): void;
  onOpenRecent(path: string): void;
  onUndo(): void;
  onRedo(): void;
  onAddContact(): void;
  /** Opens the user's own profile (absent: no button). */
  onMyProfile?(): void;
  onFit(): void;
  onSettings(): void;
  onImport(): void;
  onExport(): void;
  /** Shows or hides the diagnosis drawer (absent: no toggle). */
  onToggleAnalysis?(): void;
};

type Props = ToolbarActions & {
  /** The map view export menu (renderer/src/mapExport), beside Fit. */
  viewExport?: ReactNode;
 undo: UndoState; recentFiles: string[]; ready: boolean; analysisOpen?: boolean; analysisId?: string };

/** Steps of label-hiding (toolbar.css): file actions, then import/export, then the view tools, then Add contact. */
const COMPACT_STEPS = 4;

/** The header's actions. Their labels show where there is room; short of it, groups keep only their icons, in order. */
export function Toolbar(props: Props) {
  const { t, i18n } = useTranslation();
  const { undo, ready } = props;
  const root = useRef<HTMLDivElement>(null);
  const level = useCompactLevel(root, COMPACT_STEPS, i18n.language);
  const undoTip = undo.undoLabel ? t('toolbar.undoWhat', { label: t(undo.undoLabel.key, undo.undoLabel.params ?? {}) }) : t('toolbar.nothingToUndo');
  const redoTip = undo.redoLabel ? t('toolbar.redoWhat', { label: t(undo.redoLabel.key, undo.redoLabel.params ?? {}) }) : t('toolbar.nothingToRedo');
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} ref={root} data-compact={level}>
      <div className="tool-group g-file">
        <button type="button" className="tool" onClick={props.onNew} disabled={!ready} title={t('toolbar.newHint')}>
          <Icon name="file" />
          <span>{t('toolbar.new')}</span>
        </button>
        <button type="button" className="tool" onClick={props.onOpen} title={t('toolbar.openHint')}>
          <Icon name="folder" />
          <span>{t('toolbar.open')}</span>
        </button>
        <button type="button" className="tool" onClick={props.onSaveAs} disabled={!ready} title={t('toolbar.saveAsHint')}>
          <Icon name="save" />
          <span>{t('toolbar.saveAs')}</span>
        </button>
        <RecentMenu files={props.recentFiles} onOpen={props.onOpenRecent} />
      </div>
      <div className="tool-group g-io">
        <button type="button" className="tool" onClick={props.onImport} disabled={!ready} title={t('import.toolbarHint')}>
          <Icon name="import" />
          <span>{t('import.toolbar')}</span>
        </button>
        <button type="button" className="tool" onClick={props.onExport} disabled={!ready} title={t('export.toolbarHint')}>
          <Icon name="export" />
          <span>{t('export.toolbar')}</span>
        </button>
      </div>
      <div className="tool-group">
        <button type="button" className="tool icon-only" onClick={props.onUndo} disabled={!undo.canUndo} aria-label={undoTip} title={undoTip} aria-keyshortcuts="Control+Z Meta+Z">
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="tool icon-only"
          onClick={props.onRedo}
          disabled={!undo.canRedo}
          aria-label={redoTip}
          title={redoTip}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        >
          <Icon name="redo" />
        </button>
      </div>
      <div className="tool-group g-view">
        {props.onToggleAnalysis && (
          <button
            type="button"
            className={`tool ${props.analysisOpen ? 'on' : ''}`}
            onClick={props.onToggleAnalysis}
            disabled={!ready}
            aria-pressed={Boolean(props.analysisOpen)}
            aria-controls={props.analysisOpen ? props.analysisId : undefined}
            title={t('analysis.toggleHint')}
          >
            <Icon name="pulse" />
            <span>{t('analysis.toggle')}</span>
          </button>
        )}
        <button type="button" className="tool" onClick={props.onFit} disabled={!ready} title={t('toolbar.fitHint')}>
          <Icon name="fit" />
          <span>{t('toolbar.fit')}</span>
        </button>
        {props.viewExport}
        <button type="button" className="tool primary" onClick={props.onAddContact} disabled={!ready}>
          <Icon name="userPlus" />
          <span>{t('toolbar.addContact')}</span>
        </button>
        {props.onMyProfile && (
          <button type="button" className="tool icon-only" onClick={props.onMyProfile} disabled={!ready} aria-label={t('profile.open')} title={t('profile.openHint')}>
            <Icon name="user" />
          </button>
        )}
        <button type="button" className="tool icon-only" onClick={props.onSettings} aria-label={t('toolbar.settings')} title={t('toolbar.settings')}>
          <Icon name="settings" />
        </button>
      </div>
    </div>
  );
}
