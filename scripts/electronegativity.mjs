#!/usr/bin/env node
// Electron security scan: runs @doyensec/electronegativity over the shell's sources (electron/)
// and over what actually ships (dist/electron, built first if missing), and fails on any HIGH
// severity finding that is not justified inline. Ends with one line:
//   electronegativity: N findings, M unjustified HIGH
//
// Usage: node scripts/electronegativity.mjs [input...]   (default: electron/ and dist/electron)
//
// Justifying a finding: put `electronegativity-ignore: CHECK_ID — reason` in a comment on the
// flagged line or in the comment lines directly above it, e.g.
//   // electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — only http(s) URLs reach this call
// The reason is mandatory. Findings in dist/electron are mapped back through the bundle's
// source map to the TypeScript line, where the comment lives (esbuild drops comments).
//
// Offline by design: the tool fetches translations and Electron's release list with `got`;
// here `got` is replaced by an immediate failure, the Electron version is the installed one
// (-e), and the release-list check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which only says
// "a newer Electron exists") is excluded. Results come from the programmatic API's `issues`:
// the tool's CSV writer races its header against its rows (two async writes) and its SARIF
// drops the severity, so neither file is a reliable input. A SARIF copy is still written to
// test-results/electronegativity/ for code-scanning viewers (default inputs only).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import Module, { createRequire, SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolRequire = createRequire(path.join(toolDir, 'dist', 'runner.js'));
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const IGNORE = /electronegativity-ignore:\s*([A-Z0-9_]+)\s*(?:—|–|-{1,2}|:)\s*(\S.{4,})/g;
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

/** Makes the tool's `require('got')` fail at once instead of reaching the network. */
function disableNetwork() {
  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('network disabled by scripts/electronegativity.mjs'));
  offline.head = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  toolRequire.cache[gotPath] = stub;
}

/** Runs the tool on `input`; its console chatter is kept for the error report only. */
async function scan(input, sarif) {
  const run = toolRequire('./runner.js');
  const chatter = [];
  const log = console.log;
  console.log = (...args) => chatter.push(args.join(' '));
  try {
    return await run({
      input,
      ...(sarif ? { output: sarif, isSarif: true } : {}),
      excludeFromScan: EXCLUDED,
      electronVersionOverride: electronVersion,
      isRelative: false,
    });
  } catch (error) {
    throw new Error(`electronegativity failed on ${path.relative(root, input)}: ${error.message}\n${chatter.join('\n')}`);
  } finally {
    console.log = log;
  }
}

const sourceLines = new Map();
function linesOf(file) {
  if (!sourceLines.has(file)) sourceLines.set(file, existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []);
  return sourceLines.get(file);
}

/** The justification of `check` at `line` (1-based) of `file`: same line, or the comment lines right above. */
function justification(file, line, check) {
  const lines = linesOf(file);
  const candidates = [lines[line - 1] ?? ''];
  for (let i = line - 2; i >= 0 && /^\s*(\/\/|\/\*|\*)/.test(lines[i]); i--) candidates.push(lines[i]);
  for (const text of candidates) {
    for (const m of text.matchAll(IGNORE)) if (m[1] === check) return m[2].trim();
  }
  return null;
}

const sourceMaps = new Map();
/** Where a line of a bundle in dist/electron came from, through its `.map`; null without one. */
function originalPosition(file, line, column) {
  const mapFile = `${file}.map`;
  if (!sourceMaps.has(mapFile)) {
    sourceMaps.set(mapFile, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null);
  }
  const map = sourceMaps.get(mapFile);
  const entry = map?.findEntry(line - 1, column);
  if (!entry?.originalSource) return null;
  const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
  return { file: source, line: entry.originalLine + 1 };
}

const dist = path.join(root, 'dist', 'electron');
// Arguments replace the default inputs (the tests scan small fixtures this way).
const requested = process.argv.slice(2).map((p) => path.resolve(p));
const inputs = requested.length
  ? requested.map((input) => [path.basename(input), input])
  : [
      ['sources', path.join(root, 'electron')],
      ['dist', dist],
    ];
if (!requested.length && !existsSync(path.join(dist, 'main.js'))) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: 'inherit' });
}
const reportDir = path.join(root, 'test-results', 'electronegativity');
if (!requested.length) mkdirSync(reportDir, { recursive: true });
disableNetwork();

const findings = [];
const problems = [];
for (const [label, input] of inputs) {
  const result = await scan(input, requested.length ? undefined : path.join(reportDir, `${label}.sarif`));
  for (const error of result.errors) {
    if (!error.tolerable) problems.push(`${label}: could not analyse ${path.relative(root, error.file)}: ${error.message}`);
  }
  for (const issue of result.issues) {
    const file = issue.file && issue.file !== 'N/A' ? path.resolve(input, issue.file) : null;
    const line = issue.location?.line ?? 0;
    const origin = file ? originalPosition(file, line, issue.location?.column ?? 0) : null;
    const at = origin ?? (file ? { file, line } : null);
    findings.push({
      label,
      id: issue.id,
      severity: issue.severity.name,
      where: at ? `${path.relative(root, at.file)}:${at.line}` : '(whole application)',
      via: origin && file ? ` (${path.relative(root, file)}:${line})` : '',
      description: issue.description,
      reason: at ? justification(at.file, at.line, issue.id) : null,
    });
  }
}

const unjustifiedHigh = findings.filter((f) => f.severity === 'HIGH' && !f.reason);
for (const f of findings) {
  const status = f.reason ? `justified: ${f.reason}` : f.severity === 'HIGH' ? 'UNJUSTIFIED' : 'review';
  console.log(`  [${f.label}] ${f.severity} ${f.id} ${f.where}${f.via} — ${f.description} (${status})`);
}
for (const p of problems) console.log(`  ${p}`);
console.log(
  `electronegativity: ${findings.length} findings, ${unjustifiedHigh.length} unjustified HIGH` +
    (problems.length ? `, ${problems.length} files not analysed` : ''),
);
// exitCode, not exit(): the tool writes its SARIF file asynchronously and must be let finish.
process.exitCode = unjustifiedHigh.length > 0 || problems.length > 0 ? 1 : 0;
