import pLimit, { type LimitFunction } from 'p-limit';

/**
 * A concurrency limit that backs off when Wiro says its own limit is reached (code 96) and grows
 * back one step each time as many tasks as the current limit finished cleanly.
 */
export class AdaptiveLimit {
  readonly run: LimitFunction;
  private cleanStreak = 0;

  constructor(
    readonly max: number,
    private readonly onChange: (limit: number, reason: string) => void = () => {},
  ) {
    this.run = pLimit(max);
  }

  get current(): number {
    return this.run.concurrency;
  }

  /** Wiro refused a Run for concurrency: allow one fewer than are running now. */
  lower(): void {
    const next = Math.max(1, Math.min(this.current, this.run.activeCount) - 1);
    this.cleanStreak = 0;
    if (next !== this.current) {
      this.run.concurrency = next;
      this.onChange(next, 'Wiro concurrency limit reached (code 96)');
    }
  }

  /** A task finished without being refused. */
  succeeded(): void {
    if (this.current >= this.max) return;
    if (++this.cleanStreak >= this.current) {
      this.cleanStreak = 0;
      this.run.concurrency = this.current + 1;
      this.onChange(this.current, 'raised again after clean tasks');
    }
  }
}
