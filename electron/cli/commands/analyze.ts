import { CliError, UsageError, defineCommand } from '../command.js';
import { invalidLine, loadDocument } from '../loadDocument.js';

export const analyze = defineCommand({
  name: 'analyze',
  summary: 'Diagnose a network: clusters, gaps, missing profiles, dormant ties to revive',
  usage: 'FILE [--json] [--now DATE] [--lang fr|en]',
  description: `
Analyses the network in FILE as of today (or --now): affinity clusters,
brokers and structural gaps, diversity, personas under target with who could
introduce you, ties overdue for their cadence, dormant ties worth reviving
(ranked, with reasons), the stage of your networking and the give-and-take
balance. Same file and same --now give the same result.
Without --json, prints a readable report in your language (--lang, else the
LANG environment variable, else English). With --json, prints one JSON object.`,
  options: {
    json: { type: 'boolean', description: 'Print the whole result as one JSON object' },
    now: { type: 'string', valueName: 'DATE', description: 'Analyse as of this date (YYYY-MM-DD) instead of today' },
    lang: { type: 'string', valueName: 'fr|en', description: 'Language of the sentences (default: from LANG)' },
  },
  positionals: { min: 1, max: 1, names: 'FILE' },
  async run({ positionals, values }, io) {
    const now = typeof values.now === 'string' ? values.now : new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(now) || Number.isNaN(Date.parse(now))) {
      throw new UsageError(`--now must be a date YYYY-MM-DD, got "${now}"`);
    }
    if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') {
      throw new UsageError(`--lang must be fr or en, got "${String(values.lang)}"`);
    }
    const { path, result } = await loadDocument(positionals[0]!, io.cwd);
    if (!result.ok) throw new CliError(`not a valid Carnet document: ${invalidLine(result.error, path)}`);
    const { analyzeNetwork, formatReport, toLang } = await import('../../../shared/analysis/index.js');
    const lang = typeof values.lang === 'string' ? toLang(values.lang) : toLang(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
    const analysis = analyzeNetwork(result.doc, { now, lang });
    io.out(values.json === true ? `${JSON.stringify(analysis)}\n` : formatReport(analysis));
    return 0;
  },
});
