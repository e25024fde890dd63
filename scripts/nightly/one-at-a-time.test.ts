import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time.js';

describe('oneAtATime', () => {
  it('runs calls in order, never two at once, and goes on after a failure', async () => {
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const release: Array<() => void> = [];
    const run = oneAtATime(async (n: number) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => release.push(resolve));
      order.push(n);
      running--;
      if (n === 2) throw new Error('two');
      return n * 10;
    });
    const calls = [run(1), run(2), run(3)];
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(release).toHaveLength(i + 1);
      release[i]?.();
    }
    const settled = await Promise.allSettled(calls);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : 'failed'))).toEqual([
      10,
      'failed',
      30,
    ]);
    expect(order).toEqual([1, 2, 3]);
    expect(peak).toBe(1);
  });
});
