/**
 * USD a task is assumed to cost before any task of its model has finished: one figure for every
 * model, or one per model (a model not listed is assumed to cost the most of those listed).
 */
export type CostEstimate = number | Readonly<Record<string, number>>;

/** The first estimate when none is given: about one 1-megapixel generation. */
export const DEFAULT_COST_ESTIMATE = 0.02;

/** What the tasks of one model that finished have cost. */
interface ModelCosts {
  spent: number;
  /** Tasks that gave their pictures. */
  finished: number;
}

/**
 * Tracks spend against an optional limit. What counts is the money already spent plus an estimate
 * for every task still in flight, so the limit is not passed by tasks that were sent before the
 * first bills came in. Estimates are per model: an upscale costs a fraction of a generation, and
 * one mean over both would let generations pass the limit (or stop upscales too early).
 */
export class Budget {
  private spentUsd = 0;
  private readonly byModel = new Map<string, ModelCosts>();
  /** Model of each task in flight, by task id. */
  private readonly inFlight = new Map<string, string>();
  /** Runs on their way to Wiro, by model: counted like tasks in flight until accepted or refused. */
  private readonly sending = new Map<string, number>();

  constructor(
    readonly maxCost: number | undefined,
    private readonly initialEstimate: CostEstimate,
  ) {}

  /**
   * The cost expected for the next task of `model`: the mean of its finished tasks, or the
   * initial estimate.
   */
  estimate(model: string): number {
    const seen = this.byModel.get(model);
    if (seen !== undefined && seen.finished > 0) return seen.spent / seen.finished;
    const initial = this.initialEstimate;
    if (typeof initial === 'number') return initial;
    const listed = Object.values(initial);
    return initial[model] ?? (listed.length > 0 ? Math.max(...listed) : DEFAULT_COST_ESTIMATE);
  }

  get spent(): number {
    return this.spentUsd;
  }

  /** Spent plus estimates for tasks in flight and Runs being sent. */
  committed(): number {
    let committed = this.spentUsd;
    for (const model of this.inFlight.values()) committed += this.estimate(model);
    for (const [model, count] of this.sending) committed += count * this.estimate(model);
    return committed;
  }

  /** Whether one more task of `model` fits under the limit. */
  allows(model: string): boolean {
    return (
      this.maxCost === undefined || this.committed() + this.estimate(model) <= this.maxCost + 1e-9
    );
  }

  /**
   * Holds the place of a Run of `model` about to be sent if one more task fits, so Runs checked
   * while others are still being sent cannot pass the limit together. Release it with
   * {@link releaseSend} once the Run was accepted (and {@link start}ed) or refused.
   */
  reserveSend(model: string): boolean {
    if (!this.allows(model)) return false;
    this.sending.set(model, (this.sending.get(model) ?? 0) + 1);
    return true;
  }

  /** The Run of `model` reserved with {@link reserveSend} was answered. */
  releaseSend(model: string): void {
    const count = (this.sending.get(model) ?? 0) - 1;
    if (count > 0) this.sending.set(model, count);
    else this.sending.delete(model);
  }

  /** A task of `model` was accepted. */
  start(taskid: string, model: string): void {
    this.inFlight.set(taskid, model);
  }

  /** A task ended; `cost` is what Wiro billed (0 for failed or stopped tasks). */
  finish(taskid: string, cost: number, succeeded: boolean): void {
    const model = this.inFlight.get(taskid);
    this.inFlight.delete(taskid);
    this.spentUsd += cost;
    if (model === undefined) return;
    const seen = this.byModel.get(model) ?? { spent: 0, finished: 0 };
    seen.spent += cost;
    if (succeeded) seen.finished++;
    this.byModel.set(model, seen);
  }
}
