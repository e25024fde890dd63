import { describe, expect, it } from 'vitest';
import { hypot } from './_hypot.js';

/** A seeded generator, so a failure names pairs that fail again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('hypot', () => {
  it('gives exactly what Math.hypot gives for two numbers', () => {
    const next = random(7);
    const mismatches: Array<[number, number]> = [];
    for (let i = 0; i < 300_000; i += 1) {
      // Canvas-sized distances, whole and half pixels, and magnitudes far apart.
      const kind = i % 3;
      const a =
        kind === 0
          ? next() * 6000 - 3000
          : kind === 1
            ? Math.round(next() * 4000 - 2000) / 2
            : (next() - 0.5) * 2 ** Math.floor(next() * 80 - 40);
      const b = kind === 2 ? (next() - 0.5) * 2 ** Math.floor(next() * 80 - 40) : next() * 6000;
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
