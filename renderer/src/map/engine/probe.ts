import type { CyAdapter } from './cyAdapter.js';
import { ME_ID } from './elements.js';
import type { MapModel } from './model.js';
import type { MapStats } from './types.js';

/** What is drawn, in numbers: for the `window.__carnet` probe (README.md), the benchmark and the tests. */
export function mapStats(adapter: CyAdapter, model: MapModel, loads: number): MapStats {
  const c = adapter.counts();
  return {
    nodes: c.nodes,
    edges: c.edges,
    zoom: adapter.zoom(),
    bubbles: c.bubbles,
    contacts: c.nodes - c.bubbles - (adapter.has(ME_ID) ? 1 : 0),
    faded: c.faded,
    aggregated: model.aggregate,
    expanded: [...model.expanded],
    loads,
  };
}

/** For the minimap: every group's disc and colour, and the visible extent. */
export function overview(adapter: CyAdapter, model: MapModel): { discs: { x: number; y: number; r: number; color: string }[]; extent: { x1: number; y1: number; x2: number; y2: number } } {
  const discs = model.groups
    .map((g) => ({ geo: model.geometry.get(g.id), color: g.color }))
    .filter((d) => d.geo && d.geo.count > 0)
    .map((d) => ({ x: d.geo!.x, y: d.geo!.y, r: d.geo!.r, color: d.color }));
  return { discs, extent: adapter.extent() };
}
