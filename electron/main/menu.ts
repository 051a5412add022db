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
import { translator } from '../../shared/i18n/index.js';

export type MenuAction = Events['menu'];

export type MenuOptions = {
  language: Language;
  recentFiles: readonly string[];
  /** Reload and DevTools are for development builds only. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  send: (action: MenuAction) => void;
};

/** The menu template for the given language, recent files and build. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = translator(options.language);
  const { send } = options;
  const recent: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: t('menu.noRecent'), enabled: false }]
      : options.recentFiles.map((file) => ({ label: file, click: () => send(`recent:${file}`) }));

  const template: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') template.push({ role: 'appMenu' });
  template.push(
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.newDocument'), accelerator: 'CmdOrCtrl+N', click: () => send('new') },
        { label: t('menu.open'), accelerator: 'CmdOrCtrl+O', click: () => send('open') },
        { label: t('menu.openRecent'), submenu: recent },
        { label: t('menu.saveAs'), accelerator: 'CmdOrCtrl+Shift+S', click: () => send('saveAs') },
        { type: 'separator' },
        { label: t('menu.importFiles'), accelerator: 'CmdOrCtrl+I', click: () => send('import') },
        { label: t('menu.exportFiles'), accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        // Shown, not registered: the page handles these keys itself, leaving them to a focused text field's own undo.
        { label: t('menu.undo'), accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
        {
          label: t('menu.redo'),
          accelerator: options.platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z',
          registerAccelerator: false,
          click: () => send('redo'),
        },
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.selectAll'), role: 'selectAll' },
        { type: 'separator' },
        { label: t('menu.myProfile'), click: () => send('profile') },
      ],
    },
  );
  if (!options.isPackaged) {
    template.push({
      label: t('menu.view'),
      submenu: [
        { label: t('menu.reload'), role: 'reload' },
        { label: t('menu.devTools'), role: 'toggleDevTools' },
      ],
    });
  }
  return template;
}
