/**
 * Runs the real browser-mode server (`carnet web`) as a child process, with
 * its own data and settings folders, as a user would start it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/carnet.js');
const URL_LINE = /^Carnet: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))\s*$/m;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** A documents folder (CARNET_DATA_DIR) and a settings folder (CARNET_CONFIG_DIR) that outlive server restarts. */
export type CarnetDirs = { dataDir: string; configDir: string; remove(): Promise<void> };

export async function makeDirs(): Promise<CarnetDirs> {
  const base = await mkdtemp(join(tmpdir(), 'carnet-e2e-'));
  return {
    dataDir: join(base, 'data'),
    configDir: join(base, 'config'),
    remove: () => rm(base, { recursive: true, force: true }),
  };
}

export type CarnetServer = {
  /** The URL the server printed, token included. */
  url: string;
  port: number;
  token: string;
  /** Everything the server wrote so far, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it does not exit in time. */
  stop(): Promise<void>;
};

/**
 * Starts `node bin/carnet.js web --no-open --port 0` and resolves once it printed its URL. With
 * `browser` (a BROWSER command), it opens that browser as `carnet web` does for a user.
 */
export async function startServer(dirs: CarnetDirs, extraArgs: string[] = [], options: { browser?: string } = {}): Promise<CarnetServer> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: the browser-mode server cannot be started`);
  const child = spawn(process.execPath, [BIN, 'web', ...(options.browser ? [] : ['--no-open']), '--port', '0', ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, CARNET_DATA_DIR: dirs.dataDir, CARNET_CONFIG_DIR: dirs.configDir, BROWSER: options.browser ?? 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));

  const match = await new Promise<RegExpMatchArray>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`carnet web printed no URL within ${START_TIMEOUT_MS} ms. Output:\n${out}`));
    }, START_TIMEOUT_MS);
    const check = () => {
      const m = URL_LINE.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`carnet web exited (${signal ?? `code ${code}`}) before printing its URL. Output:\n${out}`));
    });
  });

  return {
    url: match[1]!,
    port: Number(match[2]),
    token: match[3]!,
    output: () => out,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}
