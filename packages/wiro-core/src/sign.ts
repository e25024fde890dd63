import { createHmac } from 'node:crypto';

/** Credentials for one Wiro project. Without `apiSecret` the project is in api-key-only mode. */
export interface WiroCredentials {
  apiKey: string;
  apiSecret?: string | undefined;
}

/**
 * The signature Wiro expects: lowercase hex of HMAC-SHA256 keyed with the API key over
 * `apiSecret + nonce` (plain concatenation).
 *
 * @example
 * computeSignature('api', 'secret', 'nonce-1');
 * // 'd453af9a65c4ddd1ff17d5b03d3224b906899f3445dc4b4aadb5580260c60586'
 */
export function computeSignature(apiKey: string, apiSecret: string, nonce: string): string {
  return createHmac('sha256', apiKey)
    .update(apiSecret + nonce)
    .digest('hex');
}

/**
 * Auth headers for one request attempt. Pure: the nonce is passed in, so every attempt (including
 * retries) must call this again with a fresh nonce.
 */
export function signRequest(credentials: WiroCredentials, nonce: string): Record<string, string> {
  if (!credentials.apiSecret) return { 'x-api-key': credentials.apiKey };
  return {
    'x-api-key': credentials.apiKey,
    'x-nonce': nonce,
    'x-signature': computeSignature(credentials.apiKey, credentials.apiSecret, nonce),
  };
}
