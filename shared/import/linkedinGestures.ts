/**
 * Endorsements and recommendations of a LinkedIn export, given and
 * received, become interactions: what the user gave and received, which
 * the reciprocity balance weighs. Column names as LinkedIn writes them:
 * - `Endorsement_Received_Info.csv`: Endorsement Date, Skill Name, Endorser
 *   First Name, Endorser Last Name, Endorser Public Url, Endorsement Status;
 *   `Endorsement_Given_Info.csv` the same with Endorsee;
 * - `Recommendations_Received.csv` and `Recommendations_Given.csv`: First
 *   Name, Last Name, Company, Job Title, Text, Creation Date, Status (the
 *   two have the same header: the file name says which it is).
 * The person is named by profile URL when the file has one, else by name
 * and company; who they are is settled later, against the contacts (an
 * unsure name is reported, not guessed).
 */
import { say, type Language } from '../i18n/index.js';
import type { CsvRow } from './csv.js';
import { parseDateTime, parseMonthYear } from './dates.js';
import { normalizeHeader } from './mapping.js';
import type { IssueLog, ParsedInteraction, PersonRef } from './types.js';

export type EndorsementSide = 'given' | 'received';

/** Which endorsement file a header is, or null. */
export function endorsementSide(norms: readonly string[]): EndorsementSide | null {
  if (!norms.includes('endorsement date') || !norms.includes('skill name')) return null;
  if (norms.includes('endorser first name') || norms.includes('endorser public url')) return 'received';
  if (norms.includes('endorsee first name') || norms.includes('endorsee public url')) return 'given';
  return null;
}

export function isRecommendationsHeader(norms: readonly string[]): boolean {
  return ['first name', 'last name', 'text', 'creation date', 'status'].every((n) => norms.includes(n));
}

/** Given or received, from the file name (`Recommendations_Given.csv`, `Recommendations Received.csv`); null when it does not say. */
export function recommendationSide(file: string): EndorsementSide | null {
  const base = file.split(/[\\/]/).pop() ?? file;
  if (/given/i.test(base)) return 'given';
  if (/received/i.test(base)) return 'received';
  return null;
}

function columns(header: readonly string[]) {
  const norms = header.map(normalizeHeader);
  return (name: string) => norms.indexOf(name);
}

const cellOf = (r: CsvRow, i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');

/** LinkedIn writes "2023/06/05 15:47:58 UTC", "01/19/13, 12:10 AM" (month first) or "Jan 2024". */
function dateOf(value: string): string | undefined {
  return parseDateTime(value, false)?.slice(0, 10) ?? parseMonthYear(value)?.date;
}

/**
 * One interaction per person, day and side: an endorser who endorsed five skills the same day gave
 * one thing, worth one line in the log.
 */
export function parseEndorsements(header: readonly string[], rows: readonly CsvRow[], side: EndorsementSide, log: IssueLog, lang: Language): ParsedInteraction[] {
  const col = columns(header);
  const who = side === 'received' ? 'endorser' : 'endorsee';
  const at = { date: col('endorsement date'), skill: col('skill name'), first: col(`${who} first name`), last: col(`${who} last name`), url: col(`${who} public url`) };
  const byPersonDay = new Map<string, { ref: string; date: string; person: PersonRef; skills: string[] }>();
  for (const r of rows) {
    const raw = cellOf(r, at.date);
    const date = dateOf(raw);
    if (!date) {
      log.warn('gestureDate', { value: raw.slice(0, 100) }, { line: r.line });
      continue;
    }
    const name = [cellOf(r, at.first), cellOf(r, at.last)].filter(Boolean).join(' ');
    const url = cellOf(r, at.url);
    if (!name && !url) {
      log.warn('gestureNobody', {}, { line: r.line });
      continue;
    }
    const key = `${url || name.toLowerCase()}|${date}`;
    let g = byPersonDay.get(key);
    if (!g) {
      const person: PersonRef = {};
      if (name) person.name = name;
      if (url) person.profileUrl = url;
      byPersonDay.set(key, (g = { ref: `line ${r.line}`, date, person, skills: [] }));
    }
    const skill = cellOf(r, at.skill).slice(0, 200);
    if (skill && g.skills.length < 50 && !g.skills.includes(skill)) g.skills.push(skill);
  }
  const out: ParsedInteraction[] = [];
  for (const g of byPersonDay.values()) {
    out.push({
      ref: g.ref,
      date: g.date,
      channel: 'other',
      direction: side === 'received' ? 'received' : 'gave',
      note: say(lang, { key: `import.note.endorsement${side === 'received' ? 'Received' : 'Given'}`, params: { skills: g.skills.join(', '), count: g.skills.length } }),
      with: [g.person],
    });
  }
  return out;
}

/** Most characters of a recommendation's text kept in the note (the schema allows 100,000 for a note). */
const MAX_TEXT = 20_000;

export function parseRecommendations(header: readonly string[], rows: readonly CsvRow[], side: EndorsementSide, log: IssueLog, lang: Language): ParsedInteraction[] {
  const col = columns(header);
  const at = { first: col('first name'), last: col('last name'), company: col('company'), title: col('job title'), text: col('text'), date: col('creation date') };
  const out: ParsedInteraction[] = [];
  for (const r of rows) {
    const raw = cellOf(r, at.date);
    const date = dateOf(raw);
    if (!date) {
      log.warn('gestureDate', { value: raw.slice(0, 100) }, { line: r.line });
      continue;
    }
    const name = [cellOf(r, at.first), cellOf(r, at.last)].filter(Boolean).join(' ');
    if (!name) {
      log.warn('gestureNobody', {}, { line: r.line });
      continue;
    }
    const person: PersonRef = { name };
    const company = cellOf(r, at.company);
    if (company) person.organization = company;
    const text = cellOf(r, at.text).slice(0, MAX_TEXT);
    out.push({
      ref: `line ${r.line}`,
      date,
      channel: 'other',
      direction: side === 'received' ? 'received' : 'gave',
      note: say(lang, { key: `import.note.recommendation${side === 'received' ? 'Received' : 'Given'}`, params: { text } }),
      with: [person],
    });
  }
  return out;
}
