/** `--now` and `--lang` as `carnet plan` and the calendar export read them, and the week's plan they ask for. */
import type { CarnetDocument } from '../../shared/document/schema.js';
import type { Language } from '../../shared/i18n/index.js';
import { UsageError, type Io, type Parsed } from './command.js';

/** The day to plan for: `--now YYYY-MM-DD`, else today on this machine's clock and time zone. */
export function nowOption(values: Parsed['values']): string {
  if (values.now === undefined) {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }
  const now = String(values.now);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(now) && new Date(`${now}T00:00:00Z`).toISOString().slice(0, 10) === now;
  if (!valid) throw new UsageError(`--now must be a date YYYY-MM-DD, got "${now}"`);
  return now;
}

/** `--lang fr|en`, else the LANG environment variable, else English. */
export async function langOption(values: Parsed['values'], io: Io): Promise<Language> {
  if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') throw new UsageError(`--lang must be fr or en, got "${String(values.lang)}"`);
  const { toLanguage } = await import('../../shared/i18n/index.js');
  return toLanguage(typeof values.lang === 'string' ? values.lang : io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
}

/** The week's plan as the app shows it: the one stored for that week, else the one the app would make. */
export async function weekOf(doc: CarnetDocument, today: string) {
  const [{ analyzeNetwork }, { weekPlanFor }, { reminders }] = await Promise.all([
    import('../../shared/analysis/analyze.js'),
    import('../../shared/routine/plan.js'),
    import('../../shared/routine/reminders.js'),
  ]);
  const { plan, stored } = weekPlanFor(doc, analyzeNetwork(doc, { now: today }), today);
  return { plan, stored, reminders: reminders(doc, { today, lastSeen: null, plan }) };
}
