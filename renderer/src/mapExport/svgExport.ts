import type { MapDrawing } from '../map/engine/carnetMap.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const n = (x: number) => String(Math.round(x * 10) / 10);

/**
 * The current view as a standalone SVG: ties as lines, contacts and bubbles
 * as circles, with the labels the map shows at this zoom. Written here
 * rather than with the cytoscape-svg extension, which is GPL-3.0 while
 * Carnet is MIT. Shapes other than circles are drawn as circles.
 */
export function drawingToSvg(d: MapDrawing, background: string, fontFamily: string): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(d.width)}" height="${n(d.height)}" viewBox="0 0 ${n(d.width)} ${n(d.height)}">`,
    `<rect width="100%" height="100%" fill="${esc(background)}"/>`,
    '<g stroke-linecap="round">',
  ];
  for (const e of d.edges) {
    out.push(`<line x1="${n(e.x1)}" y1="${n(e.y1)}" x2="${n(e.x2)}" y2="${n(e.y2)}" stroke="${esc(e.color)}" stroke-width="${n(e.width)}" opacity="${n(e.opacity)}"/>`);
  }
  out.push('</g><g>');
  for (const v of d.nodes) {
    out.push(
      `<circle cx="${n(v.x)}" cy="${n(v.y)}" r="${n(v.r)}" fill="${esc(v.color)}" stroke="${esc(v.border)}" stroke-width="${n(v.borderWidth)}" opacity="${n(v.opacity)}"/>`,
    );
  }
  out.push(`</g><g font-family="${esc(fontFamily)}" text-anchor="middle">`);
  for (const v of d.nodes) {
    if (!v.label) continue;
    out.push(`<text x="${n(v.x)}" y="${n(v.y + v.r + v.fontSize + 2)}" font-size="${n(v.fontSize)}" fill="${esc(v.labelColor)}" opacity="${n(v.opacity)}">${esc(v.label)}</text>`);
  }
  for (const t of d.names) {
    out.push(`<text x="${n(t.x)}" y="${n(t.y)}" dominant-baseline="central" font-size="${n(t.fontSize)}"${t.bold ? ' font-weight="bold"' : ''} fill="${esc(t.color)}">${esc(t.text)}</text>`);
  }
  out.push('</g></svg>');
  return out.join('\n');
}
