import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../../electron/cli/commands/export.js';
import { importCommand } from '../../../electron/cli/commands/import.js';
import { CliError } from '../../../electron/cli/command.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { emptyDocument } from '../../../shared/document/schema.js';
import { BIN, carnet } from '../cli/run.js';
import { FIXTURES } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'carnet-import-'));
afterAll(() => {
  chmodSync(join(dir, 'locked-folder'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});
mkdirSync(join(dir, 'locked-folder'));

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir, env }, out, err };
}

const isRoot = process.getuid?.() === 0;

/** `carnet ARGS` as a user without privileges: root writes to read-only files, so the read-only cases run as `nobody`. */
function carnetUnprivileged(args: string[]): { code: number; stderr: string } {
  const command = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  try {
    execFileSync(command[0]!, command.slice(1), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: dir } });
    return { code: 0, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stderr: Buffer };
    return { code: err.status, stderr: err.stderr.toString() };
  }
}

describe('carnet import / export', () => {
  it('imports a LinkedIn export folder into a new document and prints the JSON report', async () => {
    const { io: o, out } = io();
    const code = await importCommand.run({ positionals: [join(FIXTURES, 'linkedin-export'), join(FIXTURES, 'google-legacy.csv')], values: { into: 'net.json', json: true } }, o);
    expect(code).toBe(0);
    const report = JSON.parse(out.join(''));
    expect(report.contacts).toBe(6);
    const byFile = Object.fromEntries(report.files.map((f: { path: string; format: string; new: number; interactions: number }) => [f.path.split('/').pop(), [f.format, f.new, f.interactions]]));
    expect(byFile).toMatchObject({
      'Connections.csv': ['linkedin-connections', 5, 0],
      'google-legacy.csv': ['google-csv', 1, 0],
      'Invitations.csv': ['linkedin-invitations', 0, 1],
      'messages.csv': ['linkedin-messages', 0, 2],
      'Recommendations_Received.csv': ['linkedin-recommendations-received', 0, 2],
    });
    expect(report.ignored.sort()).toEqual(['Ad_Targeting.csv', 'Company Follows.csv', 'Email Addresses.csv', 'Registration.csv', 'Rich_Media.csv']);
    expect(report.me.map((c: { field: string }) => c.field)).toContain('organizations');
    const doc = JSON.parse(readFileSync(join(dir, 'net.json'), 'utf8'));
    expect(Object.keys(doc.contacts)).toHaveLength(6);
    expect(doc.me.name).toBe('Camille Owner');
    // Imported by the CLI, the document opens already laid out.
    expect(Object.keys(doc.positions).sort()).toEqual(Object.keys(doc.contacts).sort());
  });

  it('--dry-run changes nothing', async () => {
    const before = readFileSync(join(dir, 'net.json'), 'utf8');
    const { io: o, out } = io();
    await importCommand.run({ positionals: [join(FIXTURES, 'thunderbird.csv')], values: { into: 'net.json', 'dry-run': true } }, o);
    expect(out.join('')).toContain('1 new');
    expect(out.join('')).toContain('Dry run');
    expect(readFileSync(join(dir, 'net.json'), 'utf8')).toBe(before);
  });

  it('speaks French with --lang fr or LANG, numbers included', async () => {
    const { io: o, out } = io({ LANG: 'fr_FR.UTF-8' });
    await importCommand.run({ positionals: [join(FIXTURES, 'linkedin-export')], values: { into: 'net.json', 'dry-run': true } }, o);
    const text = out.join('');
    expect(text).toContain('Relations LinkedIn');
    expect(text).toContain('5 fiches lues, 0 nouvelle, 5 fusionnées (5 par URL de profil)');
    expect(text).toContain('interaction ignorée : 2 contacts s’appellent « Jean Dupont » ; lequel est incertain');
    expect(text).toContain('Essai : rien n’a été écrit');
    const { io: en, out: outEn } = io({ LANG: 'fr_FR.UTF-8' });
    await importCommand.run({ positionals: [join(FIXTURES, 'thunderbird.csv')], values: { into: 'net.json', 'dry-run': true, lang: 'en' } }, en);
    expect(outEn.join('')).toContain('1 record read, 1 new');
  });

  it('exits non-zero naming the file when one cannot be read at all, and still imports the others', async () => {
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 2 * 1024 ** 3);
    const { io: o, out } = io();
    const run = importCommand.run({ positionals: [huge, join(FIXTURES, 'no-name-column.csv'), join(FIXTURES, 'thunderbird.csv')], values: { into: 'other.json', json: true } }, o);
    await expect(run).rejects.toBeInstanceOf(CliError);
    const report = JSON.parse(out.join(''));
    expect(report.unread).toEqual([expect.objectContaining({ path: huge, key: 'import.msg.tooBig', message: 'the file is 2048 MB; files over 200 MB are not imported' })]);
    expect(report.files[0].errors[0]).toEqual(expect.objectContaining({ line: 1, key: 'import.msg.noNameColumn', message: expect.stringContaining('no column holds a name') }));
    expect(report.contacts).toBe(1);
  });

  it('exits 1 when every record of a file was refused', async () => {
    const bad = join(dir, 'all-bad.csv');
    writeFileSync(bad, `Name,Email\nBad One,${'x'.repeat(2100)}@x.example\nBad Two,${'y'.repeat(2100)}@y.example\n`);
    const { io: o, err } = io();
    await expect(importCommand.run({ positionals: [bad], values: { into: 'bad.json' } }, o)).rejects.toThrow(/all-bad\.csv: “Bad One” was not imported/);
    expect(err.join('')).toContain('all-bad.csv');
  });

  it('refuses a FIFO at once instead of waiting on it forever', async () => {
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const { io: o, out } = io();
    await expect(importCommand.run({ positionals: [fifo, join(FIXTURES, 'thunderbird.csv')], values: { into: 'fifo.json', json: true } }, o)).rejects.toThrow(/pipe\.csv: not a regular file \(FIFO\)/);
    expect(JSON.parse(out.join('')).contacts).toBe(1);
    // A device, too.
    await expect(importCommand.run({ positionals: ['/dev/zero'], values: { into: 'fifo.json' } }, io().io)).rejects.toThrow(/\/dev\/zero: not a regular file \(character device\)/);
  });

  it('says in one line, without a stack trace, what is wrong with DOC', async () => {
    const csv = join(FIXTURES, 'thunderbird.csv');
    const cases: [string, RegExp][] = [
      ['no-such-folder/doc.json', /^the folder of .*no-such-folder\/doc\.json does not exist$/],
      ['net.json/inside.json', /is not a folder$/],
    ];
    writeFileSync(join(dir, 'invalid.json'), '{"format":"carnet","version":1,"contacts":[]}');
    cases.push(['invalid.json', /is not a valid Carnet document/]);
    const oneLine = (into: string, r: { code: number | null; stderr: string }, message: RegExp) => {
      expect(r.code, into).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines, into).toHaveLength(1);
      expect(lines[0]!.replace(/^carnet import: /, ''), into).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    };
    for (const [into, message] of cases) oneLine(into, await carnet(['import', csv, '--into', into], { cwd: dir }), message);
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'open-folder'));
    chmodSync(join(dir, 'open-folder'), 0o777);
    writeFileSync(join(dir, 'open-folder', 'readonly.json'), readFileSync(join(dir, 'net.json')));
    chmodSync(join(dir, 'open-folder', 'readonly.json'), 0o444);
    chmodSync(join(dir, 'locked-folder'), 0o555);
    oneLine('readonly.json', carnetUnprivileged(['import', csv, '--into', 'open-folder/readonly.json']), /readonly\.json is read-only$/);
    oneLine('locked-folder/doc.json', carnetUnprivileged(['import', csv, '--into', 'locked-folder/doc.json']), /locked-folder is read-only$/);
    // Open elsewhere: locked.
    const store = await DocumentStore.create(join(dir, 'open.json'), emptyDocument('2024-01-01'));
    try {
      await expect(importCommand.run({ positionals: [csv], values: { into: 'open.json' } }, io().io)).rejects.toThrow(/is already open in this Carnet/);
    } finally {
      await store.close();
    }
  });

  it('exports every format, Kumu as two files', async () => {
    for (const format of ['vcard', 'csv', 'json', 'gexf', 'graphml']) {
      const { io: o } = io();
      expect(await exportCommand.run({ positionals: ['net.json'], values: { format, out: `out.${format}` } }, o)).toBe(0);
      expect(readFileSync(join(dir, `out.${format}`), 'utf8').length).toBeGreaterThan(100);
    }
    const { io: o, out } = io();
    await exportCommand.run({ positionals: ['net.json'], values: { format: 'kumu', out: 'kumu.csv' } }, o);
    expect(out.join('').trim().split('\n').map((p) => p.split('/').pop())).toEqual(['kumu.csv', 'kumu-connections.csv']);
  });

  it('re-imports its own vCard export into an empty document', async () => {
    const { io: o, out } = io();
    await importCommand.run({ positionals: ['out.vcard'], values: { into: 'again.json', json: true } }, o);
    expect(JSON.parse(out.join('')).contacts).toBe(6);
  });
});
