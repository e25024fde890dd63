/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Error codes that mean the connection never opened, so the request was provably not sent. */
const CONNECT_PHASE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);

/** The first string value of `field` along an error's cause chain (undici nests them). */
function causeField(error: unknown, field: 'code' | 'syscall'): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const value = (current as Record<string, unknown>)[field];
    if (typeof value === 'string') return value;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The most specific error code in an error's cause chain. */
export const errorCode = (error: unknown): string | undefined => causeField(error, 'code');

/**
 * Whether a fetch failure happened before any byte of the request reached the server: the
 * connection could not be opened (refused, unreachable, no such host, connect timeout), or it was
 * reset while connecting (`connect ECONNRESET`), before a request can have been written.
 */
export function failedBeforeSending(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined && CONNECT_PHASE_CODES.has(code)) return true;
  return causeField(error, 'syscall') === 'connect';
}

/** A short, secret-free description of a thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = errorCode(error);
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
