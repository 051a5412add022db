/**
 * First steps: contacts the user has never had an exchange with (nothing in
 * the log), not yet dormant, ranked by what a first exchange would open.
 *
 * This is what an address book without any interaction or date still says
 * to do (Google, Apple, Outlook exports), and what a LinkedIn export says
 * about its recent connections: a new tie is worth a follow-up while it is
 * fresh. The ranking favours, as for dormant ties, people who bridge to
 * circles where the user has no active tie and bring what the active ties do
 * not cover (Burt, Granovetter), then an easy opener: a common point with
 * the user (seed article 004: find a common point before approaching), then
 * freshness. New ties (connected in the last NEW_TIE_DAYS days) come first
 * whatever their score: a follow-up cannot wait, the rest can. The first step
 * always gives (seed 004: never ask a favour of someone you barely know).
 */
import { DORMANT_DAYS } from './cadence.js';
import { hiddenIds, pointMessage, type Context } from './context.js';
import { giveFirstAction, isoDay, openness, type Reach } from './dormantTies.js';
import { commonFeatures, type Feature } from './features.js';
import { message, type Message } from './messages.js';
import { byString, daysBetween, round } from './text.js';

/** Weights of the score components (sum 1). */
export const FIRST_STEP_WEIGHTS = { bridging: 0.4, novelty: 0.3, common: 0.15, fresh: 0.15 } as const;
/** A connection this recent is a new tie: freshness falls from 1 to 0 over these days. */
export const NEW_TIE_DAYS = 90;
/** Common points with the user at which the opener component is full. */
const COMMON_FULL = 2;

export type FirstStep = {
  id: string;
  name: string;
  /** 0–100, higher first. */
  score: number;
  /** When the connection was made, if known. */
  connectedOn: string | null;
  /** Connected in the last NEW_TIE_DAYS days. */
  newTie: boolean;
  cluster: { id: string; label: string } | null;
  activeTiesInCluster: number;
  clustersReached: number;
  commonPoints: Message[];
  action: Message;
  components: { bridging: number; novelty: number; common: number; fresh: number };
  reasons: string[];
  reasonMessages: Message[];
};

/** Key of a first-step suggestion in `doc.suggestions` (`hiddenIds(ctx, 'first')` reads the same keys). */
export function firstStepSuggestionKey(contactId: string): string {
  return `first:${contactId}`;
}

type Scored = { i: number; score: number; components: FirstStep['components']; novel: Feature[]; activeThere: number; common: Feature[]; days: number | null };

/** Every contact never interacted with and not dormant, best first; only the first `limit` are explained. */
export function firstSteps(ctx: Context, reach: Reach, limit: number, exclude: Uint8Array): { list: FirstStep[]; total: number } {
  const { ag, histories, nowMs } = ctx;
  const scored: Scored[] = [];
  const hidden = hiddenIds(ctx, 'first');
  for (let i = 0; i < histories.length; i++) {
    const h = histories[i]!;
    if (h.dates.length > 0) continue;
    const days = h.connectedMs === null ? null : daysBetween(h.connectedMs, nowMs);
    if (days !== null && days >= DORMANT_DAYS) continue;
    if (exclude[i] || hidden.has(ag.ids[i]!)) continue;
    const open = openness(ctx, reach, i);
    const common = commonFeatures(ag.meFeatures, ag.features[i]!);
    const components = {
      bridging: open.bridging,
      novelty: open.novelty,
      common: Math.min(1, common.length / COMMON_FULL),
      fresh: days === null ? 0 : Math.max(0, 1 - days / NEW_TIE_DAYS),
    };
    const score = round(
      100 *
        (FIRST_STEP_WEIGHTS.bridging * components.bridging +
          FIRST_STEP_WEIGHTS.novelty * components.novelty +
          FIRST_STEP_WEIGHTS.common * components.common +
          FIRST_STEP_WEIGHTS.fresh * components.fresh),
      1,
    );
    scored.push({ i, score, components, novel: open.novel, activeThere: open.activeThere, common, days });
  }
  const fresh = (x: Scored): number => (x.days !== null && x.days < NEW_TIE_DAYS ? 1 : 0);
  scored.sort((a, b) => fresh(b) - fresh(a) || b.score - a.score || byString(ag.ids[a.i]!, ag.ids[b.i]!));
  return { list: scored.slice(0, limit).map((s) => explain(ctx, reach, s)), total: scored.length };
}

function explain(ctx: Context, reach: Reach, s: Scored): FirstStep {
  const { ag, lang } = ctx;
  const { i, components, novel, activeThere, days } = s;
  const h = ctx.histories[i]!;
  const cluster = ctx.clusterIndex[i]! >= 0 ? ctx.clusters[ctx.clusterIndex[i]!]! : null;
  const reached = reach.reached[i]!;
  const newTie = days !== null && days < NEW_TIE_DAYS;
  const common = s.common.slice(0, 3).map((f) => pointMessage(ctx, f));
  const reasons: Message[] = [];
  if (h.connectedMs === null) reasons.push(message(lang, 'first.never'));
  else reasons.push(message(lang, newTie ? 'first.new' : 'first.connected', { date: isoDay(h.connectedMs), days: days! }));
  if (cluster && activeThere === 0) reasons.push(message(lang, 'first.opensNone', { cluster: cluster.label }));
  else if (cluster && activeThere <= 2) reasons.push(message(lang, 'first.opensFew', { cluster: cluster.label, count: activeThere }));
  if (reached >= 3) reasons.push(message(lang, 'dormant.bridge', { count: reached }));
  if (novel.length > 0 && components.novelty >= 0.5) reasons.push(message(lang, 'dormant.novel', { values: novel.slice(0, 3).map((f) => f.label).join(', ') }));
  if (common.length) reasons.push(message(lang, 'dormant.opener', { points: common.map((m) => m.text).join(', ') }));
  const action = newTie ? message(lang, 'action.welcome') : common.length ? message(lang, 'action.commonPoint', { point: common[0]!.text }) : giveFirstAction(ctx, i);
  reasons.push(action);
  const contact = ag.contacts[i]!;
  return {
    id: contact.id,
    name: contact.name,
    score: s.score,
    connectedOn: h.connectedMs === null ? null : isoDay(h.connectedMs),
    newTie,
    cluster: cluster ? { id: cluster.id, label: cluster.label } : null,
    activeTiesInCluster: activeThere,
    clustersReached: reached,
    commonPoints: common,
    action,
    components: { bridging: round(components.bridging), novelty: round(components.novelty), common: round(components.common), fresh: round(components.fresh) },
    reasons: reasons.map((m) => m.text),
    reasonMessages: reasons,
  };
}
