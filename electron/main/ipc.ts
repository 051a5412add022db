/**
 * Electron IPC transport of the API contract: one `ipcMain.handle` per
 * method, each refusing callers other than the app's own top-level page
 * before the backend validates the payload. The paths of openDocument and
 * saveDocumentAs must come from this process's dialogs or recent files
 * (pathGrants.ts). Each call runs as its window (`callerOf` its sender), so
 * that each window has its own undo history; the page cannot name another.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENTS, METHODS, type Events } from '../../shared/api/contract.js';
import { EVENT_CHANNEL, methodChannel } from './channels.js';
import type { PathGrants } from './pathGrants.js';
import { isAppUrl } from './security.js';

/** What the shell needs from the backend (electron/services/backend.ts). */
export type ShellBackend = {
  /** Validates `args` against the contract (parseCall), then runs the method as `caller`. */
  call(method: unknown, args: unknown, caller?: string): Promise<unknown>;
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): unknown;
  /** The event as `caller` receives it (its own undo state). */
  eventFor<E extends keyof Events>(caller: string, event: E, payload: Events[E]): Events[E];
  /** The caller's window is gone. */
  release(caller: string): void;
  close(): Promise<void>;
};

/** A call that did not come from the app's own page (an iframe, a navigated-away or foreign page). */
export class ForeignSenderError extends Error {
  constructor(method: string, reason: string) {
    super(`${method}: refused: ${reason}`);
    this.name = 'ForeignSenderError';
  }
}

/**
 * Throws unless the IPC message comes from the main frame of a page served
 * on carnet://app/. Subframes are refused even when same-origin: the app
 * never embeds frames, so one that calls the API is not ours.
 */
export function assertAppSender(event: IpcMainInvokeEvent, method: string): void {
  const frame = event.senderFrame;
  if (!frame) throw new ForeignSenderError(method, 'the calling frame no longer exists');
  if (frame.parent !== null) throw new ForeignSenderError(method, 'calls from subframes are not accepted');
  if (!isAppUrl(frame.url)) throw new ForeignSenderError(method, `the caller ${JSON.stringify(frame.url)} is not the app (carnet://app/)`);
}

/**
 * The backend's caller for a window: its webContents, which Electron names in every IPC event it
 * delivers (the page cannot choose it). A reload keeps the webContents, and so the history.
 */
export function callerOf(contents: Pick<WebContents, 'id'>): string {
  return `window:${contents.id}`;
}

/** Registers `carnet:<method>` for every method of the contract. */
export function registerIpc(ipcMain: IpcMain, backend: Pick<ShellBackend, 'call'>, grants: PathGrants): void {
  for (const method of METHODS) {
    ipcMain.handle(methodChannel(method), async (event, ...args: unknown[]) => {
      assertAppSender(event, method);
      return backend.call(method, grants.admit(method, args), callerOf(event.sender));
    });
  }
}

/**
 * Sends every backend event to the current window on `carnet:event` as
 * `{event, payload}`; events with no live window are dropped (the window
 * reloads the whole state when it opens).
 */
export function forwardEvents(backend: Pick<ShellBackend, 'on' | 'eventFor'>, target: () => WebContents | null): void {
  for (const event of EVENTS) {
    backend.on(event, (payload) => {
      const contents = target();
      if (contents && !contents.isDestroyed()) sendEvent(contents, event, backend.eventFor(callerOf(contents), event, payload));
    });
  }
}

/** Pushes one event to `contents` unless it is gone. */
export function sendEvent<E extends keyof Events>(contents: WebContents | null, event: E, payload: Events[E]): void {
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
}
