import { CliError, UsageError, defineCommand } from '../command.js';
import { invalidLine, loadDocument, readTextFile } from '../loadDocument.js';

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Export a document as vCard, CSV, JSON, GEXF, GraphML or Kumu CSV',
  usage: 'DOC --format vcard|csv|json|gexf|graphml|kumu --out FILE [--clusters FILE]',
  description: `
Writes the contacts of DOC to FILE. vcard (4.0) and csv can be imported back
into Carnet with the same contacts, fields and categories. gexf and graphml
are for graph tools (Gephi, yEd…), with organization, city, categories and
cluster as node attributes and ties as weighted edges. kumu writes FILE (the
elements) and FILE-connections.csv. --clusters names a JSON object
{contactId: clusterLabel} to include as the cluster attribute.`,
  options: {
    format: { type: 'string', valueName: 'F', description: 'vcard, csv, json, gexf, graphml or kumu' },
    out: { type: 'string', valueName: 'FILE', description: 'Where to write' },
    clusters: { type: 'string', valueName: 'FILE', description: 'JSON map of contact id to cluster label' },
  },
  positionals: { min: 1, max: 1, names: 'DOC' },
  async run({ positionals, values }, io) {
    const { EXPORT_FORMATS, exportDocument } = await import('../../../shared/export/index.js');
    const format = String(values.format ?? '');
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (typeof values.out !== 'string' || !values.out) throw new UsageError('--out FILE is required');
    const { path, result } = await loadDocument(positionals[0]!, io.cwd);
    if (!result.ok) throw new CliError(`not a valid Carnet document: ${invalidLine(result.error, path)}`);
    let clusters: Record<string, string> = {};
    if (typeof values.clusters === 'string') {
      const { path: cpath, text } = await readTextFile(values.clusters, io.cwd);
      try {
        const raw = JSON.parse(text) as unknown;
        if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('expected an object {contactId: label}');
        clusters = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
      } catch (e) {
        throw new CliError(`${cpath}: ${(e as Error).message}`);
      }
    }
    const { resolve } = await import('node:path');
    const { writeFileAtomic } = await import('../../services/atomicWrite.js');
    const out = resolve(io.cwd, values.out);
    const files = exportDocument(result.doc, format as (typeof EXPORT_FORMATS)[number], { clusters });
    for (const f of files) {
      const target = f.suffix ? out.replace(/(\.[^./\\]+)?$/, `${f.suffix}$1`) : out;
      await writeFileAtomic(target, f.text);
      io.out(`${target}\n`);
    }
    return 0;
  },
});
