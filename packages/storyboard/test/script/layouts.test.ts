import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CustomGrid as GeometryGrid,
  type LayoutTemplateName as GeometryTemplateName,
  LAYOUT_TEMPLATE_NAMES,
  LayoutError,
  layoutPage,
  listTemplates,
} from '../../src/layout/index.js';
import {
  type CustomGrid,
  chooseDefaultLayout,
  findGridProblems,
  isLayoutTemplate,
  LAYOUT_SLOTS,
  LAYOUT_TEMPLATES,
  type Layout,
  type LayoutTemplateName,
  parseStory,
  slotCountOf,
} from '../../src/script/index.js';
import { issuesOf } from './_issues.js';

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

  it('throws a LayoutError for a grid the geometry cannot lay out', () => {
    expect(() => slotCountOf(grid([2], [{ row: 0, col: 1, rowSpan: 1, colSpan: 2 }]))).toThrow(
      LayoutError,
    );
  });
});

describe('one source of truth: the layout module', () => {
  it('uses the geometry module template names', () => {
    expect(LAYOUT_TEMPLATES).toEqual(LAYOUT_TEMPLATE_NAMES);
    expectTypeOf<LayoutTemplateName>().toEqualTypeOf<GeometryTemplateName>();
    for (const name of LAYOUT_TEMPLATE_NAMES) expect(isLayoutTemplate(name)).toBe(true);
    expect(isLayoutTemplate('grid-2x4')).toBe(false);
    expect(isLayoutTemplate('toString')).toBe(false);
  });

  it('reads slot counts from the geometry module', () => {
    for (const template of listTemplates()) {
      expect(LAYOUT_SLOTS[template.name]).toBe(template.panelCount);
      expect(slotCountOf(template.name)).toBe(template.panelCount);
      expect(layoutPage({ template: template.name }).slots).toHaveLength(template.panelCount);
    }
  });

  it("accepts the script's normalised grid as the geometry's grid input", () => {
    expectTypeOf<CustomGrid>().toExtend<GeometryGrid>();
  });

  it.each([
    grid([3, 3]),
    grid([2, 3], [{ row: 0, col: 0, rowSpan: 1, colSpan: 2 }]),
    grid([2, 2, 1], [{ row: 0, col: 1, rowSpan: 2, colSpan: 1 }]),
    grid([3, 3], [{ row: 0, col: 0, rowSpan: 2, colSpan: 3 }]),
  ])('%#: counts as many slots as the geometry lays out', (layout) => {
    expect(slotCountOf(layout)).toBe(layoutPage({ grid: layout }).slots.length);
  });
});

describe('chooseDefaultLayout', () => {
  const counts = Array.from({ length: 20 }, (_, i) => i + 1);

  it.each(counts)('holds exactly %i panels', (count) => {
    expect(slotCountOf(chooseDefaultLayout(count))).toBe(count);
  });

  it.each(counts)('the geometry lays out %i panels in exactly that many slots', (count) => {
    const layout = chooseDefaultLayout(count);
    const page = layoutPage(typeof layout === 'string' ? { template: layout } : { grid: layout });
    expect(page.slots).toHaveLength(count);
    if (typeof layout !== 'string') expect(findGridProblems(layout)).toEqual([]);
  });

  it('stays within six rows on the fullest page', () => {
    const layout = chooseDefaultLayout(20);
    expect(layout).toEqual(grid([4, 4, 4, 4, 4]));
    expect(chooseDefaultLayout(19)).toEqual(grid([3, 4, 4, 4, 4]));
  });

  it('puts fuller rows at the bottom', () => {
    expect(chooseDefaultLayout(5)).toEqual(grid([2, 3]));
  });
});

describe('findGridProblems', () => {
  it.each<[CustomGrid, Array<string | number>, string]>([
    [
      grid([2, 2], [{ row: 1, col: 0, rowSpan: 2, colSpan: 1 }]),
      ['spans', 0, 'rowSpan'],
      'span covers rows 1–2 but the grid has rows 0–1',
    ],
    [
      grid([2], [{ row: 0, col: 1, rowSpan: 1, colSpan: 2 }]),
      ['spans', 0, 'colSpan'],
      'span covers columns 1–2 but row 0 has columns 0–1',
    ],
    [
      grid([2], [{ row: 1, col: 0, rowSpan: 1, colSpan: 1 }]),
      ['spans', 0, 'row'],
      'span starts at row 1 but the grid has only row 0',
    ],
    [
      grid([2, 1], [{ row: 1, col: 1, rowSpan: 1, colSpan: 1 }]),
      ['spans', 0, 'col'],
      'span starts at column 1 but row 1 has only column 0',
    ],
    [
      grid([2, 3], [{ row: 0, col: 0, rowSpan: 2, colSpan: 1 }]),
      ['spans', 0],
      'span across rows 0–1 cannot continue into row 1: no column edges of row 1 line up',
    ],
    [
      grid(
        [3],
        [
          { row: 0, col: 0, rowSpan: 1, colSpan: 2 },
          { row: 0, col: 1, rowSpan: 1, colSpan: 2 },
        ],
      ),
      ['spans', 1],
      'span overlaps spans[0] at row 0, column 1',
    ],
    [
      grid([2], [{ row: 0, col: 0, rowSpan: 0, colSpan: 1 }]),
      ['spans', 0, 'rowSpan'],
      '`rowSpan` must be a whole number from 1 to 1 (got 0)',
    ],
    [
      { rows: [{ height: 1, columns: [1, -1] }], spans: [] },
      ['rows', 0, 'columns', 1],
      'must be a positive number (got -1)',
    ],
  ])('%#: reports at %j', (layout, path, message) => {
    const problems = findGridProblems(layout);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(path);
    expect(problems[0]?.message).toContain(message);
    expect(problems[0]?.message).not.toContain('grid.');
  });

  it('reports one problem per bad span', () => {
    const problems = findGridProblems(
      grid(
        [2, 2],
        [
          { row: 0, col: 0, rowSpan: 3, colSpan: 1 },
          { row: 0, col: 1, rowSpan: 2, colSpan: 1 },
          { row: 1, col: 1, rowSpan: 1, colSpan: 1 },
        ],
      ),
    );
    expect(problems.map((p) => p.path)).toEqual([
      ['spans', 0, 'rowSpan'],
      ['spans', 2],
    ]);
  });

  it('lets a span cross rows whose column edges line up, as the geometry does', () => {
    const rows = (...columns: number[][]) => columns.map((c) => ({ height: 1, columns: c }));
    const sameEdges: CustomGrid = {
      rows: rows([1, 1], [2, 2]),
      spans: [{ row: 0, col: 1, rowSpan: 2, colSpan: 1 }],
    };
    const splitBelow: CustomGrid = {
      rows: rows([1, 1], [1, 1, 2]),
      spans: [{ row: 0, col: 1, rowSpan: 2, colSpan: 1 }],
    };
    expect(findGridProblems(sameEdges)).toEqual([]);
    expect(slotCountOf(sameEdges)).toBe(3);
    expect(findGridProblems(splitBelow)).toEqual([]);
    expect(slotCountOf(splitBelow)).toBe(4);
    expect(layoutPage({ grid: splitBelow }).slots).toHaveLength(4);
  });

  it('accepts a valid grid', () => {
    expect(findGridProblems(grid([2, 2], [{ row: 0, col: 0, rowSpan: 2, colSpan: 1 }]))).toEqual(
      [],
    );
  });
});

describe('custom grids in a script', () => {
  it('parses a span across rows whose columns differ but whose edges line up', () => {
    const story = parseStory(
      [
        'title: Edges',
        'pages:',
        '  - layout:',
        '      rows: [2, { columns: [1, 1, 2] }]',
        '      spans: [{ row: 0, col: 1, rowSpan: 2 }]',
        '    panels: [a, b, c, d]',
      ].join('\n'),
      { file: 'edges.yaml' },
    );
    expect(story.pages[0]?.panels).toHaveLength(4);
  });

  it('checks spans and slot count even when a row height is out of range', () => {
    const issues = issuesOf(
      [
        'title: Span',
        'pages:',
        '  - layout:',
        '      rows: [{ height: 0, columns: 2 }, 2]',
        '      spans: [{ row: 0, col: 1, colSpan: 2 }]',
        '    panels: [a, b, c]',
      ].join('\n'),
    );
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [4, 'must be at least 0.05, got the number 0'],
      [5, 'span covers columns 1–2 but row 0 has columns 0–1'],
    ]);
  });

  it('points at the offending span field', () => {
    const issues = issuesOf(
      [
        'title: Span',
        'pages:',
        '  - layout:',
        '      rows: [2, 2]',
        '      spans: [{ row: 0, col: 1, colSpan: 2 }]',
        '    panels: [a, b, c]',
      ].join('\n'),
    );
    expect(issues).toMatchObject([
      {
        line: 5,
        column: 42,
        path: ['pages', 0, 'layout', 'spans', 0, 'colSpan'],
        message: 'span covers columns 1–2 but row 0 has columns 0–1',
      },
    ]);
  });
});
