import { CliError, UsageError, defineCommand } from '../command.js';

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Import contacts (LinkedIn, Google, Outlook, Thunderbird, any CSV, vCard) into a document',
  usage: 'FILE... --into DOC [--dry-run] [--json] [--format vcard|csv|json] [--lang fr|en]',
  description: `
Reads each FILE (a CSV, a vCard, a Carnet JSON document, a folder such as an
unzipped LinkedIn export, or a .zip of one) and matches the records with the
contacts already in DOC. A record is merged into a contact only when they are
surely the same person: same id, same profile URL, same personal e-mail or
phone, or the same name at the same organization when no other row of
the file and no other contact has that name there. Rows of one LinkedIn
Connections.csv are never merged with each other, records with different
profile URLs never, and an address several people share (contact@…) is no
identity. Names that only look alike are listed as possible duplicates and
kept apart: merge them from the contact panel of the app.
A LinkedIn export also fills your own profile (Profile, Positions,
Education, Skills) and turns endorsements and recommendations into
interactions. The whole import is one change: one undo step. New contacts
are placed on the map. DOC is created when it does not exist.
With --dry-run, prints what would happen and changes nothing.
With --json, prints {"files":[{"path","format","read","new","merged",
"duplicates","skipped","interactions","ties","warnings":[{"line","key",
"message"}],"errors":[...]}],"unread":[...],"duplicates":[...],"me":…,
"ignored":[...],"contacts":N}.
Messages are in your language (--lang, else the LANG environment variable,
else English).
The exit code is 1 when a file could not be read, when every record of a
file was refused, or when DOC cannot be opened or written.`,
  options: {
    into: { type: 'string', valueName: 'DOC', description: 'The document to import into' },
    'dry-run': { type: 'boolean', description: 'Show what would be imported without changing DOC' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
    format: { type: 'string', valueName: 'F', description: 'Read every FILE as vcard, csv or json instead of detecting it' },
    lang: { type: 'string', valueName: 'fr|en', description: 'Language of the messages (default: from LANG)' },
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
    if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') {
      throw new UsageError(`--lang must be fr or en, got "${String(values.lang)}"`);
    }
    const { toLanguage } = await import('../../../shared/i18n/index.js');
    const lang = toLanguage(typeof values.lang === 'string' ? values.lang : io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
    const { runImport } = await import('../importRun.js');
    let result;
    try {
      result = await runImport({
        files: positionals,
        into,
        cwd: io.cwd,
        dryRun: values['dry-run'] === true,
        format: format as 'vcard' | 'csv' | 'json' | undefined,
        lang,
      });
    } catch (e) {
      if (e instanceof CliError) throw e;
      // Whatever went wrong is said in one line: a stack trace tells the user nothing.
      throw new CliError((e as Error)?.message?.split('\n')[0] ?? String(e));
    }
    if (values.json === true) {
      io.out(`${JSON.stringify(result.report, null, 2)}\n`);
    } else {
      for (const line of result.lines) io.out(`${line}\n`);
    }
    if (result.fatal) {
      if (values.json !== true) io.err(`${result.fatal}\n`);
      throw new CliError(result.fatal.split('\n')[0]!, 1);
    }
    return 0;
  },
});
