import { describe, expect, it } from 'vitest';
import { hypot } from './_hypot.js';

/** The fractional part of `i × step`: spread evenly over [0, 1), the same every run. */
function spread(i: number, step: number): number {
  return (i * step) % 1;
}

describe('hypot', () => {
  it('gives exactly what Math.hypot gives for two numbers', () => {
    const mismatches: Array<[number, number]> = [];
    for (let i = 0; i < 300_000; i += 1) {
      const u = spread(i, Math.SQRT2);
      const v = spread(i, Math.E);
      // Canvas-sized distances, whole and half pixels, and magnitudes far apart.
      const kind = i % 3;
      const a =
        kind === 0
          ? u * 6000 - 3000
          : kind === 1
            ? Math.round(u * 4000 - 2000) / 2
            : (u - 0.5) * 2 ** Math.floor(spread(i, Math.PI) * 80 - 40);
      const b = kind === 2 ? (v - 0.5) * 2 ** Math.floor(spread(i, Math.LN2) * 80 - 40) : v * 6000;
      if (!Object.is(hypot(a, b), Math.hypot(a, b))) mismatches.push([a, b]);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('agrees on zeros, infinities, NaN and the extremes', () => {
    const values = [0, -0, 1, -1, 3, 4, 5e-324, Number.MAX_VALUE, Infinity, -Infinity, NaN];
    for (const a of values) {
      for (const b of values) expect([a, b, hypot(a, b)]).toEqual([a, b, Math.hypot(a, b)]);
    }
  });
});
