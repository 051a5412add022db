import { MAX_CADENCE_DAYS, MIN_CADENCE_DAYS } from '../../../shared/document/contacts.js';
import type { Contact, LabeledValue, Organization } from '../../../shared/document/schema.js';
import { schoolDraftOf, schoolError, schoolsOf, type RowError, type SchoolDraft } from './schoolDraft.js';

/** What the contact form edits: the fields a person types, as plain strings. */
export type ContactDraft = {
  name: string;
  organization: string;
  title: string;
  city: string;
  emails: string[];
  phones: string[];
  tags: string[];
  notes: string;
  categories: string[];
  /** '' (not set: inferred from the interactions) or '1'…'5'. */
  strength: string;
  /** '' (the categories' or the closeness' cadence applies) or a number of days as typed. */
  cadence: string;
  schools: SchoolDraft[];
};

type Message = { key: string; params?: Record<string, string> };
export type DraftErrors = Partial<Record<'name' | 'title' | 'emails' | 'phones' | 'cadence', Message>> & { schools?: RowError };

export const EMPTY_DRAFT: ContactDraft = {
  name: '',
  organization: '',
  title: '',
  city: '',
  emails: [],
  phones: [],
  tags: [],
  notes: '',
  categories: [],
  strength: '',
  cadence: '',
  schools: [],
};

/** The organization the form shows: the first current one, else the first. */
function mainOrganizationIndex(c: Contact): number {
  const current = c.organizations.findIndex((o) => o.current);
  return current >= 0 ? current : c.organizations.length > 0 ? 0 : -1;
}

export function draftOf(c: Contact): ContactDraft {
  const org = c.organizations[mainOrganizationIndex(c)];
  return {
    name: c.name,
    organization: org?.name ?? '',
    title: org?.title ?? '',
    city: c.city ?? '',
    emails: c.emails.map((e) => e.value),
    phones: c.phones.map((p) => p.value),
    tags: [...c.tags],
    notes: c.notes ?? '',
    categories: [...c.categories],
    strength: c.strength === undefined ? '' : String(c.strength),
    cadence: c.cadenceDays === undefined ? '' : String(c.cadenceDays),
    schools: c.schools.map(schoolDraftOf),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^[+()\d\s./-]{3,}$/;

/** A cadence as typed: '' for none, else the number of days, or null when it is not a whole number in range. */
export function parseCadence(text: string): number | undefined | null {
  const t = text.trim();
  if (!t) return undefined;
  if (!/^\d{1,4}$/.test(t)) return null;
  const n = Number(t);
  return n >= MIN_CADENCE_DAYS && n <= MAX_CADENCE_DAYS ? n : null;
}

/** Checks the draft; each error names the field and the value at fault. */
export function validateDraft(d: ContactDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!d.name.trim()) errors.name = { key: 'panel.errors.nameRequired' };
  if (d.title.trim() && !d.organization.trim()) errors.title = { key: 'panel.errors.titleNeedsOrganization' };
  const badEmail = d.emails.map((e) => e.trim()).find((e) => e && !EMAIL.test(e));
  if (badEmail) errors.emails = { key: 'panel.errors.emailInvalid', params: { value: badEmail } };
  const badPhone = d.phones.map((p) => p.trim()).find((p) => p && !PHONE.test(p));
  if (badPhone) errors.phones = { key: 'panel.errors.phoneInvalid', params: { value: badPhone } };
  if (parseCadence(d.cadence) === null) errors.cadence = { key: 'panel.errors.cadence' };
  const school = schoolError(d.schools);
  if (school) errors.schools = school;
  return errors;
}

/** Keeps the label and source of values that were already there, so editing one email does not forget where the others came from. */
function labeled(values: string[], before: readonly LabeledValue[]): LabeledValue[] {
  const out: LabeledValue[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (!value || out.some((v) => v.value === value)) continue;
    out.push(before.find((b) => b.value === value) ?? { value });
  }
  return out;
}

function organizations(d: ContactDraft, before: readonly Organization[], mainIndex: number): Organization[] {
  const name = d.organization.trim();
  const title = d.title.trim() || undefined;
  const others = before.filter((_, i) => i !== mainIndex);
  if (!name) return others;
  const main = before[mainIndex];
  const next: Organization = main?.name === name ? { ...main, title } : { name, title, current: true };
  if (!title) delete next.title;
  return mainIndex >= 0 ? before.map((o, i) => (i === mainIndex ? next : o)) : [next, ...others];
}

/** The fields of a contact that the draft sets, as `updateContact`/`addContact` take them (call on a valid draft). */
export function contactFields(d: ContactDraft, before?: Contact) {
  const tags = [...new Set(d.tags.map((t) => t.trim()).filter(Boolean))];
  return {
    name: d.name.trim(),
    organizations: organizations(d, before?.organizations ?? [], before ? mainOrganizationIndex(before) : -1),
    city: d.city.trim() || undefined,
    emails: labeled(d.emails, before?.emails ?? []),
    phones: labeled(d.phones, before?.phones ?? []),
    tags,
    notes: d.notes.trim() ? d.notes : undefined,
    categories: [...d.categories],
    strength: d.strength ? Number(d.strength) : undefined,
    cadenceDays: parseCadence(d.cadence) ?? undefined,
    schools: schoolsOf(d.schools),
  };
}
