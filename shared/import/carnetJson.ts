/**
 * A Carnet document (JSON) imported into another one: its contacts, ties and
 * interactions go through the same matching as any other file, so importing
 * a colleague's export merges instead of duplicating.
 */
import { decodeText } from './decode.js';
import { parseDocument } from '../document/validate.js';
import { emptyParsedContact, makeIssue, type ParsedFile } from './types.js';
import { idValues } from '../document/idMap.js';

export function parseCarnetJson(bytes: Uint8Array, file: string): ParsedFile {
  const base: ParsedFile = { file, format: 'carnet-json', contacts: [], interactions: [], ties: [], warnings: [], errors: [] };
  const r = parseDocument(decodeText(bytes).text);
  if (!r.ok) return { ...base, errors: [makeIssue(file, 'notCarnetDocument', { path: r.error.path, reason: r.error.message })] };
  const doc = r.doc;
  const contacts = idValues(doc.contacts).map((c) => {
    const p = emptyParsedContact(`contact ${c.id}`, c.name);
    const { id, createdAt, updatedAt, sources, categories, ...rest } = c;
    void createdAt;
    void updatedAt;
    void sources;
    Object.assign(p, rest);
    p.externalId = id;
    p.categories = categories.map((cat) => (Object.hasOwn(doc.categories, cat) ? doc.categories[cat]!.name : cat));
    return p;
  });
  const ties = idValues(doc.ties).map((t) => ({
    ref: `tie ${t.id}`,
    from: { id: t.from },
    to: { id: t.to },
    ...(t.type ? { type: t.type } : {}),
    strength: t.strength,
    ...(t.note ? { note: t.note } : {}),
  }));
  const interactions = idValues(doc.interactions).map((i) => ({
    ref: `interaction ${i.id}`,
    date: i.date,
    channel: i.channel,
    direction: i.direction,
    ...(i.note ? { note: i.note } : {}),
    with: i.contacts.map((id) => ({ id })),
  }));
  return { ...base, contacts, ties, interactions };
}
