import { describe, expect, it } from 'vitest';
import { LayoutError, layoutPage, toPdfBox } from '../../src/layout/index.js';
import { expectValidGeometry } from './_checks.js';

describe('layoutPage boxes and bleed', () => {
  it('has no bleed by default: canvas = trim = bleed box', () => {
    const layout = layoutPage({ page: 'a4' });
    expect(layout.bleedIn).toBe(0);
    expect(layout.canvas).toEqual({ widthPx: 2480, heightPx: 3508 });
    expect(layout.trimBoxPx).toEqual({ x: 0, y: 0, w: 2480, h: 3508 });
    expect(layout.bleedBoxPx).toEqual(layout.trimBoxPx);
  });

  it('adds 0.125 in of bleed on every side for print', () => {
    const layout = layoutPage({ page: 'us-comic', print: true });
    expect(layout.bleedIn).toBe(0.125);
    expect(layout.bleedPx).toBe(38); // 37.5 rounded up
    expect(layout.canvas).toEqual({ widthPx: 1988 + 76, heightPx: 3075 + 76 });
    expect(layout.trimBoxPx).toEqual({ x: 38, y: 38, w: 1988, h: 3075 });
    expect(layout.bleedBoxPx).toEqual({ x: 0, y: 0, w: 2064, h: 3151 });
    expect(toPdfBox(layout.bleedBoxPt)).toEqual([0, 0, 495, 756]);
    expect(toPdfBox(layout.trimBoxPt)).toEqual([9, 9, 486, 747]);
    // Margins are measured from the trim edge.
    expect(layout.liveAreaPx).toEqual({ x: 38 + 94, y: 38 + 113, w: 1800, h: 2849 });
    expect(layout.slots[0]?.cell).toMatchObject({ x: 132, y: 151, w: 881, h: 924 });
  });

  it('takes the print bleed from the page size: 3 mm for manga-b5 and a4', () => {
    expect(layoutPage({ page: 'manga-b5', print: true }).bleedPx).toBe(35); // 3 mm = 35.4 px
    expect(layoutPage({ page: 'a4', print: true }).bleedPx).toBe(35);
    expect(layoutPage({ page: 'square', print: true }).bleedIn).toBe(0.125);
    expect(layoutPage({ page: { width: 7, height: 10, unit: 'in' }, print: true }).bleedIn).toBe(
      0.125,
    );
  });

  it('lets an explicit bleedIn win over print', () => {
    expect(layoutPage({ print: true, bleedIn: 0 }).bleedPx).toBe(0);
    const layout = layoutPage({ bleedIn: 0.25, dpi: 200, page: 'a4' });
    expect(layout.bleedPx).toBe(50);
    expect(layout.trimBoxPt.x).toBe(18);
    expect(layout.bleedBoxPt.w).toBeCloseTo(595.2756 + 36, 4);
    expect(layout.bleedBoxPt.h).toBeCloseTo(841.8898 + 36, 4);
  });
});

describe('layoutPage options', () => {
  it('applies per-side margins and different gutters', () => {
    const layout = layoutPage({
      template: 'grid-2x2',
      unit: 'px',
      margins: { top: 100, left: 50, right: 30 },
      gutters: { x: 10, y: 40 },
      border: { width: 4, color: 'red' },
      background: '#fdf6e3',
    });
    expect(layout.liveAreaPx).toEqual({ x: 50, y: 100, w: 1988 - 80, h: 3075 - 213 });
    expect(layout.gutterPx).toEqual({ x: 10, y: 40 });
    expect(layout.border).toEqual({ widthPx: 4, color: 'red' });
    expect(layout.background).toBe('#fdf6e3');
    const [a, b, c] = layout.slots;
    expect((b?.cell.x ?? 0) - ((a?.cell.x ?? 0) + (a?.cell.w ?? 0))).toBe(10);
    expect((c?.cell.y ?? 0) - ((a?.cell.y ?? 0) + (a?.cell.h ?? 0))).toBe(40);
    expectValidGeometry(layout);
  });

  it('reads bare numbers in mm by default and strings in their own unit', () => {
    const mm = layoutPage({ margins: 10, gutters: 5, border: { width: 1 } });
    expect(mm.liveAreaPx.x).toBe(118); // 10 mm at 300 dpi = 118.1 px
    expect(mm.gutterPx).toEqual({ x: 59, y: 59 });
    expect(mm.border.widthPx).toBe(12);
    const mixed = layoutPage({ margins: { top: '1in', left: '72pt' }, gutters: { x: '24px' } });
    expect(mixed.liveAreaPx).toMatchObject({ x: 300, y: 300 });
    expect(mixed.gutterPx).toEqual({ x: 24, y: 38 });
  });

  it('scales physical lengths with the dpi but keeps px lengths', () => {
    const at600 = layoutPage({ dpi: 600 });
    expect(at600.canvas).toEqual({ widthPx: 3975, heightPx: 6150 });
    expect(at600.liveAreaPx.x).toBe(188); // 0.3125 in = 187.5 px
    expect(at600.gutterPx.x).toBe(75);
    expect(layoutPage({ dpi: 600, unit: 'px', margins: 36 }).liveAreaPx.x).toBe(36);
  });

  it('mirrors asymmetric margins in rtl', () => {
    const options = { unit: 'px', margins: { left: 100, right: 20 } } as const;
    const ltr = layoutPage(options);
    const rtl = layoutPage({ ...options, direction: 'rtl' });
    expect(ltr.liveAreaPx.x).toBe(100);
    expect(rtl.liveAreaPx.x).toBe(20);
    expect(rtl.liveAreaPx.w).toBe(ltr.liveAreaPx.w);
  });

  it.each([
    [
      'template and grid together',
      { template: 'splash', grid: { rows: [{}] } },
      /template cannot be given together with grid/,
    ],
    ['an unknown template', { template: 'manga-chaos' }, /template is not a known layout.*l-shape/],
    ['a negative margin', { margins: -1 }, /margins\.top must be a non-negative/],
    ['a unitless margin string', { margins: '3' }, /margins\.top must be a number or a length/],
    ['a bad gutter', { gutters: { y: 'wide' } }, /gutters\.y/],
    ['a bad border', { border: { width: '1cm' } }, /border\.width/],
    ['a bad unit', { unit: 'cm' }, /unit must be one of mm, in, pt, px/],
    ['a negative bleed', { bleedIn: -0.1 }, /bleedIn must be a number of inches/],
    ['a huge bleed', { bleedIn: 3 }, /bleedIn/],
    ['a safe inset eating the page', { safe: '4in' }, /safe leaves no safe area/],
    ['a bleed list longer than the slots', { template: 'splash', bleeds: [true, false] }, /bleeds/],
    ['a bleed that is not true or false', { template: 'splash', bleeds: ['yes'] }, /bleeds\[0\]/],
    ['a bad direction', { direction: 'ttb' }, /direction must be 'ltr' or 'rtl'/],
    [
      'margins eating the page',
      { margins: '4in' },
      /margins leave no live area on a 1988 × 3075 px page/,
    ],
    [
      'a border eating a panel',
      { template: 'grid-3x3', border: { width: '1.1in' } },
      /would be 575 × 924 px, leaving no image inside a 330 px border/,
    ],
    ['a bad dpi', { dpi: -300 }, /dpi must be/],
  ])('rejects %s', (_name, options, message) => {
    expect(() => layoutPage(options as never)).toThrowError(LayoutError);
    expect(() => layoutPage(options as never)).toThrowError(message);
  });

  it('lists every panel without room, naming the row and the field that squeezes it', () => {
    const grid = {
      rows: [
        { height: 100, columns: 1 },
        { height: 0.05, columns: 2 },
        { height: 100, columns: [100, 0.05, 100] },
      ],
    };
    let issues: readonly unknown[] = [];
    try {
      layoutPage({ grid });
    } catch (error) {
      expect(error).toBeInstanceOf(LayoutError);
      issues = (error as LayoutError).issues;
    }
    expect(issues.map((issue) => (issue as { path: string }).path)).toEqual([
      'grid.rows[1].height',
      'grid.rows[1].height',
      'grid.rows[2].columns',
    ]);
  });
});
