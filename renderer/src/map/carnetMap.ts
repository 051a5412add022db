import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import type { ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument, Position } from '../../../shared/document/schema.js';
import { documentElements, edgeData, nodeData } from './elements.js';
import { layoutAll, placeNear } from './layout.js';
import { mapStyle, readTheme, type MapTheme } from './theme.js';

export type MapCallbacks = {
  /** The user clicked or tapped a contact. */
  onOpenContact(id: string): void;
  /** Positions to store: 'Layout' for computed ones, 'Move' (pinned) for the user's drags. */
  onPositions(positions: Record<string, Position>, label: 'Layout' | 'Move'): void;
};

export type MapStats = { nodes: number; edges: number; zoom: number };

/**
 * Owns the Cytoscape instance: everything the map draws goes through here, so
 * the level-of-detail work can change what is handed to Cytoscape without
 * touching the React side. It never edits the document itself; it reports
 * positions to store through the callbacks.
 */
export class CarnetMap {
  private readonly cy: Core;
  private readonly theme: MapTheme;
  private readonly droppedIds = new Set<string>();
  private dropTimer: ReturnType<typeof setTimeout> | null = null;
  private loading = false;
  private destroyed = false;

  constructor(
    container: HTMLElement,
    private readonly callbacks: MapCallbacks,
  ) {
    this.theme = readTheme(container);
    this.cy = cytoscape({
      container,
      style: mapStyle(this.theme),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      pixelRatio: 'auto',
    });
    this.cy.on('tap', 'node', (e) => this.callbacks.onOpenContact((e.target as NodeSingular).id()));
    this.cy.on('dragfreeon', 'node', (e) => this.onDrop(e.target as NodeSingular));
    this.cy.on('select', 'node', (e) => this.sizeLabel(e.target as NodeSingular));
    this.cy.on('unselect', 'node', (e) => (e.target as NodeSingular).removeStyle('font-size text-outline-width text-margin-y border-width underlay-padding'));
    this.cy.on('zoom', () => this.cy.nodes(':selected').forEach((n) => this.sizeLabel(n)));
  }

  /** Draws a whole document, laying out the contacts that have no stored position. */
  async load(doc: CarnetDocument): Promise<void> {
    if (this.destroyed) return;
    this.loading = true;
    try {
      await this.draw(doc);
    } finally {
      this.loading = false;
    }
  }

  /** False while a document is being drawn and laid out. */
  ready(): boolean {
    return !this.loading;
  }

  private async draw(doc: CarnetDocument): Promise<void> {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(documentElements(doc, this.theme.neutral));
      cy.nodes().forEach((n) => {
        n.data('degree', n.degree(false));
      });
    });
    const missing = cy.nodes().filter((n) => !doc.positions[n.id()]);
    if (missing.length > 0) {
      const positions = missing.length === cy.nodes().length ? await layoutAll(cy, missing) : placeNear(cy, missing);
      // A map torn down meanwhile (another document, React remounting) must not store a stale layout.
      if (this.destroyed) return;
      this.callbacks.onPositions(positions, 'Layout');
    }
    this.fit();
  }

  /** Patches the drawing with the changes just applied to `doc` (already updated). */
  patch(doc: CarnetDocument, set: ChangeSet): void {
    if (this.destroyed) return;
    const cy = this.cy;
    const added: string[] = [];
    const touched = new Set<string>();
    let recolor = false;
    cy.batch(() => {
      for (const c of set.changes) {
        if (c.op !== 'put' && c.op !== 'del') continue;
        if (c.coll === 'contacts') {
          const node = cy.getElementById(c.id);
          const contact = doc.contacts[c.id];
          if (c.op === 'del' || !contact) {
            node.connectedEdges().connectedNodes().forEach((n) => {
              touched.add(n.id());
            });
            node.remove();
          } else if (node.nonempty()) {
            node.data(nodeData(doc, contact, this.theme.neutral));
          } else {
            cy.add({ group: 'nodes', data: { ...nodeData(doc, contact, this.theme.neutral), degree: 0 } });
            added.push(c.id);
          }
        } else if (c.coll === 'ties') {
          cy.getElementById(`tie:${c.id}`).remove();
          const tie = doc.ties[c.id];
          if (tie && cy.getElementById(tie.from).nonempty() && cy.getElementById(tie.to).nonempty() && tie.from !== tie.to) {
            cy.add({ group: 'edges', data: edgeData(tie) });
          }
          for (const end of tie ? [tie.from, tie.to] : []) touched.add(end);
        } else if (c.coll === 'categories') {
          recolor = true;
        }
      }
      // Ties put before their contacts in the same set (an undone delete) are added now that both ends exist.
      for (const c of set.changes) {
        if (c.op !== 'put' || c.coll !== 'ties') continue;
        const tie = doc.ties[c.id];
        if (tie && cy.getElementById(`tie:${c.id}`).empty() && cy.getElementById(tie.from).nonempty() && cy.getElementById(tie.to).nonempty()) {
          cy.add({ group: 'edges', data: edgeData(tie) });
          touched.add(tie.from).add(tie.to);
        }
      }
      for (const c of set.changes) {
        if (c.op !== 'put' || c.coll !== 'positions') continue;
        const node = cy.getElementById(c.id);
        const p = doc.positions[c.id];
        if (p && node.nonempty() && !node.grabbed()) node.position({ x: p.x, y: p.y });
      }
      for (const id of [...touched, ...added]) {
        const n = cy.getElementById(id);
        if (n.nonempty()) n.data('degree', n.degree(false));
      }
      if (recolor) {
        cy.nodes().forEach((n) => {
          const contact = doc.contacts[n.id()];
          if (contact) n.data(nodeData(doc, contact, this.theme.neutral));
        });
      }
    });
    const unplaced = cy.nodes().filter((n) => added.includes(n.id()) && !doc.positions[n.id()]);
    if (unplaced.nonempty()) this.callbacks.onPositions(placeNear(cy, unplaced), 'Layout');
  }

  /** Marks the contact shown in the side panel. */
  select(id: string | null): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes(':selected').unselect();
      if (id) cy.getElementById(id).select();
    });
    const node = id ? cy.getElementById(id) : null;
    if (!node || node.empty()) return;
    // The side panel that opened with the selection narrows the map: bring the contact back into view if it went under it.
    cy.resize();
    const p = node.renderedPosition();
    const margin = 40;
    if (p.x < margin || p.y < margin || p.x > cy.width() - margin || p.y > cy.height() - margin) {
      cy.stop();
      cy.animate({ center: { eles: node } }, { duration: 250 });
    }
  }

  fit(): void {
    if (this.cy.nodes().nonempty()) this.cy.fit(undefined, 40);
    else this.cy.reset();
  }

  /** Zooms around the middle of the view; each call multiplies the zoom, however fast they come. */
  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Where a new contact goes: the middle of what the user is looking at, in map coordinates. */
  viewCenter(): Position {
    const e = this.cy.extent();
    return { x: Math.round((e.x1 + e.x2) / 2), y: Math.round((e.y1 + e.y2) / 2) };
  }

  /** Where a contact is drawn on screen, relative to the map's container (for tests and popovers). */
  renderedPosition(id: string): { x: number; y: number } | null {
    const n = this.cy.getElementById(id);
    return n.nonempty() ? n.renderedPosition() : null;
  }

  stats(): MapStats {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length, zoom: this.cy.zoom() };
  }

  resize(): void {
    this.cy.resize();
  }

  destroy(): void {
    this.destroyed = true;
    if (this.dropTimer) clearTimeout(this.dropTimer);
    this.cy.destroy();
  }

  /** The selected contact's name stays readable at any zoom, so the user sees which one the panel shows. */
  private sizeLabel(node: NodeSingular): void {
    const z = this.cy.zoom();
    node.style({
      'font-size': Math.max(12, 13 / z),
      'text-outline-width': Math.max(2, 3 / z),
      'text-margin-y': Math.max(3, 4 / z),
      'border-width': Math.max(3, 3 / z),
      'underlay-padding': Math.max(6, 7 / z),
    });
  }

  /** A drag of several selected nodes ends with one event per node: they are stored as one 'Move'. */
  private onDrop(node: NodeSingular): void {
    this.droppedIds.add(node.id());
    if (this.dropTimer) clearTimeout(this.dropTimer);
    this.dropTimer = setTimeout(() => {
      this.dropTimer = null;
      const positions: Record<string, Position> = {};
      for (const id of this.droppedIds) {
        const n = this.cy.getElementById(id);
        if (n.empty()) continue;
        const p = n.position();
        positions[id] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10, pinned: true };
      }
      this.droppedIds.clear();
      if (Object.keys(positions).length > 0) this.callbacks.onPositions(positions, 'Move');
    }, 0);
  }
}
