/**
 * How a diagnosis crosses from the analysis worker to the UI thread.
 *
 * A result holds one small object per contact (30,000 of them in a big
 * network): posted as is, the browser rebuilds them one by one on the UI
 * thread while deserializing the message, a single task of hundreds of
 * milliseconds (`npm run bench analysisEdit`). So the worker posts the
 * per-contact part as columns — typed arrays, transferred without a copy, and
 * one string of ids — and the UI thread rebuilds the objects from them, which
 * costs a small fraction of that. Everything else (clusters, suggestions,
 * sentences) is small and goes as it is.
 */
import type { AnalysisResult, ContactAnalysis } from '../../../shared/analysis/analyze.js';

/** The per-contact part of a result, as columns. */
export type PackedContacts = {
  /** Ids and names joined with NUL, or as a list when one of them holds a NUL (hostile input). */
  ids: string | string[];
  names: string | string[];
  /** Index into `clusterIds`, −1 for none. */
  cluster: Int32Array;
  clusterIds: string[];
  /** NaN for null. */
  effectiveSize: Float64Array;
  constraint: Float64Array;
  strength: Uint8Array;
  /** Index into `dates`, −1 for null. */
  lastInteraction: Int32Array;
  lastContact: Int32Array;
  dates: string[];
  active: Uint8Array;
};

/** Clusters without their member lists, which travel as positions in the contacts' ids. */
export type PackedCluster = Omit<AnalysisResult['clusters'][number], 'members'>;

export type PackedResult = Omit<AnalysisResult, 'contacts' | 'clusters'> & {
  contacts: PackedContacts;
  clusters: PackedCluster[];
  /** Members of cluster k: positions (in `contacts`) memberAt[memberStart[k] … memberStart[k + 1]). */
  memberStart: Int32Array;
  memberAt: Int32Array;
};

const SEP = '\u0000';

/** The result as posted by the worker, and the buffers to transfer with it. */
export function packResult(result: AnalysisResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const { contacts } = result;
  const n = contacts.length;
  const clusterIds: string[] = [];
  const clusterIndex = new Map<string, number>();
  const dates: string[] = [];
  const dateIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], value: string | null): number => {
    if (value === null) return -1;
    let k = map.get(value);
    if (k === undefined) {
      map.set(value, (k = list.length));
      list.push(value);
    }
    return k;
  };
  const packed: PackedContacts = {
    ids: '',
    names: '',
    cluster: new Int32Array(n),
    clusterIds,
    effectiveSize: new Float64Array(n),
    constraint: new Float64Array(n),
    strength: new Uint8Array(n),
    lastInteraction: new Int32Array(n),
    lastContact: new Int32Array(n),
    dates,
    active: new Uint8Array(n),
  };
  const ids: string[] = new Array(n);
  const names: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = contacts[i]!;
    ids[i] = c.id;
    names[i] = c.name;
    packed.cluster[i] = indexOf(clusterIndex, clusterIds, c.cluster);
    packed.effectiveSize[i] = c.effectiveSize ?? Number.NaN;
    packed.constraint[i] = c.constraint ?? Number.NaN;
    packed.strength[i] = c.strength;
    packed.lastInteraction[i] = indexOf(dateIndex, dates, c.lastInteraction);
    packed.lastContact[i] = indexOf(dateIndex, dates, c.lastContact);
    packed.active[i] = c.active ? 1 : 0;
  }
  // One string crosses much faster than 30,000; a list when the separator would be ambiguous.
  const joined = (list: string[]): string | string[] => (list.some((x) => x.includes(SEP)) ? list : list.join(SEP));
  packed.ids = joined(ids);
  packed.names = joined(names);
  const position = new Map(ids.map((id, i) => [id, i]));
  const memberStart = new Int32Array(result.clusters.length + 1);
  result.clusters.forEach((c, k) => (memberStart[k + 1] = memberStart[k]! + c.members.length));
  const memberAt = new Int32Array(memberStart[result.clusters.length]!);
  result.clusters.forEach((c, k) => c.members.forEach((m, j) => (memberAt[memberStart[k]! + j] = position.get(m) ?? -1)));
  const clusters = result.clusters.map(({ members: _members, ...rest }): PackedCluster => rest);
  const transfer = [packed.cluster, packed.effectiveSize, packed.constraint, packed.strength, packed.lastInteraction, packed.lastContact, packed.active, memberStart, memberAt].map(
    (a) => a.buffer as ArrayBuffer,
  );
  return { packed: { ...result, contacts: packed, clusters, memberStart, memberAt }, transfer };
}

/** The result as the UI uses it, rebuilt from the columns. */
export function unpackResult(packed: PackedResult): AnalysisResult {
  const p = packed.contacts;
  const n = p.cluster.length;
  const split = (v: string | string[]): string[] => (typeof v !== 'string' ? v : n ? v.split(SEP) : []);
  const ids = split(p.ids);
  const names = split(p.names);
  const contacts: ContactAnalysis[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const es = p.effectiveSize[i]!;
    const cs = p.constraint[i]!;
    const cl = p.cluster[i]!;
    const li = p.lastInteraction[i]!;
    const lc = p.lastContact[i]!;
    contacts[i] = {
      id: ids[i]!,
      name: names[i]!,
      cluster: cl < 0 ? null : p.clusterIds[cl]!,
      effectiveSize: Number.isNaN(es) ? null : es,
      constraint: Number.isNaN(cs) ? null : cs,
      strength: p.strength[i]!,
      lastInteraction: li < 0 ? null : p.dates[li]!,
      lastContact: lc < 0 ? null : p.dates[lc]!,
      active: p.active[i] === 1,
    };
  }
  const { memberStart, memberAt, ...rest } = packed;
  const clusters = packed.clusters.map((c, k) => {
    const members: string[] = new Array(memberStart[k + 1]! - memberStart[k]!);
    for (let j = 0; j < members.length; j++) members[j] = ids[memberAt[memberStart[k]! + j]!]!;
    return { ...c, members };
  });
  return { ...rest, contacts, clusters };
}
