import type { Position } from '../../../../shared/document/schema.js';
import type { AreaChanges } from './categoryAreas.js';

/** How the user likes the map drawn (a preference, kept in the settings; see views/preferences). */
export type MapOptions = {
  /** What a contact's size shows: the user's tie strength, or brokerage (Burt's effective size). */
  sizeBy: 'strength' | 'brokerage';
  /** Draw the user as a node in the middle, tied to their strong ties. */
  showMe: boolean;
  /** Brokers, fragile clusters and clusters with no bridge between them. */
  showGaps: boolean;
  /** Categories drawn as soft areas around their drawn members; contacts then take their category's colour. */
  showCategories: boolean;
  /** What Shift+drag on the background draws to select contacts: a rectangle, or a free-form lasso. */
  selection: 'box' | 'lasso';
};

export const DEFAULT_MAP_OPTIONS: MapOptions = { sizeBy: 'strength', showMe: false, showGaps: false, showCategories: false, selection: 'box' };

/** A rectangle in the map container's pixels (CSS px, origin at its top left). */
export type Rect = { x1: number; y1: number; x2: number; y2: number };

/** The part of the map shown: its zoom and the model rectangle on screen. */
export type Viewport = { zoom: number; extent: Rect };

export type MapCallbacks = {
  /** The user clicked or tapped a contact. */
  onOpenContact(id: string): void;
  /** The user clicked or tapped themselves ("Me in the middle"). */
  onOpenMe?(): void;
  /**
   * Positions to store: 'Layout' for computed ones, 'Move' (pinned) for the user's drags.
   * `undoable` is false for the automatic layout of a document (the user never asked for it).
   */
  onPositions(positions: Record<string, Position>, label: 'Layout' | 'Move', undoable: boolean): void;
  /**
   * Contacts dropped on the map while categories are drawn as areas: their new positions, and the categories
   * the drop puts them in or takes them out of (categoryAreas.ts); to be stored as one undo step.
   */
  onAreaDrop(positions: Record<string, Position>, changes: AreaChanges): void;
  /** Words the map draws itself, in the user's language. */
  text: { loose: string; me: string };
  /**
   * What covers the map's container (zoom buttons, minimap…), in container pixels: whatever the map frames
   * is kept out from under them. `whole`: for fitting the whole map, which leaves out what shows only while
   * zoomed in (the minimap).
   */
  obstacles?(whole: boolean): Rect[];
};

export type MapStats = {
  nodes: number;
  edges: number;
  zoom: number;
  /** Cluster bubbles among the nodes. */
  bubbles: number;
  /** Contact nodes among the nodes. */
  contacts: number;
  /** Elements faded by a focus or a highlight. */
  faded: number;
  /** True when clusters are drawn as bubbles (big documents). */
  aggregated: boolean;
  /** Clusters currently expanded into their contacts (aggregated maps). */
  expanded: string[];
  /** Documents drawn from scratch by this map (a theme change restyles; it does not reload). */
  loads: number;
};

export type DragEvent = { ids: string[]; clientX: number; clientY: number; preventMove(): void };
/** The pointer entered a contact (`id`) or left it (`id: null`); client coordinates of the contact on screen. */
export type HoverEvent = { id: string | null; clientX: number; clientY: number; radius: number };
/** The ego view: a contact, its neighbours up to `depth` ties away, the rest faded. */
export type EgoView = { id: string; depth: 1 | 2 };

export type MapEvents = {
  nodeDragStart: DragEvent;
  nodeDrag: DragEvent;
  nodeDragEnd: DragEvent;
  selectionChange: { ids: string[] };
  open: { id: string };
  clusterOpen: { clusterId: string; expanded: boolean };
  viewport: Viewport;
  hover: HoverEvent;
  /** The ego view changed (keyboard, double click, focusContact), or ended (null). */
  ego: EgoView | null;
};

/** A view as drawn, for exporting it as SVG: screen pixels, resolved colours. */
export type MapDrawing = {
  width: number;
  height: number;
  edges: { x1: number; y1: number; x2: number; y2: number; width: number; color: string; opacity: number }[];
  nodes: { x: number; y: number; r: number; color: string; border: string; borderWidth: number; opacity: number; label: string; fontSize: number; labelColor: string }[];
  /** The contacts' names (drawn above the map, not by Cytoscape): the middle of each text. */
  names: { text: string; x: number; y: number; fontSize: number; bold: boolean; color: string }[];
};
export type HitTarget = { kind: 'contact'; id: string } | { kind: 'cluster'; id: string } | null;
export type BubbleInfo = { id: string; clusterId: string; count: number };
/** A label as drawn (test probe): its text and box in container pixels. */
export type DrawnLabel = { id: string; text: string } & Rect;
