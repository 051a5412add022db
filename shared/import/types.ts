/**
 * What every parser returns: contacts, interactions and ties as read from one
 * file, before they are matched against a document. Nothing here has a
 * document id yet; `merge.ts` assigns ids when it builds the ChangeSet.
 */
import type { Address, LabeledValue, Organization, School } from '../document/schema.js';

export const IMPORT_FORMATS = [
  'linkedin-connections',
  'linkedin-messages',
  'linkedin-invitations',
  'google-csv',
  'outlook-csv',
  'thunderbird-csv',
  'carnet-csv',
  'generic-csv',
  'ties-csv',
  'vcard',
  'carnet-json',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A problem found in a file. `line` (CSV, 1-based line of the file) or `card` (vCard, 1-based) says where. */
export type ImportIssue = { file: string; line?: number; card?: number; message: string };

/** How an interaction or a tie names a person: any of these may be used to find the contact. */
export type PersonRef = { id?: string; name?: string; email?: string; profileUrl?: string };

export type ParsedContact = {
  /** Where in the file: "line 12" or "card 3". */
  ref: string;
  name: string;
  givenName?: string;
  familyName?: string;
  emails: LabeledValue[];
  phones: LabeledValue[];
  urls: LabeledValue[];
  profileUrl?: string;
  organizations: Organization[];
  schools: School[];
  addresses: Address[];
  city?: string;
  tags: string[];
  /** Category names (not ids): they are matched to the document's categories by name. */
  categories: string[];
  notes?: string;
  birthday?: string;
  photo?: string;
  strength?: number;
  cadenceDays?: number;
  connectedOn?: string;
  archived?: boolean;
  /** An id the source gave the record (Carnet id, vCard UID): lets ties and re-imports find it. */
  externalId?: string;
};

export type ParsedInteraction = {
  ref: string;
  date: string;
  channel: 'in-person' | 'call' | 'video' | 'message' | 'email' | 'event' | 'other';
  direction: 'gave' | 'received' | 'mutual';
  note?: string;
  with: PersonRef[];
};

export type ParsedTie = {
  ref: string;
  from: PersonRef;
  to: PersonRef;
  type?: string;
  strength?: number;
  note?: string;
};

export type ParsedFile = {
  file: string;
  format: ImportFormat;
  contacts: ParsedContact[];
  interactions: ParsedInteraction[];
  ties: ParsedTie[];
  warnings: ImportIssue[];
  /** Problems that stopped part or all of the file; valid records are still in `contacts`. */
  errors: ImportIssue[];
  /** The detected text encoding, for the preview. */
  encoding?: string;
};

export function emptyParsedContact(ref: string, name = ''): ParsedContact {
  return { ref, name, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [] };
}

/** Collects issues for one file, capping their number so a broken 30,000-line file does not flood the preview. */
export class IssueLog {
  readonly warnings: ImportIssue[] = [];
  readonly errors: ImportIssue[] = [];
  private dropped = 0;
  constructor(
    readonly file: string,
    private readonly cap = 200,
  ) {}

  warn(message: string, where: { line?: number; card?: number } = {}): void {
    if (this.warnings.length >= this.cap) {
      this.dropped++;
      return;
    }
    this.warnings.push({ file: this.file, ...where, message });
  }

  error(message: string, where: { line?: number; card?: number } = {}): void {
    this.errors.push({ file: this.file, ...where, message });
  }

  /** Issues, with one last warning counting those left out. */
  finish(): { warnings: ImportIssue[]; errors: ImportIssue[] } {
    const warnings = [...this.warnings];
    if (this.dropped > 0) warnings.push({ file: this.file, message: `${this.dropped} more warnings not shown` });
    return { warnings, errors: [...this.errors] };
  }
}
