import type { Position } from '../../../../shared/document/schema.js';
import { placeNear } from './layout.js';
import { LayoutClient } from './layoutClient.js';
import type { MapModel } from './model.js';

/** The first automatic layout waits this long for clusters before laying out without them. */
const CLUSTER_WAIT_MS = 60_000;

/**
 * When and how the map computes positions: the first layout of a document
 * without stored positions (by cluster, so it waits for the analysis), a new
 * layout the user asks for, and a place for contacts that arrive without one.
 * Positions go to `store`; until they come back from the main side they are
 * the model's provisional ones.
 */
export class LayoutRunner {
  private readonly client = new LayoutClient();
  /** The automatic layout ran before the analysis had clusters: it runs again, by cluster, once they come. */
  lacksClusters = false;
  private clustersArrived: (() => void) | null = null;

  constructor(
    private readonly model: MapModel,
    private readonly store: (positions: Record<string, Position>, label: 'Layout', undoable: boolean) => void,
  ) {}

  /** The analysis answered (or failed): a first layout waiting for clusters goes on. */
  analysisArrived(): void {
    this.clustersArrived?.();
  }

  /** Resolves once the analysis has answered (or failed, or taken too long): the first layout is by cluster. */
  waitForClusters(): Promise<void> {
    if (this.model.analysis || this.model.analysisFailed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, CLUSTER_WAIT_MS);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.clustersArrived = null;
        resolve();
      }
      this.clustersArrived = done;
    });
  }

  /** Lays out every unpinned contact in the worker; `undoable` when the user asked for it. */
  async layoutAll(undoable: boolean): Promise<void> {
    const model = this.model;
    const doc = model.doc!;
    const clusterOf = new Map<string, string>();
    for (const c of model.analysis?.contacts ?? []) if (c.cluster) clusterOf.set(c.id, c.cluster);
    this.lacksClusters = !undoable && !model.analysis;
    const positions = await this.client.layout(doc, (id) => clusterOf.get(id) ?? null);
    if (!positions || model.doc !== doc) return;
    for (const id of Object.keys(positions)) model.provisional.set(id, positions[id]!);
    if (!model.analysis) model.regroup();
    else model.measureGroups();
    if (Object.keys(positions).length > 0) this.store(positions, 'Layout', undoable);
  }

  /** Puts contacts that came without a position next to their ties (main thread: it is cheap). */
  placeMissing(ids: readonly string[]): void {
    const model = this.model;
    const positions = placeNear(ids, (id) => model.position(id), (id) => model.neighbours(id), Object.keys(model.doc!.contacts));
    for (const id of Object.keys(positions)) model.provisional.set(id, positions[id]!);
    model.measureGroups();
    this.store(positions, 'Layout', false);
  }

  destroy(): void {
    this.clustersArrived?.();
    this.client.destroy();
  }
}
