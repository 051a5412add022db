/**
 * What every parser returns: contacts, interactions and ties as read from one
 * file, before they are matched against a document. Nothing here has a
 * document id yet; `preview.ts` assigns ids when it builds the ChangeSet.
 */
import type { Address, LabeledValue, Organization, School } from '../document/schema.js';
import { say, type Params, type Phrase } from '../i18n/index.js';

export const IMPORT_FORMATS = [
  'linkedin-connections',
  'linkedin-messages',
  'linkedin-invitations',
  'linkedin-profile',
  'linkedin-positions',
  'linkedin-education',
  'linkedin-skills',
  'linkedin-endorsements-given',
  'linkedin-endorsements-received',
  'linkedin-recommendations-given',
  'linkedin-recommendations-received',
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

/**
 * A problem found in a file, as a sentence of the shared catalog (`key`, under `import.msg`, and its
 * `params`) that each side renders in its own language; `message` is the English text, for logs.
 * `line` (CSV, 1-based line of the file) or `card` (vCard, 1-based) says where.
 */
export type ImportIssue = { file: string; line?: number; card?: number; key: string; params?: Params; message: string };

/** How an interaction or a tie names a person: any of these may be used to find the contact. */
export type PersonRef = {
  id?: string;
  name?: string;
  email?: string;
  profileUrl?: string;
  /** Where the person works, when the file says: tells apart two contacts of the same name. */
  organization?: string;
};

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

/** What a file says about the user (LinkedIn's Profile, Positions, Education, Skills): goes to `me`, never to a contact. */
export type ProfilePatch = {
  name?: string;
  headline?: string;
  city?: string;
  sector?: string;
  profileUrl?: string;
  organizations?: Organization[];
  schools?: School[];
  tags?: string[];
  /** True when the values are only a guess (the owner of a messages file): they fill empty fields only. */
  weak?: boolean;
};

export type ParsedFile = {
  file: string;
  format: ImportFormat;
  contacts: ParsedContact[];
  interactions: ParsedInteraction[];
  ties: ParsedTie[];
  /** The user's own profile, from the files that describe it. */
  profile?: ProfilePatch;
  /** Records the parser read but could not keep (nothing to name them by…); each has a warning. */
  skipped?: number;
  warnings: ImportIssue[];
  /** Problems that stopped part or all of the file; valid records are still in `contacts`. */
  errors: ImportIssue[];
  /** The detected text encoding, for the preview. */
  encoding?: string;
};

export function emptyParsedContact(ref: string, name = ''): ParsedContact {
  return { ref, name, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [] };
}

/** Where in a file. */
export type Where = { line?: number; card?: number };

/** An issue from a catalog key (`import.msg.<key>`) and its parameters. */
export function makeIssue(file: string, key: string, params: Params = {}, where: Where = {}): ImportIssue {
  const fullKey = `import.msg.${key}`;
  const issue: ImportIssue = { file, ...where, key: fullKey, message: say('en', { key: fullKey, params }) };
  if (Object.keys(params).length > 0) issue.params = params;
  return issue;
}

/** The sentence of an issue, for any translator with i18next's signature (the CLI's, react-i18next's). */
export function issuePhrase(issue: ImportIssue): Phrase {
  return issue.params ? { key: issue.key, params: issue.params } : { key: issue.key };
}

/** Most issues kept per kind and file: a broken 30,000-line file must not flood the preview. */
export const ISSUE_CAP = 200;

/** Collects issues for one file, capping their number; one last issue counts those left out. */
export class IssueLog {
  readonly warnings: ImportIssue[] = [];
  readonly errors: ImportIssue[] = [];
  private droppedWarnings = 0;
  private droppedErrors = 0;
  constructor(
    readonly file: string,
    private readonly cap = ISSUE_CAP,
  ) {}

  warn(key: string, params: Params = {}, where: Where = {}): void {
    if (this.warnings.length >= this.cap) this.droppedWarnings++;
    else this.warnings.push(makeIssue(this.file, key, params, where));
  }

  error(key: string, params: Params = {}, where: Where = {}): void {
    if (this.errors.length >= this.cap) this.droppedErrors++;
    else this.errors.push(makeIssue(this.file, key, params, where));
  }

  /** Issues, with one last issue of each kind counting those left out. */
  finish(): { warnings: ImportIssue[]; errors: ImportIssue[] } {
    const warnings = [...this.warnings];
    const errors = [...this.errors];
    if (this.droppedWarnings > 0) warnings.push(makeIssue(this.file, 'moreWarnings', { count: this.droppedWarnings }));
    if (this.droppedErrors > 0) errors.push(makeIssue(this.file, 'moreErrors', { count: this.droppedErrors }));
    return { warnings, errors };
  }
}
