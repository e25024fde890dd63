import { describeError, sleep } from './_utils.js';
import {
  WiroAbortError,
  WiroApiError,
  WiroConcurrencyLimitError,
  WiroConnectionError,
  WiroDownloadError,
  WiroRateLimitError,
} from './errors.js';

/** How failed requests are retried. One policy serves every operation. */
export interface RetryPolicy {
  /**
   * Attempts in all, the first one included.
   * @default 4
   */
  maxAttempts: number;
  /**
   * Delay before the first retry; it doubles on every further retry.
   * @default 500
   */
  baseDelayMs: number;
  /**
   * The largest delay between two attempts.
   * @default 8000
   */
  maxDelayMs: number;
  /**
   * Share of each delay that is randomised (0: none, 1: "full jitter"), so that many clients
   * failing together do not retry together.
   * @default 0.5
   */
  jitter: number;
  /**
   * A Retry-After longer than this is not waited for: the error is thrown instead.
   * @default 60000
   */
  maxRetryAfterMs: number;
}

/** The policy used when none is given. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  jitter: 0.5,
  maxRetryAfterMs: 60_000,
});

/**
 * The delay before retry number `retry` (1 for the first retry): capped exponential backoff with
 * jitter, or exactly the server's Retry-After when it sent one.
 */
export function computeRetryDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(exponential * (1 - policy.jitter * random()));
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether an error is worth another attempt.
 *
 * Idempotent operations (Task/Detail, Kill, Cancel, uploads' reads, downloads) retry on network
 * trouble, 408, 429, 5xx and Wiro code 0 server errors. A Run is not idempotent: it is sent again
 * only when the server provably did not accept it (HTTP 429, or a connection that never opened).
 * Code 96 is never retried here: it is surfaced so the caller can lower its concurrency.
 */
export function isRetryable(error: unknown, idempotent: boolean, policy: RetryPolicy): boolean {
  if (error instanceof WiroConcurrencyLimitError) return false;
  if (error instanceof WiroRateLimitError) {
    return error.retryAfterMs === undefined || error.retryAfterMs <= policy.maxRetryAfterMs;
  }
  if (error instanceof WiroConnectionError) return idempotent || !error.requestSent;
  if (error instanceof WiroDownloadError) return error.transient;
  if (error instanceof WiroApiError) {
    return idempotent && (error.status === 408 || error.status >= 500);
  }
  return false;
}

/** The Retry-After a retryable error carries, if any. */
export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof WiroRateLimitError ? error.retryAfterMs : undefined;
}

/** What {@link withRetry} needs besides the work itself. */
export interface RetryContext {
  policy: RetryPolicy;
  /** Whether the operation may be repeated after an ambiguous failure. */
  idempotent: boolean;
  /** Names the operation in events and errors, e.g. `POST /Task/Detail`. */
  operation: string;
  random: () => number;
  onRetry: (event: { attempt: number; delayMs: number; reason: string }) => void;
  signal?: AbortSignal | undefined;
}

/**
 * Runs `work` until it succeeds, the error is not retryable, the attempts run out, or the signal
 * aborts (then it rejects with a {@link WiroAbortError}). `work` gets the attempt number (from 1)
 * and must do everything per attempt afresh (a new nonce and signature, a new temporary file).
 */
export async function withRetry<T>(
  work: (attempt: number) => Promise<T>,
  context: RetryContext,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      const retryable = isRetryable(error, context.idempotent, context.policy);
      if (!retryable || attempt >= context.policy.maxAttempts || context.signal?.aborted)
        throw error;
      const delayMs = computeRetryDelay(
        context.policy,
        attempt,
        retryAfterOf(error),
        context.random,
      );
      context.onRetry({ attempt, delayMs, reason: describeError(error) });
      try {
        await sleep(delayMs, context.signal);
      } catch (reason) {
        throw new WiroAbortError(`${context.operation} was aborted`, undefined, reason);
      }
    }
  }
}
