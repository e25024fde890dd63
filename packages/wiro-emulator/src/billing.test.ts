import { describe, expect, it } from 'vitest';
import { concurrencyLimit, formatDecimal } from './billing.js';

describe('billing rules', () => {
  it.each([
    [100, undefined, 10],
    [9.99, undefined, 1],
    [0, undefined, 1],
    [250, undefined, 25],
    [10_000, undefined, 25],
    [100, 3, 3],
  ])('balance %d, override %s → limit %d', (balance, override, limit) => {
    expect(concurrencyLimit(balance, override)).toBe(limit);
  });

  it('formats decimals without exponents', () => {
    expect(formatDecimal(0.0000008)).toBe('0.0000008');
    expect(formatDecimal(0.00068)).toBe('0.00068');
    expect(formatDecimal(0)).toBe('0');
    expect(formatDecimal(12)).toBe('12');
  });
});
