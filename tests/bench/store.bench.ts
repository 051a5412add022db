// Document store at LinkedIn's cap: 30,000 contacts with ties and interactions.
// - load: open + parse + migrate + validate (schema and references) the file,
//   against the baseline of conf (what electron-store is built on) reading the
//   same data without any validation;
// - open: what a window waits for, from DocumentStore.open to the document
//   text handed to the renderer (getStateJson), against reading the file and
//   JSON.parse alone (the least any open can cost);
// - save: the longest the main thread is blocked while the document is saved
//   (goal: under 50 ms), against conf.set() of the same data, which serializes
//   and writes synchronously on the calling thread.
import Conf from 'conf';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateLargeNetwork } from '../../shared/demo/largeNetwork.js';
import { addContact } from '../../shared/document/commands.js';
import { DocumentStore } from '../../electron/services/documentStore.js';

const NOW = '2026-06-01';
const dir = mkdtempSync(join(tmpdir(), 'carnet-bench-store-'));
const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));

/** Runs `work` while sampling the event loop; returns the longest gap between two turns (ms). */
async function maxBlocking(work: () => Promise<unknown> | unknown): Promise<{ blockedMs: number; totalMs: number }> {
  let last = performance.now();
  let worst = 0;
  let running = true;
  const tick = () => {
    const t = performance.now();
    worst = Math.max(worst, t - last);
    last = t;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const start = performance.now();
  await work();
  const totalMs = performance.now() - start;
  worst = Math.max(worst, performance.now() - last);
  running = false;
  await new Promise((r) => setImmediate(r));
  return { blockedMs: worst, totalMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const doc = generateLargeNetwork({ contacts: 30_000, ties: 150_000, interactions: 60_000, seed: 7, now: NOW });
  const sizes = { contacts: 30_000, ties: Object.keys(doc.ties).length, interactions: Object.keys(doc.interactions).length };
  const file = join(dir, 'big.json');
  await (await DocumentStore.create(file, doc)).close();

  const conf = new Conf<Record<string, unknown>>({ cwd: join(dir, 'conf'), projectName: 'carnet-bench', configName: 'baseline' });
  conf.set('doc', doc);

  const loads: number[] = [];
  const baseLoads: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const s = await DocumentStore.open(file);
    loads.push(performance.now() - t);
    await s.close();
    t = performance.now();
    const c = new Conf<Record<string, unknown>>({ cwd: join(dir, 'conf'), projectName: 'carnet-bench', configName: 'baseline' });
    if (!c.get('doc')) throw new Error('baseline read nothing');
    baseLoads.push(performance.now() - t);
  }
  const load = median(loads);
  const baseLoad = median(baseLoads);
  emit({ name: 'store.load_validate_30k', value: Math.round(load), unit: 'ms', baseline: Math.round(baseLoad), baselineName: 'conf read (no validation)', ratio: +(load / baseLoad).toFixed(2), ...sizes });

  const opens: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const s = await DocumentStore.open(file);
    const text = await s.text();
    opens.push(performance.now() - t);
    if (text.length < 1000) throw new Error('open gave no text');
    await s.close();
    t = performance.now();
    JSON.parse(await readFile(file, 'utf8'));
    floors.push(performance.now() - t);
  }
  const openMs = median(opens);
  const floorMs = median(floors);
  emit({ name: 'store.open_to_state_text_30k', value: Math.round(openMs), unit: 'ms', baseline: Math.round(floorMs), baselineName: 'readFile + JSON.parse of the same file', ratio: +(openMs / floorMs).toFixed(2), ...sizes });

  const store = await DocumentStore.open(file);
  const blocks: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < 5; i++) {
    await store.apply(addContact(store.doc, { name: `Bench ${i}` }));
    const r = await maxBlocking(() => store.flush());
    blocks.push(r.blockedMs);
    totals.push(r.totalMs);
  }
  await store.close();
  const baseBlocks: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await maxBlocking(() => conf.set('doc', doc));
    baseBlocks.push(r.blockedMs);
  }
  const block = median(blocks);
  const baseBlock = median(baseBlocks);
  emit({
    name: 'store.save_main_thread_blocking_30k',
    value: +block.toFixed(1),
    unit: 'ms',
    goal: 50,
    met: block < 50,
    saveTotalMs: Math.round(median(totals)),
    baseline: +baseBlock.toFixed(1),
    baselineName: 'conf.set of the same data',
    ratio: +(block / baseBlock).toFixed(3),
    ...sizes,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
