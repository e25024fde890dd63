/**
 * Runs `work` on every item with at most `concurrency` calls in flight, and hands the results to
 * `consume` one at a time in item order. Item `i + concurrency` starts only once result `i` is
 * taken (and is worked on while `i` is consumed), so at most `concurrency + 1` results exist at
 * any time: memory stays bounded however many items there are. On the first failure no new work starts, the work in flight is awaited (so
 * nothing keeps writing after this returns) and the error is rethrown.
 * @internal
 */
export async function runInOrder<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  consume: (result: R, item: T, index: number) => Promise<void>,
): Promise<void> {
  const inFlight = new Map<number, Promise<R>>();
  let next = 0;
  const start = () => {
    const index = next;
    next += 1;
    const promise = work(items[index] as T, index);
    promise.catch(() => undefined);
    inFlight.set(index, promise);
  };
  try {
    while (next < items.length && next < concurrency) start();
    for (let index = 0; index < items.length; index += 1) {
      const result = await (inFlight.get(index) as Promise<R>);
      inFlight.delete(index);
      if (next < items.length) start();
      await consume(result, items[index] as T, index);
    }
  } catch (error) {
    await Promise.allSettled(inFlight.values());
    throw error;
  }
}
