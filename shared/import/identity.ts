/**
 * When an e-mail address or a phone number says who someone is. A value
 * several people use (`contact@…`, `info@…`, a switchboard) names no one,
 * so it must never merge them. The rule:
 *
 * 1. An address whose local part names a role, not a person (RFC 2142's
 *    `info`, `sales`, `support`…, and `contact`, `hello`, `accueil`,
 *    `bonjour`, `noreply`… in English and French), is never an identity.
 * 2. Any other e-mail or phone (of at least 8 digits) is an identity only
 *    while everyone carrying it, in the document and in every file of the
 *    import, can be the same person. Two carriers cannot be the same person
 *    when their names differ, when they have different profile URLs on the
 *    same site, when they are two rows of one LinkedIn `Connections.csv`
 *    (LinkedIn lists each connection once), or when they are two contacts
 *    of the document (the user keeps them apart).
 *
 * A value that fails the rule still goes into the contact: it is only not
 * used to decide who is who.
 */
import { lookAlike } from './lookAlike.js';
import { normalizeEmail, normalizePhone, normalizeProfileUrl, profileSite } from './normalize.js';

const ROLE_LOCAL_PARTS = new Set(
  [
    // RFC 2142 mailbox names
    'info', 'marketing', 'sales', 'support', 'abuse', 'noc', 'security', 'postmaster', 'hostmaster', 'usenet', 'news', 'webmaster', 'www', 'uucp', 'ftp',
    // Common role addresses, English
    'contact', 'contacts', 'hello', 'hi', 'office', 'admin', 'administration', 'team', 'jobs', 'careers', 'career', 'hr', 'help', 'helpdesk', 'service',
    'services', 'customerservice', 'enquiries', 'enquiry', 'inquiries', 'press', 'media', 'billing', 'accounts', 'accounting', 'finance', 'legal', 'mail',
    'email', 'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'notifications', 'newsletter', 'reception', 'general', 'partners', 'events',
    // French
    'accueil', 'bonjour', 'secretariat', 'direction', 'rh', 'recrutement', 'emploi', 'compta', 'comptabilite', 'facturation', 'presse', 'commercial',
    'ventes', 'communication', 'courrier', 'standard', 'mairie', 'agence', 'cabinet', 'boutique', 'magasin', 'reservation', 'reservations',
  ].map((s) => s.replace(/[^a-z0-9]/g, '')),
);

/** True for `info@…`, `contact@…`, `no-reply@…` and the like. */
export function isRoleAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  const local = (at < 0 ? email : email.slice(0, at)).toLowerCase().replace(/\+.*$/, '').replace(/[^a-z0-9]/g, '');
  return ROLE_LOCAL_PARTS.has(local);
}

/** The key an e-mail is compared by, or null when it can never be an identity. */
export function emailKey(email: string): string | null {
  const k = normalizeEmail(email);
  return k.includes('@') && !isRoleAddress(k) ? `e:${k}` : null;
}

/** The key a phone number is compared by, or null when too short to tell people apart. */
export function phoneKey(phone: string): string | null {
  const k = normalizePhone(phone);
  return k.length >= 8 ? `p:${k}` : null;
}

/** Someone who carries a value: what is known of them to tell whether two carriers can be one person. */
export type Carrier = {
  /** The carrier's name as `exactName` gives it. */
  name: string;
  /** The record had no name of its own (it is named after its e-mail, phone or organization). */
  nameless?: boolean;
  profileUrl?: string;
  /** The document's id, when the carrier is a contact of the document. */
  docId?: string;
  /** Records of one group are all different people (the rows of one LinkedIn Connections.csv). */
  group?: string;
  ref?: string;
};

/** False when two carriers are surely two people. */
export function canBeSamePerson(a: Carrier, b: Carrier): boolean {
  if (a.docId !== undefined && b.docId !== undefined) return a.docId === b.docId;
  if (a.profileUrl && b.profileUrl) {
    const x = normalizeProfileUrl(a.profileUrl);
    const y = normalizeProfileUrl(b.profileUrl);
    if (x !== y && profileSite(x) === profileSite(y)) return false;
    if (x === y) return true;
  }
  if (a.group !== undefined && a.group === b.group && a.ref !== b.ref) return false;
  return a.nameless === true || b.nameless === true || namesCompatible(a.name, b.name);
}

/** True when two names (as `exactName` gives them) may be one person's: equal, alike (accents, typo, initial), or one is initials of the other. */
export function namesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (lookAlike(a, b) !== null) return true;
  const ta = a.split(' ');
  const tb = b.split(' ');
  const [small, big] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  // "j dupont" and "dupont jean": every word of one is a word of the other, or an initial of one, either way.
  const pool = [...big];
  let whole = false;
  for (const t of small) {
    const i = pool.findIndex((w) => w === t || (t.length === 1 && w.startsWith(t)) || (w.length === 1 && t.startsWith(w)));
    if (i < 0) return false;
    if (pool[i] === t && t.length > 1) whole = true;
    pool.splice(i, 1);
  }
  return whole;
}

/** Most distinct carriers remembered per value: enough to judge, bounded so that 10,000 copies cost nothing. */
const MAX_CARRIERS = 8;

/**
 * The e-mails and phones that identify someone: fed with every carrier of every value (document and
 * import), it answers which values are shared by different people.
 */
export class IdentityKeys {
  private readonly carriers = new Map<string, { carrier: Carrier; sig: string }[]>();
  private readonly shared = new Set<string>();

  add(key: string | null, carrier: Carrier): void {
    if (key === null || this.shared.has(key)) return;
    // Records of one group differ by their ref; others that agree on everything are one carrier.
    const sig = `${carrier.nameless ? '' : carrier.name}|${carrier.profileUrl ?? ''}|${carrier.docId ?? ''}|${carrier.group ?? ''}|${carrier.group === undefined ? '' : carrier.ref ?? ''}`;
    const list = this.carriers.get(key);
    if (!list) {
      this.carriers.set(key, [{ carrier, sig }]);
      return;
    }
    for (const other of list) {
      if (other.sig === sig) return;
      if (!canBeSamePerson(other.carrier, carrier)) {
        this.shared.add(key);
        this.carriers.delete(key);
        return;
      }
    }
    if (list.length < MAX_CARRIERS) list.push({ carrier, sig });
  }

  /** True when `key` may be used to say two records are the same person. */
  identifies(key: string | null): key is string {
    return key !== null && !this.shared.has(key);
  }

  isShared(key: string | null): boolean {
    return key !== null && this.shared.has(key);
  }
}
