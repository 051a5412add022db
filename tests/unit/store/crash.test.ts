// Kill -9 at random moments: a child process edits the document in a loop
// and prints each acknowledged edit; after every kill the document must
// open, validate, and hold every edit the child had acknowledged.
// Reproduce a run with CARNET_CRASH_SEED=<seed printed below>; CARNET_CRASH_KILLS
// sets the number of kills (about 20 here; `npm run bench faults` runs 90).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDocument } from '../../../shared/document/validate.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { sampleDocument, tempDir } from './helpers.js';

const ROUNDS = Math.max(2, Number(process.env.CARNET_CRASH_KILLS ?? 20));
const CHILD = fileURLToPath(new URL('./crashChild.ts', import.meta.url));
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const SEED = Number(process.env.CARNET_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: small, seedable, good enough to pick kill times. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Run = { acked: { id: string; revision: number }[]; signal: NodeJS.Signals | null; stderr: string };

/** Starts the child, kills it `delayMs` after it is ready, and returns what it acknowledged. */
function runAndKill(path: string, childSeed: number, delayMs: number): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, String(childSeed)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const startup = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!timer && out.startsWith('ready\n')) {
        clearTimeout(startup);
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (_code, signal) => {
      clearTimeout(startup);
      clearTimeout(timer);
      // Only complete lines count: a line cut by the kill was never fully reported.
      const acked = out
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('ack '))
        .map((l) => {
          const [, id, revision] = l.split(' ');
          return { id: id!, revision: Number(revision) };
        });
      done({ acked, signal, stderr });
    });
  });
}

const { dir, cleanup } = tempDir('carnet-crash-');
afterAll(cleanup);

/** One chain of kills on its own document; returns how many edits were acknowledged. */
async function killRounds(lane: number, rounds: number, random: () => number): Promise<number> {
  // One folder per lane: the leftovers check below must not see the other lane's child at work.
  const folder = join(dir, `lane-${lane}`);
  mkdirSync(folder);
  const path = join(folder, 'crash.json');
  await (await DocumentStore.create(path, sampleDocument())).close();
  const acknowledged = new Set<string>();
  let total = 0;
  for (let round = 0; round < rounds; round++) {
    const delay = 20 + Math.floor(random() * 280);
    const run = await runAndKill(path, Math.floor(random() * 2 ** 31), delay);
    const label = `lane ${lane} round ${round} (kill ${delay} ms after start, seed ${SEED})`;
    expect(run.signal, `${label}: the child ended by itself: ${run.stderr}`).toBe('SIGKILL');
    for (const a of run.acked) acknowledged.add(a.id);
    total += run.acked.length;

    const store = await DocumentStore.open(path, { saveDelayMs: 60_000 });
    try {
      expect(store.notices, label).toEqual([]);
      const check = validateDocument(JSON.parse(JSON.stringify(store.doc)));
      expect(check.ok ? null : check.error, label).toBeNull();
      const missing = [...acknowledged].filter((id) => !store.doc.contacts[id]);
      expect(missing, label).toEqual([]);
      expect(store.revision, label).toBeGreaterThanOrEqual(run.acked.at(-1)?.revision ?? 0);
    } finally {
      await store.close();
    }
    // Whatever the kill interrupted (a save, a backup, a journal compaction, taking the lock) left nothing behind.
    const leftovers = readdirSync(folder, { recursive: true }).filter((n) => /\.carnet-(tmp|inplace)$/.test(String(n)));
    expect(leftovers, label).toEqual([]);
  }
  return total;
}

describe('crash safety', () => {
  it(`keeps every acknowledged edit across ${ROUNDS} kill -9 (seed ${SEED})`, { timeout: 180_000 }, async () => {
    console.log(`crash test seed: ${SEED} (set CARNET_CRASH_SEED=${SEED} to replay)`);
    // Two documents killed in parallel: each round is mostly process start-up, and there are two cores.
    const totals = await Promise.all([0, 1].map((lane) => killRounds(lane, Math.ceil(ROUNDS / 2), seeded(SEED + lane))));
    const total = totals[0]! + totals[1]!;
    console.log(`crash test: ${total} acknowledged edits over ${ROUNDS} kills, all present`);
    expect(total).toBeGreaterThan(0);
  });
});
