#!/usr/bin/env node
// `npm run bench`: runs every benchmark in tests/bench/ and passes their output
// through: one JSON object per line, {"name", "value", "unit", ...}. Each goal
// is stated as a ratio against a baseline measured in the same run, because
// absolute timings on shared 2-core machines are noisy.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const files = readdirSync(join(root, 'tests', 'bench'))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => !only || f.includes(only))
  .sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(root, 'tests', 'bench', f)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${f} failed (exit ${r.status ?? r.signal})`);
  }
}
process.exit(failed ? 1 : 0);
