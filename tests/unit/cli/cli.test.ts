import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDocument } from '../../../shared/demo/demoNetwork.js';
import { parseDocument } from '../../../shared/document/validate.js';
import { carnet } from './run.js';

const NOW = '2026-03-01T10:00:00.000Z';
let dir: string;
let demoFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carnet-cli-'));
  demoFile = join(dir, 'demo.json');
  await writeFile(demoFile, JSON.stringify(generateDemoDocument({ now: NOW })));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('carnet (tool)', () => {
  it('--help lists every command and exits 0; no command exits 2', async () => {
    const help = await carnet(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['demo', 'validate', 'stats', 'schema', 'web']) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const none = await carnet([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Usage: carnet COMMAND/);
  });

  it('refuses an unknown command or option with exit code 2', async () => {
    const unknown = await carnet(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const option = await carnet(['stats', demoFile, '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/carnet stats: Unknown option '--bogus'/);
    expect(option.stderr).toMatch(/Run 'carnet stats --help'/);
  });
});

describe('carnet validate', () => {
  it('says valid and exits 0 for a valid document', async () => {
    const r = await carnet(['validate', demoFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^valid: ${demoFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Carnet document version 1, 305 contacts, \\d+ ties`));
    expect(r.stderr).toBe('');
  });

  it('names the JSON path of a broken reference', async () => {
    const doc = generateDemoDocument({ now: NOW });
    doc.ties.t0001!.to = 'c999';
    const file = join(dir, 'broken-ref.json');
    await writeFile(file, JSON.stringify(doc));
    const r = await carnet(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`invalid: $.ties.t0001.to: unknown contact "c999" (file: ${file})\n`);
  });

  it('names the JSON path of a schema error', async () => {
    const doc = generateDemoDocument({ now: NOW }) as unknown as { contacts: Record<string, { emails: unknown[] }> };
    doc.contacts.c012!.emails = [{ value: '' }];
    const file = join(dir, 'broken-email.json');
    await writeFile(file, JSON.stringify(doc));
    const r = await carnet(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^invalid: \$\.contacts\.c012\.emails\[0\]\.value: .+ \(file: .*broken-email\.json\)\n$/);
  });

  it('exits 1 for text that is not JSON, a missing file and a folder', async () => {
    const file = join(dir, 'not-json.json');
    await writeFile(file, '{"format": "carnet",');
    const notJson = await carnet(['validate', file]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^invalid: \$: not valid JSON: .+ \(file: .*not-json\.json\)/);

    const missing = await carnet(['validate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`carnet validate: cannot read ${join(dir, 'nope.json')}: no such file\n`);

    const folder = await carnet(['validate', dir]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/it is a folder/);
  });

  it('refuses a document from a newer Carnet', async () => {
    const file = join(dir, 'future.json');
    await writeFile(file, JSON.stringify({ ...generateDemoDocument({ now: NOW }), version: 99 }));
    const r = await carnet(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^invalid: \$(\.version)?: this document was written by a newer Carnet \(format version 99/);
  });
});

describe('carnet stats', () => {
  it('--json gives the document’s numbers', async () => {
    const r = await carnet(['stats', demoFile, '--json', '--now', NOW]);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as Record<string, unknown>;
    const text = await readFile(demoFile, 'utf8');
    const parsed = parseDocument(text);
    if (!parsed.ok) throw new Error('demo invalid');
    const doc = parsed.doc;
    expect(stats).toMatchObject({
      contacts: Object.keys(doc.contacts).length,
      ties: Object.keys(doc.ties).length,
      interactions: Object.keys(doc.interactions).length,
      categories: Object.keys(doc.categories).length,
      personas: Object.keys(doc.personas).length,
      asOf: '2026-03-01',
    });
    const last = new Map<string, number>();
    for (const it of Object.values(doc.interactions)) for (const c of it.contacts) last.set(c, Math.max(last.get(c) ?? 0, Date.parse(it.date)));
    const dormant = Object.values(doc.contacts).filter((c) => !c.archived && last.has(c.id) && Date.parse(NOW) - last.get(c.id)! > 3 * 365 * 86_400_000).length;
    expect(stats.dormant).toBe(dormant);
    expect(dormant).toBeGreaterThan(0);
  });

  it('prints readable text without --json, and exits 1 on an invalid document', async () => {
    const r = await carnet(['stats', demoFile, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Contacts\s+305$/m);
    expect(r.stdout).toMatch(/dormant \(> 3 years\)\s+\d+/);
    const bad = await carnet(['stats', join(dir, 'broken-ref.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/carnet stats: not a valid Carnet document: invalid: \$\.ties\.t0001\.to/);
  });
});

describe('carnet schema', () => {
  it('prints a JSON Schema that accepts Carnet documents and rejects broken ones', async () => {
    const r = await carnet(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['format', 'version', 'meta', 'me', 'contacts', 'ties', 'interactions', 'categories', 'personas', 'positions']),
    );
    const ajv = new Ajv2020({ strict: true });
    const check = ajv.compile(schema);
    const doc = JSON.parse(await readFile(demoFile, 'utf8')) as { contacts: Record<string, Record<string, unknown>> };
    expect(check(doc), JSON.stringify(check.errors)).toBe(true);
    doc.contacts.c001!.strength = 9;
    expect(check(doc)).toBe(false);
    expect(check.errors![0]!.instancePath).toBe('/contacts/c001/strength');
  });
});

describe('carnet demo', () => {
  it('writes a valid demo document and will not overwrite it without --force', async () => {
    const out = join(dir, 'out', 'my-demo.json');
    await mkdir(join(dir, 'out'));
    const first = await carnet(['demo', '--out', out, '--now', NOW]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Wrote the demo network to .*my-demo\.json: 305 contacts/);
    expect((await carnet(['validate', out])).code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(generateDemoDocument({ now: NOW }));

    const again = await carnet(['demo', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; add --force/);
    const forced = await carnet(['demo', '--out', out, '--force', '--seed', '3', '--now', NOW]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(generateDemoDocument({ now: NOW, seed: 3 }));
  });

  it('checks its arguments and says why a file cannot be written', async () => {
    expect((await carnet(['demo'])).stderr).toMatch(/missing --out FILE/);
    const seed = await carnet(['demo', '--out', join(dir, 'x.json'), '--seed', 'abc']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/--seed must be a whole number/);
    const nowhere = await carnet(['demo', '--out', join(dir, 'no-such-folder', 'x.json')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/cannot write .*no-such-folder/);
  });
});

describe('command help', () => {
  it('every command has --help with its usage and options', async () => {
    for (const name of ['demo', 'validate', 'stats', 'schema', 'web']) {
      const r = await carnet([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toMatch(new RegExp(`^Usage: carnet ${name}`));
      expect(r.stdout, name).toMatch(/-h, --help\s+Show this help/);
    }
  });
});

describe('carnet export never replaces a file unasked', () => {
  it('refuses an existing FILE without --force and leaves it as it was; --force replaces it', async () => {
    const out = join(dir, 'kept.vcf');
    await writeFile(out, 'my own notes\n');
    const refused = await carnet(['export', demoFile, '--format', 'vcard', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${out} already exists; add --force to replace it`);
    expect(await readFile(out, 'utf8')).toBe('my own notes\n');
    const forced = await carnet(['export', demoFile, '--format', 'vcard', '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^BEGIN:VCARD/);
  });

  it('writes nothing when one of the files an export makes exists (Kumu writes two)', async () => {
    const out = join(dir, 'kumu.csv');
    const second = join(dir, 'kumu-connections.csv');
    await writeFile(second, 'older\n');
    const r = await carnet(['export', demoFile, '--format', 'kumu', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(second);
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await readFile(second, 'utf8')).toBe('older\n');
  });

  it('never writes over the document it exports, even with --force', async () => {
    const copy = join(dir, 'self.json');
    const text = await readFile(demoFile, 'utf8');
    await writeFile(copy, text);
    for (const format of ['json', 'ics']) {
      const r = await carnet(['export', copy, '--format', format, '--out', copy, '--force']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('is the document being exported');
    }
    expect(await readFile(copy, 'utf8')).toBe(text);
  });
});
