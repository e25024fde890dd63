import { describe, expect, it } from 'vitest';
import {
  type CustomGrid,
  LayoutError,
  layoutPage,
  normalizeGrid,
  validateGrid,
} from '../../src/layout/index.js';
import { expectMirrored, expectValidGeometry } from './_checks.js';

const grids: Array<[string, CustomGrid, number]> = [
  [
    'tiers with their own columns',
    { rows: [{ height: 2, columns: [1, 1] }, { columns: [2, 1] }] },
    4,
  ],
  [
    'uneven weights',
    {
      rows: [
        { height: 1.5, columns: [1, 2.5, 1] },
        { height: 0.7, columns: 4 },
      ],
    },
    7,
  ],
  [
    'a tall right column',
    { rows: [{ columns: 2 }, { columns: 2 }], spans: [{ row: 0, col: 1, rowSpan: 2 }] },
    3,
  ],
  [
    'a span into a row split differently',
    {
      rows: [{ columns: [2, 1] }, { columns: [1, 1, 1] }],
      spans: [{ row: 0, col: 1, rowSpan: 2 }],
    },
    4,
  ],
  [
    'a 2 × 2 block in a 3 × 3 grid',
    {
      rows: [{ columns: 3 }, { columns: 3 }, { columns: 3 }],
      spans: [{ row: 1, col: 1, rowSpan: 2, colSpan: 2 }],
    },
    6,
  ],
  ['the largest grid', { rows: Array.from({ length: 6 }, () => ({ columns: 6 })) }, 36],
];

describe('custom grids', () => {
  it.each(grids)('%s fills the live area and mirrors in rtl', (_name, grid, panels) => {
    for (const page of ['us-comic', 'a4', 'square'] as const) {
      const ltr = layoutPage({ page, grid, print: true });
      const rtl = layoutPage({ page, grid, print: true, direction: 'rtl' });
      expect(ltr.slots).toHaveLength(panels);
      expect(ltr.template).toBe('custom');
      expectValidGeometry(ltr);
      expectValidGeometry(rtl);
      expectMirrored(ltr, rtl);
    }
  });

  it('lines up edges at the same fraction in different rows', () => {
    const { slots } = layoutPage({
      grid: { rows: [{ columns: [2, 1] }, { columns: [1, 1, 1] }] },
    });
    const wide = slots[0];
    const belowWide = slots.slice(2, 4);
    expect(wide?.cell.x).toBe(belowWide[0]?.cell.x);
    expect((wide?.cell.x ?? 0) + (wide?.cell.w ?? 0)).toBe(
      (belowWide[1]?.cell.x ?? 0) + (belowWide[1]?.cell.w ?? 0),
    );
  });

  it('orders spanned panels by their top row, then along the row', () => {
    const { slots } = layoutPage({
      grid: { rows: [{ columns: 2 }, { columns: 2 }], spans: [{ row: 0, col: 1, rowSpan: 2 }] },
    });
    expect(slots.map((s) => [s.row, s.col, s.rowSpan])).toEqual([
      [0, 0, 1],
      [0, 1, 2],
      [1, 0, 1],
    ]);
  });

  it('accepts a span of one cell as a no-op', () => {
    const plain = normalizeGrid({ rows: [{ columns: 2 }] });
    expect(normalizeGrid({ rows: [{ columns: 2 }], spans: [{ row: 0, col: 1 }] })).toEqual(plain);
  });
});

const bad: Array<[string, unknown, RegExp]> = [
  ['no rows', { rows: [] }, /grid\.rows must have 1 to 6 rows \(got 0\)/],
  ['rows not a list', { rows: 3 }, /grid must be an object with a rows array/],
  ['seven rows', { rows: Array.from({ length: 7 }, () => ({})) }, /1 to 6 rows \(got 7\)/],
  [
    'a zero height',
    { rows: [{ height: 0 }] },
    /grid\.rows\[0\]\.height must be a positive number \(got 0\)/,
  ],
  [
    'a negative width',
    { rows: [{}, { columns: [1, -2] }] },
    /grid\.rows\[1\]\.columns\[1\] must be a positive number/,
  ],
  [
    'a text width',
    { rows: [{ columns: [1, 'wide'] }] },
    /columns\[1\] must be a positive number \(got "wide"\)/,
  ],
  [
    'seven columns',
    { rows: [{ columns: 7 }] },
    /grid\.rows\[0\]\.columns must be a whole number of columns from 1 to 6/,
  ],
  [
    'seven widths',
    { rows: [{ columns: [1, 1, 1, 1, 1, 1, 1] }] },
    /list of 1 to 6 relative widths/,
  ],
  ['a fractional column count', { rows: [{ columns: 2.5 }] }, /whole number of columns/],
  ['a row that is not an object', { rows: [null] }, /grid\.rows\[0\] must be an object/],
  [
    'a span row out of range',
    { rows: [{}], spans: [{ row: 1, col: 0 }] },
    /grid\.spans\[0\]\.row must be a row index from 0 to 0 \(got 1\)/,
  ],
  [
    'a span column out of range',
    { rows: [{ columns: 2 }], spans: [{ row: 0, col: 2 }] },
    /grid\.spans\[0\]\.col must be a column index of row 0/,
  ],
  [
    'a span past the last row',
    { rows: [{}, {}], spans: [{ row: 1, col: 0, rowSpan: 2 }] },
    /spans\[0\]\.rowSpan must be a whole number from 1 to 1 \(got 2\)/,
  ],
  [
    'a span past the last column',
    { rows: [{ columns: 3 }], spans: [{ row: 0, col: 1, colSpan: 3 }] },
    /spans\[0\]\.colSpan must be a whole number from 1 to 2 \(got 3\)/,
  ],
  ['a zero rowSpan', { rows: [{}, {}], spans: [{ row: 0, col: 0, rowSpan: 0 }] }, /rowSpan/],
  [
    'overlapping spans',
    {
      rows: [{ columns: 2 }, { columns: 2 }],
      spans: [
        { row: 0, col: 0, colSpan: 2 },
        { row: 0, col: 1, rowSpan: 2 },
      ],
    },
    /grid\.spans\[1\] overlaps grid\.spans\[0\] at row 0, column 1/,
  ],
  [
    'a span into a row without matching edges',
    { rows: [{ columns: 2 }, { columns: 3 }], spans: [{ row: 0, col: 0, rowSpan: 2 }] },
    /grid\.spans\[0\] cannot continue into row 1/,
  ],
  ['spans not a list', { rows: [{}], spans: { row: 0 } }, /grid\.spans must be a list/],
];

describe('custom grid validation', () => {
  it.each(bad)('rejects %s', (_name, grid, message) => {
    const issues = validateGrid(grid as CustomGrid);
    expect(issues.length).toBeGreaterThan(0);
    expect(() => layoutPage({ grid: grid as CustomGrid })).toThrowError(LayoutError);
    expect(() => layoutPage({ grid: grid as CustomGrid })).toThrowError(message);
  });

  it('reports every problem at once', () => {
    const issues = validateGrid({ rows: [{ height: -1, columns: [0, 1] }, { columns: 9 }] });
    expect(issues.map((i) => i.path)).toEqual([
      'grid.rows[0].height',
      'grid.rows[0].columns[0]',
      'grid.rows[1].columns',
    ]);
    try {
      normalizeGrid({ rows: [{ height: -1, columns: [0, 1] }, { columns: 9 }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LayoutError);
      expect((error as LayoutError).name).toBe('LayoutError');
      expect((error as LayoutError).issues).toEqual(issues);
    }
  });

  it('returns no issues for a valid grid', () => {
    expect(validateGrid({ rows: [{ height: 2 }, { columns: [1, 2] }] })).toEqual([]);
  });
});
