import type { Core, LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import type { Position } from '../../../shared/document/schema.js';

/**
 * Above this many contacts cose is too slow for the UI thread on a small
 * machine; the level-of-detail work will bring a worker layout for them.
 */
const COSE_MAX_NODES = 1500;

/** Lays out `nodes` (all the map, when nothing was placed yet) and returns their new positions. */
export function layoutAll(cy: Core, nodes: NodeCollection): Promise<Record<string, Position>> {
  const n = nodes.length;
  const options: LayoutOptions =
    n <= COSE_MAX_NODES
      ? {
          name: 'cose',
          animate: false,
          randomize: true,
          fit: false,
          // Fewer iterations on bigger maps: past a few hundred nodes the extra rounds barely change the picture.
          numIter: n <= 400 ? 1000 : 400,
          nodeRepulsion: () => 24000,
          idealEdgeLength: () => 90,
          edgeElasticity: () => 80,
          nestingFactor: 1.2,
          gravity: 0.6,
          componentSpacing: 60,
          nodeOverlap: 8,
        }
      : { name: 'grid', animate: false, fit: false, avoidOverlap: true, spacingFactor: 1 };
  // cose lines up unconnected contacts in a row beside the graph; a ring around it reads better.
  const isolated = nodes.filter((node) => node.degree(false) === 0);
  const connected = nodes.difference(isolated);
  if (connected.empty()) {
    ring(isolated, { x: 0, y: 0 }, 40 + isolated.length * 6);
    return Promise.resolve(positionsOf(nodes));
  }
  const layout = connected.union(connected.connectedEdges()).layout(options);
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  return done.then(() => {
    const box = connected.boundingBox({});
    ring(isolated, { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 }, Math.max(box.w, box.h) / 2 + 80);
    return positionsOf(nodes);
  });
}

function ring(nodes: NodeCollection, center: { x: number; y: number }, radius: number): void {
  nodes.forEach((node: NodeSingular, i: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
    node.position({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
  });
}

/**
 * Puts contacts that arrived without a position (added elsewhere, imported)
 * next to the drawn contacts they are tied to, or beside the map when they
 * have none, without moving anything the user arranged.
 */
export function placeNear(cy: Core, nodes: NodeCollection): Record<string, Position> {
  const placed = cy.nodes().difference(nodes);
  const box = placed.length > 0 ? placed.boundingBox({}) : { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };
  let loose = 0;
  nodes.forEach((node: NodeSingular) => {
    const anchors = node.neighborhood('node').intersection(placed);
    if (anchors.length > 0) {
      let x = 0;
      let y = 0;
      anchors.forEach((a: NodeSingular) => {
        x += a.position('x');
        y += a.position('y');
      });
      const angle = Math.random() * 2 * Math.PI;
      node.position({ x: x / anchors.length + 40 * Math.cos(angle), y: y / anchors.length + 40 * Math.sin(angle) });
    } else {
      // A column to the right of the map, where a newcomer is easy to spot.
      node.position({ x: box.x2 + 60 + 40 * Math.floor(loose / 12), y: box.y1 + 40 * (loose % 12) });
      loose++;
    }
  });
  return positionsOf(nodes);
}

function positionsOf(nodes: NodeCollection): Record<string, Position> {
  const out: Record<string, Position> = {};
  nodes.forEach((n: NodeSingular) => {
    const p = n.position();
    out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  });
  return out;
}
