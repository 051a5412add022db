/** `carnet web` as a child process, with the real backend, its own data and settings folders, and a stand-in renderer build. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDocument } from '../../../shared/demo/demoNetwork.js';
import { sessionFor, sessionProtocols } from '../../helpers/session.js';
import { connect, request } from '../server/helpers.js';
import { BIN, carnet, ROOT } from './run.js';

const hasBackend = existsSync(join(ROOT, 'electron/services/backend.ts'));
const LINE = /^Carnet: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})\n$/;

let base: string;
let env: Record<string, string>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'carnet-webcli-'));
  await mkdir(join(base, 'static'));
  await writeFile(join(base, 'static', 'index.html'), '<!doctype html><title>Carnet test build</title>');
  env = {
    CARNET_DATA_DIR: join(base, 'data'),
    CARNET_CONFIG_DIR: join(base, 'config'),
    CARNET_STATIC_DIR: join(base, 'static'),
    LANG: 'fr_FR.UTF-8',
    LC_ALL: '',
  };
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

type Running = { child: ChildProcess; port: number; token: string; stdout(): string; exit: Promise<number | null> };

/** Starts `carnet web --no-open` (or with the browser `extraEnv` names) and resolves once it printed its line. */
async function start(args: string[] = ['--no-open'], extraEnv: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'web', ...args], { cwd: base, env: { ...process.env, ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      if (stdout.includes('\n')) resolve(stdout);
    });
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    void exit.then((code) => reject(new Error(`carnet web exited with ${code}: ${stderr}`)));
  });
  const m = LINE.exec(line);
  if (!m) throw new Error(`unexpected first line: ${JSON.stringify(line)}`);
  return { child, port: Number(m[1]), token: m[2]!, stdout: () => stdout, exit };
}

describe('carnet web', () => {
  it('exits 1 and says how to build when the renderer is not built', async () => {
    const r = await carnet(['web', '--no-open'], { env: { ...env, CARNET_STATIC_DIR: join(base, 'no-build') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the app is not built: .*no-build.*index\.html is missing\. Run 'npm run build:renderer'/);
    expect(r.stdout).toBe('');
  });

  it('refuses a port that is not a number', async () => {
    const r = await carnet(['web', '--no-open', '--port', 'http']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port must be a port number/);
  });

  it.skipIf(!hasBackend)('serves the app and the API with the printed token, and saves on SIGTERM', async () => {
    const server = await start();
    try {
      const page = await request(server.port, `/?token=${server.token}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Carnet test build');
      expect((await request(server.port, '/api/state')).status).toBe(401);

      const session = await sessionFor(server.port, server.token);
      const client = await connect(`ws://127.0.0.1:${server.port}/api`, { origin: `http://127.0.0.1:${server.port}` }, sessionProtocols(session));
      const state = await client.call('getState');
      const result = state.result as { path: string; doc: { contacts: Record<string, unknown> } };
      expect(result.path).toBe(join(base, 'data', 'carnet.json'));
      expect(Object.keys(result.doc.contacts).length).toBeGreaterThan(250);

      const settings = await client.call('getSettings');
      expect(settings.result).toMatchObject({ systemLanguage: 'fr', capabilities: { transport: 'web', nativeDialogs: false } });

      const edit = await client.call('apply', [{ label: { key: 'rename' }, changes: [{ op: 'title', value: 'Mon réseau' }] }]);
      expect(edit.result).toMatchObject({ applied: { label: { key: 'rename' } } });
      const bad = await client.call('apply', [{ label: { key: 'x' }, changes: [{ op: 'nope' }] }]);
      expect(bad.error).toMatchObject({ message: expect.any(String) });
      await client.close();
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
    expect(server.stdout().split('\n').filter(Boolean)).toHaveLength(1);
    const saved = JSON.parse(await readFile(join(base, 'data', 'carnet.json'), 'utf8')) as { meta: { title: string } };
    expect(saved.meta.title).toBe('Mon réseau');
  });

  it.skipIf(!hasBackend)('opens the document given with --doc', async () => {
    const file = join(base, 'mine.json');
    await writeFile(file, JSON.stringify(generateDemoDocument({ now: '2026-03-01T10:00:00.000Z', seed: 5 })));
    const server = await start(['--no-open', '--doc', file]);
    try {
      const client = await connect(`ws://127.0.0.1:${server.port}/api`, {}, sessionProtocols(await sessionFor(server.port, server.token)));
      const state = await client.call('getState');
      expect((state.result as { path: string }).path).toBe(file);
      await client.close();
    } finally {
      server.child.kill('SIGINT');
    }
    expect(await server.exit).toBe(0);
  });

  it.skipIf(!hasBackend || process.platform === 'win32')('opens the browser with a one-time link in a private file: its command line opens nothing', async () => {
    // A stand-in browser: records its arguments (what `ps` shows every user), as a browser would be started.
    const argvFile = join(base, 'browser-argv.txt');
    const fakeBrowser = join(base, 'fake-browser.sh');
    await writeFile(fakeBrowser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argvFile}.part' && mv '${argvFile}.part' '${argvFile}'\n`);
    await chmod(fakeBrowser, 0o755);
    const server = await start([], { BROWSER: fakeBrowser });
    let launchFile = '';
    try {
      for (let i = 0; i < 200 && !existsSync(argvFile); i++) await new Promise((r) => setTimeout(r, 25));
      const argv = (await readFile(argvFile, 'utf8')).trim().split('\n');
      expect(argv).toHaveLength(1);
      expect(argv[0]).toMatch(/^file:\/\//);
      expect(argv[0]).not.toContain(server.token);
      expect(argv[0]).not.toMatch(/[0-9a-f]{32}/);
      // Nothing on the command line is a credential.
      for (const word of argv[0]!.split(/[/?=&.:-]/).filter(Boolean)) {
        expect((await request(server.port, '/api/session', { method: 'POST', body: JSON.stringify({ token: word }) })).status).toBe(401);
      }
      launchFile = fileURLToPath(argv[0]!);
      expect((await stat(launchFile)).mode & 0o777).toBe(0o600);
      expect((await stat(dirname(launchFile))).mode & 0o777).toBe(0o700);
      const html = await readFile(launchFile, 'utf8');
      const link = /http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)![1]!;
      const code = new URL(link).searchParams.get('token')!;
      expect(new URL(link).origin).toBe(`http://127.0.0.1:${server.port}`);
      expect(code).not.toBe(server.token);
      // The browser's page exchanges it once; after that it is dead.
      const session = await sessionFor(server.port, code);
      expect((await request(server.port, '/api/state', { headers: { authorization: `Bearer ${session}` } })).status).toBe(200);
      await expect(sessionFor(server.port, code)).rejects.toThrow(/401/);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
    expect(existsSync(dirname(launchFile))).toBe(false);
  });

  it.skipIf(!hasBackend)('opens no browser with BROWSER=none', async () => {
    const tmp = join(base, 'tmp-none');
    await mkdir(tmp);
    const server = await start([], { BROWSER: 'none', TMPDIR: tmp });
    try {
      expect((await request(server.port, '/')).status).toBe(200);
      // No launch page was written for a browser to read.
      expect((await readdir(tmp)).filter((f) => f.startsWith('carnet-open-'))).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
  });
});
