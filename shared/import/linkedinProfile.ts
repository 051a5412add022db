/**
 * The files of a LinkedIn export that describe the user, not a contact:
 * `Profile.csv` (First Name, Last Name, Maiden Name, Address, Birth Date,
 * Headline, Summary, Industry, Zip Code, Geo Location, Twitter Handles,
 * Websites, Instant Messengers), `Positions.csv` (Company Name, Title,
 * Description, Location, Started On, Finished On), `Education.csv` (School
 * Name, Start Date, End Date, Notes, Degree Name, Activities) and
 * `Skills.csv` (Name). They fill `me`: name, headline, city, sector,
 * employers with dates, schools with years, skills as tags.
 */
import type { Organization, School } from '../document/schema.js';
import type { CsvRow } from './csv.js';
import { parseMonthYear } from './dates.js';
import { normalizeHeader } from './mapping.js';
import type { IssueLog, ProfilePatch } from './types.js';

const has = (norms: readonly string[], ...names: string[]) => names.every((n) => norms.includes(n));

export function isProfileHeader(norms: readonly string[]): boolean {
  return has(norms, 'first name', 'last name', 'headline') && (norms.includes('geo location') || norms.includes('industry') || norms.includes('maiden name'));
}

export function isPositionsHeader(norms: readonly string[]): boolean {
  return has(norms, 'company name', 'title', 'started on');
}

export function isEducationHeader(norms: readonly string[]): boolean {
  return has(norms, 'school name', 'start date', 'end date');
}

/** Skills.csv has one column, `Name`, like a list of people: only its file name tells them apart. */
export function isSkillsFile(norms: readonly string[], file: string): boolean {
  return norms.length === 1 && norms[0] === 'name' && /(^|[\\/])skills?(_\d+)?\.csv$/i.test(file);
}

function columns(header: readonly string[]) {
  const norms = header.map(normalizeHeader);
  return (...names: string[]) => {
    for (const n of names) {
      const i = norms.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  };
}

const cellOf = (r: CsvRow, i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');

/** "Paris, Île-de-France, France" → "Paris"; "Greater Lyon Area" → "Lyon". */
export function cityOf(location: string): string | undefined {
  const first = location.split(',')[0]!.trim();
  const city = first
    .replace(/^(greater|région de|region de|grand)\s+/i, '')
    .replace(/\s+(area|metropolitan area|metropolitan region|et périphérie|region)$/i, '')
    .trim();
  return city ? city.slice(0, 200) : undefined;
}

export function parseProfile(header: readonly string[], rows: readonly CsvRow[]): ProfilePatch {
  const col = columns(header);
  const r = rows[0];
  if (!r) return {};
  const first = cellOf(r, col('first name'));
  const last = cellOf(r, col('last name'));
  const patch: ProfilePatch = {};
  const name = [first, last].filter(Boolean).join(' ');
  if (name) patch.name = name.slice(0, 500);
  const headline = cellOf(r, col('headline'));
  if (headline) patch.headline = headline.slice(0, 500);
  const sector = cellOf(r, col('industry'));
  if (sector) patch.sector = sector.slice(0, 200);
  const city = cityOf(cellOf(r, col('geo location')));
  if (city) patch.city = city;
  return patch;
}

export function parsePositions(header: readonly string[], rows: readonly CsvRow[], log: IssueLog): ProfilePatch {
  const col = columns(header);
  const at = { company: col('company name'), title: col('title'), start: col('started on'), end: col('finished on') };
  const organizations: Organization[] = [];
  for (const r of rows) {
    const name = cellOf(r, at.company).slice(0, 500);
    if (!name) {
      log.warn('positionNoCompany', {}, { line: r.line });
      continue;
    }
    const o: Organization = { name, current: true };
    const title = cellOf(r, at.title);
    if (title) o.title = title.slice(0, 500);
    const start = cellOf(r, at.start);
    const end = cellOf(r, at.end);
    const s = start ? parseMonthYear(start) : undefined;
    const e = end ? parseMonthYear(end) : undefined;
    if (start && !s) log.warn('positionDate', { value: start.slice(0, 100) }, { line: r.line });
    if (end && !e) log.warn('positionDate', { value: end.slice(0, 100) }, { line: r.line });
    if (s) o.start = s.date;
    if (e) o.end = e.date;
    // An end date, even one that could not be read, says the position is over.
    if (end) o.current = false;
    organizations.push(o);
  }
  return { organizations };
}

export function parseEducation(header: readonly string[], rows: readonly CsvRow[]): ProfilePatch {
  const col = columns(header);
  const at = { school: col('school name'), start: col('start date'), end: col('end date'), degree: col('degree name') };
  const schools: School[] = [];
  for (const r of rows) {
    const name = cellOf(r, at.school).slice(0, 500);
    if (!name) continue;
    const s: School = { name };
    const degree = cellOf(r, at.degree);
    if (degree) s.degree = degree.slice(0, 500);
    const year = parseMonthYear(cellOf(r, at.end))?.year ?? parseMonthYear(cellOf(r, at.start))?.year;
    // The schema's range for a school year: a year outside it is a typo, left out rather than refused.
    if (year !== undefined && year >= 1900 && year <= 2200) s.year = year;
    schools.push(s);
  }
  return { schools };
}

export function parseSkills(rows: readonly CsvRow[]): ProfilePatch {
  const tags = new Set<string>();
  for (const r of rows) {
    const t = (r.cells[0] ?? '').trim().slice(0, 200);
    if (t) tags.add(t);
  }
  return { tags: [...tags] };
}
