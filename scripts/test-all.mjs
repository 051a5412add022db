#!/usr/bin/env node
// Runs every suite of the project (what `npm test` promises) and ends with one
// line "N passed, N failed[, N skipped]" counting all of them together.
// Static checks (type checking per layer, the lint of import boundaries, the
// Electron security scan) count as one test each; vitest and Playwright report
// their own test counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-results', 'reports');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
// The names of the tests that failed, repeated in the summary: CI's record
// keeps only the end of the output, and a failure far above it would be lost.
const failures = [];

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, status: r.status ?? r.signal, secs };
}

/** The first line of an error message, without colour codes, kept short. */
function firstLine(message) {
  const line = String(message ?? '').replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'), '').split('\n').find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 300);
}

function record(label, passed, failed, skipped, secs) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (${secs} s)`);
}

function check(label, cmd, args, env) {
  const r = run(label, cmd, args, env);
  record(label, r.ok ? 1 : 0, r.ok ? 0 : 1, 0, r.secs);
  return r.ok;
}

/** Counts from a Playwright JSON report; a crashed run with no report counts as one failure. */
function playwright(label, config, reportName) {
  const file = join(out, reportName);
  const r = run(label, bin('playwright'), ['test', '-c', config, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) return record(label, 0, 1, 0, r.secs);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const stats = report.stats ?? {};
  const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected' || t.status === 'flaky') {
          const err = (t.results ?? []).map((x) => x.error?.message).find(Boolean);
          failures.push(`${label} ${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}: ${firstLine(err)}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, ...(child.title && !child.title.endsWith('.ts') ? [child.title] : [])]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  // A run that failed outside any test (config error, global setup) still fails.
  record(label, stats.expected ?? 0, failed || (r.ok ? 0 : 1), stats.skipped ?? 0, r.secs);
}

for (const layer of ['shared', 'electron', 'renderer', 'tests']) {
  check(`typecheck ${layer}/`, bin('tsc'), ['-p', `${layer}/tsconfig.json`]);
}
check('lint: import boundaries (eslint)', 'npm', ['run', '--silent', 'lint']);

const built = check('build (renderer and Electron shell)', 'npm', ['run', '--silent', 'build']);

{
  const file = join(out, 'vitest.json');
  const r = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const failedSuites = (j.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
    for (const s of j.testResults ?? []) {
      const file = String(s.name ?? '').replace(root + '/', '');
      if (s.status === 'failed' && (s.assertionResults ?? []).length === 0) failures.push(`vitest ${file}: ${firstLine(s.message)}`);
      for (const a of s.assertionResults ?? []) {
        if (a.status === 'failed') failures.push(`vitest ${file} › ${a.fullName}: ${firstLine((a.failureMessages ?? [])[0])}`);
      }
    }
    record('unit tests (vitest)', j.numPassedTests, j.numFailedTests + failedSuites, j.numPendingTests + (j.numTodoTests ?? 0), r.secs);
  } else record('unit tests (vitest)', 0, 1, 0, r.secs);
}

if (built) {
  check('electron security scan (electronegativity)', 'node', ['scripts/electronegativity.mjs']);
  playwright('end-to-end, browser mode (Playwright + Chromium)', 'tests/e2e/playwright.config.ts', 'e2e.json');
  playwright('end-to-end, Electron (Playwright _electron)', 'tests/electron/playwright.config.ts', 'electron.json');
} else {
  record('suites that need the build', 0, 1, 0, '0');
}

if (failures.length) process.stdout.write('\n=== failed\n' + failures.join('\n') + '\n');
process.stdout.write('\n=== summary\n' + lines.join('\n') + '\n');
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(totals.failed === 0 ? 0 : 1);
