import { describe, expect, expectTypeOf, it } from 'vitest';
import type { RunResult, Task, TaskRef, WiroClient } from '../src/index.js';
import * as wiro from '../src/index.js';

describe('the public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(wiro).sort()).toMatchInlineSnapshot(`
      [
        "CANCEL_BODY_FIELD",
        "DEFAULT_BASE_URL",
        "DEFAULT_RETRY_POLICY",
        "DEFAULT_SOCKET_URL",
        "ENDPOINTS",
        "IMAGE_SIZE_MAX",
        "IMAGE_SIZE_MULTIPLE",
        "QUEUED_STATUSES",
        "REAL_ESRGAN",
        "TASK_LIST_MAX_LIMIT",
        "TASK_LIST_QUERY",
        "TASK_STATUSES",
        "TERMINAL_STATUSES",
        "WiroAbortError",
        "WiroApiError",
        "WiroAuthError",
        "WiroConcurrencyLimitError",
        "WiroConfigError",
        "WiroConnectionError",
        "WiroDownloadError",
        "WiroError",
        "WiroErrorCode",
        "WiroInsufficientBalanceError",
        "WiroOutputExpiredError",
        "WiroRateLimitError",
        "WiroTaskFailedError",
        "WiroTimeoutError",
        "canonicalJson",
        "computeRetryDelay",
        "computeSignature",
        "computeUpscaledSize",
        "createNonceSource",
        "createWiroClient",
        "defaultPollDelay",
        "deriveSocketUrl",
        "describeShape",
        "describeStringFormat",
        "encodeInputs",
        "fitsUpscaleLimits",
        "isRetryable",
        "isTerminalStatus",
        "matchesInputs",
        "parseModelId",
        "parseOutput",
        "parseProgress",
        "parseRetryAfter",
        "parseTask",
        "resolveConfig",
        "signRequest",
      ]
    `);
  });

  it('types the client operations', () => {
    expectTypeOf<WiroClient['runTask']>().returns.resolves.toEqualTypeOf<RunResult>();
    expectTypeOf<WiroClient['waitForTask']>().returns.resolves.toEqualTypeOf<Task>();
    expectTypeOf<RunResult>().toMatchTypeOf<TaskRef>();
    expectTypeOf<Task>().toMatchTypeOf<TaskRef>();
    expectTypeOf<{ tasktoken: string }>().toMatchTypeOf<TaskRef>();
  });

  it('makes every error a WiroError with a literal name', () => {
    const errors = [
      new wiro.WiroConfigError('x'),
      new wiro.WiroApiError({ operation: 'POST /x', status: 500 }),
      new wiro.WiroConcurrencyLimitError({ operation: 'POST /x', status: 200, code: 96 }),
      new wiro.WiroConnectionError('POST /x', true, 'reset'),
      new wiro.WiroTimeoutError('t'),
      new wiro.WiroAbortError('a'),
      new wiro.WiroDownloadError('d', false),
      new wiro.WiroOutputExpiredError('gone', 404),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(wiro.WiroError);
      expect(error.name).toBe(error.constructor.name);
    }
  });

  it('reads credentials from options first, then the environment, else names both', () => {
    const env = { WIRO_API_KEY: 'from-env', WIRO_BASE_URL: 'http://127.0.0.1:9/v1/' };
    expect(wiro.resolveConfig({ env }).credentials.apiKey).toBe('from-env');
    expect(wiro.resolveConfig({ env, apiKey: 'from-option' }).credentials.apiKey).toBe(
      'from-option',
    );
    expect(wiro.resolveConfig({ env }).baseUrl).toBe('http://127.0.0.1:9/v1');
    expect(wiro.resolveConfig({ env }).socketUrl).toBe('ws://127.0.0.1:9/v1');
    expect(wiro.resolveConfig({ env: { WIRO_API_KEY: 'k' } }).socketUrl).toBe(
      wiro.DEFAULT_SOCKET_URL,
    );
    expect(() => wiro.resolveConfig({ env: {} })).toThrow(/apiKey option or set the WIRO_API_KEY/);
  });
});
