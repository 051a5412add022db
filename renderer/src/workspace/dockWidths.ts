/** The narrowest each docked panel gets, and the least the map keeps between them (CSS px). */
export const DRAWER_MIN = 260;
export const SIDE_MIN = 280;
export const MAP_MIN = 360;
/** The folded side dock: a rail of buttons. */
export const RAIL_WIDTH = 44;

/** Widths a first start gives the panels: a share of the window, within bounds. */
export function defaultWidths(windowWidth: number): { drawer: number; side: number } {
  return {
    drawer: Math.round(Math.min(420, Math.max(300, windowWidth * 0.25))),
    side: Math.round(Math.min(400, Math.max(300, windowWidth * 0.24))),
  };
}

/**
 * The widths the docked panels actually take in a workspace `total` px wide:
 * the user's, shrunk (both in proportion, never below their minimum) when the
 * map would otherwise keep less than MAP_MIN. `drawer` is 0 when the drawer is closed.
 */
export function fitWidths(total: number, drawer: number, side: number): { drawer: number; side: number; maxDrawer: number; maxSide: number } {
  const room = Math.max(0, total - MAP_MIN);
  let d = drawer;
  let s = side;
  if (d + s > room) {
    const over = d + s - room;
    const give = (w: number, min: number) => Math.max(0, w - min);
    const slack = give(d, drawer > 0 ? DRAWER_MIN : 0) + give(s, SIDE_MIN);
    if (slack > 0) {
      const share = Math.min(1, over / slack);
      d -= give(d, drawer > 0 ? DRAWER_MIN : 0) * share;
      s -= give(s, SIDE_MIN) * share;
    }
  }
  return {
    drawer: Math.round(d),
    side: Math.round(s),
    maxDrawer: Math.max(DRAWER_MIN, Math.round(room - s)),
    maxSide: Math.max(SIDE_MIN, Math.round(room - d)),
  };
}
