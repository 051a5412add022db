import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError, UsageError, defineCommand, type Io } from '../command.js';
import { PROJECT_ROOT } from '../projectRoot.js';

/** Where `npm run build:renderer` puts the renderer. */
const DEFAULT_STATIC_DIR = join(PROJECT_ROOT, 'dist', 'renderer');

/** fr when the locale variables say French, else en (POSIX precedence: LC_ALL, LC_MESSAGES, LANG). */
export function systemLanguage(env: Io['env']): 'fr' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr/i.test(locale) ? 'fr' : 'en';
}

export const web = defineCommand({
  name: 'web',
  summary: 'Open Carnet in your browser (served on 127.0.0.1 only)',
  usage: '[--port N] [--doc FILE] [--no-open]',
  description: `
Serves the Carnet app to your browser from this machine, on 127.0.0.1 only,
and prints one line: "Carnet: http://127.0.0.1:PORT/?token=TOKEN". The token
changes at every launch; only a page opened with that link can use the app.
Keep it to yourself: it opens more tabs while carnet web runs. The browser
Carnet opens itself gets a one-time link instead, through a file only you
can read, so that no link ever appears on a command line.
Opens the last document (or FILE), as the desktop app would; the first run
creates a demo document in the data folder. Stop with Ctrl+C: the document is
saved before exiting.

Needs the built app: run 'npm run build:renderer' first ('npm run web' does).
Environment: CARNET_DATA_DIR (documents folder), CARNET_CONFIG_DIR (settings
folder), CARNET_STATIC_DIR (built renderer, default dist/renderer), BROWSER
(the browser command to use, "%s" for the address; "none" opens nothing).`,
  options: {
    port: { type: 'string', short: 'p', valueName: 'N', description: 'Port to listen on (default: any free port)' },
    doc: { type: 'string', short: 'd', valueName: 'FILE', description: 'Open this document instead of the last one' },
    'no-open': { type: 'boolean', description: 'Do not open a browser, only print the link' },
  },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, io) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, got "${values.port}"`);
    const staticDir = io.env.CARNET_STATIC_DIR ? resolve(io.cwd, io.env.CARNET_STATIC_DIR) : DEFAULT_STATIC_DIR;
    if (!existsSync(resolve(staticDir, 'index.html'))) {
      throw new CliError(`the app is not built: ${resolve(staticDir, 'index.html')} is missing. Run 'npm run build:renderer' (or 'npm run web', which builds first).`);
    }
    const docPath = typeof values.doc === 'string' ? resolve(io.cwd, values.doc) : undefined;
    if (docPath && !existsSync(docPath)) throw new CliError(`cannot open ${docPath}: no such file`);

    const [{ default: envPaths }, { createBackend }, { createNodeSettings }, { startWebServer }, { openBrowser }, { openLaunchPage }] = await Promise.all([
      import('env-paths'),
      import('../../services/backend.js'),
      import('../../services/settings.js'),
      import('../../services/webServer.js'),
      import('../../services/openBrowser.js'),
      import('../../services/launchPage.js'),
    ]);
    const dataDir = io.env.CARNET_DATA_DIR ? resolve(io.cwd, io.env.CARNET_DATA_DIR) : envPaths('carnet', { suffix: '' }).data;
    let backend;
    try {
      backend = await createBackend({
        dataDir,
        settings: createNodeSettings(io.env.CARNET_CONFIG_DIR || undefined),
        ...(docPath ? { docPath } : {}),
        transport: 'web',
        systemLanguage: systemLanguage(io.env),
        openExternal: openBrowser,
      });
    } catch (e) {
      throw new CliError(`cannot open the document: ${(e as Error).message}`);
    }
    let server;
    try {
      server = await startWebServer({ backend, staticDir, port });
    } catch (e) {
      await backend.close();
      throw new CliError((e as Error).message);
    }
    io.out(`Carnet: ${server.url}\n`);
    const launched = values['no-open'] === true ? null : openLaunchPage(server.launchUrl(), io.env).catch((e: Error) => {
      io.err(`carnet web: ${e.message}; open the link above yourself.\n`);
      return null;
    });

    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
    let code = 0;
    await (await launched)?.remove();
    await server.close();
    try {
      await backend.close();
    } catch (e) {
      io.err(`carnet web: the document could not be saved on exit (${(e as Error).message}); its edits are kept in its journal and come back when it is opened again.\n`);
      code = 1;
    }
    return code;
  },
});
