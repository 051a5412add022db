/**
 * What could go into a week's plan, by kind, each list in its own order:
 * objective steps that are due, birthdays in the coming days, overdue ties
 * (most overdue first), people who can introduce the user to a missing
 * profile, dormant ties worth reviving, and online-only ties to meet.
 * Within a kind, what serves an objective comes first. Every candidate says
 * who, why, and a first step that gives rather than asks (seeds 002, 004).
 */
import type { AnalysisResult } from '../analysis/analyze.js';
import type { CarnetDocument, Contact, Phrase, PlanAction } from '../document/schema.js';
import { isHidden, suggestionKeys } from '../document/suggestions.js';
import { upcomingBirthdays } from './birthdays.js';
import { contactLogs, type ContactLog } from './contactLog.js';
import { daysFrom, weekEnd, weekOf } from './dates.js';
import { dueSteps, servedObjectives } from './objectives.js';
import { idValues } from '../document/idMap.js';

/** Birthdays this many days ahead are "coming". */
export const BIRTHDAY_DAYS = 7;
/** An online-only tie is worth a meeting when the last exchange is this recent. */
export const MEET_RECENT_DAYS = 365;

export type Candidate = Omit<PlanAction, 'status'>;
export type Candidates = Record<PlanAction['kind'], Candidate[]>;

/** Everything a plan can be made of, for `today`, from the document and its analysis. */
export function planCandidates(doc: CarnetDocument, analysis: AnalysisResult, today: string): Candidates {
  const served = servedObjectives(doc, analysis);
  const logs = contactLogs(doc, today);
  const live = (id: string): Contact | null => {
    const c = Object.hasOwn(doc.contacts, id) ? doc.contacts[id]! : null;
    return c && !c.archived ? c : null;
  };
  const objectiveOf = (ids: string[]) => {
    for (const id of ids) {
      const o = served.byContact.get(id);
      if (o) return { objective: o };
    }
    return {};
  };
  const firstServing = (list: Candidate[]) => [...list.filter((c) => c.objective), ...list.filter((c) => !c.objective)];

  const step: Candidate[] = dueSteps(doc, weekEnd(weekOf(today))).map(({ objective, step: s }) => ({
    key: `step:${objective.id}:${s.id}`,
    kind: 'step',
    contacts: [],
    objective: objective.id,
    step: s.id,
    why: [{ key: s.due.slice(0, 10) < today ? 'routine.why.stepLate' : 'routine.why.step', params: { objective: objective.title, date: s.due.slice(0, 10) } }],
    firstStep: { key: 'routine.first.step', params: { text: s.text } },
    channel: 'other',
  }));

  const birthday: Candidate[] = upcomingBirthdays(idValues(doc.contacts), today, BIRTHDAY_DAYS).map(({ contact, date }) => ({
    key: `birthday:${contact.id}:${date.slice(0, 4)}`,
    kind: 'birthday',
    contacts: [contact.id],
    ...objectiveOf([contact.id]),
    why: [{ key: date === today ? 'routine.why.birthdayToday' : 'routine.why.birthday', params: { date } }],
    firstStep: { key: 'routine.first.birthday' },
    channel: 'message',
  }));

  const overdue: Candidate[] = analysis.overdue
    .filter((o) => live(o.id))
    .map((o): Candidate => ({
      key: `overdue:${o.id}`,
      kind: 'overdue',
      contacts: [o.id],
      ...objectiveOf([o.id]),
      why: [
        o.lastInteraction
          ? { key: 'routine.why.overdue', params: { date: o.lastInteraction.slice(0, 10), cadence: o.cadenceDays, count: o.overdueDays } }
          : { key: 'routine.why.overdueNever', params: { days: o.daysSince, cadence: o.cadenceDays } },
      ],
      firstStep: giveFirst(live(o.id)!, logs.get(o.id)),
      channel: logs.get(o.id)?.lastChannel ?? 'message',
    }));

  const introducer: Candidate[] = [];
  const personas = [...analysis.missingProfiles]
    .filter((p) => p.missing > 0 && Object.hasOwn(doc.personas, p.persona.id) && !isHidden(doc, suggestionKeys.persona(p.persona.id), today))
    .sort((a, b) => Number(served.byPersona.has(b.persona.id)) - Number(served.byPersona.has(a.persona.id)));
  for (const p of personas) {
    const who = p.introducers.find((i) => live(i.id));
    if (!who) continue;
    const objective = served.byPersona.get(p.persona.id);
    introducer.push({
      key: `introducer:${p.persona.id}:${who.id}`,
      kind: 'introducer',
      contacts: [who.id],
      persona: p.persona.id,
      ...(objective ? { objective } : objectiveOf([who.id])),
      why: [
        { key: 'routine.why.introducer', params: { persona: p.persona.name, shared: who.shared.map((s) => s.value).join(', ') } },
        { key: 'routine.why.missing', params: { persona: p.persona.name, count: p.matchCount, target: p.target } },
      ],
      firstStep: { key: 'routine.first.introducer', params: { persona: p.persona.name } },
      channel: logs.get(who.id)?.lastChannel ?? 'message',
    });
  }

  const dormant: Candidate[] = analysis.dormant
    .filter((d) => live(d.id))
    .map((d): Candidate => {
      // A tie never talked to since the connection (a LinkedIn export) says when it was made.
      const why: Phrase[] = [
        d.lastInteraction
          ? { key: 'routine.why.dormant', params: { date: d.lastInteraction.date.slice(0, 10), count: Math.floor(d.daysSince / 365) } }
          : { key: 'routine.why.dormantConnected', params: { date: d.lastContact, count: Math.floor(d.daysSince / 365) } },
      ];
      const opens = d.reasonMessages.find((m) => m.key.startsWith('dormant.opens') || m.key === 'dormant.bridge');
      if (opens) why.push({ key: `diag.${opens.key}`, params: opens.params });
      return {
        key: `dormant:${d.id}`,
        kind: 'dormant',
        contacts: [d.id],
        ...objectiveOf([d.id]),
        why,
        firstStep: { key: `diag.${d.action.key}`, params: d.action.params },
        channel: d.action.key === 'action.meet' ? 'in-person' : 'message',
      };
    });

  const exchanged: Candidate[] = [...logs]
    .filter(([id, log]) => log.online && daysFrom(log.last, today) < MEET_RECENT_DAYS && live(id) && !isHidden(doc, `meet:${id}`, today))
    .sort(([a, x], [b, y]) => y.count - x.count || (x.last < y.last ? 1 : x.last > y.last ? -1 : 0) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, log]) => ({
      key: `meet:${id}`,
      kind: 'meet',
      contacts: [id],
      ...objectiveOf([id]),
      why: [{ key: 'routine.why.meet', params: { count: log.count, date: log.last } }],
      firstStep: { key: 'diag.action.meet' },
      channel: 'in-person',
    }));
  // A recent connection never talked to (a LinkedIn import) is online-only too: start a conversation, then meet.
  const connected: Candidate[] = idValues(doc.contacts)
    .filter((c) => !c.archived && c.connectedOn && !logs.has(c.id) && c.connectedOn.slice(0, 10) <= today && daysFrom(c.connectedOn.slice(0, 10), today) < MEET_RECENT_DAYS && !isHidden(doc, `meet:${c.id}`, today))
    .sort((a, b) => (a.connectedOn! < b.connectedOn! ? 1 : a.connectedOn! > b.connectedOn! ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => ({
      key: `meet:${c.id}`,
      kind: 'meet',
      contacts: [c.id],
      ...objectiveOf([c.id]),
      why: [{ key: 'routine.why.connected', params: { date: c.connectedOn!.slice(0, 10) } }],
      firstStep: { key: 'routine.first.connected' },
      channel: 'message',
    }));
  const meet = [...exchanged, ...connected];

  return {
    step,
    birthday: firstServing(birthday),
    overdue: firstServing(overdue),
    introducer,
    dormant: firstServing(dormant),
    meet: firstServing(meet),
  };
}

/**
 * A first step that gives: mention their current role, share something on
 * one of their interests, or send news. Never a favour asked of a tie gone quiet.
 */
export function giveFirst(c: Contact, log: ContactLog | undefined): Phrase {
  if (log && log.online) return { key: 'diag.action.meet' };
  const org = c.organizations.find((o) => o.current);
  if (org) return { key: 'diag.action.congratulate', params: { org: org.name } };
  const topic = c.tags[0] ?? c.organizations.find((o) => o.sector)?.sector;
  if (topic) return { key: 'diag.action.share', params: { topic } };
  return { key: 'diag.action.news' };
}
