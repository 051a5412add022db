// Small documents for the routine's tests, written by hand.
import { Contact, emptyDocument, type ActivityGoal, type CarnetDocument, type ContactInput, type Interaction, type Objective } from '../../../shared/document/schema.js';

export const TODAY = '2026-06-03'; // a Wednesday; its week starts on Monday 2026-06-01

export function doc(): CarnetDocument {
  return emptyDocument('2020-01-01T00:00:00Z');
}

export function contact(d: CarnetDocument, input: Partial<ContactInput> & { id: string }): Contact {
  const c = Contact.parse({ name: input.id, createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z', ...input });
  put(d.contacts, input.id, c);
  return c;
}

/** An own property even for ids such as "__proto__" (a plain assignment would set the prototype). */
export function put<T>(coll: Record<string, T>, id: string, value: T): void {
  Object.defineProperty(coll, id, { value, enumerable: true, writable: true, configurable: true });
}

let seq = 0;
export function interaction(d: CarnetDocument, contacts: string[], date: string, extra: Partial<Interaction> = {}): Interaction {
  const id = extra.id ?? `i_${String(++seq).padStart(6, '0')}`;
  const it: Interaction = { id, date, contacts, channel: 'in-person', direction: 'mutual', ...extra };
  put(d.interactions, id, it);
  return it;
}

export function goal(d: CarnetDocument, g: Partial<ActivityGoal> & Pick<ActivityGoal, 'id' | 'count' | 'every' | 'unit' | 'since'>): ActivityGoal {
  const value: ActivityGoal = { channels: [], kinds: [], ...g };
  d.goals[g.id] = value;
  return value;
}

export function objective(d: CarnetDocument, o: Partial<Objective> & { id: string; title: string }): Objective {
  const value: Objective = { personas: [], clusters: [], categories: [], steps: [], status: 'active', history: [], createdAt: '2026-01-01', updatedAt: '2026-01-01', ...o };
  d.objectives[o.id] = value;
  return value;
}

export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}
