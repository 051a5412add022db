/**
 * Preload of the main window (sandboxed, bundled to CommonJS). Exposes
 * `window.carnet`, exactly the API contract: the object literal is checked
 * with `satisfies CarnetApi`, so a missing or extra method is a compile
 * error. ipcRenderer itself never crosses the bridge; only these closures do.
 * Type-only imports keep zod out of this bundle.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Args, CarnetApi, Events, Method, Results } from '../../shared/api/contract.js';
import { EVENT_CHANNEL, methodChannel } from './channels.js';

/** Event names the main side sends; `satisfies` keeps the list in step with the contract. */
const EVENT_NAMES = { document: true, edit: true, notice: true, menu: true, readOnly: true, wake: true, notificationClick: true } as const satisfies Record<keyof Events, true>;

/** Electron wraps errors thrown by a handler as "Error invoking remote method 'carnet:x': Error: <message>". */
const REMOTE_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

function invoke<M extends Method>(method: M): (...args: Args<M>) => Promise<Results[M]> {
  return async (...args) => {
    try {
      return (await ipcRenderer.invoke(methodChannel(method), ...args)) as Results[M];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(message.replace(REMOTE_ERROR_PREFIX, ''));
    }
  };
}

const api = {
  getState: invoke('getState'),
  getStateJson: invoke('getStateJson'),
  getStateParts: invoke('getStateParts'),
  apply: invoke('apply'),
  undo: invoke('undo'),
  redo: invoke('redo'),
  newDocument: invoke('newDocument'),
  openDocument: invoke('openDocument'),
  saveDocumentAs: invoke('saveDocumentAs'),
  runNoticeAction: invoke('runNoticeAction'),
  pickOpenPath: invoke('pickOpenPath'),
  pickSavePath: invoke('pickSavePath'),
  getSettings: invoke('getSettings'),
  setPreferences: invoke('setPreferences'),
  setLanguage: invoke('setLanguage'),
  openExternal: invoke('openExternal'),
  importStart: invoke('importStart'),
  importUpload: invoke('importUpload'),
  importPreview: invoke('importPreview'),
  importCommit: invoke('importCommit'),
  importCancel: invoke('importCancel'),
  notify: invoke('notify'),
  setRoutineSettings: invoke('setRoutineSettings'),
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void {
    if (!Object.hasOwn(EVENT_NAMES, event)) throw new Error(`carnet.on: unknown event ${JSON.stringify(event)}`);
    // The IpcRendererEvent is not passed on: it would hand the page a sender object.
    const handler = (_event: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message.event === event) listener(message.payload as Events[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
} satisfies CarnetApi;

contextBridge.exposeInMainWorld('carnet', api);
