/**
 * Dormant ties worth reviving, ranked and explained.
 *
 * Levin, Walter & Murnighan (2011) found that ties out of touch for 3+ years
 * gave as much value as current ones, with more novel information; people
 * prefer to revive the ties they were closest to, while the most valuable
 * were often less close ties to other circles. So closeness counts only up
 * to a point, and bridging and novelty count more. Formula in README.md.
 *
 * The last contact is the last interaction, or the connection itself
 * (`connectedOn`) when nothing was logged after it: a LinkedIn connection
 * made years ago with no message since is a dormant tie.
 */
import { DORMANT_DAYS } from './cadence.js';
import { hiddenIds, pointMessage, type Context } from './context.js';
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
  /** The last logged interaction; null when the connection is all that is known. */
  lastInteraction: { id: string; date: string; channel: string; direction: string; note?: string } | null;
  /** When the connection was made (`connectedOn`), if known. */
  connectedOn: string | null;
  /** Day of the last known contact (interaction or connection). */
  lastContact: string;
  daysSince: number;
  interactions: number;
  /** Day of the first known contact (interaction or connection). */
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

/** Key of a dormant-tie suggestion in `doc.suggestions`, snoozed or dismissed by the user (`hiddenIds(ctx, 'dormant')` reads the same keys). */
export function dormantSuggestionKey(contactId: string): string {
  return `dormant:${contactId}`;
}

/** What the dormant ties and first steps both read: who is active where, what the active ties cover, how far each node reaches. */
export type Reach = {
  activeInCluster: Int32Array;
  /** What the user has, and how many active ties have each feature. */
  meFeatures: Set<string>;
  activeFeatures: Map<string, number>;
  reached: Uint16Array;
};

export function reachOf(ctx: Context, reached: Uint16Array): Reach {
  const { ag } = ctx;
  const activeInCluster = new Int32Array(ctx.clusters.length);
  const activeFeatures = new Map<string, number>();
  for (let i = 0; i < ag.ids.length; i++) {
    if (!ctx.active[i]) continue;
    const c = ctx.clusterIndex[i]!;
    if (c >= 0) activeInCluster[c]!++;
    for (const f of ag.features[i]!) activeFeatures.set(f.id, (activeFeatures.get(f.id) ?? 0) + 1);
  }
  return { activeInCluster, meFeatures: new Set(ag.meFeatures.map(featureId)), activeFeatures, reached };
}

/** Bridging and novelty of contact i (the parts of the score about what the tie opens). */
export function openness(ctx: Context, reach: Reach, i: number): { bridging: number; novelty: number; novel: Feature[]; activeThere: number } {
  const c = ctx.clusterIndex[i]!;
  // The user's other active ties there (a new connection is active itself).
  const activeThere = c >= 0 ? reach.activeInCluster[c]! - ctx.active[i]! : 0;
  const features = ctx.ag.features[i]!;
  let nowAt: Set<string> | null = null;
  for (const f of features) if (f.kind === 'orgNow') (nowAt ??= new Set()).add(f.key);
  let considered = 0;
  const novel: Feature[] = [];
  // Novel: neither the user nor another active tie has it (a new connection is active itself).
  const self = ctx.active[i]!;
  for (const f of features) {
    // A current employer is one world, not two: its all-time twin is left out.
    if (!NOVELTY_KINDS.has(f.kind) || (f.kind === 'org' && nowAt?.has(f.key))) continue;
    considered++;
    if (!reach.meFeatures.has(f.id) && (reach.activeFeatures.get(f.id) ?? 0) - self === 0) novel.push(f);
  }
  return {
    // A contact outside any cluster opens nothing identifiable: half credit.
    bridging: 0.75 * (c >= 0 ? 1 / (1 + activeThere) : 0.5) + 0.25 * Math.min(1, Math.max(0, reach.reached[i]! - 1) / 2),
    novelty: considered ? novel.length / considered : 0.5,
    novel,
    activeThere,
  };
}

/**
 * The dormant ties, best first (ties broken by id), minus those the user
 * snoozed or dismissed: every one is scored, only the first `limit` are
 * explained (the sentences are what costs).
 */
export function dormantTies(ctx: Context, reach: Reach, limit: number): { list: DormantTie[]; total: number } {
  const { histories, nowMs } = ctx;
  const scored: { i: number; score: number; daysSince: number; components: DormantTie['components']; novel: Feature[]; activeThere: number }[] = [];
  const hidden = hiddenIds(ctx, 'dormant');
  for (let i = 0; i < histories.length; i++) {
    const h = histories[i]!;
    if (h.lastContactMs === null) continue;
    const daysSince = daysBetween(h.lastContactMs, nowMs);
    if (daysSince < DORMANT_DAYS) continue;
    if (hidden.has(ctx.ag.ids[i]!)) continue;
    const open = openness(ctx, reach, i);
    const components = {
      strength: Math.min(1, (ctx.strengths[i]!.value - 1) / (STRENGTH_SATURATION - 1)),
      bridging: open.bridging,
      novelty: open.novelty,
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
    scored.push({ i, score, daysSince, components, novel: open.novel, activeThere: open.activeThere });
  }
  scored.sort((a, b) => b.score - a.score || byString(ctx.ag.ids[a.i]!, ctx.ag.ids[b.i]!));
  return { list: scored.slice(0, limit).map((s) => explain(ctx, reach, s)), total: scored.length };
}

function explain(
  ctx: Context,
  reach: Reach,
  s: { i: number; score: number; daysSince: number; components: DormantTie['components']; novel: Feature[]; activeThere: number },
): DormantTie {
  const { ag, lang } = ctx;
  const { i, daysSince, components, novel, activeThere } = s;
  const contact = ag.contacts[i]!;
  const h = ctx.histories[i]!;
  const cluster = ctx.clusterIndex[i]! >= 0 ? ctx.clusters[ctx.clusterIndex[i]!]! : null;
  const reached = reach.reached[i]!;
  const common = commonFeatures(ag.meFeatures, ag.features[i]!).slice(0, 3).map((f) => pointMessage(ctx, f));
  const years = Math.floor(daysSince / 365);
  const reasons: Message[] = [];
  // The last contact is the connection when nothing was logged after it.
  const byConnection = h.connectedMs !== null && (h.lastMs === null || h.connectedMs > h.lastMs);
  if (byConnection) reasons.push(message(lang, 'dormant.connected', { date: isoDay(h.connectedMs!), years }));
  else {
    const channel = message(lang, `channel.${h.last!.channel}`).text;
    const lastParams = { channel, date: h.last!.date.slice(0, 10), years };
    reasons.push(h.last!.note ? message(lang, 'dormant.lastNote', { ...lastParams, note: clip(h.last!.note) }) : message(lang, 'dormant.last', lastParams));
  }
  if (h.dates.length) reasons.push(message(lang, 'dormant.history', { count: h.dates.length, from: isoDay(h.dates[0]!), to: isoDay(h.lastMs!) }));
  if (cluster && activeThere === 0) reasons.push(message(lang, 'dormant.opensNone', { cluster: cluster.label }));
  else if (cluster && activeThere <= 2) reasons.push(message(lang, 'dormant.opensFew', { cluster: cluster.label, count: activeThere }));
  if (reached >= 3) reasons.push(message(lang, 'dormant.bridge', { count: reached }));
  if (novel.length > 0 && components.novelty >= 0.5) reasons.push(message(lang, 'dormant.novel', { values: novel.slice(0, 3).map((f) => f.label).join(', ') }));
  if (common.length) reasons.push(message(lang, 'dormant.opener', { points: common.map((m) => m.text).join(', ') }));
  const action = giveFirstAction(ctx, i);
  reasons.push(action);
  const first = Math.min(h.dates[0] ?? Infinity, h.connectedMs ?? Infinity);
  return {
    id: contact.id,
    name: contact.name,
    score: s.score,
    lastInteraction: h.last
      ? { id: h.last.id, date: h.last.date, channel: h.last.channel, direction: h.last.direction, ...(h.last.note ? { note: h.last.note } : {}) }
      : null,
    connectedOn: h.connectedMs === null ? null : isoDay(h.connectedMs),
    lastContact: isoDay(h.lastContactMs!),
    daysSince,
    interactions: h.dates.length,
    firstInteraction: isoDay(first),
    strength: ctx.strengths[i]!.value,
    cluster: cluster ? { id: cluster.id, label: cluster.label } : null,
    activeTiesInCluster: activeThere,
    clustersReached: reached,
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
  };
}

/**
 * A first step that gives rather than asks: Carnet never suggests asking a
 * favour of a tie that has gone cold. In order of preference: introduce them
 * to an active tie who shares an interest, acknowledge their current role,
 * share something on their topic, thank them for past help, send news.
 */
export function giveFirstAction(ctx: Context, i: number): Message {
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
  const last = (j: number): number => ctx.histories[j]!.lastContactMs ?? -Infinity;
  let best: { j: number; topic: string } | null = null;
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
    const j = targets[e]!;
    if (!ctx.active[j]) continue;
    const shared = ctx.ag.features[j]!.find((f) => wanted.has(featureId(f)));
    if (!shared) continue;
    if (!best || last(j) > last(best.j) || (last(j) === last(best.j) && j < best.j)) best = { j, topic: wanted.get(featureId(shared))! };
  }
  return best ? { name: ctx.ag.contacts[best.j]!.name, topic: best.topic } : null;
}

const days = new Map<number, string>();

/** `YYYY-MM-DD` of a time; remembered, since a network has a few thousand distinct days for 100,000 dates. */
export function isoDay(ms: number): string {
  let day = days.get(ms);
  if (day === undefined) {
    if (days.size >= 100_000) days.clear();
    days.set(ms, (day = new Date(ms).toISOString().slice(0, 10)));
  }
  return day;
}

function clip(note: string): string {
  const line = note.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
