import { resolve } from 'node:path';
import type { Me } from '../../../shared/document/schema.js';
import type { Language } from '../../../shared/i18n/index.js';
import { CliError, UsageError, defineCommand } from '../command.js';
import { invalidLine, loadDocument, readTextFile } from '../loadDocument.js';

export const me = defineCommand({
  name: 'me',
  summary: 'Show your own profile (what common points are computed against), or replace it from a JSON file',
  usage: 'FILE [--set PROFILE.json] [--json] [--lang fr|en]',
  description: `
Without --set, prints the profile of the document FILE: name, headline,
organizations with their dates, schools, city, sector, tags and profile URL
(with --json, as JSON). Carnet compares every contact with it to find common
points, and draws it in the middle of the map.
With --set, replaces the profile by the one in PROFILE.json, as one undoable
change saved through the document's journal:
{"name": "Camille Laurent", "headline": "Head of Product", "city": "Paris",
"sector": "fintech", "organizations": [{"name": "Banque Lumière", "title":
"Head of Product", "current": true, "start": "2022-10-01"}], "schools":
[{"name": "ESAC", "degree": "MSc", "year": 2012}], "tags": ["produit"],
"profileUrl": "https://www.linkedin.com/in/camille"}. Every field may be left
out; a misspelt one is an error, reported with its JSON path. Text is in your
language (--lang, else the LANG environment variable, else English).`,
  options: {
    set: { type: 'string', valueName: 'PROFILE.json', description: 'Replace the profile with the one in this file' },
    json: { type: 'boolean', description: 'Print the profile as JSON' },
    lang: { type: 'string', valueName: 'fr|en', description: 'Language of the text (default: from LANG)' },
  },
  positionals: { min: 1, max: 1, names: 'FILE' },
  async run({ positionals, values }, io) {
    if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') {
      throw new UsageError(`--lang must be fr or en, got "${String(values.lang)}"`);
    }
    const { toLanguage, translator } = await import('../../../shared/i18n/index.js');
    const lang = toLanguage(typeof values.lang === 'string' ? values.lang : io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
    const t = translator(lang);
    const print = (profile: Me) => io.out(values.json === true ? `${JSON.stringify(profile, null, 2)}\n` : formatMe(profile, lang, positionals[0]!, (k, p) => t(k, p ?? {})));

    if (typeof values.set !== 'string') {
      const { path, result } = await loadDocument(positionals[0]!, io.cwd);
      if (!result.ok) throw new CliError(`not a valid Carnet document: ${invalidLine(result.error, path)}`);
      print(result.doc.me);
      return 0;
    }

    const file = await readTextFile(values.set, io.cwd);
    const { parseMeFile, setMe, MeFileError } = await import('../../../shared/document/me.js');
    let next: Me;
    try {
      next = parseMeFile(file.text);
    } catch (e) {
      if (e instanceof MeFileError) throw new CliError(t('profile.cli.invalidFile', { path: file.path, reason: e.message }));
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
      const set = setMe(next);
      const unchanged = JSON.stringify(store.doc.me) === JSON.stringify(set.changes[0]!.op === 'me' ? set.changes[0]!.value : null);
      if (!unchanged) await store.apply(set);
      if (values.json === true) print(store.doc.me);
      else io.out(`${t(unchanged ? 'profile.cli.unchanged' : 'profile.cli.set', { path: store.path, name: store.doc.me.name ?? t('profile.untitled') })}\n`);
    } finally {
      await store.close();
    }
    return 0;
  },
});

/** The profile as readable lines, dates as the language writes them ("23 oct. 2022"). */
export function formatMe(profile: Me, lang: Language, file: string, t: (key: string, params?: Record<string, string>) => string): string {
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  // The document's format checks a date's shape, not that the day exists: one that does not is printed as written.
  const date = (d: string) => {
    const at = new Date(d.length === 10 ? `${d}T00:00:00Z` : d);
    return Number.isNaN(at.getTime()) ? d : day.format(at);
  };
  const lines: string[] = [];
  const field = (key: string, value: string | undefined) => value && lines.push(t('profile.cli.line', { label: t(`profile.cli.${key}`), value }));
  const heading = (key: string) => lines.push(t('profile.cli.heading', { label: t(`profile.cli.${key}`) }));
  field('name', profile.name);
  field('headline', profile.headline);
  field('city', profile.city);
  field('sector', profile.sector);
  field('profileUrl', profile.profileUrl);
  if (profile.tags.length) field('tags', profile.tags.join(', '));
  if (profile.organizations.length) {
    heading('organizations');
    for (const o of profile.organizations) {
      const start = o.start && date(o.start);
      const end = !o.current && o.end ? date(o.end) : '';
      const span = start && end ? t('profile.cli.range', { start, end }) : start ? t('profile.cli.since', { date: start }) : end ? t('profile.cli.until', { date: end }) : '';
      const when = [o.current ? t('profile.cli.current') : '', span].filter(Boolean).join(', ');
      lines.push(`  ${o.name}${o.title ? ` — ${o.title}` : ''}${when ? ` (${when})` : ''}`);
    }
  }
  if (profile.schools.length) {
    heading('schools');
    for (const s of profile.schools) lines.push(`  ${s.name}${s.degree ? ` — ${s.degree}` : ''}${s.year ? ` (${s.year})` : ''}`);
  }
  if (lines.length === 0) lines.push(t('profile.cli.empty', { file }));
  return `${lines.join('\n')}\n`;
}
