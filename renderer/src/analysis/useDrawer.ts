import { useCallback, useState } from 'react';
import { setPreferences, usePreferences } from '../preferences/preferences.js';
import { DRAWER_TABS, type DrawerTab, type DrawerView } from './AnalysisDrawer.js';

type Drawer = { open: boolean; view: DrawerView; toggle(): void; close(): void; setView(view: DrawerView): void };

/** Whether the diagnosis drawer is open, and on which tab: kept in the preferences from one session to the next. */
export function useDrawer(): Drawer {
  const stored = usePreferences().drawer;
  const open = stored?.open ?? false;
  const tab: DrawerTab = stored?.tab && (DRAWER_TABS as readonly string[]).includes(stored.tab) ? (stored.tab as DrawerTab) : 'suggestions';
  // What is being edited (a persona, an objective, a goal) belongs to this window's moment, not to the
  // preferences; it goes with the tab it was opened on.
  const [editing, setEditing] = useState<{ tab: DrawerTab; id: string | null }>({ tab, id: null });
  const toggle = useCallback(() => setPreferences({ drawer: { open: !open } }), [open]);
  const close = useCallback(() => setPreferences({ drawer: { open: false } }), []);
  const setView = useCallback((view: DrawerView) => {
    setEditing({ tab: view.tab, id: view.editing });
    setPreferences({ drawer: { open: true, tab: view.tab } });
  }, []);
  return { open, view: { tab, editing: editing.tab === tab ? editing.id : null }, toggle, close, setView };
}
