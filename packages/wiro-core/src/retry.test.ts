import { describe, expect, it } from 'vitest';
import {
  WiroApiError,
  WiroConcurrencyLimitError,
  WiroConnectionError,
  WiroDownloadError,
  WiroRateLimitError,
} from './errors.js';
import { computeRetryDelay, DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter } from './retry.js';

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000, jitter: 0.5 };
const api = (status: number, code?: number) =>
  new WiroApiError({ operation: 'POST /x', status, code, wiroMessage: 'm' });

describe('computeRetryDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => computeRetryDelay(policy, n, undefined, () => 0));
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('takes away at most the jitter share of the delay', () => {
    expect(computeRetryDelay(policy, 3, undefined, () => 0.999_999)).toBe(200);
    expect(computeRetryDelay({ ...policy, jitter: 0 }, 3, undefined, () => 0.7)).toBe(400);
  });

  it('uses Retry-After exactly, up to the longest it will wait', () => {
    expect(computeRetryDelay(policy, 1, 2500)).toBe(2500);
    expect(computeRetryDelay(policy, 1, 10 ** 9)).toBe(policy.maxRetryAfterMs);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['3', 3000],
    ['0', 0],
    ['Thu, 01 Jan 1970 00:00:10 GMT', 5000],
    ['soon', undefined],
    [null, undefined],
  ])('reads %s', (header, expected) => {
    expect(parseRetryAfter(header, 5000)).toBe(expected);
  });
});

describe('isRetryable', () => {
  it.each([
    ['5xx, idempotent', api(503), true, true],
    ['5xx, Run', api(503), false, false],
    ['408, idempotent', api(408), true, true],
    ['validation error', api(200, 0), true, false],
    [
      '429, Run (provably rejected)',
      new WiroRateLimitError({ operation: 'r', status: 429 }),
      false,
      true,
    ],
    [
      'code 96 is surfaced',
      new WiroConcurrencyLimitError({ operation: 'r', status: 200, code: 96 }),
      true,
      false,
    ],
    ['dropped after sending, Run', new WiroConnectionError('r', true, 'reset'), false, false],
    ['dropped after sending, Detail', new WiroConnectionError('r', true, 'reset'), true, true],
    ['never sent, Run', new WiroConnectionError('r', false, 'refused'), false, true],
    ['truncated download', new WiroDownloadError('d', true), true, true],
    ['expired download', new WiroDownloadError('d', false), true, false],
    ['anything else', new Error('x'), true, false],
  ])('%s', (_name, error, idempotent, expected) => {
    expect(isRetryable(error, idempotent as boolean, policy)).toBe(expected);
  });

  it('gives up on a Retry-After longer than the policy waits', () => {
    const error = new WiroRateLimitError({ operation: 'r', status: 429, retryAfterMs: 600_000 });
    expect(isRetryable(error, true, policy)).toBe(false);
  });
});
