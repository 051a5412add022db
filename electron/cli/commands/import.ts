import { CliError, UsageError, defineCommand } from '../command.js';

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Import contacts (LinkedIn, Google, Outlook, Thunderbird, any CSV, vCard) into a document',
  usage: 'FILE... --into DOC [--dry-run] [--json] [--format vcard|csv|json]',
  description: `
Reads each FILE (a CSV, a vCard, a Carnet JSON document, a folder such as an
unzipped LinkedIn export, or a .zip of one), matches the contacts with those
already in DOC (by e-mail, phone, profile URL, or name and organization) and
merges them without losing any value. Contacts are read first, then the
interactions (LinkedIn messages and invitations) and ties (From,To CSV) that
refer to them. The whole import is one change: one undo step. DOC is created
when it does not exist.
With --dry-run, prints what would happen and changes nothing.
With --json, prints {"files":[{"path","format","contacts","new","merged",
"warnings":[{"line","message"}],"errors":[...]}],"contacts":N}.
The exit code is 1 when a file could not be read at all.`,
  options: {
    into: { type: 'string', valueName: 'DOC', description: 'The document to import into' },
    'dry-run': { type: 'boolean', description: 'Show what would be imported without changing DOC' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
    format: { type: 'string', valueName: 'F', description: 'Read every FILE as vcard, csv or json instead of detecting it' },
  },
  positionals: { min: 1, max: 10_000, names: 'FILE...' },
  async run({ positionals, values }, io) {
    const into = values.into;
    if (typeof into !== 'string' || !into) throw new UsageError('--into DOC is required');
    const format = values.format;
    const { FORMAT_OVERRIDES } = await import('../../../shared/import/detect.js');
    if (format !== undefined && !(FORMAT_OVERRIDES as readonly string[]).includes(String(format))) {
      throw new UsageError(`--format must be one of ${FORMAT_OVERRIDES.join(', ')}, got "${format}"`);
    }
    const { runImport } = await import('../importRun.js');
    const result = await runImport({
      files: positionals,
      into,
      cwd: io.cwd,
      dryRun: values['dry-run'] === true,
      format: format as 'vcard' | 'csv' | 'json' | undefined,
    });
    if (values.json === true) {
      io.out(`${JSON.stringify(result.report, null, 2)}\n`);
    } else {
      for (const line of result.lines) io.out(`${line}\n`);
    }
    if (result.fatal) {
      if (values.json !== true) io.err(`${result.fatal}\n`);
      throw new CliError(result.fatal, 1);
    }
    return 0;
  },
});
