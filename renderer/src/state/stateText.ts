import type { StateParts } from '../../../shared/api/contract.js';

/**
 * The state as the page read it over HTTP (browser mode): its text, with copies of its UTF-8 bytes for the
 * workers that keep a copy of the document (analysis, search). Posting the 45 MB text of 30,000 contacts to a
 * worker copies it on the UI thread: 130–160 ms for a text of Latin-1 characters only, 250–560 ms once a single
 * character is beyond Latin-1 (a ’, a Polish or Greek name, an emoji), which makes the whole string two bytes a
 * character. A buffer is handed over (transferred) without a copy, and the worker decodes it.
 */
export type FetchedState = StateParts & { copies?: Uint8Array[] };

/** The state text in a worker's message: the bytes to decode, or the text where there are none. */
export type StateTextMessage = { stateJson: string; stateBytes?: undefined } | { stateBytes: Uint8Array; stateJson?: undefined };

/** What a worker's message carries of the state text: a copy of its bytes while there is one, else the text. */
export class StateText {
  private readonly copies: Uint8Array[];

  constructor(
    readonly json: string,
    copies: readonly Uint8Array[] = [],
  ) {
    this.copies = [...copies];
  }

  /** A copy of the bytes for one worker, handed over with its message (transfer), or the text once none is left. */
  take(): { message: StateTextMessage; transfer: Transferable[] } {
    const bytes = this.copies.shift();
    return bytes ? { message: { stateBytes: bytes }, transfer: [bytes.buffer] } : { message: { stateJson: this.json }, transfer: [] };
  }
}

/** The state text of parts getStateParts answered, with the copies of its bytes the page made, if any. */
export function stateTextOf(parts: FetchedState): StateText {
  return new StateText(parts.json, parts.copies);
}

/** The text of a worker's message (in the worker): the bytes decoded as UTF-8, as the page decodes a response. */
export function decodeStateText(msg: StateTextMessage): string {
  return msg.stateBytes !== undefined ? new TextDecoder().decode(msg.stateBytes) : msg.stateJson;
}
