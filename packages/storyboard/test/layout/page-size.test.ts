import { describe, expect, it } from 'vitest';
import { LayoutError, resolvePageSize } from '../../src/layout/index.js';

describe('resolvePageSize', () => {
  it.each([
    ['us-comic', 477, 738, 1988, 3075],
    ['a4', 595.28, 841.89, 2480, 3508],
    ['us-letter', 612, 792, 2550, 3300],
    ['manga-b5', 515.91, 728.5, 2150, 3035],
    ['square', 576, 576, 2400, 2400],
  ] as const)('%s is %d × %d pt and %d × %d px at 300 dpi', (preset, wPt, hPt, wPx, hPx) => {
    const size = resolvePageSize(preset);
    expect(size.widthPt.toFixed(2)).toBe(wPt.toFixed(2));
    expect(size.heightPt.toFixed(2)).toBe(hPt.toFixed(2));
    expect([size.widthPx, size.heightPx]).toEqual([wPx, hPx]);
    expect(size.dpi).toBe(300);
  });

  it('takes points from the physical size, not from rounded pixels', () => {
    const size = resolvePageSize('a4', 72);
    expect([size.widthPx, size.heightPx]).toEqual([595, 842]);
    expect(size.widthPt).toBeCloseTo(595.2756, 4);
  });

  it('resolves custom sizes in mm and inches', () => {
    const mm = resolvePageSize({ width: 180, height: 260, unit: 'mm' }, 600);
    expect([mm.widthMm, mm.heightMm]).toEqual([180, 260]);
    expect(mm.widthIn).toBeCloseTo(7.0866, 4);
    expect([mm.widthPx, mm.heightPx]).toEqual([4252, 6142]);
    const inches = resolvePageSize({ width: 5, height: 7.5, unit: 'in' }, 200);
    expect(inches).toMatchObject({ widthPt: 360, heightPt: 540, widthPx: 1000, heightPx: 1500 });
    expect(inches.widthMm).toBeCloseTo(127, 9);
  });

  it('rounds half pixels up (6.625 in × 300 dpi = 1987.5 → 1988)', () => {
    expect(resolvePageSize('us-comic').widthPx).toBe(1988);
  });

  it.each([
    ['an unknown preset', 'tabloid', 300, /page is not a known preset.*us-comic/],
    ['a zero width', { width: 0, height: 10, unit: 'in' }, 300, /page\.width must be a positive/],
    ['a negative height', { width: 5, height: -1, unit: 'mm' }, 300, /page\.height/],
    ['a bad unit', { width: 5, height: 5, unit: 'cm' }, 300, /page\.unit must be 'mm' or 'in'/],
    ['a huge page', { width: 5000, height: 5, unit: 'mm' }, 300, /page\.width/],
    ['a zero dpi', 'a4', 0, /dpi must be/],
    ['a NaN dpi', 'a4', Number.NaN, /dpi must be/],
  ])('rejects %s', (_name, spec, dpi, message) => {
    expect(() => resolvePageSize(spec as never, dpi)).toThrowError(LayoutError);
    expect(() => resolvePageSize(spec as never, dpi)).toThrowError(message);
  });
});
