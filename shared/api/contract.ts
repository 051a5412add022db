/**
 * The API between the renderer and the main side, defined once. Both
 * transports (Electron IPC through the preload, and the browser-mode
 * WebSocket) expose exactly these methods, and the main side validates every
 * argument with `ARGS[method]` before its handler runs.
 */
import { z } from 'zod';
import { ChangeSet } from '../document/operations.js';
import type { CarnetDocument } from '../document/schema.js';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const path = z.string().min(1).max(4096);

/** Argument validators, one per method. */
export const ARGS = {
  /** The open document and everything the UI shows about it. */
  getState: z.tuple([]),
  /** Applies one user action; it becomes one undo step and is saved. */
  apply: z.tuple([ChangeSet]),
  undo: z.tuple([]),
  redo: z.tuple([]),
  /** Starts a new empty document (saved in the data folder). */
  newDocument: z.tuple([]),
  /** Opens the document at `path` (Electron: a path the native dialog gave). */
  openDocument: z.tuple([path]),
  /** Writes the open document to `path` and keeps working on that file. */
  saveDocumentAs: z.tuple([path]),
  /** Native "Open" dialog (Electron only; browser mode answers null). */
  pickOpenPath: z.tuple([]),
  /** Native "Save as" dialog (Electron only; browser mode answers null). */
  pickSavePath: z.tuple([z.string().max(500)]),
  getSettings: z.tuple([]),
  /** null: follow the system's language. */
  setLanguage: z.tuple([z.enum(LANGUAGES).nullable()]),
  /** Opens an http(s) link the user clicked in the system browser. */
  openExternal: z.tuple([z.string().url().max(4096)]),
} as const;

export type Method = keyof typeof ARGS;
export const METHODS = Object.keys(ARGS) as Method[];

/** A message the user must see (a file was recovered from a backup…). */
export type Notice = { level: 'info' | 'warning' | 'error'; code: string; message: string; params?: Record<string, string> };

export type UndoState = { canUndo: boolean; canRedo: boolean; undoLabel: string | null; redoLabel: string | null };

export type DocumentState = {
  doc: CarnetDocument;
  /** Where the document is saved. */
  path: string;
  revision: number;
  undo: UndoState;
  notices: Notice[];
};

/** What an edit (apply, undo, redo) did: the changes as applied, to replay on the renderer's copy. */
export type EditResult = { applied: ChangeSet | null; revision: number; undo: UndoState };

export type Settings = {
  language: Language | null;
  /** Language of the system, used when `language` is null. */
  systemLanguage: Language;
  recentFiles: string[];
  /** What this transport can do. */
  capabilities: { nativeDialogs: boolean; transport: 'electron' | 'web' };
};

export type Results = {
  getState: DocumentState;
  apply: EditResult;
  undo: EditResult;
  redo: EditResult;
  newDocument: DocumentState;
  openDocument: DocumentState;
  saveDocumentAs: DocumentState;
  pickOpenPath: string | null;
  pickSavePath: string | null;
  getSettings: Settings;
  setLanguage: Settings;
  openExternal: boolean;
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
  menu: 'new' | 'open' | 'saveAs' | 'undo' | 'redo' | `recent:${string}`;
};
export const EVENTS = ['document', 'edit', 'notice', 'menu'] as const satisfies readonly (keyof Events)[];

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
