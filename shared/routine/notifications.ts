/**
 * Desktop notifications, when the user turned them on: few (at most
 * MAX_PER_DAY a day, each reminder once), each kind worded its own way, and
 * naming the objective it serves. Pure: what to send is decided here; the
 * renderer hands it to Electron's Notification or the browser's.
 */
import type { CarnetDocument, Phrase } from '../document/schema.js';
import type { Reminder, ReminderKind } from './reminders.js';

export const MAX_PER_DAY = 3;
/** Reminder keys remembered as sent (the oldest are forgotten first). */
export const SENT_KEPT = 200;

export type Sent = { key: string; on: string };
export type DesktopNotification = { key: string; title: Phrase; body: Phrase; kind: ReminderKind; ref?: string };

/** Kinds in the order they earn one of the few notifications of a day. */
const PRIORITY: readonly ReminderKind[] = ['review', 'goal', 'step', 'plan', 'birthday'];

/**
 * The notifications to show now: due reminders not sent before, by
 * priority, within what is left of today's allowance.
 */
export function pickNotifications(doc: CarnetDocument, list: readonly Reminder[], sent: readonly Sent[], today: string): DesktopNotification[] {
  const done = new Set(sent.map((s) => s.key));
  const left = MAX_PER_DAY - sent.filter((s) => s.on === today).length;
  if (left <= 0) return [];
  return list
    .filter((r) => r.when === 'due' && PRIORITY.includes(r.kind) && !done.has(r.key))
    .sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind))
    .slice(0, left)
    .map((r) => wordNotification(doc, r));
}

/** The sent list after `notifications` went out today, trimmed to SENT_KEPT. */
export function recordSent(sent: readonly Sent[], notifications: readonly DesktopNotification[], today: string): Sent[] {
  return [...sent, ...notifications.map((n) => ({ key: n.key, on: today }))].slice(-SENT_KEPT);
}

function wordNotification(doc: CarnetDocument, r: Reminder): DesktopNotification {
  const objective = r.objective && Object.hasOwn(doc.objectives, r.objective) ? doc.objectives[r.objective]!.title : null;
  const base = { key: r.key, kind: r.kind, ...(r.ref ? { ref: r.ref } : {}) };
  const params = r.phrase.params ?? {};
  switch (r.kind) {
    case 'review':
      return { ...base, title: { key: 'routine.notify.reviewTitle' }, body: { key: 'routine.notify.review', params: { objective: objective ?? '' } } };
    case 'goal':
      return {
        ...base,
        title: { key: 'routine.notify.goalTitle' },
        body: { key: objective ? 'routine.notify.goalFor' : 'routine.notify.goal', params: { ...params, ...(objective ? { objective } : {}) } },
      };
    case 'step':
      return {
        ...base,
        title: { key: 'routine.notify.stepTitle' },
        body: { key: 'routine.notify.step', params: { step: String(params.step ?? ''), objective: objective ?? '' } },
      };
    case 'plan': {
      const key = params.name ? (objective ? 'routine.notify.planFor' : 'routine.notify.planWho') : 'routine.notify.plan';
      return { ...base, title: { key: 'routine.notify.planTitle' }, body: { key, params: { ...params, ...(objective ? { objective } : {}) } } };
    }
    default:
      return { ...base, title: { key: 'routine.notify.birthdayTitle' }, body: { key: 'routine.notify.birthday', params: { name: String(params.name ?? '') } } };
  }
}
