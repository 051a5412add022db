// Kill -9 while a HeldDocument writes an existing document whole (what `carnet import` does): at
// moments spread over the whole write (validation, the document's atomic replacement, the journal,
// the backup), the document must reopen, with no notice, as either the old version (its unsaved
// journal edit included) or the new one, and leave no temporary file behind.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDocument } from '../../../shared/document/validate.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';
import { existingDocument, tempDir } from './helpers.js';

const CHILD = fileURLToPath(new URL('./heldCrashChild.ts', import.meta.url));
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** Contacts the child adds: enough for its write to last a few hundred milliseconds. */
const ADDED = 20_000;
const KILLS = 6;

type Run = { signal: NodeJS.Signals | null; readyToEndMs: number; stderr: string };

/** Runs the child; kills it `delayMs` after it said `ready` (never when null), and times the rest of its run. */
function run(path: string, delayMs: number | null): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, String(ADDED)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let readyAt = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!readyAt && out.startsWith('ready\n')) {
        readyAt = performance.now();
        if (delayMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      done({ signal, readyToEndMs: performance.now() - readyAt, stderr });
    });
  });
}

const { dir, cleanup } = tempDir('carnet-held-crash-');
afterAll(cleanup);

describe('a HeldDocument killed while it writes', () => {
  it(`leaves the old document or the new one, whole, across ${KILLS} kill -9`, { timeout: 180_000 }, async () => {
    // How long the write lasts here, now: the kills are spread over it.
    const calibration = await existingDocument(mkdirFolder('calibration'));
    const full = await run(calibration.path, null);
    expect(full.signal, full.stderr).toBeNull();
    const outcomes: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      const folder = mkdirFolder(`kill-${k}`);
      const { path } = await existingDocument(folder);
      // Over the first 80%: the rest of that time is the close and the process exit.
      const delay = Math.round(((k + 0.5) / KILLS) * 0.8 * full.readyToEndMs);
      const r = await run(path, delay);
      const label = `kill ${delay} ms after ready (the whole write took ${Math.round(full.readyToEndMs)} ms)`;
      const store = await DocumentStore.open(path, { saveDelayMs: 60_000 });
      try {
        expect(store.notices, label).toEqual([]);
        const check = validateDocument(JSON.parse(JSON.stringify(store.doc)));
        expect(check.ok ? null : check.error, label).toBeNull();
        const ids = Object.keys(store.doc.contacts);
        // The old document, its journal edit (c5) replayed, or the new one, which holds it too.
        for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) expect(store.doc.contacts[id], `${label}: ${id}`).toBeDefined();
        expect([5, 5 + ADDED], label).toContain(ids.length);
        outcomes.push(`${delay} ms: ${r.signal ? 'killed' : 'finished'}, ${ids.length === 5 ? 'old' : 'new'}`);
      } finally {
        await store.close();
      }
      const leftovers = readdirSync(folder, { recursive: true }).filter((n) => /\.carnet-(tmp|inplace)$/.test(String(n)));
      expect(leftovers, label).toEqual([]);
    }
    console.log(`held write kills: ${outcomes.join('; ')}`);
  });
});

function mkdirFolder(name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  return folder;
}
