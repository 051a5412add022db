/**
 * Opens Carnet's page in the user's browser without its link on a command
 * line: the launcher (xdg-open, open, start) and the browser it starts show
 * their arguments to every user of the machine (`ps`). They are given the
 * path of a small HTML file instead, readable by the user alone, that sends
 * the browser on to the link (as Jupyter does). The link itself carries a
 * one-time code, so even a copy of the file is worth nothing once used.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import open from 'open';

export type LaunchPage = { file: string; remove(): Promise<void> };

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Writes the page that redirects to `url`, in a new folder only the user can enter (mkdtemp makes it 0700). */
export async function writeLaunchPage(url: string): Promise<LaunchPage> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`not a Carnet link: ${url}`);
  const dir = await mkdtemp(join(tmpdir(), 'carnet-open-'));
  const file = join(dir, 'carnet.html');
  const href = escapeHtml(url);
  await writeFile(
    file,
    `<!doctype html>\n<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Carnet</title></head>\n` +
      `<body><p><a href="${href}">Carnet</a></p></body></html>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Writes the page and opens it in the browser; resolves once the launcher
 * started, or with null when `BROWSER` is "none". As Python's webbrowser
 * module does, `BROWSER` may name the commands to try, separated by ":",
 * each with "%s" where the address goes (else it comes last); without it,
 * the system's default browser. The caller removes the page when done.
 */
export async function openLaunchPage(url: string, env: Record<string, string | undefined> = process.env): Promise<LaunchPage | null> {
  const browsers = (env.BROWSER ?? '').split(':').map((b) => b.trim()).filter(Boolean);
  if (browsers.length === 1 && browsers[0]!.toLowerCase() === 'none') return null;
  const page = await writeLaunchPage(url);
  const address = pathToFileURL(page.file).href;
  try {
    if (browsers.length === 0) (await open(address)).unref();
    else await launchFirst(browsers, address);
  } catch (e) {
    await page.remove();
    throw new Error(`could not open a browser: ${(e as Error).message}`);
  }
  return page;
}

/** Starts the first of `commands` that exists, with `address`; rejects when none could start. */
async function launchFirst(commands: readonly string[], address: string): Promise<void> {
  const reasons: string[] = [];
  for (const command of commands) {
    const words = command.split(/\s+/);
    const args = words.slice(1).map((w) => w.replaceAll('%s', address));
    if (!command.includes('%s')) args.push(address);
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(words[0]!, args, { stdio: 'ignore', detached: true });
        child.once('error', reject);
        child.once('spawn', () => {
          child.unref();
          resolve();
        });
      });
      return;
    } catch (e) {
      reasons.push(`${words[0]}: ${(e as Error).message}`);
    }
  }
  throw new Error(`BROWSER names no command that starts (${reasons.join('; ')})`);
}
