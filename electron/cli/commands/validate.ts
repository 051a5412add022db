import { defineCommand } from '../command.js';
import { invalidLine, loadDocument } from '../loadDocument.js';

export const validate = defineCommand({
  name: 'validate',
  summary: 'Check that a file is a valid Carnet document',
  usage: 'FILE',
  description: `
Reads FILE, brings it up to the current format version (in memory only) and
checks it against the schema ('carnet schema') and its references (every tie,
interaction and category membership must point at something that exists).

Valid: prints "valid: …" with the counts and exits 0.
Invalid: prints "invalid: <JSON path>: <reason>" for the first problem and
exits 1; an unreadable file or text that is not JSON also exits 1.`,
  options: {},
  positionals: { min: 1, max: 1, names: 'FILE' },
  async run({ positionals }, io) {
    const { path, result } = await loadDocument(positionals[0]!, io.cwd);
    if (!result.ok) {
      io.err(`${invalidLine(result.error, path)}\n`);
      return 1;
    }
    const { doc, migrations } = result;
    const count = (o: object) => Object.keys(o).length;
    io.out(
      `valid: ${path}: Carnet document version ${doc.version}, ${count(doc.contacts)} contacts, ${count(doc.ties)} ties, ` +
        `${count(doc.interactions)} interactions, ${count(doc.categories)} categories, ${count(doc.personas)} personas\n`,
    );
    for (const m of migrations) io.out(`  (would migrate: ${m})\n`);
    return 0;
  },
});
