#!/usr/bin/env node
// Starts Carnet in Electron (`npm start`, after the build). The binary is located without loading
// the `electron` package: requiring it would try to download the binary from GitHub, which
// machines without internet access cannot do. Where it is missing, says so and points to
// `npm run web`, which runs the same app in the browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MISSING_BINARY_MESSAGE =
  'Carnet: the Electron binary is not installed (node_modules/electron/dist). Electron downloads it from GitHub on first run and this machine could not; `npm run web` runs the same app in your browser.';

/**
 * The Electron executable, as the `electron` package would find it
 * (node_modules/electron/path.txt names it inside dist/, or inside
 * ELECTRON_OVERRIDE_DIST_PATH), or null when it is not on disk.
 */
export function findElectronBinary(projectRoot = root) {
  const pkg = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkg, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

function start() {
  const binary = findElectronBinary();
  if (!binary) {
    console.error(MISSING_BINARY_MESSAGE);
    process.exit(1);
  }
  const env = { ...process.env };
  // Set, it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) start();
