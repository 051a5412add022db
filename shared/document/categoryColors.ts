/** Colours chosen to stay apart from each other and readable on light and dark maps. */
export const CATEGORY_COLORS = [
  '#2563eb', '#7c3aed', '#059669', '#d97706', '#dc2626', '#0891b2', '#db2777', '#65a30d',
  '#9333ea', '#0d9488', '#ea580c', '#4f46e5', '#be123c', '#15803d', '#b45309', '#0369a1',
] as const;

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function distance(a: string, b: string): number {
  const [r1, g1, b1] = rgb(a);
  const [r2, g2, b2] = rgb(b);
  return Math.hypot(r1 - r2, g1 - g2, b1 - b2);
}

function hslHex(h: number, s: number, l: number): string {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/**
 * A colour for a new category, at random among those of the palette no
 * category uses yet; once all are taken, the random hue farthest from
 * every colour in use among a few tries.
 */
export function pickCategoryColor(used: readonly string[], random: () => number = Math.random): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  const free = CATEGORY_COLORS.filter((c) => !taken.has(c));
  if (free.length > 0) return free[Math.floor(random() * free.length)]!;
  let best = CATEGORY_COLORS[0] as string;
  let bestDistance = -1;
  for (let i = 0; i < 24; i++) {
    const candidate = hslHex(random() * 360, 0.65, 0.45);
    const d = Math.min(...used.map((u) => distance(u, candidate)));
    if (d > bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
