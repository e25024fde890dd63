/**
 * Layout templates and panel-slot counting. This is the one place the script parser learns how
 * many panels a layout holds; the page geometry module is meant to replace this table.
 */
import type { CustomGrid, GridRow, Layout } from './types.js';

/** Named page layouts and how many panels each holds. */
export const LAYOUT_SLOTS = {
  splash: 1,
  'two-tiers': 2,
  'three-tiers': 3,
  'grid-2x2': 4,
  'grid-2x3': 6,
  'grid-3x3': 9,
  widescreen: 4,
  'big-plus-two': 3,
  'l-shape': 4,
} as const satisfies Record<string, number>;

/** A named page layout. */
export type LayoutTemplateName = keyof typeof LAYOUT_SLOTS;

/** Every template name, in table order. */
export const LAYOUT_TEMPLATES = Object.keys(LAYOUT_SLOTS) as [
  LayoutTemplateName,
  ...LayoutTemplateName[],
];

/** The template used for a page that names none, by panel count. */
const DEFAULT_TEMPLATES: ReadonlyMap<number, LayoutTemplateName> = new Map([
  [1, 'splash'],
  [2, 'two-tiers'],
  [3, 'three-tiers'],
  [4, 'grid-2x2'],
  [6, 'grid-2x3'],
  [9, 'grid-3x3'],
]);

/** Whether `name` is a known template. */
export function isLayoutTemplate(name: string): name is LayoutTemplateName {
  return Object.hasOwn(LAYOUT_SLOTS, name);
}

/**
 * How many panels a layout holds: the template's count, or for a grid the number of cells
 * minus the cells each span swallows.
 * @example slotCountOf('grid-2x3') // 6
 */
export function slotCountOf(layout: Layout): number {
  if (typeof layout === 'string') return LAYOUT_SLOTS[layout];
  const cells = layout.rows.reduce((sum, row) => sum + row.columns.length, 0);
  const covered = layout.spans.reduce((sum, span) => sum + span.rowSpan * span.colSpan - 1, 0);
  return cells - covered;
}

/**
 * The layout for a page that names none: a template when one fits the panel count, otherwise
 * a grid of equal rows with at most three equal columns (fuller rows at the bottom).
 * @example chooseDefaultLayout(5) // { rows: [{height:1, columns:[1,1]}, {height:1, columns:[1,1,1]}], spans: [] }
 */
export function chooseDefaultLayout(panelCount: number): Layout {
  const template = DEFAULT_TEMPLATES.get(panelCount);
  if (template !== undefined) return template;
  const rowCount = Math.max(1, Math.ceil(panelCount / 3));
  const rows: GridRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const columns =
      Math.floor(panelCount / rowCount) + (i >= rowCount - (panelCount % rowCount) ? 1 : 0);
    rows.push({ height: 1, columns: new Array<number>(Math.max(1, columns)).fill(1) });
  }
  return { rows, spans: [] } satisfies CustomGrid;
}

/** A problem in a custom grid, at a path relative to the grid. */
export interface GridProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * Checks that every span of a grid stays inside the grid, spans rows with the same columns, and
 * does not overlap another span.
 * Rows and columns are counted from 0.
 */
export function findGridProblems(grid: CustomGrid): GridProblem[] {
  const problems: GridProblem[] = [];
  const owner = new Map<string, number>();
  grid.spans.forEach((span, index) => {
    const lastRow = span.row + span.rowSpan - 1;
    if (span.row >= grid.rows.length || lastRow >= grid.rows.length) {
      problems.push({
        path: ['spans', index],
        message: `span covers rows ${span.row}–${lastRow} but the grid has rows 0–${grid.rows.length - 1}`,
      });
      return;
    }
    const first = grid.rows[span.row]?.columns.join(',');
    for (let r = span.row + 1; r <= lastRow; r++) {
      if (grid.rows[r]?.columns.join(',') !== first) {
        problems.push({
          path: ['spans', index],
          message: `a span across rows ${span.row}–${lastRow} needs those rows to have the same columns`,
        });
        return;
      }
    }
    for (let r = span.row; r <= lastRow; r++) {
      const width = grid.rows[r]?.columns.length ?? 0;
      const lastCol = span.col + span.colSpan - 1;
      if (lastCol >= width) {
        problems.push({
          path: ['spans', index],
          message: `span covers columns ${span.col}–${lastCol} but row ${r} has columns 0–${width - 1}`,
        });
        return;
      }
    }
    for (let r = span.row; r <= lastRow; r++) {
      for (let c = span.col; c < span.col + span.colSpan; c++) {
        const other = owner.get(`${r}:${c}`);
        if (other !== undefined) {
          problems.push({
            path: ['spans', index],
            message: `span overlaps spans[${other}] at row ${r}, column ${c}`,
          });
          return;
        }
        owner.set(`${r}:${c}`, index);
      }
    }
  });
  return problems;
}
