/**
 * The application menu. Every document action, Undo and Redo included, is
 * sent to the renderer as a `menu` event rather than run here: the renderer
 * already carries out the same actions from its toolbar and keyboard
 * shortcuts, keeps its copy of the document in step with the edits it makes,
 * and shows the result (dialogs, errors). The shell stays free of document
 * logic, and there is one code path per action.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Events, Language } from '../../shared/api/contract.js';

export type MenuAction = Events['menu'];

export type MenuOptions = {
  language: Language;
  recentFiles: readonly string[];
  /** Reload and DevTools are for development builds only. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  send: (action: MenuAction) => void;
};

const LABELS = {
  en: {
    file: '&File',
    newDocument: '&New',
    open: '&Open…',
    openRecent: 'Open &Recent',
    noRecent: 'No recent files',
    saveAs: 'Save &As…',
    importFiles: '&Import…',
    exportFiles: '&Export…',
    quit: '&Quit',
    edit: '&Edit',
    undo: '&Undo',
    redo: '&Redo',
    cut: 'Cu&t',
    copy: '&Copy',
    paste: '&Paste',
    selectAll: 'Select &All',
    view: '&View',
    reload: '&Reload',
    devTools: 'Toggle &Developer Tools',
  },
  fr: {
    file: '&Fichier',
    newDocument: '&Nouveau',
    open: '&Ouvrir…',
    openRecent: 'Ouvrir un fichier &récent',
    noRecent: 'Aucun fichier récent',
    saveAs: 'Enregistrer &sous…',
    importFiles: '&Importer…',
    exportFiles: '&Exporter…',
    quit: '&Quitter',
    edit: '&Édition',
    undo: '&Annuler',
    redo: '&Rétablir',
    cut: 'Co&uper',
    copy: '&Copier',
    paste: 'C&oller',
    selectAll: '&Tout sélectionner',
    view: '&Affichage',
    reload: '&Recharger',
    devTools: 'Outils de &développement',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The menu template for the given language, recent files and build. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[options.language];
  const { send } = options;
  const recent: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : options.recentFiles.map((file) => ({ label: file, click: () => send(`recent:${file}`) }));

  const template: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') template.push({ role: 'appMenu' });
  template.push(
    {
      label: t.file,
      submenu: [
        { label: t.newDocument, accelerator: 'CmdOrCtrl+N', click: () => send('new') },
        { label: t.open, accelerator: 'CmdOrCtrl+O', click: () => send('open') },
        { label: t.openRecent, submenu: recent },
        { label: t.saveAs, accelerator: 'CmdOrCtrl+Shift+S', click: () => send('saveAs') },
        { type: 'separator' },
        { label: t.importFiles, accelerator: 'CmdOrCtrl+I', click: () => send('import') },
        { label: t.exportFiles, accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        // Shown, not registered: the page handles these keys itself, leaving them to a focused text field's own undo.
        { label: t.undo, accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
        {
          label: t.redo,
          accelerator: options.platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z',
          registerAccelerator: false,
          click: () => send('redo'),
        },
        { type: 'separator' },
        { label: t.cut, role: 'cut' },
        { label: t.copy, role: 'copy' },
        { label: t.paste, role: 'paste' },
        { label: t.selectAll, role: 'selectAll' },
      ],
    },
  );
  if (!options.isPackaged) {
    template.push({
      label: t.view,
      submenu: [
        { label: t.reload, role: 'reload' },
        { label: t.devTools, role: 'toggleDevTools' },
      ],
    });
  }
  return template;
}
