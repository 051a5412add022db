import { CliError, UsageError, defineCommand } from '../command.js';
import { invalidLine, loadDocument } from '../loadDocument.js';

export const stats = defineCommand({
  name: 'stats',
  summary: 'Count contacts, ties, interactions, dormant ties… in a document',
  usage: 'FILE [--json] [--now DATE]',
  description: `
Prints what FILE holds: contacts, ties, interactions, categories, personas,
distinct organizations, schools and cities, and the state of the ties as of
today (or --now): dormant (no interaction for more than three years), recent
(within 90 days), overdue (past the cadence of the contact or its
categories), never contacted. Archived contacts are counted apart.
With --json, prints one JSON object instead (same numbers).`,
  options: {
    json: { type: 'boolean', description: 'Print the numbers as one JSON object' },
    now: { type: 'string', valueName: 'DATE', description: 'Count ages from this date instead of today' },
  },
  positionals: { min: 1, max: 1, names: 'FILE' },
  async run({ positionals, values }, io) {
    const now = typeof values.now === 'string' ? new Date(values.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be a date (YYYY-MM-DD or ISO 8601), got "${values.now}"`);
    const { path, result } = await loadDocument(positionals[0]!, io.cwd);
    if (!result.ok) throw new CliError(`not a valid Carnet document: ${invalidLine(result.error, path)}`);
    const { documentStats } = await import('../documentStats.js');
    const s = documentStats(result.doc, now);
    if (values.json === true) {
      io.out(`${JSON.stringify(s, null, 2)}\n`);
      return 0;
    }
    const rows: [string, string | number][] = [
      ['Contacts', s.contacts],
      ['  archived', s.archived],
      ['Ties', s.ties],
      ['Interactions', s.interactions],
      ['  first / last', s.firstInteraction ? `${s.firstInteraction} / ${s.lastInteraction}` : '—'],
      ['  by channel', Object.entries(s.interactionsByChannel).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['  by direction', Object.entries(s.interactionsByDirection).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['Categories', s.categories],
      ['Personas', s.personas],
      ['Organizations', s.organizations],
      ['Schools', s.schools],
      ['Cities', s.cities],
      [`Contacts as of ${s.asOf}`, ''],
      ['  recent (≤ 90 days)', s.recent],
      ['  overdue (past cadence)', s.overdue],
      ['  dormant (> 3 years)', s.dormant],
      ['  never contacted', s.neverContacted],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    io.out(`${path}\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`.trimEnd()).join('\n')}\n`);
    return 0;
  },
});
