/**
 * `kill -9` at random moments during edits, for `npm run bench faults`: the child of the store's
 * crash test (tests/unit/store/crashChild.ts, with its edits from crashEdits.ts) edits a document
 * and prints each acknowledged edit; after each kill the document must open, validate, and hold
 * every edit acknowledged so far.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { validateDocument } from '../../shared/document/validate.js';
import { DocumentStore } from '../../electron/services/documentStore.js';
import { ROOT } from './server.js';
import { sampleDocument } from '../unit/store/helpers.js';

const CHILD = join(ROOT, 'tests', 'unit', 'store', 'crashChild.ts');

/** mulberry32: small, seedable, good enough to pick kill times. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Run = { acked: string[]; killed: boolean; stderr: string };

/** Starts the child on `path`, kills it `delayMs` after it is ready, and returns the edits it acknowledged. */
function runAndKill(path: string, childSeed: number, delayMs: number): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, String(childSeed)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const startup = setTimeout(() => child.kill('SIGKILL'), 30_000);
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
      const acked = out.split('\n').slice(0, -1).filter((l) => l.startsWith('ack ')).map((l) => l.split(' ')[1]!);
      done({ acked, killed: signal === 'SIGKILL' && timer !== undefined, stderr });
    });
  });
}

export type KillReport = { kills: number; acknowledged: number; lost: number; problems: string[] };

/** `rounds` kills on one document in `dir`; counts acknowledged edits and those missing afterwards. */
export async function killRounds(dir: string, lane: number, rounds: number, random: () => number): Promise<KillReport> {
  const path = join(dir, `kill-${lane}.json`);
  await (await DocumentStore.create(path, sampleDocument())).close();
  const acknowledged = new Set<string>();
  const report: KillReport = { kills: 0, acknowledged: 0, lost: 0, problems: [] };
  for (let round = 0; round < rounds; round++) {
    const delay = 20 + Math.floor(random() * 280);
    const run = await runAndKill(path, Math.floor(random() * 2 ** 31), delay);
    if (!run.killed) report.problems.push(`lane ${lane} round ${round}: the child ended by itself: ${run.stderr.slice(0, 300)}`);
    else report.kills++;
    for (const id of run.acked) acknowledged.add(id);
    report.acknowledged += run.acked.length;
    const store = await DocumentStore.open(path, { saveDelayMs: 60_000 });
    try {
      if (store.notices.length > 0) report.problems.push(`lane ${lane} round ${round}: notices on reopening: ${store.notices.map((n) => n.code).join(', ')}`);
      const check = validateDocument(JSON.parse(JSON.stringify(store.doc)));
      if (!check.ok) report.problems.push(`lane ${lane} round ${round}: invalid after the kill: ${check.error.path}: ${check.error.message}`);
      const missing = [...acknowledged].filter((id) => !Object.hasOwn(store.doc.contacts, id));
      report.lost += missing.length;
      for (const id of missing) acknowledged.delete(id);
    } finally {
      await store.close();
    }
  }
  return report;
}
