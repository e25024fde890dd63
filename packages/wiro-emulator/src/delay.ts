import type { Scheduler } from './scheduler.js';

/** A promise that resolves after `ms` on the given scheduler (never, if it is torn down first). */
export function delay(scheduler: Scheduler, ms: number): Promise<void> {
  return new Promise((resolve) => {
    scheduler.setTimer(resolve, ms);
  });
}
