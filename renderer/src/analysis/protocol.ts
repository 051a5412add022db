import type { Lang } from '../../../shared/analysis/messages.js';
import type { ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { RoutineFacts } from '../../../shared/routine/facts.js';
import type { StateTextMessage } from '../state/stateText.js';
import type { PackedResult } from './transport.js';

/** Messages to the analysis worker. It keeps its own copy of the document, patched by ChangeSets. */
export type ToWorker =
  | { type: 'load'; doc: CarnetDocument }
  /** The JSON text of a DocumentState (or its UTF-8 bytes), whose `doc` to load. */
  | ({ type: 'loadJson' } & StateTextMessage)
  | { type: 'changes'; set: ChangeSet }
  | { type: 'analyze'; id: number; now: string; lang: Lang }
  /** The routine's facts (shared/routine/facts.ts) of the copy as it is once the messages before this one are applied. */
  | { type: 'routine'; id: number; today: string; lastSeen: string | null };

/** How many contacts, ties and interactions the document holds (the status bar's counts). */
export type DocumentSizes = { contacts: number; ties: number; interactions: number };

export type FromWorker =
  /** The result with its per-contact part in columns (transport.ts). */
  | { type: 'result'; id: number; result: PackedResult; ms: number }
  | { type: 'error'; id: number; message: string }
  /** With the facts, the document's sizes, which the replica keeps: counting 150,000 ties on the UI thread takes tens of ms. */
  | { type: 'routine'; id: number; facts: RoutineFacts; sizes: DocumentSizes };
