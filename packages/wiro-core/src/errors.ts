import type { Task } from './types.js';

/** Base class of every error wiro-core throws. */
export class WiroError extends Error {
  override name = 'WiroError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Missing or invalid client configuration (for example no API key). */
export class WiroConfigError extends WiroError {
  override name = 'WiroConfigError';
}

/** Details shared by errors that come from an API reply. */
export interface WiroApiErrorDetails {
  /** Which operation failed, e.g. `POST /Task/Detail`. */
  operation: string;
  /** HTTP status of the reply. */
  status: number;
  /** Wiro error code from the body, when there was one. */
  code?: number | string | undefined;
  /** Wiro's own message from the body, when there was one. */
  wiroMessage?: string | undefined;
  cause?: unknown;
}

/** The API answered with an error (`result: false` or an HTTP error status). */
export class WiroApiError extends WiroError {
  override name = 'WiroApiError';
  readonly operation: string;
  readonly status: number;
  readonly code: number | string | undefined;
  readonly wiroMessage: string | undefined;
  constructor(details: WiroApiErrorDetails) {
    const what =
      details.wiroMessage !== undefined
        ? `code ${String(details.code ?? 'none')}: ${details.wiroMessage}`
        : 'no error detail';
    super(`${details.operation} failed: HTTP ${details.status} (${what})`, {
      cause: details.cause,
    });
    this.operation = details.operation;
    this.status = details.status;
    this.code = details.code;
    this.wiroMessage = details.wiroMessage;
  }
}

/** The API rejected the credentials (HTTP 401/403, or codes 98/99). */
export class WiroAuthError extends WiroApiError {
  override name = 'WiroAuthError';
}

/** HTTP 429. `retryAfterMs` comes from the Retry-After header when present. */
export class WiroRateLimitError extends WiroApiError {
  override name = 'WiroRateLimitError';
  readonly retryAfterMs: number | undefined;
  constructor(details: WiroApiErrorDetails & { retryAfterMs?: number | undefined }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Wiro code 96: too many active tasks. The Run was not accepted; retry after a task ends. */
export class WiroConcurrencyLimitError extends WiroApiError {
  override name = 'WiroConcurrencyLimitError';
}

/** Wiro code 97: the account balance cannot pay for the task. */
export class WiroInsufficientBalanceError extends WiroApiError {
  override name = 'WiroInsufficientBalanceError';
}

/**
 * The request did not produce a usable reply: the connection failed, timed out, or the body was
 * not JSON. `requestSent` is false only when the request provably never reached the server
 * (the connection could not be opened), which is the one case a Run may be sent again.
 */
export class WiroConnectionError extends WiroError {
  override name = 'WiroConnectionError';
  readonly operation: string;
  readonly requestSent: boolean;
  constructor(operation: string, requestSent: boolean, reason: string, cause?: unknown) {
    super(`${operation} failed: ${reason}${requestSent ? '' : ' (the request was not sent)'}`, {
      cause,
    });
    this.operation = operation;
    this.requestSent = requestSent;
  }
}

/** A task ended without success: `pexit` not "0", `task_error`, or cancelled/killed. */
export class WiroTaskFailedError extends WiroError {
  override name = 'WiroTaskFailedError';
  readonly task: Task;
  constructor(task: Task) {
    const why =
      task.status === 'task_cancel'
        ? 'was cancelled'
        : task.status === 'task_error'
          ? 'ended in task_error'
          : `exited with pexit ${task.pexit}`;
    const detail = task.debugerror.trim() ? `: ${task.debugerror.trim().slice(0, 500)}` : '';
    super(`Task ${task.id} ${why}${detail}`);
    this.task = task;
  }
}

/** A wait or request cut short before its end; the task may still be running. */
export class WiroInterruptedError extends WiroError {
  override name = 'WiroInterruptedError';
  /** The last snapshot of the task seen before the interruption, if any. */
  readonly task: Task | undefined;
  constructor(message: string, task?: Task, cause?: unknown) {
    super(message, { cause });
    this.task = task;
  }
}

/** The wait deadline passed. The task was stopped on the server when that was asked for. */
export class WiroTimeoutError extends WiroInterruptedError {
  override name = 'WiroTimeoutError';
}

/** The caller's AbortSignal fired. The task was stopped on the server when that was asked for. */
export class WiroAbortError extends WiroInterruptedError {
  override name = 'WiroAbortError';
}

/** A download failed its checks (status, size, content type, scheme) or could not complete. */
export class WiroDownloadError extends WiroError {
  override name = 'WiroDownloadError';
  /** Whether trying again might help (network trouble, 5xx, a truncated body). */
  readonly transient: boolean;
  constructor(message: string, transient: boolean, cause?: unknown) {
    super(message, { cause });
    this.transient = transient;
  }
}

/**
 * The output URL no longer serves the file (HTTP 403, 404 or 410 from the CDN): it has most likely
 * expired. Ask Task/Detail again (`getTask`) for fresh URLs before giving up on a billed picture.
 */
export class WiroOutputExpiredError extends WiroDownloadError {
  override name = 'WiroOutputExpiredError';
  /** The HTTP status the CDN answered. */
  readonly status: number;
  constructor(message: string, status: number) {
    super(message, false);
    this.status = status;
  }
}
