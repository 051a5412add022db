/**
 * In the desktop app the page never chooses which file Carnet opens or
 * writes: `openDocument` and `saveDocumentAs` are let through only with a
 * path this process produced itself, from the native dialog it showed
 * (pickOpenPath / pickSavePath) or from the recent files it keeps. A page
 * that was compromised still cannot name `~/.ssh/…` or any other file.
 */
import { resolve } from 'node:path';

/** A call the page made with a path no dialog or recent file gave it. */
export class PathNotGrantedError extends Error {
  constructor(method: string, path: unknown) {
    super(`${method}: refused: ${JSON.stringify(path)} was not chosen in a file dialog or the recent files`);
    this.name = 'PathNotGrantedError';
  }
}

export class PathGrants {
  private open: string | null = null;
  private save: { path: string; confirmed: boolean } | null = null;

  constructor(private readonly recentFiles: () => readonly string[]) {}

  /** The open dialog returned `path`. */
  grantOpen(path: string): void {
    this.open = resolve(path);
  }

  /** The save dialog returned `path`; `confirmed` when the dialog itself asked before replacing an existing file there. */
  grantSave(path: string, confirmed: boolean): void {
    this.save = { path: resolve(path), confirmed };
  }

  /**
   * The arguments to pass on to the backend for `method`, or a refusal.
   * Save As onto a file the dialog already confirmed replacing is passed on with `replace`.
   */
  admit(method: string, args: unknown[]): unknown[] {
    // A path that is not a string at all is the contract's to refuse, with its usual message.
    if (typeof args[0] !== 'string') return args;
    if (method === 'openDocument') {
      const [path] = args as [string];
      const target = resolve(path);
      if (target === this.open || this.recentFiles().some((f) => resolve(f) === target)) return args;
      throw new PathNotGrantedError(method, path);
    }
    if (method === 'saveDocumentAs') {
      const [path, options] = args as [string, unknown];
      if (!this.save || resolve(path) !== this.save.path) throw new PathNotGrantedError(method, path);
      if (!this.save.confirmed) return args;
      const extra = typeof options === 'object' && options !== null ? options : {};
      return [path, { ...extra, replace: true }];
    }
    return args;
  }
}
