// How much of a big drawing goes in each frame: adapted to what the last step took.
import { describe, expect, it } from 'vitest';
import { STEP_MS, nextStep } from '../../../renderer/src/map/engine/steps.js';

describe('the steps of a big drawing', () => {
  it('takes as many as fit in a step at the pace of the last one, growing at most twice a step', () => {
    // 16 bubbles in 6 ms: 32 would take 12 ms.
    expect(nextStep(16, 16, 6, 16)).toBeCloseTo(32);
    // Cheap ones grow the step twice at a time, never more.
    expect(nextStep(16, 16, 1, 16)).toBe(32);
    expect(nextStep(16, 16, 0, 16)).toBe(32);
    // Dear ones shrink it to what takes STEP_MS.
    expect(nextStep(64, 64, 48, 16)).toBeCloseTo((64 * STEP_MS) / 48);
  });

  it('stays within a quarter and eight times the starting count, and ignores a step that measured nothing', () => {
    expect(nextStep(128, 128, 1, 16)).toBe(128);
    expect(nextStep(16, 16, 1000, 16)).toBe(4);
    expect(nextStep(20, 0, 5, 16)).toBe(20);
    expect(nextStep(20, 10, Number.NaN, 16)).toBe(20);
    expect(nextStep(20, 10, -1, 16)).toBe(20);
  });
});
