import { mkdtempSync, readFileSync, writeFileSync, truncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../../electron/cli/commands/export.js';
import { importCommand } from '../../../electron/cli/commands/import.js';
import { CliError } from '../../../electron/cli/command.js';
import { FIXTURES } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'carnet-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir, env: {} }, out, err };
}

describe('carnet import / export', () => {
  it('imports a LinkedIn export folder into a new document and prints the JSON report', async () => {
    const { io: o, out } = io();
    const code = await importCommand.run({ positionals: [join(FIXTURES, 'linkedin-export'), join(FIXTURES, 'google-legacy.csv')], values: { into: 'net.json', json: true } }, o);
    expect(code).toBe(0);
    const report = JSON.parse(out.join(''));
    expect(report.contacts).toBe(4);
    expect(report.files.map((f: { path: string; format: string; new: number }) => [f.path.split('/').pop(), f.format, f.new])).toEqual([
      ['Connections.csv', 'linkedin-connections', 3],
      ['google-legacy.csv', 'google-csv', 1],
      ['Invitations.csv', 'linkedin-invitations', 0],
      ['messages.csv', 'linkedin-messages', 0],
    ]);
    const doc = JSON.parse(readFileSync(join(dir, 'net.json'), 'utf8'));
    expect(Object.keys(doc.contacts)).toHaveLength(4);
    expect(Object.keys(doc.interactions)).toHaveLength(3);
  });

  it('--dry-run changes nothing', async () => {
    const before = readFileSync(join(dir, 'net.json'), 'utf8');
    const { io: o, out } = io();
    await importCommand.run({ positionals: [join(FIXTURES, 'thunderbird.csv')], values: { into: 'net.json', 'dry-run': true } }, o);
    expect(out.join('')).toContain('1 new');
    expect(out.join('')).toContain('Dry run');
    expect(readFileSync(join(dir, 'net.json'), 'utf8')).toBe(before);
  });

  it('exits non-zero naming the file when one cannot be read at all, and still imports the others', async () => {
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 2 * 1024 ** 3);
    const { io: o, out } = io();
    const run = importCommand.run({ positionals: [huge, join(FIXTURES, 'no-name-column.csv'), join(FIXTURES, 'thunderbird.csv')], values: { into: 'other.json', json: true } }, o);
    await expect(run).rejects.toBeInstanceOf(CliError);
    const report = JSON.parse(out.join(''));
    expect(report.files[0].errors[0].message).toMatch(/2048 MB; files over 200 MB are not imported/);
    expect(report.files[1].errors[0]).toEqual({ line: 1, message: expect.stringContaining('no column holds a name') });
    expect(report.contacts).toBe(1);
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
    expect(JSON.parse(out.join('')).contacts).toBe(4);
  });
});
