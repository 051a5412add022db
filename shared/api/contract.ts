/**
 * The API between the renderer and the main side, defined once. Both
 * transports (Electron IPC through the preload, and the browser-mode
 * WebSocket) expose exactly these methods, and the main side validates every
 * argument with `ARGS[method]` before its handler runs.
 */
import { z } from 'zod';
import { ChangeSet, type Label } from '../document/operations.js';
import type { CarnetDocument } from '../document/schema.js';
import { SCALAR_FIELDS, type ColumnTarget, type CsvMapping } from '../import/mapping.js';

import { LANGUAGES, type Language } from '../i18n/index.js';
import { Preferences } from './preferences.js';

export { LANGUAGES, type Language };

const path = z.string().min(1).max(4096);

const mappingLabel = z.string().max(100).optional();
const mappingGroup = z.string().max(100).optional();

/** What one CSV column holds (shared/import/mapping.ts `ColumnTarget`), checked because settings files can be edited by hand. */
export const ColumnTargetSchema: z.ZodType<ColumnTarget> = z.union([
  z.strictObject({ field: z.enum(SCALAR_FIELDS) }),
  z.strictObject({ field: z.enum(['email', 'phone', 'url']), label: mappingLabel, group: mappingGroup }),
  z.strictObject({ field: z.literal('label'), of: z.enum(['email', 'phone', 'url', 'address', 'relation']), group: z.string().max(100) }),
  z.strictObject({
    field: z.literal('address'),
    part: z.enum(['street', 'street2', 'city', 'region', 'postalCode', 'country', 'formatted']),
    label: mappingLabel,
    group: mappingGroup,
  }),
  z.strictObject({ field: z.enum(['organization', 'title', 'department']), group: mappingGroup }),
  z.strictObject({ field: z.literal('relation'), group: mappingGroup }),
  z.strictObject({ field: z.literal('json'), of: z.enum(['organizations', 'schools', 'addresses']) }),
]);

/** A confirmed CSV column mapping (shared/import/mapping.ts `CsvMapping`). */
export const CsvMappingSchema: z.ZodType<CsvMapping> = z.strictObject({
  headerRow: z.number().int().min(0).max(1000).nullable(),
  columns: z.array(ColumnTargetSchema.nullable()).max(1000),
  dayFirst: z.boolean(),
});

/** Identifies a CSV header: the mapping the user confirmed for it is offered again for the same header. */
const headerKey = z.string().min(1).max(20_000);

/** Argument validators, one per method. */
export const ARGS = {
  /** The open document and everything the UI shows about it. */
  getState: z.tuple([]),
  /**
   * getState as JSON text. A string crosses a process or worker boundary as
   * one copy, where a 30,000-contact object graph takes a structured clone of
   * most of a second on the UI thread: the renderer parses this once and hands
   * the same text to its workers.
   */
  getStateJson: z.tuple([]),
  /**
   * Applies one user action; it becomes one undo step and is saved. With
   * `{undoable: false}` (work the app did on its own, such as the first layout
   * of the map) it is saved but leaves the undo and redo stacks as they were.
   */
  apply: z.tuple([ChangeSet, z.object({ undoable: z.boolean().optional() }).strict().optional()]),
  undo: z.tuple([]),
  redo: z.tuple([]),
  /** Starts a new empty document (saved in the data folder). */
  newDocument: z.tuple([]),
  /** Opens the document at `path` (Electron: a path the native dialog or the recent files gave). */
  openDocument: z.tuple([path]),
  /**
   * Writes the open document to `path` and keeps working on that file. An
   * existing file is replaced only with `{replace: true}`, once the user
   * confirmed; without it the answer is `{exists}` and nothing is written.
   */
  saveDocumentAs: z.tuple([path, z.object({ replace: z.boolean().optional() }).strict().optional()]),
  /** Runs the action of a notice's button (restore a backup, take over a lock…): see NoticeAction. */
  runNoticeAction: z.tuple([z.string().min(1).max(100)]),
  /** Native "Open" dialog (Electron only; browser mode answers null). */
  pickOpenPath: z.tuple([]),
  /** Native "Save as" dialog (Electron only; browser mode answers null). */
  pickSavePath: z.tuple([z.string().max(500)]),
  getSettings: z.tuple([]),
  /** null: follow the system's language. */
  setLanguage: z.tuple([z.enum(LANGUAGES).nullable()]),
  /** Opens an http(s) link the user clicked in the system browser. */
  openExternal: z.tuple([z.string().url().max(4096)]),
  /** The column mapping the user last confirmed for this CSV header, or null. */
  getImportMapping: z.tuple([headerKey]),
  /** Remembers the column mapping the user confirmed for this CSV header. */
  setImportMapping: z.tuple([headerKey, CsvMappingSchema]),
  /** Stores some of the window's preferences (shared/api/preferences.ts) over the others; answers them all. */
  setPreferences: z.tuple([Preferences]),
} as const;

export type Method = keyof typeof ARGS;
export const METHODS = Object.keys(ARGS) as Method[];

/** The most a call (its whole `{id, method, args}` frame, in UTF-8) may weigh, unless `CALL_BYTES` says more. */
export const DEFAULT_CALL_BYTES = 1024 * 1024;
/**
 * Methods that carry more than DEFAULT_CALL_BYTES. `apply` carries an import's
 * ChangeSet: a 30,000-contact LinkedIn export with its messages makes 20–40 MB.
 * A method that takes file bytes states its own limit here.
 */
export const CALL_BYTES: Partial<Record<Method, number>> = { apply: 64 * 1024 * 1024 };
/** The limit of `method`'s calls in bytes (DEFAULT_CALL_BYTES for an unknown name). */
export function maxCallBytes(method: string): number {
  return (Object.hasOwn(CALL_BYTES, method) ? CALL_BYTES[method as Method] : undefined) ?? DEFAULT_CALL_BYTES;
}
/** The largest call of any method: what a transport must be able to receive. */
export const MAX_CALL_BYTES = Math.max(DEFAULT_CALL_BYTES, ...Object.values(CALL_BYTES));
/**
 * A button on a notice. `open`, `saveAs` and `new` open the renderer's own
 * dialogs; `run` asks the main side to do what the notice offers
 * (runNoticeAction(id)): the page never names the file it acts on.
 * `label` names the button's text in the translation catalog.
 */
export type NoticeAction = { id: string; kind: 'run' | 'open' | 'saveAs' | 'new'; label: string };

/** A message the user must see (a file was recovered from a backup…). */
export type Notice = {
  level: 'info' | 'warning' | 'error';
  code: string;
  message: string;
  params?: Record<string, string>;
  actions?: NoticeAction[];
};

/** saveDocumentAs's answer when the file exists and the user has not confirmed replacing it. */
export type SaveTargetExists = { exists: { path: string; carnet: boolean } };

export type UndoState = { canUndo: boolean; canRedo: boolean; undoLabel: Label | null; redoLabel: Label | null };

export type DocumentState = {
  doc: CarnetDocument;
  /** Where the document is saved. */
  path: string;
  revision: number;
  undo: UndoState;
  notices: Notice[];
  /** Edits are refused (the file or its disk cannot be written, or this is a backup of a missing document): the notices say why. */
  readOnly: boolean;
};

/** What an edit (apply, undo, redo) did: the changes as applied, to replay on the renderer's copy. */
export type EditResult = { applied: ChangeSet | null; revision: number; undo: UndoState };

export type Settings = {
  language: Language | null;
  /** Language of the system, used when `language` is null. */
  systemLanguage: Language;
  recentFiles: string[];
  /** Theme, map options, drawer, panel sizes: the same in Electron and in browser mode. */
  preferences: Preferences;
  /** What this transport can do. */
  capabilities: { nativeDialogs: boolean; transport: 'electron' | 'web' };
};

export type Results = {
  getState: DocumentState;
  getStateJson: string;
  apply: EditResult;
  undo: EditResult;
  redo: EditResult;
  newDocument: DocumentState;
  openDocument: DocumentState;
  saveDocumentAs: DocumentState | SaveTargetExists;
  runNoticeAction: DocumentState;
  pickOpenPath: string | null;
  pickSavePath: string | null;
  getSettings: Settings;
  setLanguage: Settings;
  openExternal: boolean;
  getImportMapping: CsvMapping | null;
  setImportMapping: boolean;
  setPreferences: Preferences;
};

export type Args<M extends Method> = z.infer<(typeof ARGS)[M]>;

/** What the renderer calls. The preload and the WebSocket client both implement it. */
export type CarnetApi = {
  [M in Method]: (...args: Args<M>) => Promise<Results[M]>;
} & {
  /** Events pushed by the main side. Returns an unsubscribe function. */
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export type Events = {
  /** Another document was opened (menu, recovery): reload everything. */
  document: DocumentState;
  /** Changes applied from elsewhere (another window, the menu's Undo). */
  edit: EditResult;
  notice: Notice;
  /** The File menu asked for an action the renderer carries out (Electron). */
  menu: 'new' | 'open' | 'saveAs' | 'import' | 'export' | 'undo' | 'redo' | `recent:${string}`;
  /** The open document became read-only (its file was made read-only…); a notice says why. */
  readOnly: { path: string; readOnly: boolean };
};
export const EVENTS = ['document', 'edit', 'notice', 'menu', 'readOnly'] as const satisfies readonly (keyof Events)[];

export class ApiArgumentError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    message: string,
  ) {
    super(`${method}: invalid argument at ${path}: ${message}`);
  }
}

/** Validates a call's method name and arguments; throws ApiArgumentError. */
export function parseCall(method: unknown, args: unknown): { method: Method; args: unknown[] } {
  if (typeof method !== 'string' || !Object.hasOwn(ARGS, method)) {
    throw new ApiArgumentError(String(method), '$', 'unknown method');
  }
  const schema = ARGS[method as Method];
  const r = schema.safeParse(args);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ApiArgumentError(method, '$' + issue.path.map((p) => `[${String(p)}]`).join(''), issue.message);
  }
  return { method: method as Method, args: r.data as unknown[] };
}
