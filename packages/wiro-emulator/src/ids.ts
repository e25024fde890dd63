import { randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random alphanumeric string (cryptographic randomness), e.g. a socket access token. */
export function createToken(length = 30): string {
  let token = '';
  for (let i = 0; i < length; i++) token += ALPHANUMERIC.charAt(randomInt(ALPHANUMERIC.length));
  return token;
}

/** A counter of numeric-string ids, e.g. `'1001'`, `'1002'`, … */
export function createIdSource(first: number): () => string {
  let next = first;
  return () => String(next++);
}
