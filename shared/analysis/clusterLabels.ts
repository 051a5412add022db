/**
 * Cluster labels: the user's name for a cluster, else what its members
 * share ("SFR · Telecom · Paris"), else "Around <its core member>". No two
 * clusters carry the same label: where several share one ("Alan" for five
 * circles of one big employer), each gets what tells it apart — the value its
 * members share that the others do not ("Alan · Lyon", "Alan · HEC"), else
 * its core member's name, else a number.
 */
import type { CarnetDocument } from '../document/schema.js';
import type { AffinityGraph } from './affinityGraph.js';
import type { Cluster } from './clusters.js';
import { featureId, type Feature, type FeatureKind } from './features.js';
import { message, type Lang } from './messages.js';
import { fold } from './text.js';

/** A feature names a cluster when at least this share of its members have it. */
export const LABEL_MIN_SHARE = 0.3;
/** A feature can tell a cluster apart from others of the same name when this share of its members have it. */
export const DISTINGUISH_MIN_SHARE = 0.15;
const LABEL_ORDER: FeatureKind[] = ['orgNow', 'sector', 'city', 'school', 'org', 'tag', 'category'];
const LABEL_MAX_PARTS = 3;
/** Candidates kept per cluster to tell it apart. */
const CANDIDATES = 8;

/** How many members of a cluster have a feature, by feature id. */
export type Entry = { f: Feature; n: number };
type Work = { cluster: Cluster; auto: boolean; candidates: Entry[]; used: Set<string> };

/**
 * Fills `label` and `labelParts` of every cluster (members given by node
 * index, in the same order). `counts` may give the feature counts of cluster
 * k from a cache (a session keeps them while the members stay the same).
 */
export function labelClusters(
  ag: AffinityGraph,
  doc: CarnetDocument,
  clusters: Cluster[],
  memberIndices: number[][],
  lang: Lang,
  counts: (k: number) => Map<string, Entry> = (k) => featureCounts(ag, memberIndices[k]!),
): void {
  const text = (f: Feature): string => (f.kind === 'category' ? (Object.hasOwn(doc.categories, f.key) ? doc.categories[f.key]!.name : f.label) : f.label);
  const countsOf = counts;
  const work: Work[] = clusters.map((cluster, k) => {
    const auto = cluster.label === '';
    const counts = auto ? countsOf(k) : new Map<string, Entry>();
    const used = new Set<string>();
    if (auto) {
      const parts = mainParts(counts, cluster.size, text);
      for (const p of parts) used.add(fold(p));
      cluster.labelParts = parts;
      cluster.label = parts.length ? parts.join(' · ') : message(lang, 'cluster.around', { name: coreName(ag, cluster) }).text;
    }
    const candidates = auto
      ? [...counts.values()]
          .filter((e) => e.n >= 2 && e.n / cluster.size >= DISTINGUISH_MIN_SHARE)
          .sort((a, b) => b.n - a.n || LABEL_ORDER.indexOf(a.f.kind) - LABEL_ORDER.indexOf(b.f.kind) || (a.f.key < b.f.key ? -1 : a.f.key > b.f.key ? 1 : 0))
          .slice(0, CANDIDATES)
      : [];
    return { cluster, auto, candidates, used };
  });

  // Rounds: add a telling value (twice at most), then the core member's name, then a number.
  for (let round = 0; round < 4; round++) {
    const groups = duplicates(work);
    if (!groups.length) return;
    for (const group of groups) {
      const autos = group.filter((w) => w.auto);
      // A label the user chose stays; an automatic one equal to it moves.
      const fixed = autos.length < group.length;
      if (round === 3) {
        numberApart(work, autos, fixed);
        continue;
      }
      const picked = new Set<string>();
      for (const w of autos) {
        if (round === 2) {
          const name = coreName(ag, w.cluster);
          if (!w.used.has(fold(name))) {
            w.used.add(fold(name));
            w.cluster.label = w.cluster.labelParts.length ? `${w.cluster.label} · ${message(lang, 'cluster.aroundSuffix', { name }).text}` : w.cluster.label;
          }
          continue;
        }
        const pick = w.candidates.find((e) => {
          const t = fold(text(e.f));
          return !w.used.has(t) && !picked.has(t);
        });
        if (!pick) continue;
        const t = text(pick.f);
        picked.add(fold(t));
        w.used.add(fold(t));
        w.cluster.labelParts = [...w.cluster.labelParts, t];
        w.cluster.label = `${w.cluster.label} · ${t}`;
      }
    }
  }
}

export function featureCounts(ag: AffinityGraph, members: number[]): Map<string, Entry> {
  const counts = new Map<string, Entry>();
  for (const i of members) {
    for (const f of ag.features[i]!) {
      const id = featureId(f);
      const entry = counts.get(id);
      if (entry) entry.n++;
      else counts.set(id, { f, n: 1 });
    }
  }
  return counts;
}

/** Up to three values shared by LABEL_MIN_SHARE of the members, one per kind, in LABEL_ORDER. */
function mainParts(counts: Map<string, Entry>, size: number, text: (f: Feature) => string): string[] {
  const best = new Map<FeatureKind, Entry>();
  for (const e of counts.values()) {
    const b = best.get(e.f.kind);
    if (!b || e.n > b.n || (e.n === b.n && e.f.key < b.f.key)) best.set(e.f.kind, e);
  }
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const kind of LABEL_ORDER) {
    const e = best.get(kind);
    if (!e || e.n / size < LABEL_MIN_SHARE) continue;
    const t = text(e.f);
    if (seen.has(fold(t))) continue;
    seen.add(fold(t));
    parts.push(t);
    if (parts.length === LABEL_MAX_PARTS) break;
  }
  return parts;
}

function coreName(ag: AffinityGraph, c: Cluster): string {
  return ag.contacts[ag.index.get(c.core)!]!.name;
}

/** Groups of clusters whose labels read the same (case, accents and punctuation aside). */
function duplicates(work: Work[]): Work[][] {
  const byLabel = new Map<string, Work[]>();
  for (const w of work) {
    const key = fold(w.cluster.label) || w.cluster.label;
    const list = byLabel.get(key);
    if (list) list.push(w);
    else byLabel.set(key, [w]);
  }
  return [...byLabel.values()].filter((g) => g.length > 1 && g.some((w) => w.auto));
}

/** Last resort: "Label (2)", "Label (3)"… skipping any label already taken. */
function numberApart(all: Work[], autos: Work[], fixed: boolean): void {
  const taken = new Set(all.map((w) => fold(w.cluster.label) || w.cluster.label));
  autos.forEach((w, k) => {
    if (k === 0 && !fixed) return;
    const base = w.cluster.label;
    let label = base;
    for (let i = 2; taken.has(fold(label) || label); i++) label = `${base} (${i})`;
    taken.add(fold(label) || label);
    w.cluster.label = label;
  });
}
