#!/usr/bin/env node
// The `carnet` command. Runs the TypeScript sources through tsx, so it works
// right after `npm install` without a build step.
import { register } from 'tsx/esm/api';

register();
// Worker threads (the document store's save worker) do not inherit hooks
// registered in this thread; they do inherit execArgv. Naming tsx by its
// absolute URL lets them load TypeScript from whatever folder carnet runs in.
process.execArgv.push('--import', import.meta.resolve('tsx'));
const { main } = await import('../electron/cli/main.ts');

// `carnet schema | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const code = await main(process.argv.slice(2));
// Let buffered output reach a pipe before exiting; exit explicitly so that no
// leftover handle (a timer in a library) keeps the process alive.
await new Promise((resolve) => process.stdout.write('', resolve));
await new Promise((resolve) => process.stderr.write('', resolve));
process.exit(code);
