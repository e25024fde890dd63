import type { FaultKind } from './faults.js';

/** What a route answers; the server turns it into an HTTP response (faults permitting). */
export interface RouteReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The task the request created or addressed (for the ledger). */
  taskid?: string;
  /** A fault the route itself injected (e.g. `concurrencyBurst`), for the ledger line. */
  fault?: FaultKind;
}

/** Who is asking: the project whose API key signed the request. */
export interface RouteContext {
  apiKey: string;
}

/**
 * A successful reply: HTTP 200 with `errors: []`, then `fields`, then `result: true`, the order of
 * Wiro's published examples (`lead` fields, such as Detail's `total`, come first).
 */
export function okReply(
  fields: Record<string, unknown> = {},
  taskid?: string,
  lead: Record<string, unknown> = {},
): RouteReply {
  return {
    status: 200,
    body: { ...lead, errors: [], ...fields, result: true },
    ...(taskid ? { taskid } : {}),
  };
}

/** A Wiro error reply: `{result:false, errors:[{code, message}]}`, HTTP 200 unless told. */
export function errorReply(code: number, message: string, status = 200): RouteReply {
  return { status, body: { result: false, errors: [{ code, message }] } };
}

/** The Wiro error code a reply body carries, if any. */
export function wiroErrorCodeOf(body: unknown): number | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const code = Number((errors[0] as { code?: unknown }).code);
  return Number.isFinite(code) ? code : undefined;
}
