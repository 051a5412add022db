// `npm run bench faults`: the large fault suite.
// - 90 kill -9 during edits (the store's crash child), counting acknowledged edits lost;
// - 10,000 hostile inputs through every import parser, the document validator and the API,
//   counting crashes (anything but a clear error, a preview that does not apply) and hangs;
// - growth: each adversarial input (a cell of spaces, doubled quotes, identical rows, folded
//   vCard lines, nested JSON, a big edit…) timed at n and at 16n: linear time gives a ratio of
//   about 16, n log n a little more, quadratic 256. The wide span keeps the verdict clear of the
//   noise of a shared machine.
// Prints one JSON object per line; exits 1 when anything was lost, crashed, hung or grew too fast.
// Replay with CARNET_FUZZ_SEED=<seed printed first>; FAULTS_PARTS=kills,fuzz,growth runs some parts only.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { addContact, compose } from '../../shared/document/commands.js';
import { applyChangeSet, parseChangeSet } from '../../shared/document/operations.js';
import { emptyDocument } from '../../shared/document/schema.js';
import { parseDocument } from '../../shared/document/validate.js';
import { buildImportPreview, parseImportFile } from '../../shared/import/index.js';
import { apiCall, checkCall, checkKept, fuzzBackend, writeHostileFiles } from '../helpers/fuzz/api.js';
import { checkDocument, checkImportFile } from '../helpers/fuzz/checks.js';
import { damagedDocument, NOW, smallDocument } from '../helpers/fuzz/documents.js';
import { anyImportFile, carnetJsonFile, zipFile, type FileCase } from '../helpers/fuzz/inputs.js';
import { killRounds, seeded } from '../helpers/killHarness.js';

const SEED = Number(process.env.CARNET_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = 90;
const INPUTS = { files: 5_800, json: 700, zips: 500, documents: 1_500, apiSequences: 60, callsPerSequence: 25 };
/** A small input that takes this long hangs (the inputs here are a few kilobytes). */
const HANG_MS = 2_000;
/** The same for an API call, which may write and fsync a document, its journal and a backup. */
const API_HANG_MS = 10_000;
/** How much bigger the large input of a growth check is. */
const FACTOR = 16;
/** Time at 16n over time at n above this is worse than n log n (linear is 16, quadratic 256). */
const MAX_GROWTH = 40;

const PARTS = new Set((process.env.FAULTS_PARTS ?? 'kills,fuzz,growth').split(','));
const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const dir = mkdtempSync(join(tmpdir(), 'carnet-bench-faults-'));
const problems: string[] = [];
let failed = false;

console.error(`faults: seed ${SEED} (CARNET_FUZZ_SEED=${SEED} replays it)`);

// --- kills ------------------------------------------------------------------------------------
if (PARTS.has('kills')) {
  const started = performance.now();
  const reports = await Promise.all([0, 1].map((lane) => killRounds(dir, lane, KILLS / 2, seeded(SEED + lane))));
  const kills = reports.reduce((n, r) => n + r.kills, 0);
  const acknowledged = reports.reduce((n, r) => n + r.acknowledged, 0);
  const lost = reports.reduce((n, r) => n + r.lost, 0);
  for (const r of reports) problems.push(...r.problems);
  failed ||= lost > 0 || reports.some((r) => r.problems.length > 0);
  emit({ name: 'faults.kills', value: kills, unit: 'kills', baseline: null, ratio: null, acknowledged, seconds: Math.round((performance.now() - started) / 1000) });
  emit({ name: 'faults.acked_edits_lost', value: lost, unit: 'edits', baseline: acknowledged, baselineName: 'edits acknowledged before the kills', ratio: acknowledged ? lost / acknowledged : null, goal: 0, met: lost === 0 });
}

// --- fuzzed inputs ----------------------------------------------------------------------------
if (PARTS.has('fuzz')) {
  const counts = { inputs: 0, crashes: 0, hangs: 0, slowestMs: 0, slowest: '' };
  function record(problem: string | null, ms: number, what: string, hangMs = HANG_MS): void {
    counts.inputs++;
    if (ms > counts.slowestMs) Object.assign(counts, { slowestMs: ms, slowest: what.slice(0, 160) });
    if (ms > hangMs) {
      counts.hangs++;
      problems.push(`hang (${Math.round(ms)} ms): ${what}`);
    }
    if (problem) {
      counts.crashes++;
      problems.push(`${what}: ${problem}`);
    }
  }
  function timed<T>(work: () => T): [T, number] {
    const t = performance.now();
    const r = work();
    return [r, performance.now() - t];
  }

  const doc = smallDocument();
  const describeFile = (c: FileCase) => `${c.family} ${c.name} (${c.bytes.length} bytes)`;
  for (const [arb, runs, salt] of [[anyImportFile, INPUTS.files, 10], [carnetJsonFile(damagedDocument), INPUTS.json, 11], [zipFile, INPUTS.zips, 12]] as const) {
    for (const c of fc.sample(arb as fc.Arbitrary<FileCase>, { seed: SEED + salt, numRuns: runs })) {
      const [problem, ms] = timed(() => checkImportFile(c, doc));
      record(problem, ms, describeFile(c));
    }
  }
  for (const raw of fc.sample(fc.oneof({ weight: 4, arbitrary: damagedDocument }, { weight: 1, arbitrary: fc.anything() }), { seed: SEED + 13, numRuns: INPUTS.documents })) {
    const [problem, ms] = timed(() => checkDocument(raw));
    record(problem, ms, `document ${JSON.stringify(raw)?.slice(0, 120)}`);
  }
  writeHostileFiles(dir, 10, SEED);
  const sequences = fc.sample(fc.array(apiCall(dir), { minLength: INPUTS.callsPerSequence, maxLength: INPUTS.callsPerSequence }), { seed: SEED + 14, numRuns: INPUTS.apiSequences });
  for (const [i, calls] of sequences.entries()) {
    const own = join(dir, `api${i}`);
    mkdirSync(own);
    const backend = await fuzzBackend(own);
    for (const call of calls) {
      const t = performance.now();
      const problem = await checkCall(backend, call);
      record(problem, performance.now() - t, `API ${String(call.method).slice(0, 40)} ${JSON.stringify(call.args)?.slice(0, 120)}`, API_HANG_MS);
    }
    const kept = await checkKept(backend);
    if (kept) {
      counts.crashes++;
      problems.push(`API sequence ${i}: ${kept}`);
    }
  }
  failed ||= counts.crashes > 0 || counts.hangs > 0;
  emit({ name: 'faults.fuzz_inputs', value: counts.inputs, unit: 'inputs', baseline: null, ratio: null, slowestMs: Math.round(counts.slowestMs), slowest: counts.slowest });
  emit({ name: 'faults.crashes', value: counts.crashes, unit: 'inputs', baseline: counts.inputs, baselineName: 'inputs tried', ratio: counts.crashes / counts.inputs, goal: 0, met: counts.crashes === 0 });
  emit({ name: 'faults.hangs', value: counts.hangs, unit: 'inputs', baseline: counts.inputs, baselineName: `inputs tried (a hang: over ${HANG_MS} ms, ${API_HANG_MS} ms for an API call)`, ratio: counts.hangs / counts.inputs, goal: 0, met: counts.hangs === 0 });
}

// --- growth -----------------------------------------------------------------------------------
const utf8 = (s: string) => new TextEncoder().encode(s);
const parse = (name: string, text: string) => () => parseImportFile(utf8(text), name);
const importRows = (n: number) => () => {
  const row = 'Jeanne,Moreau,,jeanne@example.org,Acme,CEO,01 Jan 2020';
  const text = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${Array.from({ length: n }, () => row).join('\n')}`;
  buildImportPreview(emptyDocument(NOW), [parseImportFile(utf8(text), 'Connections.csv')], { now: NOW });
};
/** A change set adding `n` contacts, and the document it makes. */
const bigDocument = (n: number) => {
  const empty = emptyDocument(NOW);
  const set = compose({ key: 'labels.edit' }, ...Array.from({ length: n }, (_, i) => addContact(empty, { id: `c${i}`, name: `Person ${i}`, emails: [{ value: `p${i}@example.org` }] }, NOW)));
  const doc = emptyDocument(NOW);
  applyChangeSet(doc, set);
  return { doc, set };
};
/** Adversarial input families: n is the unit of size, chosen so that the small run takes tens of milliseconds. */
const GROWTH: [string, number, (n: number) => () => unknown][] = [
  ['csv_cell_of_spaces', 1024 * 1024, (n) => parse('x.csv', `Name,Email\n"${' '.repeat(n)}",a@b.c\n${' '.repeat(n)},x`)],
  ['csv_doubled_quotes', 128 * 1024, (n) => parse('x.csv', `Name,Notes\nA,"${'""'.repeat(n)}"`)],
  ['csv_open_quote', 512 * 1024, (n) => parse('x.csv', `Name,Notes\nA,"${'x\n'.repeat(n / 2)}`)],
  ['csv_one_line_of_delimiters', 256 * 1024, (n) => parse('x.csv', `Name,Email\n${','.repeat(n)}`)],
  ['csv_identical_rows_merged', 150, importRows],
  ['vcard_folded_lines', 128 * 1024, (n) => parse('x.vcf', `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nNOTE:a${'\r\n b'.repeat(n)}\r\nEND:VCARD\r\n`)],
  ['vcard_quoted_printable_breaks', 64 * 1024, (n) => parse('x.vcf', `BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nNOTE;ENCODING=QUOTED-PRINTABLE:${'=C3=A9=\r\n'.repeat(n)}x\r\nEND:VCARD\r\n`)],
  ['vcard_many_cards', 2_000, (n) => parse('x.vcf', Array.from({ length: n }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P ${i}\r\nEMAIL:p${i}@x.org\r\nEND:VCARD`).join('\r\n'))],
  ['json_nested_arrays', 100_000, (n) => () => parseDocument(`{"format":"carnet","version":1,"meta":{"createdAt":"2026-01-01"},"x":${'['.repeat(n)}${']'.repeat(n)}}`)],
  ['document_validate', 2_500, (n) => {
    const text = JSON.stringify(bigDocument(n).doc);
    return () => parseDocument(text);
  }],
  ['changes_parse_and_apply', 2_000, (n) => {
    const json = JSON.parse(JSON.stringify(bigDocument(n).set)) as unknown;
    return () => applyChangeSet(emptyDocument(NOW), parseChangeSet(json));
  }],
];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/** The fastest of `reps` runs of each size, small and large taken in turn after a collection, so load and GC weigh alike on both. */
function growth(small: () => unknown, large: () => unknown, reps = 5): { small: number; large: number } {
  let s = Infinity;
  let l = Infinity;
  for (let i = 0; i < reps; i++) {
    for (const [run, keep] of [[small, (ms: number) => (s = Math.min(s, ms))], [large, (ms: number) => (l = Math.min(l, ms))]] as const) {
      gc();
      const t = performance.now();
      run();
      keep(performance.now() - t);
    }
  }
  return { small: s, large: l };
}

for (const [name, n, family] of PARTS.has('growth') ? GROWTH : []) {
  const { small, large } = growth(family(n), family(FACTOR * n));
  const ratio = large / Math.max(small, 0.01);
  const met = ratio <= MAX_GROWTH;
  failed ||= !met;
  emit({ name: `faults.growth.${name}`, value: +large.toFixed(1), unit: 'ms', baseline: +small.toFixed(1), baselineName: `same input ${FACTOR} times smaller (n=${n})`, ratio: +ratio.toFixed(2), goal: `ratio <= ${MAX_GROWTH} (linear: ${FACTOR}, quadratic: ${FACTOR * FACTOR})`, met });
}

for (const p of problems.slice(0, 30)) console.error(`faults: ${p}`);
if (problems.length > 30) console.error(`faults: … and ${problems.length - 30} more`);
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
