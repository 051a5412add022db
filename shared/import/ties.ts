/**
 * Ties between contacts from a Kumu-style connections CSV (`From,To` with
 * optional `Type`, `Strength`, `Description`). Ends are matched to contacts
 * later (merge.ts) by id, e-mail, profile URL or exact name.
 */
import type { CsvRow } from './csv.js';
import { normalizeHeader } from './mapping.js';
import type { IssueLog, ParsedTie, PersonRef } from './types.js';

export function isTiesHeader(norms: readonly string[]): boolean {
  return norms.includes('from') && norms.includes('to') && !norms.includes('sent at') && !norms.includes('conversation id');
}

/** A cell naming a person: an e-mail, a profile URL, or an id or a name. */
export function personRef(cell: string): PersonRef {
  const v = cell.trim();
  if (/^[^\s@]+@[^\s@]+$/.test(v)) return { email: v };
  if (/^https?:\/\//i.test(v) || /linkedin\.com\//i.test(v)) return { profileUrl: v };
  // A cell may hold an element id (Kumu, Carnet) or a name: both are tried, id first.
  return { id: v, name: v };
}

/** Strength as Carnet keeps it (0 to 1) from 0–1, 1–5 or 1–10 scales. */
function strength(raw: string): number | undefined | null {
  if (!raw.trim()) return undefined;
  const n = Number(raw.replace(',', '.'));
  if (!Number.isFinite(n) || n < 0) return null;
  if (n <= 1) return n;
  if (n <= 5) return n / 5;
  if (n <= 10) return n / 10;
  return null;
}

export function parseTies(header: readonly string[], rows: readonly CsvRow[], log: IssueLog): ParsedTie[] {
  const norms = header.map(normalizeHeader);
  const at = (n: string) => norms.indexOf(n);
  const col = { from: at('from'), to: at('to'), type: at('type'), strength: at('strength'), note: Math.max(at('description'), at('note')) };
  const out: ParsedTie[] = [];
  for (const r of rows) {
    const from = (r.cells[col.from] ?? '').trim();
    const to = (r.cells[col.to] ?? '').trim();
    if (!from || !to) {
      log.warn('tieEnds', {}, { line: r.line });
      continue;
    }
    const tie: ParsedTie = { ref: `line ${r.line}`, from: personRef(from), to: personRef(to) };
    const type = col.type >= 0 ? (r.cells[col.type] ?? '').trim() : '';
    if (type) tie.type = type;
    const s = col.strength >= 0 ? strength(r.cells[col.strength] ?? '') : undefined;
    if (s === null) log.warn('tieStrength', { value: (r.cells[col.strength] ?? '').slice(0, 100) }, { line: r.line });
    else if (s !== undefined) tie.strength = s;
    const note = col.note >= 0 ? (r.cells[col.note] ?? '').trim() : '';
    if (note) tie.note = note;
    out.push(tie);
  }
  return out;
}
