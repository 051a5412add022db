/**
 * Dormant ties worth reviving, ranked and explained.
 *
 * Levin, Walter & Murnighan (2011) found that ties out of touch for 3+ years
 * gave as much value as current ones, with more novel information; people
 * prefer to revive the ties they were closest to, while the most valuable
 * were often less close ties to other circles. So closeness counts only up
 * to a point, and bridging and novelty count more. Formula in README.md.
 */
import { DORMANT_DAYS } from './cadence.js';
import { clustersReached, isHidden, pointMessage, type Context } from './context.js';
import { commonFeatures, featureId, type Feature } from './features.js';
import { message, type Message } from './messages.js';
import { byString, daysBetween, round } from './text.js';

/** Weights of the score components (sum 1); the score is 100 × the weighted sum. */
export const DORMANT_WEIGHTS = { strength: 0.25, bridging: 0.35, novelty: 0.25, time: 0.15 } as const;
/** Past strength counts fully from this level (of 5) on: closer ties get no extra credit. */
export const STRENGTH_SATURATION = 3;
/** Years of silence at which the time component reaches 1. */
export const TIME_FULL_YEARS = 6;
const NOVELTY_KINDS = new Set<Feature['kind']>(['orgNow', 'org', 'sector', 'city', 'school', 'tag']);

export type DormantTie = {
  id: string;
  name: string;
  /** 0–100, higher first. */
  score: number;
  lastInteraction: { id: string; date: string; channel: string; direction: string; note?: string };
  daysSince: number;
  interactions: number;
  firstInteraction: string;
  strength: number;
  cluster: { id: string; label: string } | null;
  /** The user's active ties in that cluster (the fewer, the more this tie opens). */
  activeTiesInCluster: number;
  clustersReached: number;
  commonPoints: Message[];
  action: Message;
  components: { strength: number; bridging: number; novelty: number; time: number };
  /** The explanation, in the requested language. */
  reasons: string[];
  reasonMessages: Message[];
};

/** Key of a dormant-tie suggestion in `doc.suggestions` (snoozed or dismissed by the user). */
export function dormantSuggestionKey(contactId: string): string {
  return `dormant:${contactId}`;
}

/** All dormant ties, best first (ties broken by id), minus those the user snoozed or dismissed. */
export function dormantTies(ctx: Context): DormantTie[] {
  const { ag, histories, nowMs, doc } = ctx;
  const activeInCluster = new Map<string, number>();
  const activeFeatures = new Set(ag.meFeatures.map(featureId));
  ag.ids.forEach((_, i) => {
    if (!ctx.active[i]) return;
    const c = ctx.membership[i];
    if (c) activeInCluster.set(c, (activeInCluster.get(c) ?? 0) + 1);
    for (const f of ag.features[i]!) activeFeatures.add(featureId(f));
  });

  const out: DormantTie[] = [];
  ag.contacts.forEach((contact, i) => {
    const h = histories[i]!;
    if (h.lastMs === null || !h.last) return;
    const daysSince = daysBetween(h.lastMs, nowMs);
    if (daysSince < DORMANT_DAYS) return;
    if (isHidden(ctx, dormantSuggestionKey(contact.id))) return;

    const strength = ctx.strengths[i]!.value;
    const clusterId = ctx.membership[i] ?? null;
    const cluster = clusterId ? ctx.clusterById.get(clusterId)! : null;
    const activeThere = clusterId ? (activeInCluster.get(clusterId) ?? 0) : 0;
    const reached = clustersReached(ctx, i);
    const nowAt = new Set(ag.features[i]!.filter((f) => f.kind === 'orgNow').map((f) => f.key));
    // A current employer is one world, not two: its all-time twin is left out.
    const considered = ag.features[i]!.filter((f) => NOVELTY_KINDS.has(f.kind) && !(f.kind === 'org' && nowAt.has(f.key)));
    const novel = considered.filter((f) => !activeFeatures.has(featureId(f)));

    const components = {
      strength: Math.min(1, (strength - 1) / (STRENGTH_SATURATION - 1)),
      // A contact outside any cluster opens nothing identifiable: half credit.
      bridging: 0.75 * (cluster ? 1 / (1 + activeThere) : 0.5) + 0.25 * Math.min(1, Math.max(0, reached.length - 1) / 2),
      novelty: considered.length ? novel.length / considered.length : 0.5,
      time: Math.min(1, daysSince / 365 / TIME_FULL_YEARS),
    };
    const score = round(
      100 *
        (DORMANT_WEIGHTS.strength * components.strength +
          DORMANT_WEIGHTS.bridging * components.bridging +
          DORMANT_WEIGHTS.novelty * components.novelty +
          DORMANT_WEIGHTS.time * components.time),
      1,
    );

    const common = commonFeatures(ag.meFeatures, ag.features[i]!).slice(0, 3).map((f) => pointMessage(ctx, f));
    const years = Math.floor(daysSince / 365);
    const channel = message(ctx.lang, `channel.${h.last.channel}`).text;
    const reasons: Message[] = [];
    const lastParams = { channel, date: h.last.date.slice(0, 10), years };
    reasons.push(
      h.last.note
        ? message(ctx.lang, 'dormant.lastNote', { ...lastParams, note: clip(h.last.note) })
        : message(ctx.lang, 'dormant.last', lastParams),
    );
    reasons.push(
      message(ctx.lang, 'dormant.history', { count: h.dates.length, from: isoDay(h.dates[0]!), to: isoDay(h.lastMs) }),
    );
    if (cluster && activeThere === 0) reasons.push(message(ctx.lang, 'dormant.opensNone', { cluster: cluster.label }));
    else if (cluster && activeThere <= 2) reasons.push(message(ctx.lang, 'dormant.opensFew', { cluster: cluster.label, count: activeThere }));
    if (reached.length >= 3) reasons.push(message(ctx.lang, 'dormant.bridge', { count: reached.length }));
    if (novel.length > 0 && components.novelty >= 0.5) {
      reasons.push(message(ctx.lang, 'dormant.novel', { values: novel.slice(0, 3).map((f) => f.label).join(', ') }));
    }
    if (common.length) reasons.push(message(ctx.lang, 'dormant.opener', { points: common.map((m) => m.text).join(', ') }));
    const action = giveFirstAction(ctx, i);
    reasons.push(action);

    out.push({
      id: contact.id,
      name: contact.name,
      score,
      lastInteraction: {
        id: h.last.id,
        date: h.last.date,
        channel: h.last.channel,
        direction: h.last.direction,
        ...(h.last.note ? { note: h.last.note } : {}),
      },
      daysSince,
      interactions: h.dates.length,
      firstInteraction: isoDay(h.dates[0]!),
      strength,
      cluster: cluster ? { id: cluster.id, label: cluster.label } : null,
      activeTiesInCluster: activeThere,
      clustersReached: reached.length,
      commonPoints: common,
      action,
      components: {
        strength: round(components.strength),
        bridging: round(components.bridging),
        novelty: round(components.novelty),
        time: round(components.time),
      },
      reasons: reasons.map((m) => m.text),
      reasonMessages: reasons,
    });
  });
  return out.sort((a, b) => b.score - a.score || byString(a.id, b.id));
}

/**
 * A first step that gives rather than asks: Carnet never suggests asking a
 * favour of a tie that has gone cold. In order of preference: introduce them
 * to an active tie who shares an interest, acknowledge their current role,
 * share something on their topic, thank them for past help, send news.
 */
function giveFirstAction(ctx: Context, i: number): Message {
  const { ag, histories } = ctx;
  const h = histories[i]!;
  const contact = ag.contacts[i]!;
  if (h.dates.length > 0 && h.live === 0) return message(ctx.lang, 'action.meet');
  const interests = ag.features[i]!.filter((f) => f.kind === 'tag');
  const partner = introductionPartner(ctx, i, interests);
  if (partner) return message(ctx.lang, 'action.introduce', { name: partner.name, topic: partner.topic });
  const org = contact.organizations.find((o) => o.current);
  if (org) return message(ctx.lang, 'action.congratulate', { org: org.name });
  const topic = interests[0] ?? ag.features[i]!.find((f) => f.kind === 'sector');
  if (topic) return message(ctx.lang, 'action.share', { topic: topic.label });
  if (h.received > 0) return message(ctx.lang, 'action.thank');
  return message(ctx.lang, 'action.news');
}

/** The most recently active tie sharing one of `topics` with contact `i` (ties broken by id). */
function introductionPartner(ctx: Context, i: number, topics: Feature[]): { name: string; topic: string } | null {
  if (!topics.length) return null;
  const wanted = new Map(topics.map((f) => [featureId(f), f.label]));
  const { offsets, targets } = ctx.ag.adjacency;
  let best: { j: number; topic: string } | null = null;
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
    const j = targets[e]!;
    if (!ctx.active[j]) continue;
    const shared = ctx.ag.features[j]!.find((f) => wanted.has(featureId(f)));
    if (!shared) continue;
    if (
      !best ||
      ctx.histories[j]!.lastMs! > ctx.histories[best.j]!.lastMs! ||
      (ctx.histories[j]!.lastMs === ctx.histories[best.j]!.lastMs && j < best.j)
    ) {
      best = { j, topic: wanted.get(featureId(shared))! };
    }
  }
  return best ? { name: ctx.ag.contacts[best.j]!.name, topic: best.topic } : null;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function clip(note: string): string {
  const line = note.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
