/**
 * What `carnet import` prints: the preview in words, in the user's language
 * (each issue rendered from its catalog key), or as JSON. French numbers read
 * as French ("30 000").
 */
import type { TFunction } from 'i18next';
import { say, translator, type Language } from '../../shared/i18n/index.js';
import { issuePhrase, MATCH_KINDS, type FilePreview, type ImportIssue, type ImportPreview, type MeChange } from '../../shared/import/index.js';

export type ReportIssue = { line?: number; card?: number; key: string; params?: Record<string, string | number>; message: string };

export type ImportReport = {
  files: {
    path: string;
    format: string;
    read: number;
    new: number;
    merged: number;
    duplicates: number;
    skipped: number;
    possible: number;
    interactions: number;
    ties: number;
    warnings: ReportIssue[];
    errors: ReportIssue[];
  }[];
  /** Files that could not be read at all. */
  unread: ({ path: string } & ReportIssue)[];
  /** Records that may be contacts already known: kept apart (the app's contact panel can merge them). */
  duplicates: { reason: string; organization?: string; incoming: { name: string; file?: string; ref?: string }; existing: { name: string; contactId?: string; file?: string; ref?: string } }[];
  /** What changes in the user's own profile. */
  me: MeChange[] | null;
  ignored: string[];
  contacts: number;
};

const line = (lang: Language, key: string, params: Record<string, string | number> = {}) => say(lang, { key: `import.cli.${key}`, params });

function rendered(issue: ImportIssue, lang: Language): ReportIssue {
  const out: ReportIssue = { key: issue.key, message: say(lang, issuePhrase(issue)) };
  if (issue.line !== undefined) out.line = issue.line;
  if (issue.card !== undefined) out.card = issue.card;
  if (issue.params) out.params = issue.params;
  return out;
}

/** True when a file gave nothing at all: unreadable, or every record refused (nothing already known either). */
export function fileFailed(f: FilePreview): boolean {
  const gave = f.new + f.merged + f.duplicates + f.interactions + f.ties + f.known > 0 || f.profile;
  return !gave && (f.errors.length > 0 || f.read > 0 || f.unmatched > 0);
}

export function toReport(preview: ImportPreview, unread: readonly ImportIssue[], contacts: number, lang: Language): ImportReport {
  return {
    files: preview.files.map((f) => ({
      path: f.file,
      format: f.format,
      read: f.read,
      new: f.new,
      merged: f.merged,
      duplicates: f.duplicates,
      skipped: f.skipped,
      possible: f.possible,
      interactions: f.interactions,
      ties: f.ties,
      warnings: f.warnings.map((w) => rendered(w, lang)),
      errors: f.errors.map((e) => rendered(e, lang)),
    })),
    unread: unread.map((u) => ({ path: u.file, ...rendered(u, lang) })),
    duplicates: preview.duplicates.map((d) => ({
      reason: d.reason,
      ...(d.organization ? { organization: d.organization } : {}),
      incoming: { name: d.incoming.name, file: d.incoming.file, ref: d.incoming.ref },
      existing: { name: d.existing.name, contactId: d.existing.contactId, file: d.existing.file, ref: d.existing.ref },
    })),
    me: preview.me?.changes ?? null,
    ignored: preview.ignored,
    contacts,
  };
}

function where(t: TFunction, i: { line?: number; card?: number }): string {
  if (i.card) return `${t('import.issues.card', { n: i.card })}: `;
  if (i.line) return `${t('import.issues.line', { n: i.line })}: `;
  return '';
}

function meLines(changes: readonly MeChange[], lang: Language): string[] {
  return changes.map((c) => {
    const field = translator(lang)(`import.me.fields.${c.field}`);
    if ('after' in c) return c.before ? line(lang, 'meChanged', { field, before: c.before, after: c.after }) : line(lang, 'meSet', { field, after: c.after });
    const added = 'added' in c ? c.added.map((x) => (typeof x === 'string' ? x : x.name)) : [];
    const completed = c.field === 'organizations' ? c.completed.map((o) => o.name) : [];
    const parts = [added.length ? line(lang, 'meAdded', { field, list: added.slice(0, 10).join(', '), count: added.length }) : '', completed.length ? line(lang, 'meCompleted', { list: completed.slice(0, 10).join(', '), count: completed.length }) : ''];
    return parts.filter(Boolean).join('; ');
  });
}

/** The report in words, one line per fact. */
export function reportLines(preview: ImportPreview, unread: readonly ImportIssue[], lang: Language): string[] {
  const t = translator(lang);
  const lines: string[] = [];
  for (const u of unread) lines.push(`${u.file}: ${line(lang, 'error')} ${say(lang, issuePhrase(u))}`);
  for (const f of preview.files) {
    const format = t(`import.formats.${f.format}`, { defaultValue: f.format });
    const head = `${f.file} (${format}${f.encoding && f.encoding !== 'per value' ? `, ${f.encoding}` : ''})`;
    const facts: string[] = [];
    if (f.kind === 'contacts' || f.read > 0) {
      facts.push(line(lang, 'read', { count: f.read }), line(lang, 'new', { count: f.new }), line(lang, 'merged', { count: f.merged }));
      if (f.duplicates) facts.push(line(lang, 'duplicates', { count: f.duplicates }));
      if (f.skipped) facts.push(line(lang, 'skipped', { count: f.skipped }));
      const on = MATCH_KINDS.filter((k) => f.matchedOn[k] > 0).map((k) => t(`import.matchedOn.${k}`, { count: f.matchedOn[k] }));
      if (on.length) facts[2] += ` (${on.join(', ')})`;
    }
    if (f.interactions || f.kind === 'interactions') facts.push(line(lang, 'interactions', { count: f.interactions }));
    if (f.ties || f.kind === 'ties') facts.push(line(lang, 'ties', { count: f.ties }));
    if (f.profile) facts.push(line(lang, 'profile'));
    lines.push(`${head}: ${facts.join(', ')}`);
    for (const c of f.conflicts) {
      const text = c.field === 'match' ? `${c.contactName}: ${c.incoming}` : `${c.contactName}: ${c.field} “${c.existing}” / “${c.incoming}”`;
      lines.push(`  ${line(lang, 'conflict')} ${c.ref}: ${text}`);
    }
    if (f.moreConflicts) lines.push(`  ${line(lang, 'moreConflicts', { count: f.moreConflicts })}`);
    for (const w of f.warnings) lines.push(`  ${line(lang, 'warning')} ${where(t, w)}${say(lang, issuePhrase(w))}`);
    for (const e of f.errors) lines.push(`  ${line(lang, 'error')} ${where(t, e)}${say(lang, issuePhrase(e))}`);
  }
  for (const d of preview.duplicates.slice(0, 200)) {
    lines.push(
      line(lang, 'possible', {
        incoming: d.incoming.name,
        where: `${d.incoming.file ?? ''} ${d.incoming.ref ?? ''}`.trim(),
        existing: d.existing.name,
        reason: t(`import.duplicates.reasons.${d.reason}`),
      }),
    );
  }
  if (preview.duplicates.length > 200) lines.push(line(lang, 'morePossible', { count: preview.duplicates.length - 200 }));
  if (preview.me) lines.push(`${line(lang, 'thisIsYou')} ${meLines(preview.me.changes, lang).join('; ')}`);
  if (preview.ignored.length > 0) lines.push(line(lang, 'ignored', { count: preview.ignored.length, list: preview.ignored.slice(0, 40).join(', ') }));
  return lines;
}
