import type { AdaptiveLimit } from './adaptive-limit.js';
import type { Budget } from './budget.js';
import type { PanelCache } from './cache.js';
import type { Journal, OpenIntent, PendingTask } from './journal.js';
import type { RenderEvent, RenderOptions } from './types.js';

/** Why a render stopped submitting new tasks. */
export type StopReason =
  /** The next task would pass `maxCost`. */
  | 'budget'
  /** Wiro refused the account (auth, balance): no task can succeed. */
  | 'fatal'
  /** The caller aborted. */
  | 'aborted';

/**
 * The state one render shares between its panels, kept in one place: whether to go on
 * submitting, and what went wrong for everyone.
 */
export class RenderState {
  private reason: StopReason | undefined;
  private fatalError: Error | undefined;
  /** Runs that may have been accepted where Task/List could not tell: possibly billed twice. */
  uncertainRuns = 0;
  /** Tasks found on Wiro (Task/List) and used instead of sending their Run again. */
  adoptedTasks = 0;
  /** Downloads retried with fresh output URLs from Task/Detail after theirs expired. */
  urlRefreshes = 0;

  constructor(private readonly signal: AbortSignal | undefined) {}

  /** Why submitting stopped, if it did. */
  get stopped(): StopReason | undefined {
    return this.signal?.aborted ? 'aborted' : this.reason;
  }

  /** The account-level error that stopped the render, if any. */
  get fatal(): Error | undefined {
    return this.fatalError;
  }

  /** Stops submitting for everyone; the first reason wins. */
  stop(reason: 'budget'): void;
  stop(reason: 'fatal', error: Error): void;
  stop(reason: 'budget' | 'fatal', error?: Error): void {
    this.reason ??= reason;
    if (reason === 'fatal') this.fatalError ??= error;
  }
}

/** Everything the parts of one render work with. */
export interface RenderContext {
  options: RenderOptions;
  cache: PanelCache;
  journal: Journal;
  budget: Budget;
  limit: AdaptiveLimit;
  state: RenderState;
  /** Journalled tasks of earlier processes, by cache key, to re-attach to. */
  pending: Map<string, PendingTask[]>;
  /** Runs earlier processes were about to send with no task known, by cache key. */
  intents: Map<string, OpenIntent>;
  emit(event: RenderEvent): void;
  now(): number;
}
