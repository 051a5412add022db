/**
 * LinkedIn data export, the files about the network: `Connections.csv` (in
 * English, French or German), `messages.csv` and `Invitations.csv`. Messages
 * and invitations become interactions; the export's owner (the one person
 * present in every conversation) is the user, never a contact, and their
 * name and profile URL go to `me` when it has none. The files about the user
 * are read by linkedinProfile.ts, endorsements and recommendations by
 * linkedinGestures.ts.
 */
import { say, type Language } from '../i18n/index.js';
import { parseDateTime } from './dates.js';
import type { ColumnTarget } from './mapping.js';
import { normalizeHeader } from './mapping.js';
import { normalizeProfileUrl } from './normalize.js';
import type { CsvRow } from './csv.js';
import type { IssueLog, ParsedInteraction, PersonRef } from './types.js';

/** A `Connections.csv` header: names plus the connection date or the profile URL next to company/position. */
export function isConnectionsHeader(norms: readonly string[]): boolean {
  const hasName = norms.some((n) => ['first name', 'prenom', 'vorname'].includes(n));
  const hasDate = norms.some((n) => ['connected on', 'connecte le', 'date de connexion', 'verbunden am', 'verbunden seit'].includes(n));
  return hasName && (hasDate || (norms.includes('url') && norms.some((n) => ['position', 'poste'].includes(n))));
}

/** LinkedIn's meaning of a column, or undefined to use the common names. */
export function linkedinColumn(norm: string): ColumnTarget | null | undefined {
  if (norm === 'url') return { field: 'profileUrl' };
  if (norm === 'nom') return { field: 'familyName' };
  return undefined;
}

export function isMessagesHeader(norms: readonly string[]): boolean {
  return norms.includes('conversation id') && norms.includes('from') && norms.includes('date');
}

export function isInvitationsHeader(norms: readonly string[]): boolean {
  return norms.includes('from') && norms.includes('to') && norms.includes('sent at') && norms.includes('direction');
}

/** Who the user is, when the caller knows (the document's `me`): settles exports with a single conversation. */
export type OwnerHint = { name?: string; profileUrl?: string };

/** A message, each participant with its key computed once (the sender first). */
type Message = { line: number; conversation: string; title: string; people: { ref: PersonRef; key: string }[]; date: string; subject: string };

/**
 * Who a participant is: the normalized profile URL (a remembered string, cheap to hash again), else the
 * name after a character no URL holds.
 */
const NAME_KEY = '\u0000';
function personKey(p: PersonRef): string {
  return p.profileUrl ? normalizeProfileUrl(p.profileUrl) : NAME_KEY + (p.name ?? '').trim().toLowerCase();
}

function peopleOf(from: PersonRef, to: readonly PersonRef[]): { ref: PersonRef; key: string }[] {
  const out = [{ ref: from, key: personKey(from) }];
  for (const ref of to) out.push({ ref, key: personKey(ref) });
  return out;
}

/** The readable part of a participant's key, for a message. */
const shownKey = (key: string) => (key.startsWith(NAME_KEY) ? key.slice(1) : key);

function column(header: readonly string[], ...names: string[]): number {
  const norms = header.map(normalizeHeader);
  for (const n of names) {
    const i = norms.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/** `a, b ,c` → [a, b, c]: split on the commas, then trimmed (a regex with `\s*` around the comma is quadratic on a run of spaces). */
function splitList(s: string): string[] {
  return s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Reads `messages.csv`: one interaction per conversation and day, "gave" when
 * only the user wrote, "received" when only the others did, "mutual" otherwise.
 */
export function parseMessages(
  header: readonly string[],
  rows: readonly CsvRow[],
  log: IssueLog,
  owner?: OwnerHint,
  lang: Language = 'en',
): { interactions: ParsedInteraction[]; owner?: OwnerHint } {
  const col = {
    conv: column(header, 'conversation id'),
    title: column(header, 'conversation title'),
    from: column(header, 'from'),
    fromUrl: column(header, 'sender profile url'),
    to: column(header, 'to'),
    toUrls: column(header, 'recipient profile urls'),
    date: column(header, 'date'),
    subject: column(header, 'subject'),
    draft: column(header, 'is message draft'),
    folder: column(header, 'folder'),
  };
  const cell = (r: CsvRow, i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
  const isDraft = (r: CsvRow) => (col.draft >= 0 && /^\s*(yes|true)\s*$/i.test(r.cells[col.draft] ?? '')) || (col.folder >= 0 && /^\s*draft\s*$/i.test(r.cells[col.folder] ?? ''));
  const messages: Message[] = [];
  for (const r of rows) {
    if (isDraft(r)) continue;
    const date = parseDateTime(cell(r, col.date));
    if (!date) {
      log.warn('messageDate', { value: cell(r, col.date).slice(0, 100) }, { line: r.line });
      continue;
    }
    const names = splitList(cell(r, col.to));
    const urls = splitList(cell(r, col.toUrls));
    const to = (urls.length >= names.length ? urls : names).map((_, i): PersonRef => ({ name: names[i], profileUrl: urls[i] }));
    const from: PersonRef = { name: cell(r, col.from) || undefined, profileUrl: cell(r, col.fromUrl) || undefined };
    messages.push({
      line: r.line,
      conversation: cell(r, col.conv) || `line ${r.line}`,
      title: cell(r, col.title),
      people: peopleOf(from, to),
      date,
      subject: cell(r, col.subject),
    });
  }
  if (messages.length === 0) return { interactions: [] };
  const ownerKey = findOwner(messages, log, owner);
  // Grouped by conversation, then by day: nested Maps, not one key made of both for every message.
  const byConvDay = new Map<string, Map<string, { msgs: Message[] }>>();
  for (const m of messages) {
    let days = byConvDay.get(m.conversation);
    if (!days) byConvDay.set(m.conversation, (days = new Map()));
    const day = m.date.slice(0, 10);
    let g = days.get(day);
    if (!g) days.set(day, (g = { msgs: [] }));
    g.msgs.push(m);
  }
  const out: ParsedInteraction[] = [];
  // A translated sentence costs microseconds; most conversations give one of a few notes ("LinkedIn: 3 messages").
  const notes = new Map<string, string>();
  const noteOf = (count: number, about: string) => {
    const k = `${count}|${about}`;
    let n = notes.get(k);
    if (n === undefined) {
      n = say(lang, { key: about ? 'import.note.messagesAbout' : 'import.note.messages', params: { count, about } });
      if (notes.size < 10_000) notes.set(k, n);
    }
    return n;
  };
  for (const { msgs } of [...byConvDay.values()].flatMap((days) => [...days.values()])) {
    const others = new Map<string, PersonRef>();
    let sent = false;
    let received = false;
    for (const m of msgs) {
      if (m.people[0]!.key === ownerKey) sent = true;
      else received = true;
      for (const p of m.people) if (p.key !== ownerKey && (p.ref.name || p.ref.profileUrl)) others.set(p.key, p.ref);
    }
    if (others.size === 0) continue;
    const first = msgs[0]!;
    const about = (first.title || first.subject).slice(0, 500);
    out.push({
      ref: `line ${first.line}`,
      date: first.date.slice(0, 10),
      channel: 'message',
      direction: sent && received ? 'mutual' : sent ? 'gave' : 'received',
      note: noteOf(msgs.length, about),
      with: [...others.values()],
    });
  }
  return { interactions: out, owner: ownerOf(messages, ownerKey) };
}

/** The name and profile URL the messages give the user. */
function ownerOf(messages: readonly Message[], key: string): OwnerHint | undefined {
  for (const m of messages) {
    for (const { ref, key: k } of m.people) {
      if (k === key && ref.name && ref.profileUrl) return { name: ref.name, profileUrl: ref.profileUrl };
    }
  }
  return undefined;
}

/** The participant present in every conversation. */
function findOwner(messages: readonly Message[], log: IssueLog, hint?: OwnerHint): string {
  // Per participant: messages, and conversations seen (counted once each, in the order they come).
  const seen = new Map<string, { messages: number; conversations: number; last: string }>();
  const conversations = new Set<string>();
  for (const m of messages) {
    conversations.add(m.conversation);
    for (const { key } of m.people) {
      const e = seen.get(key);
      if (!e) seen.set(key, { messages: 1, conversations: 1, last: m.conversation });
      else {
        e.messages++;
        if (e.last !== m.conversation) {
          e.last = m.conversation;
          e.conversations++;
        }
      }
    }
  }
  // A participant's conversations can be counted twice when they come back to one after another: at most
  // the real number, never less, so "in every conversation" is checked exactly below for the few left.
  const inEvery = (key: string) => {
    const convs = new Set<string>();
    for (const m of messages) if (m.people.some((p) => p.key === key)) convs.add(m.conversation);
    return convs.size === conversations.size;
  };
  // Checked for a handful at most: a file where hundreds are everywhere (one huge group chat) tells no owner anyway.
  const candidates = [...seen]
    .filter(([, e]) => e.conversations >= conversations.size)
    .map(([k]) => k)
    .slice(0, 20)
    .filter(inEvery);
  const count = new Map([...seen].map(([k, e]) => [k, e.messages]));
  if (candidates.length === 1) return candidates[0]!;
  if (hint) {
    const hinted = candidates.find(
      (k) => (hint.profileUrl && k === normalizeProfileUrl(hint.profileUrl)) || (hint.name && k === NAME_KEY + hint.name.trim().toLowerCase()),
    );
    if (hinted) return hinted;
  }
  const pool = candidates.length > 0 ? candidates : [...count.keys()];
  pool.sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0));
  log.warn('ownerGuessed', { name: shownKey(pool[0]!) });
  return pool[0]!;
}

/** Reads `Invitations.csv`: each invitation sent ("gave") or received is an interaction on its date. */
export function parseInvitations(header: readonly string[], rows: readonly CsvRow[], log: IssueLog, lang: Language = 'en'): ParsedInteraction[] {
  const col = {
    from: column(header, 'from'),
    to: column(header, 'to'),
    sentAt: column(header, 'sent at'),
    message: column(header, 'message'),
    direction: column(header, 'direction'),
    inviter: column(header, 'inviterprofileurl', 'inviter profile url'),
    invitee: column(header, 'inviteeprofileurl', 'invitee profile url'),
  };
  const cell = (r: CsvRow, i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
  const out: ParsedInteraction[] = [];
  for (const r of rows) {
    const outgoing = /^out/i.test(cell(r, col.direction));
    const date = parseDateTime(cell(r, col.sentAt));
    if (!date) {
      log.warn('invitationDate', { value: cell(r, col.sentAt).slice(0, 100) }, { line: r.line });
      continue;
    }
    const other: PersonRef = outgoing
      ? { name: cell(r, col.to) || undefined, profileUrl: cell(r, col.invitee) || undefined }
      : { name: cell(r, col.from) || undefined, profileUrl: cell(r, col.inviter) || undefined };
    if (!other.name && !other.profileUrl) {
      log.warn('invitationNobody', {}, { line: r.line });
      continue;
    }
    const message = cell(r, col.message).slice(0, 2000);
    const key = outgoing ? 'import.note.invitationSent' : 'import.note.invitationReceived';
    out.push({
      ref: `line ${r.line}`,
      date: date.slice(0, 10),
      channel: 'message',
      direction: outgoing ? 'gave' : 'received',
      note: say(lang, { key: message ? `${key}With` : key, params: { message } }),
      with: [other],
    });
  }
  return out;
}
