import { useCallback, useState } from 'react';
import { DRAWER_TABS, type DrawerTab, type DrawerView } from './AnalysisDrawer.js';

const STORAGE_KEY = 'carnet.analysisDrawer';

type Drawer = { open: boolean; view: DrawerView; toggle(): void; close(): void; setView(view: DrawerView): void };

/** Remembers whether the diagnosis drawer was open, and on which tab, from one session to the next. */
export function useDrawer(): Drawer {
  const [state, setState] = useState<{ open: boolean; view: DrawerView }>(() => {
    const saved = read();
    return { open: saved !== null, view: { tab: saved ?? 'suggestions', editing: null } };
  });
  const save = (open: boolean, tab: DrawerTab) => {
    try {
      if (open) localStorage.setItem(STORAGE_KEY, tab);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage can be disabled; the drawer then simply starts closed next time.
    }
  };
  const toggle = useCallback(() => {
    setState((s) => {
      save(!s.open, s.view.tab);
      return { ...s, open: !s.open };
    });
  }, []);
  const close = useCallback(() => {
    setState((s) => {
      save(false, s.view.tab);
      return { ...s, open: false };
    });
  }, []);
  const setView = useCallback((view: DrawerView) => {
    save(true, view.tab);
    setState({ open: true, view });
  }, []);
  return { ...state, toggle, close, setView };
}

function read(): DrawerTab | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v && (DRAWER_TABS as readonly string[]).includes(v) ? (v as DrawerTab) : null;
  } catch {
    return null;
  }
}
