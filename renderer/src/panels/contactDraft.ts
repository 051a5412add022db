import type { Contact, LabeledValue, Organization } from '../../../shared/document/schema.js';

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
};

export type DraftErrors = Partial<Record<'name' | 'title' | 'emails' | 'phones', { key: string; params?: Record<string, string> }>>;

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
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^[+()\d\s./-]{3,}$/;

/** Checks the draft; each error names the field and the value at fault. */
export function validateDraft(d: ContactDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!d.name.trim()) errors.name = { key: 'panel.errors.nameRequired' };
  if (d.title.trim() && !d.organization.trim()) errors.title = { key: 'panel.errors.titleNeedsOrganization' };
  const badEmail = d.emails.map((e) => e.trim()).find((e) => e && !EMAIL.test(e));
  if (badEmail) errors.emails = { key: 'panel.errors.emailInvalid', params: { value: badEmail } };
  const badPhone = d.phones.map((p) => p.trim()).find((p) => p && !PHONE.test(p));
  if (badPhone) errors.phones = { key: 'panel.errors.phoneInvalid', params: { value: badPhone } };
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

/** The fields of a contact that the draft sets, as `updateContact`/`addContact` take them. */
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
  };
}

export function sameDraft(a: ContactDraft, b: ContactDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
