/**
 * Electron IPC transport of the API contract: one `ipcMain.handle` per
 * method, each refusing callers other than the app's own top-level page
 * before the backend validates the payload. The paths of openDocument and
 * saveDocumentAs must come from this process's dialogs or recent files
 * (pathGrants.ts).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENTS, METHODS, type Events } from '../../shared/api/contract.js';
import { EVENT_CHANNEL, methodChannel } from './channels.js';
import type { PathGrants } from './pathGrants.js';
import { isAppUrl } from './security.js';

/** What the shell needs from the backend (electron/services/backend.ts). */
export type ShellBackend = {
  /** Validates `args` against the contract (parseCall), then runs the method. */
  call(method: unknown, args: unknown): Promise<unknown>;
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): unknown;
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

/** Registers `carnet:<method>` for every method of the contract. */
export function registerIpc(ipcMain: IpcMain, backend: Pick<ShellBackend, 'call'>, grants: PathGrants): void {
  for (const method of METHODS) {
    ipcMain.handle(methodChannel(method), async (event, ...args: unknown[]) => {
      assertAppSender(event, method);
      return backend.call(method, grants.admit(method, args));
    });
  }
}

/**
 * Sends every backend event to the current window on `carnet:event` as
 * `{event, payload}`; events with no live window are dropped (the window
 * reloads the whole state when it opens).
 */
export function forwardEvents(backend: Pick<ShellBackend, 'on'>, target: () => WebContents | null): void {
  for (const event of EVENTS) {
    backend.on(event, (payload) => sendEvent(target(), event, payload));
  }
}

/** Pushes one event to `contents` unless it is gone. */
export function sendEvent<E extends keyof Events>(contents: WebContents | null, event: E, payload: Events[E]): void {
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
}
