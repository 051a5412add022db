import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon.js';
import { setPreferences, usePreferences } from '../preferences/preferences.js';
import { DRAWER_MIN, RAIL_WIDTH, SIDE_MIN, defaultWidths, fitWidths } from './dockWidths.js';
import { Splitter } from './Splitter.js';
import './workspace.css';

/** Folds the side dock to its rail, or unfolds it (in the map bar, and at the top of the rail). */
export function FoldButton({ folded }: { folded: boolean }) {
  const { t } = useTranslation();
  const label = t(folded ? 'workspace.unfoldSide' : 'workspace.foldSide');
  return (
    <button type="button" className="icon-button" aria-expanded={!folded} aria-label={label} title={label} onClick={() => setPreferences({ panels: { sideCollapsed: !folded } })}>
      <Icon name="sidebar" />
    </button>
  );
}

export type RailItem = { id: string; icon: IconName; label: string; onClick(): void; badge?: number };

type Props = {
  /** The Diagnosis drawer, docked on the left; null when closed. */
  drawer: ReactNode;
  /** The side dock's content (contact panel, categories, filters, legend, options). */
  side: ReactNode;
  /** The side dock folded: one button per section. */
  rail: RailItem[];
  /** The map column: the map bar and the map. */
  children: ReactNode;
};

/**
 * The workspace: the map in the middle, the Diagnosis drawer docked on its
 * left and the side dock on its right. Each takes its own width (resized with
 * its splitter, kept in the preferences) and the map takes what is left,
 * never less than MAP_MIN: on a narrow window the panels give up width first.
 * The side dock folds to a rail of buttons.
 */
export function Workspace({ drawer, side, rail, children }: Props) {
  const { t } = useTranslation();
  const prefs = usePreferences().panels ?? {};
  const root = useRef<HTMLElement>(null);
  const [total, setTotal] = useState(() => window.innerWidth);
  useEffect(() => {
    const el = root.current!;
    const observer = new ResizeObserver(() => setTotal(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const defaults = defaultWidths(total);
  const collapsed = prefs.sideCollapsed ?? false;
  const wanted = { drawer: drawer ? (prefs.drawerWidth ?? defaults.drawer) : 0, side: collapsed ? RAIL_WIDTH : (prefs.sideWidth ?? defaults.side) };
  const fit = fitWidths(total, wanted.drawer, wanted.side);

  return (
    <main className="workspace" ref={root}>
      {drawer && (
        <>
          <div className="dock dock-left" style={{ width: fit.drawer }}>
            {drawer}
          </div>
          <Splitter label={t('workspace.resizeDrawer')} value={fit.drawer} min={DRAWER_MIN} max={fit.maxDrawer} panel="left" onChange={(w) => setPreferences({ panels: { drawerWidth: w } })} />
        </>
      )}
      <div className="map-column">{children}</div>
      {!collapsed && (
        <Splitter label={t('workspace.resizeSide')} value={fit.side} min={SIDE_MIN} max={fit.maxSide} panel="right" onChange={(w) => setPreferences({ panels: { sideWidth: w } })} />
      )}
      <div className={`dock dock-right${collapsed ? ' folded' : ''}`} style={{ width: fit.side }}>
        {collapsed ? (
          <nav className="dock-rail" aria-label={t('workspace.rail')}>
            <FoldButton folded />
            {rail.map((r) => (
              <button key={r.id} type="button" className="icon-button rail-button" aria-label={r.label} title={r.label} onClick={r.onClick}>
                <Icon name={r.icon} />
                {r.badge ? <span className="rail-badge">{r.badge}</span> : null}
              </button>
            ))}
          </nav>
        ) : (
          <div className="dock-stack">{side}</div>
        )}
      </div>
    </main>
  );
}
