import { describe, expect, it } from 'vitest';
import {
  type CustomGrid,
  chooseDefaultLayout,
  findGridProblems,
  LAYOUT_TEMPLATES,
  type Layout,
  slotCountOf,
} from '../../src/script/index.js';

/** A grid of equal columns per row. */
function grid(columns: number[], spans: CustomGrid['spans'] = []): CustomGrid {
  return { rows: columns.map((n) => ({ height: 1, columns: new Array(n).fill(1) })), spans };
}

describe('slotCountOf', () => {
  it.each<[Layout, number]>([
    ['splash', 1],
    ['two-tiers', 2],
    ['three-tiers', 3],
    ['grid-2x2', 4],
    ['grid-2x3', 6],
    ['grid-3x3', 9],
    ['widescreen', 4],
    ['big-plus-two', 3],
    ['l-shape', 4],
    [grid([3, 3]), 6],
    [grid([2, 3], [{ row: 0, col: 0, rowSpan: 1, colSpan: 2 }]), 4],
    [grid([2, 2, 1], [{ row: 0, col: 1, rowSpan: 2, colSpan: 1 }]), 4],
    [grid([3, 3], [{ row: 0, col: 0, rowSpan: 2, colSpan: 3 }]), 1],
  ])('%j has %i slots', (layout, slots) => {
    expect(slotCountOf(layout)).toBe(slots);
  });

  it('knows every template', () => {
    expect(LAYOUT_TEMPLATES).toHaveLength(9);
  });
});

describe('chooseDefaultLayout', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 17, 20])('holds exactly %i panels', (count) => {
    expect(slotCountOf(chooseDefaultLayout(count))).toBe(count);
  });

  it('puts fuller rows at the bottom', () => {
    expect(chooseDefaultLayout(5)).toEqual(grid([2, 3]));
  });
});

describe('findGridProblems', () => {
  it.each([
    [grid([2, 2], [{ row: 1, col: 0, rowSpan: 2, colSpan: 1 }]), 'rows 1–2'],
    [grid([2], [{ row: 0, col: 1, rowSpan: 1, colSpan: 2 }]), 'columns 1–2'],
    [grid([2, 3], [{ row: 0, col: 0, rowSpan: 2, colSpan: 1 }]), 'same columns'],
    [
      grid(
        [3],
        [
          { row: 0, col: 0, rowSpan: 1, colSpan: 2 },
          { row: 0, col: 1, rowSpan: 1, colSpan: 2 },
        ],
      ),
      'overlaps spans[0]',
    ],
  ])('%#: reports %s', (layout, message) => {
    const problems = findGridProblems(layout);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(message);
  });

  it('accepts a valid grid', () => {
    expect(findGridProblems(grid([2, 2], [{ row: 0, col: 0, rowSpan: 2, colSpan: 1 }]))).toEqual(
      [],
    );
  });
});
