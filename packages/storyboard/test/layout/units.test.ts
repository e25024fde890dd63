import { describe, expect, it } from 'vitest';
import { LayoutError, parseLength, toInches, toPixels, toPoints } from '../../src/layout/index.js';

describe('unit conversions', () => {
  it('converts to inches, points and pixels', () => {
    expect(toInches(25.4, 'mm')).toBe(1);
    expect(toInches(36, 'pt')).toBe(0.5);
    expect(toInches(150, 'px', 300)).toBe(0.5);
    expect(toPoints(1, 'in')).toBe(72);
    expect(toPoints(210, 'mm')).toBeCloseTo(595.2756, 4);
    expect(toPoints(300, 'px', 300)).toBe(72);
    expect(toPoints(9, 'pt')).toBe(9);
    expect(toPixels(0.12, 'in', 300)).toBe(36);
    expect(toPixels(3, 'mm', 300)).toBe(35);
    expect(toPixels(36, 'px', 600)).toBe(36);
    expect(toPixels(72, 'pt', 150)).toBe(150);
    expect(toPixels(0.125, 'in', 300)).toBe(38);
  });

  it.each([
    [3, 'mm', { value: 3, unit: 'mm' }],
    [36, 'px', { value: 36, unit: 'px' }],
    ['36px', 'mm', { value: 36, unit: 'px' }],
    ['0.125in', 'mm', { value: 0.125, unit: 'in' }],
    [' 2.5 mm ', 'px', { value: 2.5, unit: 'mm' }],
    ['.5pt', 'px', { value: 0.5, unit: 'pt' }],
    [0, 'in', { value: 0, unit: 'in' }],
  ] as const)('parses %o (default unit %s)', (length, unit, expected) => {
    expect(parseLength(length, unit)).toEqual(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '3', '3cm', '-2mm', 'mm', ''])(
    'rejects %o',
    (length) => {
      expect(() => parseLength(length, 'mm', 'margins.top')).toThrowError(LayoutError);
      expect(() => parseLength(length, 'mm', 'margins.top')).toThrowError(/margins\.top/);
    },
  );
});
