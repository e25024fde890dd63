/** An opaque handle for a pending timer. */
export type TimerHandle = object;

/**
 * Where the emulator schedules delayed work (task lifecycle steps, slow replies). Inject one to make
 * tests deterministic; the default uses `setTimeout`.
 */
export interface Scheduler {
  /** Runs `callback` after `ms` milliseconds. */
  setTimer(callback: () => void, ms: number): TimerHandle;
  /** Cancels a pending timer; a no-op for timers that already ran. */
  clearTimer(handle: TimerHandle): void;
}

/** The default scheduler: real `setTimeout`/`clearTimeout`. */
export function createTimerScheduler(): Scheduler {
  return {
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

/** A scheduler driven by hand: time moves only when {@link ManualScheduler.advance} is called. */
export interface ManualScheduler extends Scheduler {
  /** The scheduler's current time in ms (starts at `start`). Pass it as the emulator's `now`. */
  now(): number;
  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void;
  /** Runs timers until none is pending (time jumps to each). Returns how many ran. */
  runAll(limit?: number): number;
  /** Number of pending timers. */
  pending(): number;
}

interface ManualTimer {
  at: number;
  seq: number;
  callback: () => void;
}

/**
 * Creates a {@link ManualScheduler}: no real timers, so a test controls exactly when each
 * lifecycle step happens.
 *
 * @example
 * const scheduler = createManualScheduler();
 * const emulator = await startEmulator({ scheduler, now: scheduler.now });
 * scheduler.runAll(); // every queued task runs to its end
 */
export function createManualScheduler(start = Date.UTC(2025, 0, 1)): ManualScheduler {
  let time = start;
  let seq = 0;
  const timers = new Set<ManualTimer>();
  const next = (): ManualTimer | undefined => {
    let best: ManualTimer | undefined;
    for (const timer of timers) {
      if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq))
        best = timer;
    }
    return best;
  };
  const runOne = (timer: ManualTimer) => {
    timers.delete(timer);
    time = Math.max(time, timer.at);
    timer.callback();
  };
  return {
    now: () => time,
    setTimer(callback, ms) {
      const timer: ManualTimer = { at: time + Math.max(0, ms), seq: seq++, callback };
      timers.add(timer);
      return timer;
    },
    clearTimer(handle) {
      timers.delete(handle as ManualTimer);
    },
    advance(ms) {
      const target = time + ms;
      for (let timer = next(); timer && timer.at <= target; timer = next()) runOne(timer);
      time = target;
    },
    runAll(limit = 100_000) {
      let count = 0;
      for (let timer = next(); timer && count < limit; timer = next()) {
        runOne(timer);
        count++;
      }
      return count;
    },
    pending: () => timers.size,
  };
}

/** A scheduler that remembers its pending timers so they can all be cancelled at once. */
export interface TrackedScheduler extends Scheduler {
  /** Cancels every pending timer. */
  clearAll(): void;
}

/** Wraps a scheduler so {@link TrackedScheduler.clearAll} can stop everything on close. */
export function trackTimers(inner: Scheduler): TrackedScheduler {
  const pending = new Set<TimerHandle>();
  return {
    setTimer(callback, ms) {
      const handle: TimerHandle = inner.setTimer(() => {
        pending.delete(handle);
        callback();
      }, ms);
      pending.add(handle);
      return handle;
    },
    clearTimer(handle) {
      pending.delete(handle);
      inner.clearTimer(handle);
    },
    clearAll() {
      for (const handle of pending) inner.clearTimer(handle);
      pending.clear();
    },
  };
}
