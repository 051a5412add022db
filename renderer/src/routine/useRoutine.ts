/**
 * The routine's background work, for the whole window: make the week's plan
 * once the analysis of today arrives (at start, and after a wake-up or
 * midnight), and send the few desktop notifications the user allowed. The
 * reminders come with the routine's facts, computed off the UI thread
 * (routineClient.ts), which also remembers when the app was last opened.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { makePlan } from '../../../shared/document/weekPlans.js';
import { toLanguage } from '../../../shared/i18n/index.js';
import { weekOf } from '../../../shared/routine/dates.js';
import { pickNotifications, recordSent } from '../../../shared/routine/notifications.js';
import { buildWeekPlan } from '../../../shared/routine/plan.js';
import type { Reminder } from '../../../shared/routine/reminders.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import { useAppState, useStore } from '../state/StoreContext.js';
import { clockFor, type ClockState } from './routineClock.js';
import { useRoutineFacts } from './routineFor.js';
import { deliver, type BrowserNotifications } from './notifier.js';

const NONE: readonly Reminder[] = [];

export function useClock(): ClockState {
  const clock = clockFor(useStore());
  return useSyncExternalStore(clock.subscribe, clock.get);
}

/** The reminders of today (what is due, and what was missed since the previous open), as last computed. */
export function useReminders(): readonly Reminder[] {
  return useRoutineFacts().facts?.reminders ?? NONE;
}

type Options = { onNotificationClick(tag: string): void };

export function useRoutine({ onNotificationClick }: Options): readonly Reminder[] {
  const store = useStore();
  const state = useAppState();
  const { doc, settings, version, status } = state;
  const { result, running } = useAnalysis();
  const { today } = useClock();
  const { facts, current } = useRoutineFacts();
  const { i18n } = useTranslation();
  const making = useRef<string | null>(null);
  const sending = useRef(false);
  const clickRef = useRef(onNotificationClick);
  clickRef.current = onNotificationClick;

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

  // Desktop notifications, when allowed: a few a day, once each, after the plan exists, and only from
  // facts that answer the document as it is now (a later answer may add or drop a reminder).
  useEffect(() => {
    if (!doc || !settings?.routine.notifications || sending.current) return;
    if (!facts || !current || facts.today !== today) return;
    if (!Object.hasOwn(doc.plans, weekOf(today))) return;
    const picked = pickNotifications(doc, facts.reminders, settings.routine.sent, today);
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
  }, [store, doc, settings, facts, current, today, i18n.language]);

  return facts?.reminders ?? NONE;
}
