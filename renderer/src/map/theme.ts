import type { StylesheetJson } from 'cytoscape';

/** Map colours, read from the CSS variables of the page so a theme change restyles the map too. */
export type MapTheme = { neutral: string; edge: string; label: string; labelHalo: string; selected: string; nodeBorder: string };

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
  };
}

/**
 * Labels are drawn only once they would be readable (min-zoomed-font-size):
 * hundreds of unreadable labels cost most of a frame and show nothing.
 */
export function mapStyle(theme: MapTheme): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        width: 'mapData(degree, 0, 12, 18, 40)',
        height: 'mapData(degree, 0, 12, 18, 40)',
        'border-width': 1.5,
        'border-color': theme.nodeBorder,
        label: 'data(label)',
        'font-size': 12,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: theme.label,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': theme.labelHalo,
        'text-outline-width': 2,
        'min-zoomed-font-size': 10,
      },
    },
    { selector: 'node[!categorized]', style: { 'background-opacity': 0.85 } },
    {
      selector: 'node:selected',
      style: {
        'border-width': 3,
        'border-color': theme.selected,
        'underlay-color': theme.selected,
        'underlay-opacity': 0.2,
        'underlay-padding': 6,
        'underlay-shape': 'ellipse',
        'z-index': 10,
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'haystack',
        'haystack-radius': 0,
        width: 'mapData(strength, 0, 1, 0.8, 3)',
        'line-color': theme.edge,
        opacity: 0.75,
      },
    },
    { selector: 'edge:selected', style: { 'line-color': theme.selected, opacity: 1 } },
  ];
}
