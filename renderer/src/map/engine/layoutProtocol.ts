import type { LayoutInput } from './layoutCore.js';

/** A layout asked of layout.worker.ts. */
export type LayoutRequest = { id: number; input: LayoutInput };

/** Positions [x0, y0, …] by contact index (NaN for pinned contacts), or why it failed. */
export type LayoutReply = { id: number; positions: Float64Array; ms: number } | { id: number; error: string };
