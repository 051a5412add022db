/**
 * IPC channel names shared by the main process and the preload. Kept free of
 * runtime imports so the sandboxed preload bundle does not pull in zod.
 */

/** Backend events travel on this channel as `{event, payload}`. */
export const EVENT_CHANNEL = 'carnet:event';

/** The channel of one API method: `carnet:<method>`. */
export function methodChannel(method: string): string {
  return `carnet:${method}`;
}
