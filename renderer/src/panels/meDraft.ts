import { isCalendarDay } from '../../../shared/document/interactions.js';
import type { Me, Organization } from '../../../shared/document/schema.js';
import { schoolDraftOf, schoolError, schoolsOf, type RowError, type SchoolDraft } from './schoolDraft.js';

/** An organization as the profile form edits it; `base` keeps what the form does not show (department, sector, source). */
export type OrganizationDraft = { name: string; title: string; start: string; end: string; current: boolean; base?: Organization };

/** What the profile form edits, as typed. */
export type MeDraft = {
  name: string;
  headline: string;
  city: string;
  sector: string;
  profileUrl: string;
  tags: string[];
  organizations: OrganizationDraft[];
  schools: SchoolDraft[];
};

type Message = { key: string; params?: Record<string, string> };
export type MeErrors = { profileUrl?: Message; organizations?: RowError; schools?: RowError };

export const EMPTY_ORGANIZATION: OrganizationDraft = { name: '', title: '', start: '', end: '', current: true };

/** The form shows dates as days; a stored timestamp keeps its time unless the day is changed. */
const day = (date: string | undefined) => (date ?? '').slice(0, 10);

export function meDraftOf(me: Me): MeDraft {
  return {
    name: me.name ?? '',
    headline: me.headline ?? '',
    city: me.city ?? '',
    sector: me.sector ?? '',
    profileUrl: me.profileUrl ?? '',
    tags: [...me.tags],
    organizations: me.organizations.map((o) => ({ name: o.name, title: o.title ?? '', start: day(o.start), end: day(o.end), current: o.current, base: o })),
    schools: me.schools.map(schoolDraftOf),
  };
}

const blank = (o: OrganizationDraft) => !o.name.trim() && !o.title.trim() && !o.start && !o.end;

/** A profile address: http(s) only (it may be opened as a link), the scheme may be left out ("linkedin.com/in/…"). */
export function normalizeProfileUrl(text: string): string | null {
  const t = text.trim();
  if (!t) return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : `https://${t}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) return null;
    return withScheme;
  } catch {
    return null;
  }
}

export function validateMe(d: MeDraft): MeErrors {
  const errors: MeErrors = {};
  if (normalizeProfileUrl(d.profileUrl) === null) errors.profileUrl = { key: 'profile.errors.url', params: { value: d.profileUrl.trim() } };
  for (const [index, o] of d.organizations.entries()) {
    if (blank(o)) continue;
    if (!o.name.trim()) errors.organizations = { index, key: 'profile.errors.orgName' };
    else if ((o.start && !isCalendarDay(o.start)) || (o.end && !isCalendarDay(o.end))) errors.organizations = { index, key: 'profile.errors.date' };
    else if (o.start && o.end && !o.current && o.end < o.start) errors.organizations = { index, key: 'profile.errors.endBeforeStart' };
    if (errors.organizations) break;
  }
  const school = schoolError(d.schools);
  if (school) errors.schools = school;
  return errors;
}

function organizationOf(o: OrganizationDraft): Organization {
  const next: Organization = { ...o.base, name: o.name.trim(), current: o.current };
  const title = o.title.trim();
  if (title) next.title = title;
  else delete next.title;
  const keep = (field: 'start' | 'end', value: string) => {
    if (!value) delete next[field];
    else if (day(o.base?.[field]) !== value) next[field] = value;
  };
  keep('start', o.start);
  // A current position has no end.
  keep('end', o.current ? '' : o.end);
  return next;
}

/** The profile to store (call on a valid draft); rows left blank are dropped. */
export function meOf(d: MeDraft): Me {
  const text = (s: string) => s.trim() || undefined;
  const me: Me = {
    name: text(d.name),
    headline: text(d.headline),
    organizations: d.organizations.filter((o) => !blank(o)).map(organizationOf),
    schools: schoolsOf(d.schools),
    city: text(d.city),
    sector: text(d.sector),
    tags: [...new Map(d.tags.map((t) => t.trim()).filter(Boolean).map((t) => [t.toLowerCase(), t])).values()],
    profileUrl: text(normalizeProfileUrl(d.profileUrl) ?? ''),
  };
  for (const k of Object.keys(me) as (keyof Me)[]) if (me[k] === undefined) delete me[k];
  return me;
}
