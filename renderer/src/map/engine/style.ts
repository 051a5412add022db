import type { StylesheetJson } from 'cytoscape';

/** Map colours, read from the CSS variables of the page: a theme change reads them again and restyles the live map. */
export type MapTheme = {
  neutral: string;
  edge: string;
  label: string;
  labelHalo: string;
  selected: string;
  nodeBorder: string;
  overdue: string;
  dormant: string;
  broker: string;
  me: string;
};

export function readTheme(el: Element): MapTheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    neutral: v('--map-node-neutral', '#8a94a3'),
    edge: v('--map-edge', '#b8c0cc'),
    label: v('--map-label', '#1f2937'),
    labelHalo: v('--map-label-halo', '#ffffff'),
    selected: v('--map-selected', '#1d4ed8'),
    nodeBorder: v('--map-node-border', '#ffffff'),
    overdue: v('--map-overdue', '#d97706'),
    dormant: v('--map-dormant', '#64748b'),
    broker: v('--map-broker', '#be123c'),
    me: v('--map-me', '#111827'),
  };
}

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Contacts carry their size (`size`, from tie strength or brokerage) and
 * colour (their cluster's) in their data; cluster bubbles are `.bubble`.
 * Contacts' names are not Cytoscape labels: labels.ts chooses which show
 * (the most important, never two overlapping) and labelLayer.ts draws them
 * above the map, 12 px whatever the zoom. Bubbles and the user keep theirs.
 */
export function mapStyle(theme: MapTheme): StylesheetJson {
  return [
    // While the view moves, big maps draw a texture of the last frame (carnetMap.ts): what lies beyond it is
    // left clear, so the page's own background (and theme) shows there rather than Cytoscape's default white.
    // (The typings want every core property at once.)
    { selector: 'core', style: { 'outside-texture-bg-opacity': 0 } } as unknown as StylesheetJson[number],
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1.5,
        'border-color': theme.nodeBorder,
        'font-size': 12,
        'font-family': FONT,
        color: theme.label,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': theme.labelHalo,
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
      },
    },
    // The orange of an overdue ring is close to one of the cluster colours: a thin outline in the label colour
    // keeps the ring visible on an orange contact too.
    { selector: 'node.overdue', style: { 'border-width': 3.5, 'border-color': theme.overdue, 'outline-width': 1.5, 'outline-color': theme.label, 'outline-opacity': 0.85 } as never },
    { selector: 'node.dormant', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': theme.dormant } },
    { selector: 'node.broker', style: { shape: 'diamond', 'border-width': 3, 'border-color': theme.broker } },
    {
      selector: 'node.bubble',
      style: {
        'background-opacity': 0.28,
        'border-width': 2,
        'border-color': 'data(color)',
        'border-opacity': 0.9,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'text-max-width': 'data(textWidth)',
        'font-size': 'data(fontSize)',
        'font-weight': 'bold',
        'text-margin-y': 0,
        'min-zoomed-font-size': 7,
        'z-index': 0,
      },
    },
    // A bubble's name is given only where it can be read at about this zoom (scene.ts, BUBBLE_NAMED_PX): measuring
    // and wrapping 1,300 names that min-zoomed-font-size then hides took 0.3 ms a bubble at every first drawing.
    { selector: 'node.bubble.named', style: { label: 'data(label)' } },
    { selector: 'node.bubble.fragile', style: { 'border-style': 'dashed', 'border-color': theme.broker, 'border-width': 4 } },
    {
      selector: 'node.me',
      style: { label: 'data(label)', shape: 'star', 'background-color': theme.me, width: 34, height: 34, 'min-zoomed-font-size': 0, 'font-weight': 'bold', 'z-index': 5 },
    },
    {
      selector: 'node:selected, node.current',
      style: {
        'border-width': 3,
        'border-color': theme.selected,
        'underlay-color': theme.selected,
        'underlay-opacity': 0.2,
        'underlay-padding': 6,
        'underlay-shape': 'ellipse',
        'z-index': 10,
        'font-weight': 'bold',
      },
    },
    { selector: 'node.hl', style: { 'underlay-color': theme.selected, 'underlay-opacity': 0.25, 'underlay-padding': 5, 'z-index': 8 } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': theme.selected, 'font-weight': 'bold', 'z-index': 12 } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'haystack',
        'haystack-radius': 0,
        // Ties are never clicked or hovered (a tie is edited from its contacts): leaving them out of Cytoscape's
        // hit test, which runs on every mouse move over every element, saved tens of ms per move at 5,000 ties.
        events: 'no',
        width: 'mapData(strength, 0, 1, 0.6, 3.2)',
        'line-color': theme.edge,
        // The typings know only numbers here; Cytoscape maps data to opacity as to any number.
        opacity: 'mapData(strength, 0, 1, 0.35, 0.9)' as unknown as number,
      },
    },
    { selector: 'edge.summary', style: { width: 'data(width)', opacity: 0.5, 'line-color': theme.edge } },
    { selector: 'edge.mine', style: { 'line-color': theme.me, opacity: 0.25, width: 1 } },
    { selector: 'edge.hl', style: { 'line-color': theme.selected, opacity: 0.9 } },
    { selector: 'edge:selected', style: { 'line-color': theme.selected, opacity: 1 } },
    // Last, so that it wins over every opacity above (edges map theirs from strength).
    { selector: '.faded', style: { opacity: 0.12, 'min-zoomed-font-size': 1000 } },
  ];
}
