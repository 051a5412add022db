import type { CarnetDocument, Position } from '../../../../shared/document/schema.js';
import type { LayoutInput } from './layoutCore.js';
import type { LayoutReply, LayoutRequest } from './layoutProtocol.js';
import { idValues } from '../../../../shared/document/idMap.js';

/**
 * The map's side of layout.worker.ts: turns the document into typed arrays,
 * and the reply into positions to store. One worker per map; a newer request
 * makes the answer to an older one irrelevant.
 */
export class LayoutClient {
  private worker: Worker | null = null;
  private requested = 0;
  private readonly waiting = new Map<number, { resolve(p: Float64Array): void; reject(e: Error): void }>();

  /**
   * Lays out the unpinned contacts of `doc`, grouped by `clusterOf` (contact id → cluster id).
   * Resolves with the new positions of the unpinned contacts only, or null if a newer layout was asked meanwhile.
   */
  async layout(doc: CarnetDocument, clusterOf: (id: string) => string | null): Promise<Record<string, Position> | null> {
    const ids = Object.keys(doc.contacts);
    const index = new Map<string, number>();
    ids.forEach((id, i) => index.set(id, i));
    const ties = idValues(doc.ties);
    const edges = new Uint32Array(ties.length * 2);
    const weights = new Float32Array(ties.length);
    let e = 0;
    for (const t of ties) {
      const a = index.get(t.from);
      const b = index.get(t.to);
      if (a === undefined || b === undefined || a === b) continue;
      edges[2 * e] = a;
      edges[2 * e + 1] = b;
      weights[e++] = t.strength;
    }
    const clusterIndex = new Map<string, number>();
    const groups = new Int32Array(ids.length);
    const pinned = new Uint8Array(ids.length);
    ids.forEach((id, i) => {
      const c = clusterOf(id);
      if (c === null) groups[i] = -1;
      else {
        if (!clusterIndex.has(c)) clusterIndex.set(c, clusterIndex.size);
        groups[i] = clusterIndex.get(c)!;
      }
      if (doc.positions[id]?.pinned) pinned[i] = 1;
    });
    const input: LayoutInput = { n: ids.length, edges: edges.subarray(0, 2 * e), weights: weights.subarray(0, e), groups, pinned };
    const id = ++this.requested;
    const xy = await this.run({ id, input });
    if (id !== this.requested) return null;
    const out: Record<string, Position> = {};
    ids.forEach((cid, i) => {
      if (!pinned[i] && Number.isFinite(xy[2 * i]) && Number.isFinite(xy[2 * i + 1])) out[cid] = { x: xy[2 * i]!, y: xy[2 * i + 1]! };
    });
    return out;
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(new Error('the map was closed'));
    this.waiting.clear();
  }

  private run(req: LayoutRequest): Promise<Float64Array> {
    if (!this.worker) {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'carnet-layout' });
      this.worker.onmessage = (e: MessageEvent<LayoutReply>) => {
        const reply = e.data;
        const w = this.waiting.get(reply.id);
        if (!w) return;
        this.waiting.delete(reply.id);
        if ('error' in reply) w.reject(new Error(`map layout failed: ${reply.error}`));
        else w.resolve(reply.positions);
      };
      this.worker.onerror = (e) => {
        for (const w of this.waiting.values()) w.reject(new Error(`map layout worker failed: ${e.message}`));
        this.waiting.clear();
      };
    }
    return new Promise((resolve, reject) => {
      this.waiting.set(req.id, { resolve, reject });
      const { input } = req;
      // Ties are handed over (the biggest arrays); `pinned` is read again when the answer comes, so it is copied.
      this.worker!.postMessage(req, [input.edges.buffer, input.weights.buffer]);
    });
  }
}
