import { describeError, errorCode, failedBeforeSending } from './_utils.js';
import type { ResolvedConfig } from './config.js';
import {
  WiroAbortError,
  WiroApiError,
  type WiroApiErrorDetails,
  WiroAuthError,
  WiroConcurrencyLimitError,
  WiroConnectionError,
  WiroInsufficientBalanceError,
  WiroRateLimitError,
} from './errors.js';
import { WiroErrorCode } from './protocol.js';
import { describeShape } from './record.js';
import { parseRetryAfter, withRetry } from './retry.js';
import { signRequest } from './sign.js';
import type { WireEnvelope } from './wire.js';

/** One API call. */
export interface ApiRequest {
  /** Path below the base URL, e.g. `/Task/Detail`. */
  path: string;
  /** A JSON-serialisable body, or FormData for multipart. */
  body: unknown;
  /** Whether sending it twice is harmless. Only idempotent calls retry after ambiguous failures. */
  idempotent: boolean;
  signal?: AbortSignal | undefined;
}

/** Sends API requests with auth, error mapping and the retry policy. */
export type ApiCaller = <T extends WireEnvelope>(request: ApiRequest) => Promise<T>;

/** Maps a Wiro error reply to the most specific error class a caller can branch on. */
export function toApiError(details: WiroApiErrorDetails, retryAfterMs?: number): WiroApiError {
  const code = details.code === undefined ? undefined : Number(details.code);
  if (details.status === 429) return new WiroRateLimitError({ ...details, retryAfterMs });
  if (code === WiroErrorCode.ConcurrencyLimit) return new WiroConcurrencyLimitError(details);
  if (code === WiroErrorCode.InsufficientBalance) return new WiroInsufficientBalanceError(details);
  if (
    details.status === 401 ||
    details.status === 403 ||
    code === WiroErrorCode.SignInRequired ||
    code === WiroErrorCode.BearerToken
  ) {
    return new WiroAuthError(details);
  }
  return new WiroApiError(details);
}

/** Creates the function every operation uses to talk to the API. */
export function createApiCaller(config: ResolvedConfig): ApiCaller {
  async function attempt<T extends WireEnvelope>(
    request: ApiRequest,
    operation: string,
    n: number,
  ) {
    const isForm = request.body instanceof FormData;
    const headers: Record<string, string> = {
      ...signRequest(config.credentials, config.nonce()),
      'user-agent': config.userAgent,
      accept: 'application/json',
    };
    if (!isForm) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(config.requestTimeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const started = config.now();
    const report = (status?: number, error?: string) =>
      config.onEvent({
        type: 'request',
        operation,
        attempt: n,
        status,
        durationMs: config.now() - started,
        error,
      });

    let response: Response;
    let text: string;
    try {
      response = await config.fetch(config.baseUrl + request.path, {
        method: 'POST',
        headers,
        body: isForm ? (request.body as FormData) : JSON.stringify(request.body ?? {}),
        signal,
      });
      text = await response.text();
    } catch (error) {
      config.record?.({
        endpoint: operation,
        attempt: n,
        status: null,
        error: errorCode(error) ?? 'failed',
      });
      if (request.signal?.aborted) {
        report(undefined, 'aborted');
        throw new WiroAbortError(`${operation} was aborted`, undefined, error);
      }
      const reason = timeout.aborted ? 'timed out' : describeError(error);
      report(undefined, reason);
      throw new WiroConnectionError(operation, !failedBeforeSending(error), reason, error);
    }

    let body: (WireEnvelope & Record<string, unknown>) | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const wiroError = body && Array.isArray(body.errors) ? body.errors[0] : undefined;
    const failed = !response.ok || !body || body.result === false || wiroError !== undefined;
    report(response.status, failed ? `HTTP ${response.status}` : undefined);
    config.record?.({
      endpoint: operation,
      attempt: n,
      status: response.status,
      ok: !failed,
      errorCode: wiroError === undefined ? undefined : Number(wiroError.code),
      shape: body === undefined ? 'non-json' : describeShape(body),
    });
    if (!failed) return body as unknown as T;
    if (response.ok && (!body || typeof body !== 'object')) {
      throw new WiroConnectionError(operation, true, `malformed reply (HTTP ${response.status})`);
    }
    throw toApiError(
      {
        operation,
        status: response.status,
        code: wiroError?.code,
        wiroMessage: wiroError?.message,
      },
      parseRetryAfter(response.headers.get('retry-after'), config.now()),
    );
  }

  return async function callApi<T extends WireEnvelope>(request: ApiRequest): Promise<T> {
    const operation = `POST ${request.path}`;
    return withRetry((n) => attempt<T>(request, operation, n), {
      policy: config.retry,
      idempotent: request.idempotent,
      operation,
      random: config.random,
      signal: request.signal,
      onRetry: (retry) => config.onEvent({ type: 'retry', operation, ...retry }),
    });
  };
}
