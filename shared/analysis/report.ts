/**
 * The diagnosis as readable text (the CLI prints it; the app can export it),
 * in the language the result was computed in, numbers and dates as that
 * language writes them.
 */
import type { AnalysisResult } from './analyze.js';
import { t } from './messages.js';
import { round } from './text.js';

const LIST = 10;

/** A plain-text report of an analysis result. */
export function formatReport(r: AnalysisResult): string {
  const { lang } = r;
  const out: string[] = [];
  const section = (title: string, lines: string[]): void => {
    out.push('', title, '-'.repeat(title.length));
    out.push(...(lines.length ? lines : [t(lang, 'report.none')]));
  };
  out.push(t(lang, 'report.title', { date: r.now.slice(0, 10) }));
  out.push(t(lang, 'report.overview', { contacts: r.summary.contacts, clusters: r.summary.clusters, active: r.summary.activeTies }));
  if (r.me.effectiveSize !== null) {
    out.push(t(lang, 'report.me', { effectiveSize: round(r.me.effectiveSize, 1), constraint: round(r.me.constraint ?? 0, 3) }));
  }
  section(t(lang, 'report.stage'), [r.stage.message.text]);
  section(
    t(lang, 'report.clusters'),
    r.clusters.slice(0, LIST).map((c) => `• ${c.label} — ${t(lang, 'report.members', { count: c.size })}`),
  );
  section(
    t(lang, 'report.dormant'),
    r.dormant.slice(0, LIST).flatMap((d) => [`• ${d.name} (${t(lang, 'report.score', { score: d.score })})`, ...d.reasons.map((s) => `    ${s}`)]),
  );
  section(t(lang, 'report.overdue'), r.overdue.slice(0, LIST).map((o) => `• ${o.name}: ${o.reason}`));
  section(
    t(lang, 'report.firstSteps'),
    r.firstSteps.slice(0, LIST).flatMap((f) => [`• ${f.name} (${t(lang, 'report.score', { score: f.score })})`, ...f.reasons.map((s) => `    ${s}`)]),
  );
  section(
    t(lang, 'report.personas'),
    r.missingProfiles.flatMap((p) => [`• ${p.message.text}`, ...[...p.introducers, ...p.toWarmUp].map((i) => `    ${i.message.text}`)]),
  );
  section(t(lang, 'report.suggested'), r.suggestedProfiles.flatMap((p) => [`• ${p.message.text}`, `    ${p.why.text}`]));
  section(t(lang, 'report.gaps'), [
    ...r.gaps.fragileClusters.map((f) => `• ${f.message.text}`),
    ...r.gaps.unbridged.slice(0, LIST).map((u) => `• ${u.message.text}`),
    ...r.gaps.brokers.slice(0, 5).map((b) => `• ${b.message.text}`),
    ...(r.gaps.isolatedMessage ? [`• ${r.gaps.isolatedMessage.text}`] : []),
  ]);
  section(t(lang, 'report.diversity'), r.diversity.map((d) => `• ${d.message.text}`));
  section(t(lang, 'report.reciprocity'), [
    r.reciprocity.overall.message.text,
    ...r.reciprocity.contacts.filter((c) => c.message.key === 'reciprocity.owe').slice(0, LIST).map((c) => `• ${c.message.text}`),
  ]);
  return `${out.join('\n')}\n`;
}
