import { describe, expect, it } from 'vitest';
import { arrangeSpreads, LayoutError } from '../../src/layout/index.js';

describe('arrangeSpreads', () => {
  it('puts the first page alone on the right in ltr', () => {
    expect(arrangeSpreads(4)).toEqual([
      { left: null, right: 0 },
      { left: 1, right: 2 },
      { left: 3, right: null },
    ]);
  });

  it('mirrors spreads in rtl (bound on the right)', () => {
    expect(arrangeSpreads(4, 'rtl')).toEqual([
      { left: 0, right: null },
      { left: 2, right: 1 },
      { left: null, right: 3 },
    ]);
    expect(arrangeSpreads(3, 'rtl')).toEqual([
      { left: 0, right: null },
      { left: 2, right: 1 },
    ]);
  });

  it('handles no pages and one page, and rejects bad counts', () => {
    expect(arrangeSpreads(0)).toEqual([]);
    expect(arrangeSpreads(1)).toEqual([{ left: null, right: 0 }]);
    expect(() => arrangeSpreads(-1)).toThrowError(LayoutError);
    expect(() => arrangeSpreads(2.5)).toThrowError(/pageCount/);
  });

  it('shows every page exactly once', () => {
    for (const direction of ['ltr', 'rtl'] as const) {
      const pages = arrangeSpreads(9, direction).flatMap((s) => [s.left, s.right]);
      expect(pages.filter((p) => p !== null).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
        0, 1, 2, 3, 4, 5, 6, 7, 8,
      ]);
    }
  });
});
