import { resolve } from 'node:path';
import { CliError, defineCommand } from '../command.js';
import { invalidLine, loadDocument, readTextFile } from '../loadDocument.js';

export const personas = defineCommand({
  name: 'personas',
  summary: 'List the personas (target profiles) of a document, or replace them from a JSON file',
  usage: 'FILE [--set PERSONAS.json] [--json]',
  description: `
Without --set, lists the personas of FILE (with --json, as JSON).
With --set, replaces all of them by those of PERSONAS.json, as one undoable
change saved through the document's journal. PERSONAS.json holds
[{"name": "Investor in Rennes", "match": {"title": ["investor", "business angel"],
"location": ["Rennes"]}, "target": 3}, …]; match fields are title, organization,
location, tags, sector and school. Keywords ignore case and accents; any
keyword of a field may match, and every field given must match.`,
  options: {
    set: { type: 'string', valueName: 'PERSONAS.json', description: 'Replace the personas with those of this file' },
    json: { type: 'boolean', description: 'List the personas as JSON' },
  },
  positionals: { min: 1, max: 1, names: 'FILE' },
  async run({ positionals, values }, io) {
    if (typeof values.set !== 'string') {
      const { path, result } = await loadDocument(positionals[0]!, io.cwd);
      if (!result.ok) throw new CliError(`not a valid Carnet document: ${invalidLine(result.error, path)}`);
      const list = Object.values(result.doc.personas);
      if (values.json === true) io.out(`${JSON.stringify(list, null, 2)}\n`);
      else {
        for (const p of list) {
          const fields = Object.entries(p.match).filter(([, k]) => k.length).map(([f, k]) => `${f}: ${k.join(' | ')}`);
          io.out(`${p.name} (target ${p.target}) — ${fields.join('; ')}\n`);
        }
        if (!list.length) io.out('No personas.\n');
      }
      return 0;
    }
    const file = await readTextFile(values.set, io.cwd);
    const { parsePersonaFile, replacePersonas, PersonaFileError } = await import('../../../shared/analysis/personaFile.js');
    let next;
    try {
      next = parsePersonaFile(file.text);
    } catch (e) {
      if (e instanceof PersonaFileError) throw new CliError(`invalid personas file ${file.path}: ${e.message}`);
      throw e;
    }
    const { DocumentStore, DocumentError } = await import('../../services/documentStore.js');
    let store;
    try {
      store = await DocumentStore.open(resolve(io.cwd, positionals[0]!), { refuseInvalidWithoutBackup: true });
    } catch (e) {
      if (e instanceof DocumentError) throw new CliError(e.message);
      throw e;
    }
    try {
      const set = replacePersonas(store.doc, next);
      if (set.changes.length) await store.apply(set);
      const removed = set.changes.filter((c) => c.op === 'del').length;
      io.out(`${store.path}: ${next.length} personas set (${set.changes.length - removed} added or changed, ${removed} removed).\n`);
    } finally {
      await store.close();
    }
    return 0;
  },
});
