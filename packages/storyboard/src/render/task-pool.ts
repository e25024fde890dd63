import { AdaptiveLimit } from './adaptive-limit.js';
import { Budget, type CostEstimate, DEFAULT_COST_ESTIMATE } from './budget.js';

/**
 * One concurrency limit and one budget that several renders share, so the panels of many issues
 * fill the same task slots (a nightly build) instead of each issue waiting for the one before.
 */
export interface TaskPool {
  readonly limit: AdaptiveLimit;
  readonly budget: Budget;
}

/** Options of {@link createTaskPool}. */
export interface TaskPoolOptions {
  /** Tasks in flight at most, across every render using the pool. @default 4 */
  concurrency?: number | undefined;
  /** USD for every render using the pool together. */
  maxCost?: number | undefined;
  /**
   * USD a task is assumed to cost before any task of its model has finished: one figure, or one
   * per model. @default 0.02
   */
  costEstimate?: CostEstimate | undefined;
  /** Told when Wiro's refusals lower the limit, or clean tasks raise it again. */
  onConcurrency?: ((limit: number, reason: string) => void) | undefined;
}

/** A task pool for renders that run at the same time (pass it as `RenderOptions.pool`). */
export function createTaskPool(options: TaskPoolOptions = {}): TaskPool {
  return {
    limit: new AdaptiveLimit(options.concurrency ?? 4, options.onConcurrency),
    budget: new Budget(options.maxCost, options.costEstimate ?? DEFAULT_COST_ESTIMATE),
  };
}
