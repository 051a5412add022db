import { existsSync, realpathSync, statSync } from 'node:fs';
import { CliError, UsageError, defineCommand } from '../command.js';
import { invalidLine, loadDocument, readTextFile } from '../loadDocument.js';
import { langOption, nowOption, weekOf } from '../weekOptions.js';

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Export a document as vCard, CSV, JSON, GEXF, GraphML, Kumu CSV, or the week as iCalendar',
  usage: 'DOC --format vcard|csv|json|gexf|graphml|kumu|ics --out FILE [--force] [--clusters FILE] [--now YYYY-MM-DD] [--lang fr|en]',
  description: `
Writes the contacts of DOC to FILE. vcard (4.0) and csv can be imported back
into Carnet with the same contacts, fields and categories. gexf and graphml
are for graph tools (Gephi, yEd…), with organization, city, categories and
cluster as node attributes and ties as weighted edges. kumu writes FILE (the
elements) and FILE-connections.csv. --clusters names a JSON object
{contactId: clusterLabel} to include as the cluster attribute.
ics writes the week's plan (as \`carnet plan\` shows it for today or --now),
the objectives' review dates and due steps, and the activity goals as
recurring events, each with a reminder at 9:00, in --lang (else LANG).
A file that already exists is replaced only with --force; DOC itself never is.`,
  options: {
    format: { type: 'string', valueName: 'F', description: 'vcard, csv, json, gexf, graphml, kumu or ics' },
    out: { type: 'string', valueName: 'FILE', description: 'Where to write' },
    force: { type: 'boolean', short: 'f', description: 'Replace FILE (and FILE-connections.csv) if they exist' },
    clusters: { type: 'string', valueName: 'FILE', description: 'JSON map of contact id to cluster label' },
    now: { type: 'string', valueName: 'YYYY-MM-DD', description: 'ics: the week of this day instead of today' },
    lang: { type: 'string', valueName: 'fr|en', description: 'ics: language of the events (default: from LANG)' },
  },
  positionals: { min: 1, max: 1, names: 'DOC' },
  async run({ positionals, values }, io) {
    const { EXPORT_FORMATS, exportDocument } = await import('../../../shared/export/index.js');
    const format = String(values.format ?? '');
    if (format !== 'ics' && !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, ics`);
    if (typeof values.out !== 'string' || !values.out) throw new UsageError('--out FILE is required');
    const today = format === 'ics' ? nowOption(values) : '';
    const lang = format === 'ics' ? await langOption(values, io) : 'en';
    const { path, result } = await loadDocument(positionals[0]!, io.cwd);
    if (!result.ok) throw new CliError(`not a valid Carnet document: ${invalidLine(result.error, path)}`);
    const { resolve } = await import('node:path');
    const { writeFileAtomic } = await import('../../services/atomicWrite.js');
    const out = resolve(io.cwd, values.out);
    if (format === 'ics') {
      const { planIcs } = await import('../../../shared/routine/ics.js');
      const { plan } = await weekOf(result.doc, today);
      refuseOverwrite([out], path, values.force === true);
      await writeFileAtomic(out, planIcs(result.doc, plan, { lang, today, now: new Date().toISOString() }));
      io.out(`${out}\n`);
      return 0;
    }
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
    const files = exportDocument(result.doc, format as (typeof EXPORT_FORMATS)[number], { clusters }).map((f) => ({
      ...f,
      target: f.suffix ? out.replace(/(\.[^./\\]+)?$/, `${f.suffix}$1`) : out,
    }));
    // Every target is checked before any is written: a refusal leaves nothing half-exported.
    refuseOverwrite(
      files.map((f) => f.target),
      path,
      values.force === true,
    );
    for (const f of files) {
      await writeFileAtomic(f.target, f.text);
      io.out(`${f.target}\n`);
    }
    return 0;
  },
});

/** An export replaces an existing file only when the user said so (--force), and never the document it reads. */
function refuseOverwrite(targets: string[], doc: string, force: boolean): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const docReal = real(doc);
  const docStat = statSync(doc, { throwIfNoEntry: false });
  for (const t of targets) {
    if (!existsSync(t)) continue;
    const st = statSync(t, { throwIfNoEntry: false });
    // The same file under another name (a symlink, a hard link) is the document too.
    if (real(t) === docReal || (st && docStat && st.dev === docStat.dev && st.ino === docStat.ino)) {
      throw new CliError(`${t} is the document being exported; choose another --out FILE`);
    }
    if (st?.isDirectory()) throw new CliError(`${t} is a folder; --out names the file to write`);
    if (!force) throw new CliError(`${t} already exists; add --force to replace it`);
  }
}
