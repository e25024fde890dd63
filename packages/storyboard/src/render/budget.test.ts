import { describe, expect, it } from 'vitest';
import { Budget } from './budget.js';

const GENERATE = 'Adel_AI/Comics-Factory-v1';
const UPSCALE = 'xinntao/Real-ESRGAN';

describe('Budget', () => {
  it('keeps one estimate per model, so cheap upscales do not lower what a generation is expected to cost', () => {
    const budget = new Budget(undefined, { [GENERATE]: 0.02, [UPSCALE]: 0.002 });
    budget.start('g1', GENERATE);
    budget.finish('g1', 0.024, true);
    for (const id of ['u1', 'u2', 'u3']) {
      budget.start(id, UPSCALE);
      budget.finish(id, 0.001, true);
    }
    expect(budget.estimate(GENERATE)).toBeCloseTo(0.024, 9);
    expect(budget.estimate(UPSCALE)).toBeCloseTo(0.001, 9);
    expect(budget.spent).toBeCloseTo(0.027, 9);
  });

  it('reserves each Run at its own model estimate and refuses the one that would pass the limit', () => {
    const budget = new Budget(0.025, { [GENERATE]: 0.02, [UPSCALE]: 0.002 });
    expect(budget.reserveSend(GENERATE)).toBe(true);
    expect(budget.reserveSend(UPSCALE)).toBe(true);
    expect(budget.committed()).toBeCloseTo(0.022, 9);
    expect(budget.reserveSend(GENERATE)).toBe(false);
    expect(budget.reserveSend(UPSCALE)).toBe(true);
    budget.releaseSend(GENERATE);
    budget.start('g1', GENERATE);
    expect(budget.committed()).toBeCloseTo(0.024, 9);
  });

  it('assumes a model it has no estimate for costs the most of those it has', () => {
    const budget = new Budget(undefined, { [GENERATE]: 0.02, [UPSCALE]: 0.002 });
    expect(budget.estimate('someone/else')).toBe(0.02);
    expect(new Budget(undefined, {}).estimate(GENERATE)).toBe(0.02);
    expect(new Budget(undefined, 0.05).estimate(UPSCALE)).toBe(0.05);
  });

  it('counts a billed task whose pictures were lost in the spend and in its model mean', () => {
    const budget = new Budget(undefined, 0.02);
    budget.start('g1', GENERATE);
    budget.finish('g1', 0.03, false);
    budget.start('g2', GENERATE);
    budget.finish('g2', 0.03, true);
    expect(budget.spent).toBeCloseTo(0.06, 9);
    expect(budget.estimate(GENERATE)).toBeCloseTo(0.06, 9);
  });
});
