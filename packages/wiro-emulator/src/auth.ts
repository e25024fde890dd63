import { timingSafeEqual } from 'node:crypto';
import { computeSignature } from 'wiro-core';

/** One Wiro project the emulator accepts. Without `apiSecret` it is in api-key-only mode. */
export interface ProjectCredentials {
  apiKey: string;
  /** Set for signature mode; omit (or leave empty) for api-key-only mode. */
  apiSecret?: string | undefined;
}

/** The exact messages Wiro sends with HTTP 401 (Wiro's error reference; docs/wiro-protocol.md). */
export const AUTH_MESSAGES = {
  unknownKey: 'Project authorization is not founded.',
  signatureRequired:
    'Project requires signature authentication. x-signature and x-nonce headers are required.',
  invalid: 'Project authorization is not valid.',
} as const;

/** Outcome of {@link createAuthenticator}'s check. */
export type AuthResult =
  | {
      ok: true;
      apiKey: string;
      /** The nonce was used before with this key (accepted unless nonces are strict). */
      nonceReused?: boolean;
    }
  | { ok: false; message: string };

/** Request headers as node:http gives them. */
export type HeaderBag = Record<string, string | string[] | undefined>;

/** Options of {@link createAuthenticator}. */
export interface AuthenticatorOptions {
  /** Refuse a nonce already used with the same key (401) instead of accepting and flagging it. */
  strictNonces?: boolean;
}

const header = (headers: HeaderBag, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function safeEqual(provided: string, expected: string): boolean {
  const a = Buffer.from(provided, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Creates the request authenticator: checks the API key, and in signature mode the HMAC
 * signature (constant-time). Wiro documents a nonce as "unix timestamp or random integer" and no
 * uniqueness rule, and its official clients send `Date.now()`, so parallel requests may share
 * one: a reused nonce is accepted and flagged (`nonceReused`, counted in the ledger), or refused
 * with "Project authorization is not valid." when `strictNonces` is set (chosen). A nonce is
 * remembered only once its signature is valid. Messages never contain a key, secret or signature.
 */
export function createAuthenticator(
  projects: readonly ProjectCredentials[],
  options: AuthenticatorOptions = {},
): (headers: HeaderBag) => AuthResult {
  const byKey = new Map(projects.map((project) => [project.apiKey, project]));
  const seenNonces = new Map<string, Set<string>>();
  return (headers) => {
    const apiKey = header(headers, 'x-api-key');
    const project = apiKey ? byKey.get(apiKey) : undefined;
    if (!apiKey || !project) return { ok: false, message: AUTH_MESSAGES.unknownKey };
    if (!project.apiSecret) return { ok: true, apiKey };
    const nonce = header(headers, 'x-nonce');
    const signature = header(headers, 'x-signature');
    if (!nonce || !signature) return { ok: false, message: AUTH_MESSAGES.signatureRequired };
    const expected = computeSignature(apiKey, project.apiSecret, nonce);
    if (!safeEqual(signature, expected)) return { ok: false, message: AUTH_MESSAGES.invalid };
    let nonces = seenNonces.get(apiKey);
    if (!nonces) {
      nonces = new Set();
      seenNonces.set(apiKey, nonces);
    }
    if (!nonces.has(nonce)) {
      nonces.add(nonce);
      return { ok: true, apiKey };
    }
    if (options.strictNonces) return { ok: false, message: AUTH_MESSAGES.invalid };
    return { ok: true, apiKey, nonceReused: true };
  };
}
