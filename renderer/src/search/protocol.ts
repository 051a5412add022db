import type { ChangeSet } from '../../../shared/document/operations.js';
import type { Contact } from '../../../shared/document/schema.js';
import type { SearchHit } from '../../../shared/search/searchIndex.js';
import type { StateTextMessage } from '../state/stateText.js';

/** Messages to the search worker: the contacts to index, then their changes, and queries. */
export type ToSearchWorker =
  | { type: 'load'; contacts: Contact[] }
  /** The JSON text of a DocumentState (or its UTF-8 bytes), whose contacts to index. */
  | ({ type: 'loadJson' } & StateTextMessage)
  | { type: 'changes'; set: ChangeSet }
  | { type: 'query'; id: number; text: string; limit: number };

export type FromSearchWorker = { type: 'hits'; id: number; hits: SearchHit[]; ms: number };
