/**
 * The native file dialogs: the only source of the paths the page may open or
 * save to (pathGrants.ts). The save dialogs, for documents and for exported
 * files (downloads), ask before replacing an existing file.
 */
import { dialog, type BrowserWindow, type Session } from 'electron';
import path from 'node:path';
import type { PathGrants } from './pathGrants.js';

const DOCUMENT_FILTERS = [{ name: 'Carnet (JSON)', extensions: ['json'] }];

export type Dialogs = { pickOpenPath(): Promise<string | null>; pickSavePath(defaultName: string): Promise<string | null> };

export function createDialogs(o: { window: () => BrowserWindow | null; grants: PathGrants; documentsDir: () => string }): Dialogs {
  return {
    async pickOpenPath() {
      const options = { properties: ['openFile' as const], filters: DOCUMENT_FILTERS };
      const win = o.window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const chosen = result.canceled ? null : (result.filePaths[0] ?? null);
      if (chosen) o.grants.grantOpen(chosen);
      return chosen;
    },
    async pickSavePath(defaultName) {
      // Only a file name is taken from the renderer; the folder is the user's Documents.
      const options = {
        defaultPath: path.join(o.documentsDir(), path.basename(defaultName)),
        filters: DOCUMENT_FILTERS,
        // macOS and Windows always ask before replacing a file; GTK only when told to.
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const win = o.window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      const named = path.extname(result.filePath) ? result.filePath : `${result.filePath}.json`;
      // The dialog confirmed replacing the name it showed; with ".json" added, that is another file, which the page will ask about.
      o.grants.grantSave(named, named === result.filePath);
      return named;
    },
  };
}

/** Exports are downloads: their save dialog asks before replacing a file too. */
export function confirmDownloadOverwrites(target: Session, downloadsDir: () => string): void {
  target.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({
      defaultPath: path.join(downloadsDir(), path.basename(item.getFilename())),
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
  });
}
