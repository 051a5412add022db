import type { MutableRefObject } from 'react';
import type { BubbleInfo, CarnetMap, DrawnLabel, EgoView, HitTarget, MapStats, Rect } from './map/engine/carnetMap.js';
import { preferencesPending } from './preferences/preferences.js';
import { analysisFor } from './analysis/useAnalysis.js';
import type { CarnetStore } from './state/store.js';

/** Read-only view of what is drawn, for end-to-end tests and for looking at the app from the devtools. */
export type CarnetProbe = {
  /** Elements handed to Cytoscape (contacts, cluster bubbles, faded ones) and its zoom; null before the map exists. */
  map(): MapStats | null;
  /** The cluster bubbles drawn now, biggest first (their node id works with nodePosition). */
  mapBubbles(): BubbleInfo[];
  /** Contacts drawn on the map as themselves (not inside a cluster bubble). */
  mapContacts(): string[];
  /** Contacts selected on the map (click, box or lasso selection). */
  mapSelected(): string[];
  /** The contact focused on the map (keyboard, double click), if any. */
  mapFocused(): string | null;
  /** Category areas drawn under the map (categories with members drawn as contacts); 0 when the option is off. */
  mapCategoryAreas(): number;
  /** What is under a point of the window (client coordinates): a contact, a cluster bubble, or nothing. */
  mapHitTest(x: number, y: number): HitTarget;
  /** Where a contact is drawn, in CSS pixels relative to the map's container. */
  nodePosition(id: string): { x: number; y: number } | null;
  /** The names drawn on the map now, with their boxes (CSS pixels relative to the map's container, as Cytoscape computes them). */
  mapLabels(): DrawnLabel[];
  /** A contact's colours as the map draws them (fill, border, label: CSS colours), or null when it is not drawn. */
  mapColors(id: string): { fill: string; border: string; label: string } | null;
  /** The ego view (a contact and its circle), if any. */
  mapEgo(): EgoView | null;
  /** The part of the map's container not covered by what floats over it (zoom buttons, minimap), in container pixels. */
  mapVisibleRect(): Rect | null;
  /** Revision of the renderer's copy of the document. */
  revision(): number;
  /** True once the map is drawn, no edit waits for the main side and no preference waits to be stored. */
  idle(): boolean;
  /** True once the diagnosis of the current document has arrived and none is running. */
  analysed(): boolean;
  /** Ids of the contacts in the renderer's copy whose name is `name`. */
  contactIds(name: string): string[];
};

declare global {
  interface Window {
    __carnet?: CarnetProbe;
  }
}

export function installProbe(store: CarnetStore, map: MutableRefObject<CarnetMap | null>): void {
  const probe: CarnetProbe = {
    map: () => map.current?.stats() ?? null,
    mapBubbles: () => map.current?.bubbles() ?? [],
    mapContacts: () => map.current?.drawnIds() ?? [],
    mapSelected: () => map.current?.selectedIds() ?? [],
    mapFocused: () => map.current?.focusedId() ?? null,
    mapCategoryAreas: () => map.current?.categoryAreaCount() ?? 0,
    mapHitTest: (x, y) => map.current?.hitTest(x, y) ?? null,
    nodePosition: (id) => map.current?.renderedPosition(id) ?? null,
    mapLabels: () => map.current?.labels() ?? [],
    mapEgo: () => map.current?.egoView() ?? null,
    mapColors: (id) => map.current?.colorsOf(id) ?? null,
    mapVisibleRect: () => map.current?.visibleRect() ?? null,
    revision: () => store.get().revision,
    idle: () => Boolean(map.current?.ready()) && !store.busy() && !preferencesPending(),
    analysed: () => {
      const a = analysisFor(store).get();
      return a.result !== null && !a.running;
    },
    contactIds: (name) =>
      Object.values(store.get().doc?.contacts ?? {})
        .filter((c) => c.name === name)
        .map((c) => c.id),
  };
  Object.defineProperty(window, '__carnet', { value: Object.freeze(probe), configurable: true });
}
