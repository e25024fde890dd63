import { describe, expect, it } from 'vitest';
import { runInOrder } from './_ordered-pool.js';

/** A promise with its resolve and reject exposed. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('runInOrder', () => {
  it('hands results over in item order whatever order the work finishes in', async () => {
    const gates = [deferred<void>(), deferred<void>(), deferred<void>()];
    const consumed: number[] = [];
    const running = runInOrder(
      [0, 1, 2],
      3,
      async (item) => {
        await gates[item]?.promise;
        return item * 10;
      },
      async (result) => {
        consumed.push(result);
      },
    );
    gates[2]?.resolve();
    gates[1]?.resolve();
    gates[0]?.resolve();
    await running;
    expect(consumed).toEqual([0, 10, 20]);
  });

  it('runs at most `concurrency` items at once, and holds at most one more result', async () => {
    let working = 0;
    let mostWorking = 0;
    let unconsumed = 0;
    let mostUnconsumed = 0;
    await runInOrder(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async (item) => {
        working += 1;
        unconsumed += 1;
        mostWorking = Math.max(mostWorking, working);
        mostUnconsumed = Math.max(mostUnconsumed, unconsumed);
        await new Promise((resolve) => setImmediate(resolve));
        working -= 1;
        return item;
      },
      async () => {
        await new Promise((resolve) => setImmediate(resolve));
        unconsumed -= 1;
      },
    );
    expect(mostWorking).toBe(3);
    expect(mostUnconsumed).toBe(4);
  });

  it('on failure, starts nothing new and waits for the work in flight before rejecting', async () => {
    const started: number[] = [];
    const slow = deferred<void>();
    let slowFinished = false;
    const running = runInOrder(
      [0, 1, 2, 3],
      2,
      async (item) => {
        started.push(item);
        if (item === 0) throw new Error('boom');
        await slow.promise;
        slowFinished = true;
        return item;
      },
      async () => undefined,
    );
    let settled = false;
    running
      .catch(() => undefined)
      .finally(() => {
        settled = true;
      });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    slow.resolve();
    await expect(running).rejects.toThrow('boom');
    expect(slowFinished).toBe(true);
    expect(started).toEqual([0, 1]);
  });
});
