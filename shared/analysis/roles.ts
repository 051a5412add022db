/**
 * Suggested profiles: kinds of people a professional network gains from and
 * that the user's contacts lack, found without any persona of the user's.
 *
 * The method asks the user to "identify the profiles you lack" (seed article
 * 001) and not to stay in one sphere (003); research says where the value of
 * a network lies: job leads come through people who hear of openings
 * (Granovetter 1973), brokers and people from other circles bring what the
 * user's own circle cannot (Burt). Each role below is a persona Carnet
 * proposes, matched on current job titles with the persona rules (keywords
 * at word starts, case and accents ignored; no keyword that starts common
 * words of other trades: "coo" would find every coordinator). A role is proposed when fewer
 * contacts hold it than a network of this size would usually count, and only
 * when enough job titles are known to say so: an address book without titles
 * gets no verdict rather than a false "you know no investor".
 */
import type { Context } from './context.js';
import { message, type Message } from './messages.js';
import { compileMatch, matchesCompiled, type Fields, type PersonaField } from './personas.js';
import { fold } from './text.js';
import type { Contact, PersonaMatch } from '../document/schema.js';

export const ROLES = [
  { id: 'recruiter', title: ['recruit', 'recrut', 'talent acquisition', 'talent partner', 'headhunt', 'chasseur de tetes', 'chasseuse de tetes', 'executive search', 'human resources', 'ressources humaines', 'drh'] },
  { id: 'investor', title: ['investor', 'investisseur', 'investisseuse', 'investment', 'investissement', 'business angel', 'venture', 'vc', 'capital risque', 'private equity', 'fund manager', 'gerant de fonds'] },
  { id: 'founder', title: ['founder', 'co founder', 'cofounder', 'fondateur', 'fondatrice', 'cofondateur', 'cofondatrice', 'entrepreneur', 'entrepreneuse', 'gerant', 'gerante'] },
  { id: 'leader', title: ['ceo', 'cto', 'cfo', 'cmo', 'chief', 'director', 'directeur', 'directrice', 'head of', 'vp', 'vice president', 'president', 'presidente', 'managing partner', 'associe', 'associee', 'dg', 'pdg', 'general manager'] },
  { id: 'media', title: ['journalist', 'journaliste', 'editor', 'redacteur', 'redactrice', 'reporter', 'podcast', 'author', 'auteur', 'autrice', 'chroniqueur', 'chroniqueuse'] },
  { id: 'connector', title: ['community', 'communaute', 'event', 'evenement', 'organizer', 'organisateur', 'organisatrice', 'networking', 'meetup', 'ambassador', 'ambassadeur', 'ambassadrice'] },
  { id: 'mentor', title: ['coach', 'mentor', 'mentore', 'advisor', 'adviser', 'conseiller', 'conseillere', 'trainer', 'formateur', 'formatrice'] },
] as const;
export type RoleId = (typeof ROLES)[number]['id'];

/** Titles must be known for at least this share of contacts, and this many, before any role is judged missing. */
export const ROLE_MIN_KNOWN_SHARE = 0.3;
export const ROLE_MIN_KNOWN = 10;
/** A network holds, for each role, about one such contact per this many contacts with a title (1 to 5). */
export const ROLE_PER_CONTACTS = 100;
const ROLE_TARGET_MAX = 5;
/** Matching contact ids listed per role (the count is exact). */
const MATCH_LIMIT = 20;

export type SuggestedProfile = {
  role: RoleId;
  /** Key in `doc.suggestions` (snooze, dismiss). */
  key: string;
  /** The role's name, in the requested language. */
  name: string;
  /** Keywords to make it a persona of the user's ("Make it an objective"). */
  match: { title: string[] };
  matchCount: number;
  matches: string[];
  target: number;
  missing: number;
  /** "Recruiters and headhunters: 0 among your 412 contacts with a known job title." */
  message: Message;
  /** Why such people matter. */
  why: Message;
};

/** Key of a suggested profile in `doc.suggestions`. */
export function profileSuggestionKey(role: string): string {
  return `profile:${role}`;
}

/** The roles the network lacks, most missing first; empty when too few job titles are known. */
export function suggestedProfiles(ctx: Context, hidden: (key: string) => boolean): SuggestedProfile[] {
  const n = ctx.ag.ids.length;
  // Each contact's roles as bits (bit 0: has a title), remembered by contact.
  const masks = new Int32Array(n);
  const titled: number[] = [];
  for (let i = 0; i < n; i++) {
    masks[i] = ctx.memo('roles', i, roleMask);
    if (masks[i]! & 1) titled.push(i);
  }
  if (titled.length < ROLE_MIN_KNOWN || titled.length < ROLE_MIN_KNOWN_SHARE * n) return [];
  const target = Math.max(1, Math.min(ROLE_TARGET_MAX, Math.round(titled.length / ROLE_PER_CONTACTS)));
  const covered = coveredByPersonas(ctx);
  const out: SuggestedProfile[] = [];
  ROLES.forEach((role, r) => {
    const key = profileSuggestionKey(role.id);
    if (covered.has(role.id) || hidden(key)) return;
    const matched: number[] = [];
    for (const i of titled) if (masks[i]! & (2 << r)) matched.push(i);
    const missing = target - matched.length;
    if (missing <= 0) return;
    const name = message(ctx.lang, `role.${role.id}.name`).text;
    out.push({
      role: role.id,
      key,
      name,
      match: { title: [...role.title] },
      matchCount: matched.length,
      matches: matched.slice(0, MATCH_LIMIT).map((i) => ctx.ag.ids[i]!),
      target,
      missing,
      message: message(ctx.lang, 'role.count', { name, count: matched.length, known: titled.length }),
      why: message(ctx.lang, `role.${role.id}.why`),
    });
  });
  return out.sort((a, b) => b.missing - a.missing || a.matchCount - b.matchCount);
}

const EMPTY_MATCH: Record<PersonaField, string[]> = { title: [], organization: [], location: [], tags: [], sector: [], school: [] };
const COMPILED = ROLES.map((role) => compileMatch({ ...EMPTY_MATCH, title: [...role.title] }));
const NO_FIELDS: Fields = { title: [], organization: [], location: [], tags: [], sector: [], school: [] };

/** Bit 0: the contact has a current job title; bit r + 1: it holds role r. */
function roleMask(c: Contact): number {
  const titles = c.organizations.filter((o) => o.current && o.title?.trim()).map((o) => ({ value: o.title!, text: ` ${fold(o.title!)}` }));
  if (!titles.length) return 0;
  // Only the title field is matched: the other fields stay empty (persona rules, personas.ts).
  const fields = { ...NO_FIELDS, title: titles };
  let mask = 1;
  COMPILED.forEach((compiled, r) => {
    if (matchesCompiled(compiled, fields)) mask |= 2 << r;
  });
  return mask;
}

/** Roles one of the user's own personas already aims at (a title keyword of it is a keyword of the role). */
function coveredByPersonas(ctx: Context): Set<RoleId> {
  const covered = new Set<RoleId>();
  for (const id in ctx.doc.personas) {
    const p = ctx.doc.personas[id]!;
    const keywords = (p.match as PersonaMatch).title.map(fold).filter(Boolean);
    for (const role of ROLES) if (keywords.some((k) => (role.title as readonly string[]).some((r) => r === k || k.startsWith(`${r} `) || r.startsWith(k)))) covered.add(role.id);
  }
  return covered;
}
