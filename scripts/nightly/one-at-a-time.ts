/**
 * Wraps an async function so calls run one after another, in the order they were made; a call
 * that fails does not stop the ones after it.
 */
export function oneAtATime<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const result = tail.then(() => fn(...args));
    tail = result.catch(() => {});
    return result;
  };
}
