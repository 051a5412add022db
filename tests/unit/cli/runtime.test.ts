// The runtime of the `carnet` command (issue 12, point 6): it runs bundled JavaScript, so it works
// where tsx is not installed; and every entry point refuses a Node.js older than 22.12 in one line,
// before doing anything.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run.js';

const LINE = /^Carnet needs Node\.js 22\.12 or newer, and this is Node\.js \d+\.\d+\.\d+: install a newer Node\.js \(https:\/\/nodejs\.org\) and run the command again\.\n$/;

describe('the bundled CLI', () => {
  let copy: string;
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
    // A copy of what an installed carnet consists of, with every npm package but tsx.
    copy = mkdtempSync(join(tmpdir(), 'carnet-notsx-'));
    for (const part of ['bin', 'dist/cli', 'scripts/node-version.mjs', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    mkdirSync(join(copy, 'node_modules'));
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      if (name === 'tsx' || name === '.bin') continue;
      symlinkSync(join(ROOT, 'node_modules', name), join(copy, 'node_modules', name));
    }
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('imports and saves a document where tsx is not installed', () => {
    expect(existsSync(join(copy, 'node_modules', 'tsx'))).toBe(false);
    const doc = join(copy, 'doc.json');
    const env = { ...process.env, NODE_OPTIONS: '', NODE_PATH: '' };
    const run = (args: string[]) => spawnSync(process.execPath, [join(copy, 'bin', 'carnet.js'), ...args], { cwd: copy, env, encoding: 'utf8' });
    const imported = run(['import', join(ROOT, 'tests', 'fixtures', 'import', 'google-current.csv'), '--into', doc]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    // The save worker wrote the file: it too ran as JavaScript.
    const saved = JSON.parse(readFileSync(doc, 'utf8')) as { contacts: object };
    expect(Object.keys(saved.contacts).length).toBeGreaterThan(0);
    const validated = run(['validate', doc]);
    expect(validated.status).toBe(0);
    expect(run(['--version']).stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('holds JavaScript only: no TypeScript file is loaded at run time', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'cli', 'carnet.js'), 'utf8');
    expect(bundle).not.toMatch(/from ["']tsx/);
    expect(bundle).not.toMatch(/import\(["'][^"']+\.ts["']\)/);
    expect(readFileSync(join(ROOT, 'dist', 'cli', 'saveWorker.js'), 'utf8')).toMatch(/parentPort/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.devDependencies)).toContain('tsx');
  });
});

/** A Node.js older than 22.12 on this machine, if any. */
function oldNode(): string | null {
  const candidates = new Set(['/usr/bin/node', '/bin/node', '/usr/local/bin/node']);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) candidates.add(join(dir, 'node'));
  for (const node of candidates) {
    if (!existsSync(node)) continue;
    const r = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const [major, minor] = r.stdout.trim().split('.').map(Number);
    if (r.status === 0 && (major! < 22 || (major === 22 && minor! < 12))) return node;
  }
  return null;
}

const old = oldNode();

describe.skipIf(!old)(`an old Node.js (${old ?? 'none found on this machine'})`, () => {
  it('makes carnet say so in one line and do nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'carnet-oldnode-')), 'demo.json');
    const r = spawnSync(old!, [join(ROOT, 'bin', 'carnet.js'), 'demo', '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(LINE);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    rmSync(dirname(out), { recursive: true, force: true });
  });

  it.each(['start', 'web', 'test'])('makes `npm %s` say so in one line before building or starting anything', (script) => {
    const npm = spawnSync('npm', ['-v'], { env: { ...process.env, PATH: `${dirname(old!)}${delimiter}${process.env.PATH}` }, encoding: 'utf8' });
    if (npm.status !== 0) return;
    const r = spawnSync('npm', ['run', '--silent', script], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${dirname(old!)}${delimiter}${process.env.PATH}` },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(LINE);
  });
});
