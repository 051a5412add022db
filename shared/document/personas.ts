/** ChangeSets behind the Personas panel: each save or delete is one undoable step. */
import { PERSONA_FIELDS, type PersonaField } from '../analysis/personas.js';
import { newId } from './commands.js';
import type { ChangeSet } from './operations.js';
import type { CarnetDocument, Persona } from './schema.js';
import { getOwn, hasOwnId } from './idMap.js';

export type PersonaDraft = {
  name: string;
  /** As typed: validated on save. */
  target: string;
  match: Record<PersonaField, string[]>;
  notes: string;
};

export type PersonaErrors = Partial<Record<'name' | 'target' | 'keywords', string>>;

export const EMPTY_PERSONA: PersonaDraft = {
  name: '',
  target: '1',
  match: { title: [], organization: [], location: [], tags: [], sector: [], school: [] },
  notes: '',
};

export function draftOfPersona(p: Persona): PersonaDraft {
  return { name: p.name, target: String(p.target), match: { ...EMPTY_PERSONA.match, ...p.match }, notes: p.notes ?? '' };
}

/** Error message keys (i18n) per field; empty when the draft can be saved. */
export function validatePersona(d: PersonaDraft): PersonaErrors {
  const errors: PersonaErrors = {};
  if (!d.name.trim()) errors.name = 'analysis.personas.errors.name';
  const n = Number(d.target);
  if (!/^\d+$/.test(d.target.trim()) || n > 100_000) errors.target = 'analysis.personas.errors.target';
  // A persona without keywords matches nobody (engine rule): saying so beats a silent "0 of N".
  if (!PERSONA_FIELDS.some((f) => d.match[f].length > 0)) errors.keywords = 'analysis.personas.errors.keywords';
  return errors;
}

/** Adds (no `id`) or replaces a persona; fields of the stored persona the panel does not edit are kept. */
export function savePersona(doc: CarnetDocument, draft: PersonaDraft, id?: string): ChangeSet {
  const existing = id ? getOwn(doc.personas, id) : undefined;
  const personaId = existing?.id ?? newId('p');
  const value: Persona = {
    ...existing,
    id: personaId,
    name: draft.name.trim(),
    target: Number(draft.target),
    match: draft.match,
  };
  if (draft.notes.trim()) value.notes = draft.notes.trim();
  else delete value.notes;
  return { label: { key: existing ? 'analysis.labels.editPersona' : 'analysis.labels.addPersona' }, changes: [{ op: 'put', coll: 'personas', id: personaId, value }] };
}

/** Deletes a persona and what the user decided about its suggestion. */
export function deletePersona(doc: CarnetDocument, id: string, suggestionKey: string): ChangeSet {
  const changes: ChangeSet['changes'] = [{ op: 'del', coll: 'personas', id }];
  if (hasOwnId(doc.suggestions, suggestionKey)) changes.push({ op: 'del', coll: 'suggestions', id: suggestionKey });
  return { label: { key: 'analysis.labels.deletePersona' }, changes };
}
