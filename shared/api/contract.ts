/**
 * The API between the renderer and the main side, defined once. Both
 * transports (Electron IPC through the preload, and the browser-mode
 * WebSocket) expose exactly these methods, and the main side validates every
 * argument with `ARGS[method]` before its handler runs.
 */
import { z } from 'zod';
import { ChangeSet, type Label } from '../document/operations.js';
import type { CarnetDocument } from '../document/schema.js';
import type { ImportSummary } from '../import/summary.js';
import type { PartPlan } from '../json/partPlan.js';
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

/** An import in progress on the main side (`importStart`). */
const importId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected an import id');
/** A file's name as the user gave it, or its path inside a dropped folder (`export/Connections.csv`): a label, never opened. */
const importFileName = z.string().min(1).max(1000);

/**
 * Raw bytes of a file sent per `importUpload` call. The bytes travel as base64, so one call carries at
 * most `MAX_IMPORT_CHUNK_CHARS` characters of data; bigger files are sent in several calls.
 */
export const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024;
export const MAX_IMPORT_CHUNK_CHARS = Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4;
/** Most choices one preview or commit carries (decisions on possible duplicates, mappings, skipped files). */
export const MAX_IMPORT_CHOICES = 50_000;
/**
 * The largest frame an import method needs (an upload chunk, or the choices of a big import), for the
 * transports' per-method frame limits.
 */
export const MAX_IMPORT_FRAME_BYTES = 8 * 1024 * 1024;

/** What the user chose in the import dialog: column mappings, files left out, answers about possible duplicates. */
export const ImportChoices = z.strictObject({
  mappings: z.array(z.strictObject({ file: importFileName, mapping: CsvMappingSchema })).max(1000).default([]),
  skip: z.array(importFileName).max(10_000).default([]),
  decisions: z.array(z.strictObject({ key: z.string().min(1).max(3000), choice: z.enum(['merge', 'apart']) })).max(MAX_IMPORT_CHOICES).default([]),
  /** One answer for every possible duplicate not decided one by one. */
  all: z.enum(['merge', 'apart']).optional(),
  /** Language of the notes the import writes (LinkedIn messages, endorsements…). */
  lang: z.enum(LANGUAGES).optional(),
});
/** The choices as the main side reads them (defaults filled in). */
export type ImportChoices = z.output<typeof ImportChoices>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day YYYY-MM-DD');

export const DesktopNoticeSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  /** What a click opens (a reminder key): sent back with the `notificationClick` event. */
  tag: z.string().max(500),
});
export type DesktopNotice = z.infer<typeof DesktopNoticeSchema>;

/** Reminder keys already notified, and the day (at most shared/routine/notifications SENT_KEPT of them). */
export const SentSchema = z.array(z.strictObject({ key: z.string().min(1).max(500), on: day })).max(200);

export const RoutineSettingsPatch = z.strictObject({
  notifications: z.boolean().optional(),
  lastSeen: day.optional(),
  sent: SentSchema.optional(),
});

export type RoutineSettings = { notifications: boolean; lastSeen: string | null; sent: z.infer<typeof SentSchema> };

/**
 * The copy an edit was built from: the `openId` and `revision` of the DocumentState the window holds.
 * An edit whose base is behind is applied only if no other window changed what it touches since;
 * else it is refused (EditResult.refused) rather than overwriting their change.
 */
export const EditBase = z.strictObject({ openId: z.string().min(1).max(100), revision: z.number().int().min(0) });
export type EditBase = z.infer<typeof EditBase>;

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
   * getStateJson with the plan that parses it in short tasks (shared/json/partPlan.ts: a 30,000-contact
   * state is 30 MB, one `JSON.parse` of which holds the UI thread for a quarter of a second or more). The
   * plan is null when the text is short or was made without one: parse it whole.
   */
  getStateParts: z.tuple([]),
  /**
   * Applies one user action; it becomes one undo step and is saved. With
   * `{undoable: false}` (work the app did on its own, such as the first layout
   * of the map) it is saved but leaves the undo and redo stacks as they were.
   * `base` is the document the window built the edit from (see EditBase); without
   * it (the CLI, scripts) the edit applies to the document as it is.
   */
  apply: z.tuple([ChangeSet, z.object({ undoable: z.boolean().optional(), base: EditBase.optional() }).strict().optional()]),
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
  /**
   * Starts an import on the main side, where the document lives: the files are sent there
   * (`importUpload`), read and previewed there (`importPreview`), and applied there (`importCommit`),
   * so that a 30,000-row export never crosses the wire as a ChangeSet.
   */
  importStart: z.tuple([]),
  /** Appends a piece of a file (base64, at most MAX_IMPORT_CHUNK_CHARS); `last` when the file is complete. */
  importUpload: z.tuple([
    importId,
    z.strictObject({ name: importFileName, data: z.string().max(MAX_IMPORT_CHUNK_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'), last: z.boolean() }),
  ]),
  /** What importing the uploaded files would do, with these choices. Changes nothing. */
  importPreview: z.tuple([importId, ImportChoices]),
  /** Applies the import, as previewed with these choices, as ONE undoable edit; the import then ends. */
  importCommit: z.tuple([importId, ImportChoices]),
  /** Ends an import without applying it, and frees what it holds. */
  importCancel: z.tuple([importId]),
  /**
   * Shows a desktop notification through the shell (Electron's Notification).
   * Answers false where the shell has none (browser mode: the page uses the
   * browser's own Notification API).
   */
  notify: z.tuple([DesktopNoticeSchema]),
  /** The routine's settings: desktop notifications on or off, the day the app was last opened, what was notified. */
  setRoutineSettings: z.tuple([RoutineSettingsPatch]),
  /** Stores some of the window's preferences (shared/api/preferences.ts) over the others; answers them all. */
  setPreferences: z.tuple([Preferences]),
} as const;

export type Method = keyof typeof ARGS;
export const METHODS = Object.keys(ARGS) as Method[];

/** The most a call (its whole `{id, method, args}` frame, in UTF-8) may weigh, unless `CALL_BYTES` says more. */
export const DEFAULT_CALL_BYTES = 1024 * 1024;
/**
 * Methods that carry more than DEFAULT_CALL_BYTES. `apply` carries big edits
 * the window builds (the first layout of 30,000 contacts). The import methods
 * carry a piece of a file, or the choices of a big import
 * (MAX_IMPORT_FRAME_BYTES); an import's ChangeSet stays on the main side.
 */
export const CALL_BYTES: Partial<Record<Method, number>> = {
  apply: 64 * 1024 * 1024,
  importUpload: MAX_IMPORT_FRAME_BYTES,
  importPreview: MAX_IMPORT_FRAME_BYTES,
  importCommit: MAX_IMPORT_FRAME_BYTES,
};
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
  /** Names this opening of the document (a new one at each open, restore or new document): an edit's base carries it. */
  openId: string;
  undo: UndoState;
  notices: Notice[];
  /** Edits are refused (the file or its disk cannot be written, or this is a backup of a missing document): the notices say why. */
  readOnly: boolean;
};

/** What an edit (apply, undo, redo) did: the changes as applied, to replay on the renderer's copy. */
export type EditResult = { applied: ChangeSet | null; revision: number; undo: UndoState; refused?: EditRefusal };

/**
 * Why an edit, an undo or a redo was not made (nothing changed): another window changed what it
 * touches. `code` names the notice in the catalog (`notices.<code>`). A refusal is an answer, not an
 * error, because Electron's IPC carries only an error's message, and the page must know which it was.
 */
export type EditRefusal = { code: 'edit.stale' | 'edit.undoConflict' | 'edit.redoConflict' };

export type Settings = {
  language: Language | null;
  /** Language of the system, used when `language` is null. */
  systemLanguage: Language;
  recentFiles: string[];
  /** Theme, map options, drawer, panel sizes: the same in Electron and in browser mode. */
  preferences: Preferences;
  /** What this transport can do. */
  capabilities: { nativeDialogs: boolean; transport: 'electron' | 'web' };
  routine: RoutineSettings;
};

/** getStateJson's text and the plan of its parse in parts (shared/json/partPlan.ts). */
export type StateParts = { json: string; plan: PartPlan | null };

export type Results = {
  getState: DocumentState;
  getStateJson: string;
  getStateParts: StateParts;
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
  importStart: { importId: string };
  importUpload: { received: number };
  importPreview: ImportSummary;
  importCommit: EditResult;
  importCancel: boolean;
  notify: boolean;
  setRoutineSettings: Settings;
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
  menu: 'new' | 'open' | 'saveAs' | 'import' | 'export' | 'undo' | 'redo' | 'profile' | `recent:${string}`;
  /** The open document became read-only (its file was made read-only…); a notice says why. */
  readOnly: { path: string; readOnly: boolean };
  /** The machine woke from sleep (Electron): the week's plan and reminders are looked at again. */
  wake: true;
  /** The user clicked a desktop notification the shell showed; `tag` is the one given to `notify`. */
  notificationClick: { tag: string };
};
export const EVENTS = ['document', 'edit', 'notice', 'menu', 'readOnly', 'wake', 'notificationClick'] as const satisfies readonly (keyof Events)[];

export class ApiArgumentError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    message: string,
  ) {
    super(`${method}: invalid argument at ${path}: ${message}`);
  }
}

/**
 * How an unknown method is named in its error: a string, cut short, or what it
 * is. `String()` is never called on a value that is not a string: an object's
 * own `toString` may be anything (`{ toString: '' }` makes `String` throw).
 */
function methodName(method: unknown): string {
  if (typeof method === 'string') return method.length > 80 ? `${method.slice(0, 80)}…` : method;
  if (method === null) return '(null)';
  return `(${typeof method})`;
}

/** Validates a call's method name and arguments; throws ApiArgumentError. */
export function parseCall(method: unknown, args: unknown): { method: Method; args: unknown[] } {
  if (typeof method !== 'string' || !Object.hasOwn(ARGS, method)) {
    throw new ApiArgumentError(methodName(method), '$', 'unknown method');
  }
  const schema = ARGS[method as Method];
  const r = schema.safeParse(args);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ApiArgumentError(method, '$' + issue.path.map((p) => `[${String(p)}]`).join(''), issue.message);
  }
  return { method: method as Method, args: r.data as unknown[] };
}
