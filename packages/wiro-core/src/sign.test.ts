import { describe, expect, it } from 'vitest';
import { createNonceSource } from './protocol.js';
import { computeSignature, signRequest } from './sign.js';

describe('computeSignature', () => {
  it.each([
    [
      'test-api-key',
      'test-secret',
      '1700000000000',
      '2d99fa1b6934f66a712785d1b402997e1b13d9d7cd5e0085211dac133ae4a8ef',
    ],
    [
      'api',
      'secret',
      'nonce-1',
      'd453af9a65c4ddd1ff17d5b03d3224b906899f3445dc4b4aadb5580260c60586',
    ],
  ])('matches the golden vector for key %s', (key, secret, nonce, expected) => {
    expect(computeSignature(key, secret, nonce)).toBe(expected);
  });
});

describe('signRequest', () => {
  it('sends only the key in api-key-only mode', () => {
    expect(signRequest({ apiKey: 'k' }, '1')).toEqual({ 'x-api-key': 'k' });
  });

  it('sends key, nonce and signature in signature mode', () => {
    const headers = signRequest({ apiKey: 'api', apiSecret: 'secret' }, 'nonce-1');
    expect(headers).toEqual({
      'x-api-key': 'api',
      'x-nonce': 'nonce-1',
      'x-signature': 'd453af9a65c4ddd1ff17d5b03d3224b906899f3445dc4b4aadb5580260c60586',
    });
  });
});

describe('createNonceSource', () => {
  it('stays strictly increasing when the clock stands still or goes back', () => {
    const times = [1000, 1000, 1000, 999, 5000, 4000];
    const next = createNonceSource(() => times.shift() ?? 0);
    const nonces = Array.from({ length: 6 }, next).map(Number);
    expect(nonces).toEqual([1000, 1001, 1002, 1003, 5000, 5001]);
  });

  it('never repeats under many concurrent callers', async () => {
    const next = createNonceSource();
    const nonces = await Promise.all(
      Array.from({ length: 2000 }, () => Promise.resolve().then(next)),
    );
    expect(new Set(nonces).size).toBe(2000);
    const numbers = nonces.map(Number);
    expect(numbers.every((n, i) => i === 0 || n > numbers[i - 1]!)).toBe(true);
  });
});
