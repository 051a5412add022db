/**
 * How much of a big drawing goes in each frame (carnetMap's drawInSteps). A fixed 16 bubbles a frame drew
 * the 1,300 clusters of an imported 30,000-row export in 80 frames (1.3 s), each frame using a third of its
 * time; a count adapted to the pace of the last step keeps each step near STEP_MS, whatever a bubble costs.
 */

/** What a step's own work (adding the elements, their styles and label sizes) should take, in ms. */
export const STEP_MS = 12;
/** Bounds of the adapted count, as multiples of the starting one. */
const STEP_MIN = 0.25;
const STEP_MAX = 8;

/**
 * The count of the next step: as many as take about STEP_MS at the pace of the last one (`done` elements
 * in `ms`), at most twice the current count, within STEP_MIN and STEP_MAX times `start`. The frame that
 * draws them costs about as much again (their textures), so a frame stays well under 50 ms.
 */
export function nextStep(current: number, done: number, ms: number, start: number): number {
  if (done === 0 || !Number.isFinite(ms) || ms < 0) return current;
  const wanted = ms === 0 ? current * 2 : (done * STEP_MS) / ms;
  return Math.min(start * STEP_MAX, Math.max(start * STEP_MIN, Math.min(wanted, current * 2)));
}
