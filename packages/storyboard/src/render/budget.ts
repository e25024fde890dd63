/**
 * Tracks spend against an optional limit. What counts is the money already spent plus an estimate
 * for every task still in flight, so the limit is not passed by tasks that were sent before the
 * first bills came in.
 */
export class Budget {
  private spentUsd = 0;
  private finished = 0;
  private readonly inFlight = new Set<string>();
  /** Runs on their way to Wiro: counted like tasks in flight until accepted or refused. */
  private sending = 0;

  constructor(
    readonly maxCost: number | undefined,
    private readonly initialEstimate: number,
  ) {}

  /** The cost expected for the next task: the mean of finished ones, or the initial estimate. */
  estimate(): number {
    return this.finished > 0 ? this.spentUsd / this.finished : this.initialEstimate;
  }

  get spent(): number {
    return this.spentUsd;
  }

  /** Spent plus estimates for tasks in flight and Runs being sent. */
  committed(): number {
    return this.spentUsd + (this.inFlight.size + this.sending) * this.estimate();
  }

  /** Whether one more task fits under the limit. */
  allows(): boolean {
    return this.maxCost === undefined || this.committed() + this.estimate() <= this.maxCost + 1e-9;
  }

  /**
   * Holds the place of a Run about to be sent if one more task fits, so Runs checked while
   * others are still being sent cannot pass the limit together. Release it with
   * {@link releaseSend} once the Run was accepted (and {@link start}ed) or refused.
   */
  reserveSend(): boolean {
    if (!this.allows()) return false;
    this.sending++;
    return true;
  }

  /** The Run reserved with {@link reserveSend} was answered. */
  releaseSend(): void {
    this.sending = Math.max(0, this.sending - 1);
  }

  /** A task was accepted. */
  start(taskid: string): void {
    this.inFlight.add(taskid);
  }

  /** A task ended; `cost` is what Wiro billed (0 for failed or stopped tasks). */
  finish(taskid: string, cost: number, succeeded: boolean): void {
    this.inFlight.delete(taskid);
    this.spentUsd += cost;
    if (succeeded) this.finished++;
  }
}
