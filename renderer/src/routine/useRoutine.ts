/**
 * The routine's background work, for the whole window: make the week's plan
 * once the analysis of today arrives (at start, and after a wake-up or
 * midnight), remember when the app was last opened, compute the reminders,
 * and send the few desktop notifications the user allowed.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { makePlan } from '../../../shared/document/weekPlans.js';
import { toLanguage } from '../../../shared/i18n/index.js';
import { weekOf } from '../../../shared/routine/dates.js';
import { pickNotifications, recordSent } from '../../../shared/routine/notifications.js';
import { buildWeekPlan } from '../../../shared/routine/plan.js';
import { reminders, sortReminders, type Reminder } from '../../../shared/routine/reminders.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import type { CarnetStore } from '../state/store.js';
import { useAppState, useStore } from '../state/StoreContext.js';
import { clockFor, type ClockState } from './routineClock.js';
import { dayLogFor } from './dayLogFor.js';
import { deliver, type BrowserNotifications } from './notifier.js';

export function useClock(): ClockState {
  const clock = clockFor(useStore());
  return useSyncExternalStore(clock.subscribe, clock.get);
}

/** The day the app was opened before this session (null the first time), read once per store. */
const sessions = new WeakMap<CarnetStore, { since: string | null; seen: string | null }>();

function sessionOf(store: CarnetStore) {
  let s = sessions.get(store);
  if (!s) sessions.set(store, (s = { since: null, seen: null }));
  return s;
}

/** The reminders of today: what is due, and what was missed since the previous open. */
export function useReminders(doc: CarnetDocument | null, version: number): Reminder[] {
  const store = useStore();
  const { today, wakes } = useClock();
  const { settings } = useAppState();
  const since = settings ? sessionOf(store).since : null;
  return useMemo(() => {
    if (!doc || !settings) return [];
    const week = weekOf(today);
    const plan = Object.hasOwn(doc.plans, week) ? doc.plans[week]! : null;
    const log = dayLogFor(store);
    return sortReminders(reminders(doc, { today, lastSeen: since, plan, ...(log ? { log } : {}) }));
    // `version` stands for in-place edits of `doc`; `wakes` for a wake-up within the same day.
  }, [doc, version, today, wakes, since, settings !== null]);
}

type Options = { onNotificationClick(tag: string): void };

export function useRoutine({ onNotificationClick }: Options): Reminder[] {
  const store = useStore();
  const state = useAppState();
  const { doc, settings, version, status } = state;
  const { result, running } = useAnalysis();
  const { today } = useClock();
  const { i18n } = useTranslation();
  const making = useRef<string | null>(null);
  const sending = useRef(false);
  const clickRef = useRef(onNotificationClick);
  clickRef.current = onNotificationClick;

  // The day of the previous open, kept for the session; then today is remembered as seen.
  useEffect(() => {
    if (!settings) return;
    const session = sessionOf(store);
    if (session.seen === null) session.since = settings.routine.lastSeen;
    else if (session.seen !== today) session.since = session.seen;
    if (session.seen !== today) {
      session.seen = today;
      if (settings.routine.lastSeen !== today) void store.setRoutineSettings({ lastSeen: today });
    }
  }, [store, settings, today]);

  // This week's plan, made once, from an analysis of today (not undoable: the user did nothing).
  useEffect(() => {
    if (status !== 'ready' || !doc || !result || running || result.now !== today) return;
    const week = weekOf(today);
    if (Object.hasOwn(doc.plans, week) || making.current === week) return;
    making.current = week;
    void store.apply(makePlan(buildWeekPlan(doc, result, today)), { undoable: false }).finally(() => {
      making.current = null;
    });
  }, [store, status, doc, version, result, running, today]);

  useEffect(() => store.api.on('notificationClick', ({ tag }) => clickRef.current(tag)), [store]);

  const list = useReminders(doc, version);

  // Desktop notifications, when allowed: a few a day, once each, after the plan exists.
  useEffect(() => {
    if (!doc || !settings?.routine.notifications || sending.current) return;
    if (!Object.hasOwn(doc.plans, weekOf(today))) return;
    const picked = pickNotifications(doc, list, settings.routine.sent, today);
    if (picked.length === 0) return;
    sending.current = true;
    const browser = (globalThis as { Notification?: BrowserNotifications }).Notification;
    void deliver(picked, {
      api: store.api,
      transport: settings.capabilities.transport,
      browser,
      lang: toLanguage(i18n.language),
      onClick: (tag) => {
        window.focus();
        clickRef.current(tag);
      },
    })
      .then((shown) => (shown.length ? store.setRoutineSettings({ sent: recordSent(settings.routine.sent, shown, today) }) : undefined))
      .finally(() => {
        sending.current = false;
      });
  }, [store, doc, settings, list, today, i18n.language]);

  return list;
}
