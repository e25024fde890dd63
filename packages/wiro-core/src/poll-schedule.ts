/**
 * When to poll Task/Detail next, given how long the wait has lasted.
 *
 * Starts fast so short tasks are noticed promptly, then backs off like the official clients:
 * 250 ms growing by half each poll, capped at 2 s during the first 15 s, 5 s until 60 s, and
 * 10 s after that.
 *
 * @example
 * defaultPollDelay(0, 0); // 250
 * defaultPollDelay(20_000, 30); // 5000
 */
export function defaultPollDelay(elapsedMs: number, poll: number): number {
  const cap = elapsedMs < 15_000 ? 2_000 : elapsedMs < 60_000 ? 5_000 : 10_000;
  return Math.min(cap, Math.round(250 * 1.5 ** poll));
}

/** Delays between safety checks while the socket is quiet: a silent socket is never trusted. */
export function socketQuietDelay(check: number): number {
  return Math.min(30_000, 2_000 * 2 ** check);
}
