import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError, UsageError, defineCommand } from '../command.js';
import { describeFsError } from '../loadDocument.js';

export const demo = defineCommand({
  name: 'demo',
  summary: 'Write the demo network (about 300 fictional contacts) to a file',
  usage: '--out FILE [--force] [--seed N] [--now DATE]',
  description: `
Writes the demo document: a fictional French/English professional network
with colleagues, former colleagues, alumni, clients, investors, friends,
ties between them and six years of interactions. Open it with
'carnet web --doc FILE' or from the app. Dates are counted back from --now
(default: today), so the same --seed and --now give the same file.`,
  options: {
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'Where to write the document (required)' },
    force: { type: 'boolean', short: 'f', description: 'Overwrite FILE if it exists' },
    seed: { type: 'string', valueName: 'N', description: 'Random seed (a whole number)' },
    now: { type: 'string', valueName: 'DATE', description: 'The date the demo is "today" (YYYY-MM-DD or ISO 8601)' },
  },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, io) {
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('missing --out FILE');
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
    const now = typeof values.now === 'string' ? values.now : undefined;
    if (now !== undefined && Number.isNaN(Date.parse(now))) throw new UsageError(`--now must be a date (YYYY-MM-DD or ISO 8601), got "${now}"`);
    const path = resolve(io.cwd, values.out);
    if (existsSync(path) && values.force !== true) throw new CliError(`${path} already exists; add --force to overwrite it`);
    if (!existsSync(dirname(path))) throw new CliError(`cannot write ${path}: the folder ${dirname(path)} does not exist`);

    const { generateDemoDocument } = await import('../../../shared/demo/demoNetwork.js');
    const { DocumentStore } = await import('../../services/documentStore.js');
    const doc = generateDemoDocument({ ...(seed !== undefined ? { seed } : {}), ...(now ? { now } : {}) });
    try {
      // Through the store, so that a journal left by an earlier file of that name is reset, not replayed onto the demo.
      const store = await DocumentStore.create(path, doc);
      await store.close();
    } catch (e) {
      throw new CliError(`cannot write ${path}: ${describeFsError((e as { cause?: unknown }).cause ?? e)}`);
    }
    const count = (o: object) => Object.keys(o).length;
    io.out(`Wrote the demo network to ${path}: ${count(doc.contacts)} contacts, ${count(doc.ties)} ties, ${count(doc.interactions)} interactions, ${count(doc.categories)} categories.\n`);
    return 0;
  },
});
